// Evaluates a rulebook formula the way Salesforce would, with formulon, using field types read
// from the data model in force-app (so a field whose type changes changes the evaluation too).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, extract, type FormulonLiteral } from 'formulon';
import {
    ACTION_STATUSES,
    COACHING_REASONS,
    HIGH_CARD_KINDS,
    PLAN_STATUSES,
    SENTIMENTS,
    THEMES
} from '../../force-app/main/default/lwc/pactRules/pactRules.js';

import { expandRules, type RuleSource } from '../../scripts/lib/validation-rules';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const OBJECTS_DIR = path.join(REPO_ROOT, 'force-app', 'main', 'default', 'objects');

/** Which rulebook array each picklist field takes its values from. */
export const PICKLISTS: Record<string, { value: string; label: string }[]> = {
    'High_Card__c.Kind__c': HIGH_CARD_KINDS,
    'High_Card__c.Theme__c': THEMES,
    'High_Card__c.Sentiment__c': SENTIMENTS,
    'High_Card__c.Action_Status__c': ACTION_STATUSES,
    'Call_Plan__c.Status__c': PLAN_STATUSES,
    'Coaching_Note__c.Reason__c': COACHING_REASONS
};

export function readField(object: string, field: string): string {
    const file = path.join(OBJECTS_DIR, object, 'fields', `${field}.field-meta.xml`);
    if (!fs.existsSync(file)) throw new Error(`No field ${object}.${field} in force-app (${file})`);
    return fs.readFileSync(file, 'utf8');
}

export function fieldType(object: string, field: string): string {
    const match = /<type>([A-Za-z]+)<\/type>/.exec(readField(object, field));
    if (!match) throw new Error(`${object}.${field} has no <type>`);
    return match[1];
}

/** The variable formulon needs for one field value. Blank text is '' because formulon's LEN(null) throws. */
export function toVariable(object: string, field: string, value: unknown): FormulonLiteral {
    const type = formulaFieldType(object, field);
    const blank = value === null || value === undefined || value === '';
    switch (type) {
        case 'Date':
            if (blank) return { type: 'literal', dataType: 'null', value: null };
            if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
                throw new Error(`${object}.${field}: dates are written YYYY-MM-DD, got ${JSON.stringify(value)}`);
            }
            return { type: 'literal', dataType: 'date', value: new Date(`${value}T00:00:00Z`) };
        case 'Picklist': {
            const values = PICKLISTS[`${object}.${field}`].map((entry) => entry.value);
            return { type: 'literal', dataType: 'picklist', value: blank ? null : value, options: { values } };
        }
        case 'Text':
        case 'LongTextArea':
        case 'Lookup':
        case 'MasterDetail': {
            const text = blank ? '' : String(value);
            return { type: 'literal', dataType: 'text', value: text, options: { length: text.length } };
        }
        default:
            throw new Error(`${object}.${field}: no formulon mapping for field type ${type}`);
    }
}

/**
 * Standard fields a rule reads across a lookup, with their types (Object Reference, User: ManagerId is a
 * hierarchy lookup to User).
 */
const STANDARD_FIELD_TYPES: Record<string, string> = { 'User.ManagerId': 'Lookup' };

/** The type of a field a formula names on `object`, across one lookup too ('Rep__r.ManagerId'). */
function formulaFieldType(object: string, name: string): string {
    const across = /^(\w+)__r\.(\w+)$/.exec(name);
    if (!across) return fieldType(object, name);
    const target = /<referenceTo>(\w+)<\/referenceTo>/.exec(readField(object, `${across[1]}__c`))?.[1];
    const type = target && (STANDARD_FIELD_TYPES[`${target}.${across[2]}`] ?? fieldType(target, across[2]));
    if (!type) throw new Error(`${object}.${name}: no type for ${target}.${across[2]}`);
    return type;
}

/** Stands in for TODAY() so that "today" is the example table's fixed date. */
export const TODAY_VARIABLE = 'Rulebook_Test_Today__c';
/** Stand in for ISNEW() and ISCHANGED(Field), which formulon lacks (TOOLCHAIN.md): checkbox variables. */
export const IS_NEW_VARIABLE = 'Rulebook_Test_Is_New__c';
const CHANGED_PREFIX = 'Rulebook_Test_Changed_';

/** The formula as formulon can read it: TODAY(), ISNEW() and ISCHANGED(F) become variables. */
export function formulonFormula(formula: string): string {
    return formula
        .replace(/\bTODAY\(\)/g, TODAY_VARIABLE)
        .replace(/\bISNEW\(\)/g, IS_NEW_VARIABLE)
        .replace(/\bISCHANGED\((\w+)\)/g, `${CHANGED_PREFIX}$1`);
}

/** The record fields a formula reads (ISCHANGED's field included; TODAY() and ISNEW() are no fields). */
export function formulaFields(formula: string): string[] {
    const names = extract(formulonFormula(formula))
        .filter((name) => name !== TODAY_VARIABLE && name !== IS_NEW_VARIABLE)
        .map((name) => (name.startsWith(CHANGED_PREFIX) ? name.slice(CHANGED_PREFIX.length) : name));
    return [...new Set(names)].sort();
}

const asText = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/**
 * The formulon variables a rule's formula reads for one record. `prior` is the record before the edit
 * (undefined: a new record): ISNEW() is true without one, and ISCHANGED is false on a new record (Salesforce
 * Help, "ISCHANGED": "returns FALSE when evaluating any field on a newly created record").
 */
export function formulaVariables(
    rule: { object: string; formula: string },
    record: Record<string, unknown>,
    today: string,
    prior?: Record<string, unknown>
): { formula: string; variables: Record<string, FormulonLiteral> } {
    const formula = formulonFormula(rule.formula);
    const variables: Record<string, FormulonLiteral> = {};
    const checkbox = (value: boolean): FormulonLiteral => ({ type: 'literal', dataType: 'checkbox', value });
    for (const name of extract(formula)) {
        if (name === TODAY_VARIABLE) {
            variables[name] = { type: 'literal', dataType: 'date', value: new Date(`${today}T00:00:00Z`) };
        } else if (name === IS_NEW_VARIABLE) {
            variables[name] = checkbox(prior === undefined);
        } else if (name.startsWith(CHANGED_PREFIX)) {
            const field = name.slice(CHANGED_PREFIX.length);
            variables[name] = checkbox(prior !== undefined && asText(prior[field]) !== asText(record[field]));
        } else {
            variables[name] = toVariable(rule.object, name, record[name]);
        }
    }
    return { formula, variables };
}

/** Evaluates a rule's error-condition formula for one record: true = Salesforce rejects the save. */
export function formulaRejects(
    rule: { object: string; name: string; formula: string },
    record: Record<string, unknown>,
    today: string,
    prior?: Record<string, unknown>
): boolean {
    const { formula, variables } = formulaVariables(rule, record, today, prior);
    const result = parse(formula, variables);
    if (result.type === 'error')
        throw new Error(`${rule.name}: formulon could not evaluate the formula: ${result.message}`);
    if (result.dataType !== 'checkbox')
        throw new Error(`${rule.name}: the formula returned ${result.dataType}, not a checkbox`);
    return result.value === true;
}

/**
 * A rulebook rule's verdict as the org gives it: every validation rule the generator makes from it
 * (one, or one per part) evaluated by formulon; the record is refused when any of them is true.
 */
export const rulebookRuleRejects = (
    rule: RuleSource,
    record: Record<string, unknown>,
    today: string,
    prior?: Record<string, unknown>
): boolean => expandRules([rule]).some((part) => formulaRejects(part, record, today, prior));
