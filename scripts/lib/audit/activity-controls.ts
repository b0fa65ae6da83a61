/**
 * The audit's own checks over the common OrgModel: low-card tick boxes, and validation rules or
 * required fields that force reps to record activities. Report and dashboard checks come from the
 * integrity guard (scripts/lib/integrity), which PACT's own package is tested against too.
 */
import type { FieldModel, Finding, ObjectModel, OrgModel } from '../metadata/model';
import { activityEvidence, benignReason, words, STRONG_WORDS } from './activity-words';

export const RULE_LOW_CARD_CHECKBOX = 'low-card-checkbox';
export const RULE_FORCING_VALIDATION = 'validation-rule-forces-activity';
export const RULE_FORCING_REQUIRED_FIELD = 'required-field-forces-activity';

/** Validation rules that `pact block` writes: they stop ticking, so they are the cure, not a finding. */
export const BLOCK_RULE_PREFIX = 'PACT_Block_Low_Card_Ticks';

/** Standard objects where reps record what they did; every custom object counts too. */
export const ACTIVITY_FACING_OBJECTS = ['Task', 'Event', 'Activity', 'Account', 'Contact', 'Opportunity', 'Lead'];

/** PACT's own objects hold high cards and plans, never tick boxes; the integrity guard covers them. */
export const PACT_OBJECTS: ReadonlySet<string> = new Set(['High_Card__c', 'Call_Plan__c', 'Coaching_Note__c']);

export function isActivityFacing(objectName: string): boolean {
    return ACTIVITY_FACING_OBJECTS.includes(objectName) || (/__c$/.test(objectName) && !PACT_OBJECTS.has(objectName));
}

/** A verdict on one tick box, kept for non-findings too so that tests and `--verbose` can show why. */
export interface CheckboxVerdict {
    object: string;
    field: FieldModel;
    lowCard: boolean;
    reason: string;
}

function describeField(object: string, field: FieldModel): string {
    return field.label ? `"${field.label}" (${object}.${field.name})` : `${object}.${field.name}`;
}

function fieldTexts(field: FieldModel) {
    return [
        { where: 'name', text: field.name },
        { where: 'label', text: field.label },
        { where: 'description', text: field.description },
        { where: 'help text', text: field.inlineHelpText }
    ];
}

export function judgeCheckbox(object: string, field: FieldModel): CheckboxVerdict {
    const benign = benignReason(field.name, field.label);
    if (benign) return { object, field, lowCard: false, reason: `benign: ${benign}` };
    const evidence = activityEvidence(fieldTexts(field));
    if (!evidence) return { object, field, lowCard: false, reason: 'benign: nothing in it says an activity happened' };
    return {
        object,
        field,
        lowCard: true,
        reason:
            `Tick box ${describeField(object, field)}: its ${evidence.where} says an activity happened ` +
            `(${evidence.matches.map((m) => `"${m}"`).join(', ')}). A tick records that a rep did something, ` +
            'not what the customer said: capture a High Card instead.'
    };
}

export function checkboxVerdicts(model: OrgModel): CheckboxVerdict[] {
    return model.objects
        .filter((obj) => isActivityFacing(obj.name))
        .flatMap((obj) => obj.fields.filter((f) => f.type === 'Checkbox').map((f) => judgeCheckbox(obj.name, f)));
}

export function lowCardCheckboxes(model: OrgModel): Finding[] {
    return checkboxVerdicts(model)
        .filter((v) => v.lowCard)
        .map((v) => ({
            rule: RULE_LOW_CARD_CHECKBOX,
            object: v.object,
            component: `${v.object}.${v.field.name}`,
            componentType: 'CustomField',
            file: v.field.file,
            reason: v.reason
        }));
}

/** Formula text without string literals (PACT's own rules carry activity words in REGEX patterns). */
function formulaIdentifiers(formula: string): string[] {
    const code = formula.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, ' ');
    return [...new Set(code.match(/\$?[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/g) ?? [])];
}

/** Field references in a formula that name an activity: LastActivityDate, Call_Made__c, Number_Of_Visits__c. */
function activityReferences(formula: string, lowCardFields: Set<string>): string[] {
    return formulaIdentifiers(formula).filter((id) => {
        const last = id.split('.').pop() ?? id;
        if (lowCardFields.has(last)) return true;
        if (!/__c$|Date$|Count$|^Last|^Number/i.test(last)) return false;
        return words(last).some((w) => STRONG_WORDS.has(w));
    });
}

function forcingValidationRules(obj: ObjectModel, lowCardFields: Set<string>): Finding[] {
    return obj.validationRules
        .filter((rule) => rule.active && !rule.name.startsWith(BLOCK_RULE_PREFIX))
        .flatMap((rule) => {
            const refs = activityReferences(rule.errorConditionFormula, lowCardFields);
            if (refs.length === 0) return [];
            return [
                {
                    rule: RULE_FORCING_VALIDATION,
                    object: obj.name,
                    component: `${obj.name}.${rule.name}`,
                    componentType: 'ValidationRule',
                    file: rule.file,
                    reason:
                        `Validation rule ${obj.name}.${rule.name} refuses to save unless activities are recorded: ` +
                        `its formula checks ${refs.join(', ')}. Reps learn to tick and type to get past it; ` +
                        'deactivate it and ask for what the customer said instead.'
                }
            ];
        });
}

function forcingRequiredFields(obj: ObjectModel): Finding[] {
    return obj.fields
        .filter((f) => f.required === true && !benignReason(f.name, f.label))
        .flatMap((field) => {
            const evidence = activityEvidence(fieldTexts(field).slice(0, 2));
            if (!evidence) return [];
            return [
                {
                    rule: RULE_FORCING_REQUIRED_FIELD,
                    object: obj.name,
                    component: `${obj.name}.${field.name}`,
                    componentType: 'CustomField',
                    file: field.file,
                    reason:
                        `Required ${field.type} field ${describeField(obj.name, field)} makes every save record an activity ` +
                        `(${evidence.matches.map((m) => `"${m}"`).join(', ')} in its ${evidence.where}). ` +
                        'Make it optional and retire it.'
                }
            ];
        });
}

/** Validation rules and required fields that force activity entry, on activity-facing objects. */
export function activityForcing(model: OrgModel, lowCard: Finding[] = lowCardCheckboxes(model)): Finding[] {
    const lowCardFields = new Set(lowCard.map((f) => f.component.split('.').pop() as string));
    return model.objects
        .filter((obj) => isActivityFacing(obj.name))
        .flatMap((obj) => [...forcingValidationRules(obj, lowCardFields), ...forcingRequiredFields(obj)]);
}
