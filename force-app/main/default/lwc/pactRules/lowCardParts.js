// @ts-check
/**
 * The low-card rule within Salesforce's formula limits, for the generator (scripts/lib/validation-rules):
 * apart from lowCard.js so that the UI and the Dynamics bundle, which only run the check, do not
 * carry it.
 */
import { ACTIVITY, lowCardFormula, lowCardPattern } from './lowCard';

// Salesforce allows 3,900 characters and 4,000 bytes per formula; PACT keeps
// 10% of each free, and splits the rule into several validation rules when the vocabulary needs
// more. A card is refused when any part matches, so each part names some of the activities and
// keeps every condition.

/** What PACT lets one formula use: 90% of Salesforce's 3,900 characters and 4,000 bytes. */
export const FORMULA_BUDGET = Object.freeze({ chars: 3510, bytes: 3600 });

/** @param {string} text @returns {number} its size in UTF-8 */
export function utf8Bytes(text) {
    let bytes = 0;
    for (const ch of text) {
        const code = /** @type {number} */ (ch.codePointAt(0));
        bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    }
    return bytes;
}

/** @param {string} formula @param {{ chars: number, bytes: number }} budget */
const fits = (formula, budget) => formula.length <= budget.chars && utf8Bytes(formula) <= budget.bytes;

/**
 * The error-condition formulas of the low-card rule: one when it fits the budget, else the fewest
 * parts that each fit (activities split in alphabetical runs, so prefixes stay shared).
 * @param {{ chars: number, bytes: number }} [budget]
 * @returns {string[]}
 */
export function lowCardFormulas(budget = FORMULA_BUDGET) {
    const tooSmall = new Error(`The low-card conditions alone exceed ${budget.chars} chars / ${budget.bytes} bytes`);
    if (!fits(lowCardFormula(lowCardPattern({ words: ['vm'] })), budget)) throw tooSmall;
    /** @type {{ stems?: string[], words?: string[], patterns?: string[] }[]} */
    const items = [
        ...ACTIVITY.stems.map((stem) => ({ stems: [stem] })),
        ...ACTIVITY.words.map((word) => ({ words: [word] })),
        ...ACTIVITY.patterns.map((pattern) => ({ patterns: [pattern] }))
    ];
    for (let parts = 1; parts <= items.length; parts += 1) {
        const size = Math.ceil(items.length / parts);
        const formulas = [];
        for (let start = 0; start < items.length; start += size) {
            const chunk = items.slice(start, start + size);
            const pick = (/** @type {'stems' | 'words' | 'patterns'} */ key) =>
                chunk.flatMap((item) => item[key] ?? []);
            formulas.push(
                lowCardFormula(
                    lowCardPattern({ stems: pick('stems'), words: pick('words'), patterns: pick('patterns') })
                )
            );
        }
        if (formulas.every((formula) => fits(formula, budget))) return formulas;
    }
    throw tooSmall;
}
