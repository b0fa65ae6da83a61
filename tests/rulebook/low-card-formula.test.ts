// The generated low-card formula: within Salesforce's formula limits with PACT's 10% headroom,
// safe whatever order the platform evaluates it in, and, when split into several validation
// rules, giving together exactly the verdict of the one JavaScript check.
import { ANY } from '../../force-app/main/default/lwc/pactRules/lowCard.js';
import { FORMULA_BUDGET, lowCardFormulas } from '../../force-app/main/default/lwc/pactRules/lowCardParts.js';
import { LIMITS, LOW_CARD_PATTERN, RULES, isLowCard } from '../../force-app/main/default/lwc/pactRules/pactRules.js';
import { SALESFORCE_LIMITS, expandRules, formulaBytes } from '../../scripts/lib/validation-rules';
import { HIGH_CARD_EXAMPLES, TODAY } from './examples';
import { REP_NOTES } from './rep-notes';
import { formulaRejects } from './support';

const LOW_RULE = RULES.find((rule) => rule.name === 'PACT_No_Low_Cards')!;
const DETAILS = [
    ...REP_NOTES.map((note) => note.details),
    ...HIGH_CARD_EXAMPLES.map((example) => example.record.Details__c).filter((d): d is string => typeof d === 'string')
];
const rejects = (formula: string, details: string) =>
    formulaRejects({ ...LOW_RULE, formula }, { Details__c: details }, TODAY);

describe('the low-card formula', () => {
    it('is the one formula of the rulebook rule while it fits the budget', () => {
        expect(lowCardFormulas()).toEqual([LOW_RULE.formula]);
    });

    it('keeps 10% of Salesforce’s 3,900 characters and 4,000 bytes free in every part', () => {
        expect(FORMULA_BUDGET).toEqual({
            chars: Math.floor(SALESFORCE_LIMITS.formulaChars * 0.9),
            bytes: Math.floor(SALESFORCE_LIMITS.formulaBytes * 0.9)
        });
        for (const part of expandRules([LOW_RULE])) {
            expect({ name: part.name, chars: part.formula.length <= FORMULA_BUDGET.chars }).toEqual({
                name: part.name,
                chars: true
            });
            expect({ name: part.name, bytes: formulaBytes(part.formula) <= FORMULA_BUDGET.bytes }).toEqual({
                name: part.name,
                bytes: true
            });
        }
    });

    it('tests the length in IF, not in AND, and bounds the text inside the pattern too', () => {
        // Nothing documents that AND stops at its first FALSE; IF(LEN(...) < N, REGEX(...), FALSE) does
        // not depend on it, and the pattern itself gives up after N + 2 characters, so a 32,000-character
        // card costs the engine a few hundred steps whichever order it evaluates in.
        for (const part of expandRules([LOW_RULE])) {
            expect(part.formula.startsWith(`IF(LEN(TRIM(Details__c)) < ${LIMITS.lowCardMaxLength}, REGEX(`)).toBe(true);
            expect(part.formula.endsWith(', FALSE)')).toBe(true);
            expect(part.formula).not.toMatch(/^AND\(/);
        }
        expect(LOW_CARD_PATTERN.startsWith(`(?!${ANY}{${LIMITS.lowCardMaxLength + 2}})`)).toBe(true);
        const long = 'called the customer and left a voicemail again. '.repeat(700).slice(0, 32000);
        expect(rejects(LOW_RULE.formula, long)).toBe(false);
        expect(new RegExp(`^(?:${LOW_CARD_PATTERN})$`).test(` ${long} `)).toBe(false);
    });

    it('leaves out of "any character" only one that already makes a text unjudged (U+F900, CJK)', () => {
        expect(ANY).toBe('[^\uF900]');
        expect(isLowCard('called dana, left vm')).toBe(true);
        expect(isLowCard('called dana, left vm \uF900')).toBe(false);
        expect(isLowCard('called dana, left vm \u4E00')).toBe(false);
    });

    it('has no backslash (formulon and formula strings) and no top-level alternation (formulon wraps ^...$)', () => {
        expect(LOW_CARD_PATTERN).not.toContain('\\');
        let depth = 0;
        let inClass = false;
        const topLevelBars: number[] = [];
        [...LOW_CARD_PATTERN].forEach((ch, at) => {
            if (inClass) inClass = ch !== ']';
            else if (ch === '[') inClass = true;
            else if (ch === '(') depth += 1;
            else if (ch === ')') depth -= 1;
            else if (ch === '|' && depth === 0) topLevelBars.push(at);
        });
        expect(topLevelBars).toEqual([]);
    });
});

describe('the low-card rule split into several validation rules', () => {
    // A budget small enough to force a split of today's vocabulary: the generator uses the same code
    // when the vocabulary outgrows one formula.
    const one = LOW_RULE.formula.length;
    const budget = { chars: one - 500, bytes: formulaBytes(LOW_RULE.formula) - 500 };
    const parts = lowCardFormulas(budget);

    it('needs several parts, each within its budget', () => {
        expect(parts.length).toBeGreaterThan(1);
        for (const formula of parts) {
            expect(formula.length).toBeLessThanOrEqual(budget.chars);
            expect(formulaBytes(formula)).toBeLessThanOrEqual(budget.bytes);
        }
    });

    it.each(DETAILS.map((details) => [details] as const))(
        '%j: refused by some part exactly when the JavaScript check refuses it',
        (details) => {
            expect(parts.some((formula) => rejects(formula, details))).toBe(isLowCard(details));
        }
    );

    it('fails clearly when the conditions alone cannot fit', () => {
        expect(() => lowCardFormulas({ chars: 1000, bytes: 1000 })).toThrow(
            'The low-card conditions alone exceed 1000 chars / 1000 bytes'
        );
    });
});

describe('the refusal message', () => {
    it('says in the rep’s words what is missing, within the 255 characters of a validation rule', () => {
        expect(LOW_RULE.message.length).toBeLessThanOrEqual(SALESFORCE_LIMITS.messageChars);
        expect(LOW_RULE.message).toContain('what the customer said or did');
        expect(LOW_RULE.message).toMatch(/their words, a request, a commitment or a concern/);
        expect(LOW_RULE.message).not.toMatch(/regex|formula|vocabulary|validation/i);
    });
});
