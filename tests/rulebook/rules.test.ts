// Every example row is judged twice, by the rule's JavaScript check (what the UI runs) and by its
// Salesforce formula evaluated with formulon (what the generated validation rule runs). Both must
// give the verdict the row expects, rule by rule.
import { extract } from 'formulon';
import { RULES, checkRecord } from '../../force-app/main/default/lwc/pactRules/pactRules.js';
import { ALL_EXAMPLES, TODAY, exactly } from './examples';
import { rulebookRuleRejects } from './support';

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
        const read = extract(rule.formula.replace(/\bTODAY\(\)/g, 'TODAY_X'))
            .filter((name) => name !== 'TODAY_X')
            .sort();
        expect(read).toEqual([...new Set(rule.fields)].sort());
    });

    const own = cases.filter((c) => c.rule === rule);
    it.each(own.map((c) => [c.example.name, c.expected ? 'rejects' : 'accepts', c] as const))(
        '%s: %s',
        (_example, _verdict, { example, expected }) => {
            const js = rule.violates(example.record, { today: TODAY });
            const formula = rulebookRuleRejects(rule, example.record, TODAY);
            expect({ js, formula }).toEqual({ js: expected, formula: expected });
        }
    );
});

describe('checkRecord', () => {
    it.each(ALL_EXAMPLES.map((example) => [example.object, example.name, example] as const))(
        '%s %s: reports the expected rules in rulebook order, with field and message',
        (_object, _name, example) => {
            const violations = checkRecord(example.object, example.record, { today: TODAY });
            const expectedInOrder = RULES.filter((rule) => example.rejectedBy.includes(rule.name));
            expect(violations).toEqual(
                expectedInOrder.map((rule) => ({ rule: rule.name, field: rule.field, message: rule.message }))
            );
        }
    );
});
