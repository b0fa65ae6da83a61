// Platform rule: Salesforce's REGEX(text, regex_text) is a whole-string match with Java's
// java.util.regex (Salesforce Help, "REGEX": "regular expression syntax is based on Java Platform
// SE 6 syntax"). Java's matcher recurses for each repetition of a group that can match different
// lengths, so a pattern that is safe on V8 (formulon) can throw StackOverflowError on the server:
// the first low-card rule did on about 2,000 characters containing an activity word. Every REGEX of
// every generated validation rule runs here through Java itself (tests/platform/java), on the
// rulebook's tables and on texts up to the 32,000 characters a card holds, and must give the
// JavaScript verdict with no stack overflow. Timings are in npm run bench (tests/bench/rulebook.bench.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { ANY } from '../../force-app/main/default/lwc/pactRules/lowCard.js';
import { LIMITS, lowCardText } from '../../force-app/main/default/lwc/pactRules/pactRules.js';
import { existingRuleFiles } from '../../scripts/lib/validation-rules';
import { ALL_EXAMPLES } from '../rulebook/examples';
import { REP_NOTES } from '../rulebook/rep-notes';
import { REPO_ROOT } from '../rulebook/support';
import { javaAvailable, regexPatterns, runJavaRegex } from './java/harness';
import { longTexts } from './java/long-texts';

const java = javaAvailable();
const parser = new XMLParser({ ignoreDeclaration: true, parseTagValue: false });

const generated = existingRuleFiles(REPO_ROOT).map((file) => ({
    file,
    formula: String(
        parser.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8')).ValidationRule.errorConditionFormula
    )
}));
const patterns = generated.flatMap(({ file, formula }) =>
    regexPatterns(formula).map((pattern) => ({ rule: path.basename(file, '.validationRule-meta.xml'), pattern }))
);

const tableTexts = [
    ...REP_NOTES.map((note) => note.details),
    ...ALL_EXAMPLES.flatMap((example) =>
        Object.values(example.record).filter((value): value is string => typeof value === 'string')
    )
].map(lowCardText);

if (!java.ok) process.stderr.write(`${java.reason}\n`);
const describeJava = java.ok ? describe : describe.skip;

describe('generated REGEX patterns', () => {
    it('exist: the low-card rule is checked by REGEX', () => {
        expect(patterns.map((p) => p.rule)).toContain('PACT_No_Low_Cards');
    });
});

describeJava(`generated REGEX patterns in Java's java.util.regex${java.ok ? '' : `: ${java.reason}`}`, () => {
    const inputs = [...new Set([...tableTexts, ...longTexts(LIMITS.lowCardMaxLength).map((t) => t.text)])];
    let results: ReturnType<typeof runJavaRegex>;
    beforeAll(() => {
        results = runJavaRegex(
            patterns.map((p) => p.pattern),
            inputs
        );
    }, 120_000);

    it('compile and give every input the JavaScript verdict, with no stack overflow, up to 32,000 characters', () => {
        const problems = results.flatMap((r) => {
            const { rule, pattern } = patterns[r.pattern];
            const text = inputs[r.input] ?? '';
            const js = new RegExp(`^(?:${pattern})$`).test(text);
            return r.verdict === js
                ? []
                : [{ rule, length: text.length, start: text.slice(0, 60), java: r.verdict, js }];
        });
        expect(problems).toEqual([]);
        expect(results).toHaveLength(patterns.length * inputs.length);
        expect(Math.max(...inputs.map((t) => t.length))).toBeGreaterThanOrEqual(32000);
    });

    it('stay free of stack overflows on 32,000 characters even without their length bound', () => {
        // The bound makes long texts cheap; the pattern's structure (open-ended repetitions over one
        // character class only)
        // is what keeps Java from recursing per word, so it is checked without the bound too.
        const unbounded = patterns.map((p) => p.pattern.replace(`(?!${ANY}{${LIMITS.lowCardMaxLength + 2}})`, ''));
        expect(unbounded.every((p, i) => p.length < patterns[i].pattern.length)).toBe(true);
        const long = longTexts(LIMITS.lowCardMaxLength).filter((t) => t.text.length >= 20000);
        const verdicts = runJavaRegex(
            unbounded,
            long.map((t) => t.text)
        ).map((r) => r.verdict);
        expect(verdicts.filter((v) => typeof v !== 'boolean')).toEqual([]);
    }, 120_000);

    it('keep a margin: no stack overflow with a quarter of the JVM’s default thread stack (256 KB)', () => {
        // The server's thread stack is not documented; a quarter of the default leaves room for it.
        const verdicts = runJavaRegex(
            patterns.map((p) => p.pattern),
            inputs,
            256
        ).map((r) => r.verdict);
        expect(verdicts.filter((v) => typeof v !== 'boolean')).toEqual([]);
    }, 120_000);

    it('the harness reports a StackOverflowError (the first rule’s pattern shape, 2,000 characters)', () => {
        const firstRuleShape = "(?:[a-z0-9']*[^a-z0-9'])*?(?:called|voicemail)[^a-z0-9'](?:[a-z0-9']|[^a-z0-9'])*";
        const text = ` ${'called the customer and left a voicemail. '.repeat(48)} `;
        expect(text.length).toBeGreaterThan(2000);
        expect(runJavaRegex([firstRuleShape], [text])[0].verdict).toBe('StackOverflowError');
    }, 60_000);
});
