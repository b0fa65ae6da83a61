// Every example row is judged twice, by the rule's JavaScript check (what the UI runs) and by its
// Salesforce formula evaluated with formulon (what the generated validation rule runs). Both must
// give the verdict the row expects, rule by rule.
import { RULES, checkCoachingNote, checkRecord } from '../../force-app/main/default/lwc/pactRules/pactRules.js';
import { ALL_EXAMPLES, TODAY, exactly } from './examples';
import { formulaFields, rulebookRuleRejects } from './support';

const cases = ALL_EXAMPLES.flatMap((example) =>
    RULES.filter((rule) => rule.object === example.object).map((rule) => ({
        example,
        rule,
        expected: example.rejectedBy.includes(rule.name)
    }))
);

describe('the example table', () => {
    it('covers every rule with at least one rejected and one accepted record', () => {
        for (const rule of RULES) {
            const own = cases.filter((c) => c.rule === rule);
            expect({ rule: rule.name, rejected: own.some((c) => c.expected) }).toEqual({
                rule: rule.name,
                rejected: true
            });
            expect({ rule: rule.name, accepted: own.some((c) => !c.expected) }).toEqual({
                rule: rule.name,
                accepted: true
            });
        }
    });

    it('only names rules that exist for the row object', () => {
        for (const example of ALL_EXAMPLES) {
            const known = RULES.filter((rule) => rule.object === example.object).map((rule) => rule.name);
            expect(example.rejectedBy.filter((name) => !known.includes(name))).toEqual([]);
        }
    });

    it('builds exact lengths', () => {
        expect(exactly(19)).toHaveLength(19);
        expect(exactly(20)).toHaveLength(20);
        expect(exactly(32000)).toHaveLength(32000);
        const pasted = ALL_EXAMPLES.find((example) => example.name.startsWith('details over 32000'));
        expect(String(pasted?.record.Details__c).length).toBeGreaterThan(32000);
    });
});

describe.each(RULES.map((rule) => [rule.name, rule] as const))('%s', (_name, rule) => {
    it('reads only the fields it declares', () => {
        expect(formulaFields(rule.formula)).toEqual([...new Set(rule.fields)].sort());
    });

    const own = cases.filter((c) => c.rule === rule);
    it.each(own.map((c) => [c.example.name, c.expected ? 'rejects' : 'accepts', c] as const))(
        '%s: %s',
        (_example, _verdict, { example, expected }) => {
            const js = rule.violates(example.record, { today: TODAY, prior: example.prior ?? null });
            const formula = rulebookRuleRejects(rule, example.record, TODAY, example.prior);
            expect({ js, formula }).toEqual({ js: expected, formula: expected });
        }
    );
});

describe('checkRecord', () => {
    it.each(ALL_EXAMPLES.map((example) => [example.object, example.name, example] as const))(
        '%s %s: reports the expected rules in rulebook order, with field and message',
        (_object, _name, example) => {
            const violations = checkRecord(example.object, example.record, { today: TODAY, prior: example.prior });
            const expectedInOrder = RULES.filter((rule) => example.rejectedBy.includes(rule.name));
            expect(violations).toEqual(
                expectedInOrder.map((rule) => ({ rule: rule.name, field: rule.field, message: rule.message }))
            );
        }
    );
});

describe('coaching notes: what the UI passes', () => {
    const note = {
        Rep__c: '005000000000001AAA',
        Manager__c: '005000000000002AAA',
        Reason__c: 'Training',
        Note__c: 'Practise opening questions before the Q1 renewals.'
    };

    it("leaves the reporting line to the server when the caller does not know the rep's manager", () => {
        // The coaching card offers only the manager's direct reports (User.ManagerId) and saves without
        // Rep__r.ManagerId: the rule is judged where the value is known, and always on the server.
        expect(checkCoachingNote(note)).toEqual([]);
        expect(checkCoachingNote({ ...note, 'Rep__r.ManagerId': null }).map((v) => v.rule)).toEqual([
            'PACT_Rep_Reports_To_Manager'
        ]);
    });

    it('judges a change of rep or manager against the note as it was (an edit)', () => {
        expect(checkCoachingNote({ ...note, Rep__c: '005000000000004AAA' }, { prior: note })).toEqual([
            {
                rule: 'PACT_Rep_Manager_Fixed',
                field: 'Rep__c',
                message:
                    'A coaching note stays with the rep and manager it was written for. To coach someone else, write a new note.'
            }
        ]);
        expect(checkCoachingNote({ ...note, Reason__c: 'Performance Plan' }, { prior: note })).toEqual([]);
    });
});
