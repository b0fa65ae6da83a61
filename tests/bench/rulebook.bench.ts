// The low-card rule's figures: the rep-notes table judged by each engine (JavaScript check,
// formulon on the generated formulas, Java's java.util.regex on every REGEX), the formula budget
// used, and Java's time on texts up to 32,000 characters. Measures only; npm run bench.
import { ANY } from '../../force-app/main/default/lwc/pactRules/lowCard.js';
import { RULES, isLowCard } from '../../force-app/main/default/lwc/pactRules/pactRules.js';
import { LIMITS } from '../../force-app/main/default/lwc/pactRules/pactRules.js';
import { SALESFORCE_LIMITS, expandRules, formulaBytes } from '../../scripts/lib/validation-rules';
import { javaAvailable, regexPatterns, runJavaRegex } from '../platform/java/harness';
import { javaFormulaVerdicts } from '../platform/java/formula';
import { longTexts } from '../platform/java/long-texts';
import { TODAY } from '../rulebook/examples';
import { HIGH_NOTES, LOW_NOTES, type RepNote } from '../rulebook/rep-notes';
import { SECOND_HIGH_NOTES, SECOND_LOW_NOTES } from '../rulebook/rep-notes-second';
import { formulaRejects, formulaVariables } from '../rulebook/support';

const parts = expandRules([RULES.find((rule) => rule.name === 'PACT_No_Low_Cards')!]);
const record = (details: string) => ({ Details__c: details });
const percent = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;

console.log('Formula budget (Salesforce: 3,900 characters and 4,000 bytes per formula; PACT keeps 10% free)');
console.table(
    parts.map((part) => ({
        rule: part.name,
        characters: part.formula.length,
        'of 3,900': percent(part.formula.length, SALESFORCE_LIMITS.formulaChars),
        bytes: formulaBytes(part.formula),
        'of 4,000': percent(formulaBytes(part.formula), SALESFORCE_LIMITS.formulaBytes)
    }))
);

const java = javaAvailable();

/** Low cards refused and high cards accepted by each engine on one table. */
function tableFigures(title: string, lowNotes: RepNote[], highNotes: RepNote[]): void {
    const notes = [...lowNotes, ...highNotes];
    const javaRejects: boolean[] | undefined = java.ok
        ? (() => {
              const verdicts = parts.map((part) =>
                  javaFormulaVerdicts(
                      part.formula,
                      notes.map((n) => formulaVariables(part, record(n.details), TODAY).variables)
                  )
              );
              return notes.map((_n, row) => verdicts.some((v) => v[row].rejects));
          })()
        : undefined;
    const engines: [string, (note: RepNote, row: number) => boolean | undefined][] = [
        ['JavaScript (UI, preview, Dynamics)', (note) => isLowCard(note.details)],
        [
            'formulon (generated rules)',
            (note) => parts.some((part) => formulaRejects(part, record(note.details), TODAY))
        ],
        ['Java java.util.regex (REGEX)', (_note, row) => javaRejects?.[row]]
    ];
    console.log(`\n${title}: ${lowNotes.length} low cards, ${highNotes.length} high cards`);
    console.table(
        engines.map(([engine, refuses]) => {
            const low = lowNotes.map((n, i) => refuses(n, i));
            const high = highNotes.map((n, i) => refuses(n, lowNotes.length + i));
            if (low.some((v) => v === undefined)) return { engine, 'low cards refused': java.ok ? '' : java.reason };
            const refused = low.filter(Boolean).length;
            const accepted = high.filter((v) => !v).length;
            return {
                engine,
                'low cards refused': `${refused} / ${lowNotes.length} (${percent(refused, lowNotes.length)})`,
                'high cards accepted': `${accepted} / ${highNotes.length} (${percent(accepted, highNotes.length)})`
            };
        })
    );
}

tableFigures('Rep notes (tests/rulebook/rep-notes.ts)', LOW_NOTES, HIGH_NOTES);
tableFigures('Rep notes, second table (tests/rulebook/rep-notes-second.ts)', SECOND_LOW_NOTES, SECOND_HIGH_NOTES);

{
    // What the UI pays per check (V8): the composer checks before every save.
    const texts = longTexts(LIMITS.lowCardMaxLength);
    const notes = [...LOW_NOTES, ...HIGH_NOTES].map((n) => n.details);
    const time = (values: string[], rounds: number) => {
        const started = process.hrtime.bigint();
        for (let r = 0; r < rounds; r += 1) for (const v of values) isLowCard(v.trim());
        return Number(process.hrtime.bigint() - started) / 1e3 / (rounds * values.length);
    };
    time(notes, 20);
    console.log('\nJavaScript isLowCard (V8), microseconds per call');
    console.table([
        { texts: `the ${notes.length} rep notes`, 'µs per call': time(notes, 50).toFixed(1) },
        ...texts.map((t) => ({ texts: t.name, 'µs per call': time([t.text], 50).toFixed(1) }))
    ]);
}

if (java.ok) {
    const patterns = parts.flatMap((part) => regexPatterns(part.formula));
    const texts = longTexts(LIMITS.lowCardMaxLength);
    // Five rounds in one JVM would warm it up; a server runs each save once, so the median of five
    // separate runs is the figure.
    const bound = `(?!${ANY}{${LIMITS.lowCardMaxLength + 2}})`;
    const timed = (title: string, list: string[]) => {
        // Five separate JVM runs: a server runs each save once, so the median of cold runs is the figure.
        const runs = Array.from({ length: 5 }, () =>
            runJavaRegex(
                list,
                texts.map((t) => t.text)
            )
        );
        console.log(`\n${title} (median of 5 runs, default stack)`);
        console.table(
            texts.map((t, input) => {
                const times = runs
                    .map((run) => run.filter((r) => r.input === input).reduce((sum, r) => sum + r.nanos, 0))
                    .sort((a, b) => a - b);
                const verdicts = new Set(
                    runs.flatMap((run) => run.filter((r) => r.input === input).map((r) => String(r.verdict)))
                );
                return {
                    text: t.name,
                    characters: t.text.length,
                    verdict: [...verdicts].join(' / '),
                    ms: (times[2] / 1e6).toFixed(3)
                };
            })
        );
    };
    timed('Java java.util.regex, whole-string match, per text', patterns);
    timed(
        "The same without the pattern's length bound (what its structure alone costs)",
        patterns.map((p) => p.replace(bound, ''))
    );
} else {
    console.log(`\n${java.reason}`);
}
