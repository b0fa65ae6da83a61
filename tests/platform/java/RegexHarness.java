// Salesforce's REGEX(text, regex_text) is a whole-string match with Java's java.util.regex: this
// runs Pattern.compile(p).matcher(s).matches() for every pattern on every input, the way the
// server does, and reports a StackOverflowError instead of dying of it. Compiled at test time
// (javac from openjdk-17); patterns and inputs arrive base64-encoded, one per line, in two files.
// Output, one line per pattern and input: "<pattern> <input> <true|false|StackOverflowError|error:...> <nanoseconds>".

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

public final class RegexHarness {
    private static List<String> read(String file) throws Exception {
        List<String> values = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(file), StandardCharsets.US_ASCII)) {
            if (!line.isEmpty()) values.add(new String(Base64.getDecoder().decode(line), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void run(List<String> patterns, List<String> inputs, StringBuilder out) {
        for (int p = 0; p < patterns.size(); p++) {
            Pattern pattern;
            try {
                pattern = Pattern.compile(patterns.get(p));
            } catch (RuntimeException e) {
                out.append(p).append(" -1 error:").append(e.getMessage().replace('\n', ' ')).append(" 0\n");
                continue;
            }
            for (int i = 0; i < inputs.size(); i++) {
                long started = System.nanoTime();
                String verdict;
                try {
                    verdict = String.valueOf(pattern.matcher(inputs.get(i)).matches());
                } catch (StackOverflowError e) {
                    verdict = "StackOverflowError";
                } catch (RuntimeException e) {
                    verdict = "error:" + e.getClass().getSimpleName();
                }
                out.append(p).append(' ').append(i).append(' ').append(verdict).append(' ')
                        .append(System.nanoTime() - started).append('\n');
            }
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> patterns = read(args[0]);
        List<String> inputs = read(args[1]);
        // args[2]: the matching thread's stack in KB (0 = the JVM default, as a server thread has).
        long stack = args.length > 2 ? Long.parseLong(args[2]) * 1024 : 0;
        StringBuilder out = new StringBuilder();
        Thread worker = new Thread(null, () -> run(patterns, inputs, out), "regex", stack);
        worker.start();
        worker.join();
        System.out.print(out);
    }
}
