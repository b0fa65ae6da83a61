// Runs patterns through Java's java.util.regex (tests/platform/java/RegexHarness.java), the engine
// behind Salesforce's REGEX. The harness is compiled into a temporary folder on first use; without
// javac (openjdk-17-jdk-headless) javaAvailable() says why and callers skip with that message.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type JavaVerdict = boolean | 'StackOverflowError' | `error:${string}`;
export interface JavaResult {
    pattern: number;
    input: number;
    verdict: JavaVerdict;
    nanos: number;
}

/** The whole Java run may take this long; more is a failure (catastrophic backtracking), not a slow machine. */
export const JAVA_RUN_TIMEOUT_MS = 60_000;

let compiled: string | undefined;

export function javaAvailable(): { ok: true } | { ok: false; reason: string } {
    for (const tool of ['javac', 'java']) {
        const probe = spawnSync(tool, ['-version'], { encoding: 'utf8' });
        if (probe.error || probe.status !== 0) {
            return {
                ok: false,
                reason: `${tool} is not installed (apt-get install openjdk-17-jdk-headless): Java regex checks skipped`
            };
        }
    }
    return { ok: true };
}

function harnessDir(): string {
    if (compiled) return compiled;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-regex-java-'));
    const result = spawnSync('javac', ['-d', dir, path.join(__dirname, 'RegexHarness.java')], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`javac failed:\n${result.stderr}`);
    process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    compiled = dir;
    return dir;
}

const encode = (values: string[]) => values.map((v) => Buffer.from(v, 'utf8').toString('base64')).join('\n');

/**
 * Matches every pattern against every input, whole-string, in one JVM.
 * @param stackKb the matching thread's stack (0: the JVM default)
 */
export function runJavaRegex(patterns: string[], inputs: string[], stackKb = 0): JavaResult[] {
    const dir = harnessDir();
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-regex-run-'));
    try {
        fs.writeFileSync(path.join(work, 'patterns'), encode(patterns));
        fs.writeFileSync(path.join(work, 'inputs'), encode(inputs));
        const result = spawnSync(
            'java',
            ['-cp', dir, 'RegexHarness', path.join(work, 'patterns'), path.join(work, 'inputs'), String(stackKb)],
            { encoding: 'utf8', timeout: JAVA_RUN_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 }
        );
        if (result.error) throw new Error(`Java regex run failed: ${result.error.message}`);
        if (result.status !== 0) throw new Error(`Java regex run exited ${result.status}:\n${result.stderr}`);
        return result.stdout
            .trim()
            .split('\n')
            .filter(Boolean)
            .map((line) => {
                const [pattern, input, verdict, nanos] = line.split(' ');
                return {
                    pattern: Number(pattern),
                    input: Number(input),
                    verdict: (verdict === 'true' ? true : verdict === 'false' ? false : verdict) as JavaVerdict,
                    nanos: Number(nanos)
                };
            });
    } finally {
        fs.rmSync(work, { recursive: true, force: true });
    }
}

/** The string arguments of every REGEX(text, "pattern") in a formula, in order. */
export function regexPatterns(formula: string): string[] {
    return [...formula.matchAll(/REGEX\((?:[^"]|"[^"]*")*?,\s*"([^"]*)"\)/g)].map((m) => m[1]);
}
