// The tables of notes the way reps write them (rep-notes.ts, rep-notes-second.ts), judged by the three engines the rule
// runs on: the JavaScript check (UI, preview server, Dynamics control), the generated validation
// rules in formulon, and the same formulas with Java's java.util.regex deciding every REGEX (the
// engine Salesforce's REGEX runs). They must agree on every row; each row gets its expected
// verdict unless it carries `miss`, and a miss that the rule no longer makes must lose its marker.
import { RULES, isLowCard } from '../../force-app/main/default/lwc/pactRules/pactRules.js';
import { expandRules } from '../../scripts/lib/validation-rules';
import { javaAvailable } from '../platform/java/harness';
import { javaFormulaVerdicts } from '../platform/java/formula';
import { HIGH_NOTES, LOW_NOTES, REP_NOTES } from './rep-notes';
import { SECOND_NOTES } from './rep-notes-second';
import { TODAY } from './examples';
import { formulaRejects, formulaVariables } from './support';

const LOW_RULE = RULES.find((rule) => rule.name === 'PACT_No_Low_Cards')!;
const PARTS = expandRules([LOW_RULE]);
const record = (details: string) => ({ Details__c: details });
const java = javaAvailable();
const ALL_NOTES = [...REP_NOTES, ...SECOND_NOTES];

describe('the table of rep notes', () => {
    it('has at least 150 low cards and 150 high cards, each written once', () => {
        expect(LOW_NOTES.length).toBeGreaterThanOrEqual(150);
        expect(HIGH_NOTES.length).toBeGreaterThanOrEqual(150);
        expect(new Set(ALL_NOTES.map((n) => n.details.toLowerCase())).size).toBe(ALL_NOTES.length);
    });

    it.each(ALL_NOTES.map((note) => [note.expected, note.details, note] as const))(
        '%s %j: JavaScript and formulon agree, with the expected verdict or its recorded miss',
        (_expected, _details, note) => {
            const js = isLowCard(note.details);
            const formulon = PARTS.some((part) => formulaRejects(part, record(note.details), TODAY));
            expect({ js, formulon }).toEqual({ js, formulon: js });
            const right = js === (note.expected === 'low');
            expect({ details: note.details, right }).toEqual({ details: note.details, right: !note.miss });
        }
    );
});

const describeJava = java.ok ? describe : describe.skip;
describeJava(`the table of rep notes with Java regex (java.util.regex)${java.ok ? '' : `: ${java.reason}`}`, () => {
    it('gives every row the JavaScript verdict, with no stack overflow', () => {
        const verdicts = PARTS.map((part) =>
            javaFormulaVerdicts(
                part.formula,
                ALL_NOTES.map((note) => formulaVariables(part, record(note.details), TODAY).variables)
            )
        );
        const disagreements = ALL_NOTES.flatMap((note, row) => {
            const javaRejects = verdicts.some((part) => part[row].rejects);
            const failures = verdicts.flatMap((part) => part[row].regex.filter((v) => typeof v !== 'boolean'));
            return javaRejects === isLowCard(note.details) && failures.length === 0
                ? []
                : [{ details: note.details, java: javaRejects, failures }];
        });
        expect(disagreements).toEqual([]);
    }, 120_000);
});

if (!java.ok) process.stderr.write(`${java.reason}\n`);
