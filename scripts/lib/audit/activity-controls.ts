/**
 * Tick boxes judged by evidence, and the validation rules and required fields that force reps to
 * record activities. Works on the common OrgModel, whatever filled it (folder, org, Dataverse).
 * A tick box is an activity control when what it says (name, label, description, help text), how it
 * is used (a filter or column of an activity report per person) and who sets it (a person, not a
 * flow, workflow, process, integration or managed package) add up; each verdict lists its evidence.
 */
import {
    namespaceOf,
    type AutomationModel,
    type FieldModel,
    type Finding,
    type ObjectModel,
    type OrgModel
} from '../metadata/model';
import { objectIndex } from './model-index';
import { activityEvidence, benignReason, textEvidence, words, ACTIVITY_NOUNS, STRONG_WORDS } from './activity-words';
import type { Strength } from './activity-words';

export const RULE_LOW_CARD_CHECKBOX = 'low-card-checkbox';
/** A formula tick box that counts activities: nobody ticks it, so pact block has nothing to refuse. */
export const RULE_FORMULA_CHECKBOX = 'formula-checkbox-counts-activity';
export const RULE_FORCING_VALIDATION = 'validation-rule-forces-activity';
export const RULE_FORCING_REQUIRED_FIELD = 'required-field-forces-activity';

/** Validation rules that `pact block` writes: they stop ticking, so they are the cure, not a finding. */
export const BLOCK_RULE_PREFIX = 'PACT_Block_Low_Card_Ticks';

/**
 * Standard objects the live path retrieves by name, where reps (and support agents on Cases) record
 * what they did; every custom object is retrieved too. A folder is judged whole, whatever it holds.
 */
export const ACTIVITY_FACING_OBJECTS = [
    'Task',
    'Event',
    'Activity',
    'Account',
    'Contact',
    'Opportunity',
    'Lead',
    'Case'
];

/** PACT's own objects hold high cards and plans, never tick boxes; the integrity guard covers them. */
export const PACT_OBJECTS: ReadonlySet<string> = new Set(['High_Card__c', 'Call_Plan__c', 'Coaching_Note__c']);

/** Activity tables: Salesforce Task/Event/Activity, Dataverse activity entities. */
const ACTIVITY_TABLES = new Set([
    'task',
    'event',
    'activity',
    'activityhistory',
    'openactivity',
    'phonecall',
    'appointment',
    'email',
    'letter',
    'fax',
    'activitypointer',
    'serviceappointment',
    'recurringappointmentmaster',
    'voicecall',
    'unifiedvoicecall',
    'videocall'
]);

/** Custom objects whose name says they log activities ("Site_Visit__c", "Call_Log__c", "Touchpoint__c"). */
const ACTIVITY_OBJECT_WORDS = new Set([
    'activity',
    'activities',
    'call',
    'calls',
    'visit',
    'visits',
    'touch',
    'touches',
    'touchpoint',
    'point',
    'interaction',
    'interactions',
    'meeting',
    'meetings',
    'outreach'
]);

export function isActivityObject(objectName: string): boolean {
    const lower = objectName.toLowerCase();
    if (ACTIVITY_TABLES.has(lower)) return true;
    return /__c$/i.test(objectName) && words(objectName).some((w) => ACTIVITY_OBJECT_WORDS.has(w));
}

/** Lower-case object name -> what the reader said (ObjectModel.activity). */
const declaredActivity = objectIndex((objects) => {
    const byName = new Map<string, boolean>();
    for (const obj of objects) if (obj.activity !== undefined) byName.set(obj.name.toLowerCase(), obj.activity);
    return byName;
});

/**
 * An activity table: the reader's word when it has one (Dataverse IsActivity, so a custom activity
 * table such as new_sitevisit counts), else the name (Salesforce Task/Event, "Site_Visit__c").
 */
export function isActivityTable(model: OrgModel, objectName: string): boolean {
    return declaredActivity(model).get(objectName.toLowerCase()) ?? isActivityObject(objectName);
}

/** Objects whose tick boxes are settings, not records a rep works on. */
function isSettingObject(objectName: string): boolean {
    return (
        /__(mdt|e|x|b|Share|History|Feed|ChangeEvent)$/i.test(objectName) ||
        ['User', 'Group', 'Profile', 'Organization', 'PermissionSet', 'UserRole'].includes(objectName)
    );
}

/** Objects whose records a system writes: a queue, a setting, an integration's staging table. */
const SYSTEM_OBJECT_WORDS = new Set([
    'queue',
    'staging',
    'setting',
    'settings',
    'config',
    'configuration',
    'integration',
    'sync',
    'batch',
    'job',
    'mapping',
    'error',
    'errors',
    'processor',
    'retry',
    'mass',
    'checklist'
]);

export function isActivityFacing(objectName: string): boolean {
    return !PACT_OBJECTS.has(objectName) && !isSettingObject(objectName);
}

/** A verdict on one tick box, kept for non-findings too so that tests and `--verbose` can show why. */
export interface CheckboxVerdict {
    object: string;
    field: FieldModel;
    lowCard: boolean;
    reason: string;
    evidence: string[];
}

/** What the rest of the org says about a tick box: who sets it, which person-ranking activity reports read it. */
export interface CheckboxContext {
    /** "object.field" and "field" (lower case) -> automations that write it. */
    setters: Map<string, AutomationModel[]>;
    /** field name (lower case) -> names of activity reports per person that filter on it or show it. */
    usedIn: Map<string, string[]>;
}

export function emptyContext(): CheckboxContext {
    return { setters: new Map(), usedIn: new Map() };
}

/** Indexes the automations that write fields. */
export function indexSetters(model: OrgModel, context: CheckboxContext = emptyContext()): CheckboxContext {
    // An inactive flow or field update still says that automation, not a rep, owns the box.
    for (const automation of model.automations ?? []) {
        for (const set of automation.sets) {
            const keys = [set.object ? `${set.object}.${set.field}` : '', set.field].map((k) => k.toLowerCase());
            for (const key of keys.filter(Boolean)) {
                const list = context.setters.get(key) ?? [];
                if (!list.includes(automation)) list.push(automation);
                context.setters.set(key, list);
            }
        }
    }
    return context;
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

const AUTOMATION_WORDS: Record<AutomationModel['kind'], string> = {
    flow: 'flow',
    'workflow-field-update': 'workflow field update',
    process: 'process',
    integration: 'integration',
    plugin: 'plug-in step'
};

/** Fields a formula reads that describe an activity's kind or outcome: a formula tick on them counts activities. */
const ACTIVITY_DESCRIBING =
    /^(subject|type|tasksubtype|eventsubtype|calldisposition|calltype|calldurationinseconds|activitysubtype|disposition.*|call_?result.*|call_?outcome.*|outcome.*|result.*)$/i;

/** On an activity, fields that say how and when it was done: a formula tick on them times or counts reps' work. */
const ACTIVITY_PROGRESS =
    /^(completeddatetime|activitydate|activitydatetime|status|isclosed|durationinminutes|enddatetime)$/i;

/** String literals and identifiers of a formula. */
function formulaParts(formula: string) {
    const literals = formula.match(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g) ?? [];
    const code = formula.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, ' ');
    const identifiers = [...new Set(code.match(/\$?[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/g) ?? [])];
    return { literals, identifiers };
}

/**
 * Why a formula tick counts activities, or undefined: it reads a Subject or disposition on an activity,
 * tests activity words, or reads fields that count or date calls and meetings (Connects__c,
 * First_Call_Date__c). LastActivityDate alone says how recent, and counts nothing.
 */
function activityFormula(object: string, formula: string, onActivity: boolean): string | undefined {
    const { literals, identifiers } = formulaParts(formula);
    const last = (id: string) => id.split('.').pop() ?? id;
    const counting = identifiers.filter(
        (id) =>
            /__c$/i.test(last(id)) &&
            words(last(id)).some((w) => ACTIVITY_NOUNS.has(w) || w === 'connects' || w === 'connect') &&
            // "Website_Visits__c", "No_Touch_Account__c": the field it reads is itself no activity.
            !benignReason(last(id))
    );
    if (counting.length > 0) return `its formula reads ${counting.join(', ')}`;
    const describing = identifiers.filter((id) => ACTIVITY_DESCRIBING.test(last(id)));
    const literalWords = literals.flatMap((l) => words(l)).filter((w) => STRONG_WORDS.has(w));
    if (onActivity && describing.length > 0) return `its formula reads ${describing.join(', ')}`;
    const progress = identifiers.filter((id) => ACTIVITY_PROGRESS.test(last(id)));
    if (onActivity && progress.length > 0) return `its formula reads ${progress.join(', ')} of every ${object}`;
    if (describing.length > 0 && literalWords.length > 0)
        return `its formula tests ${describing.join(', ')} for "${[...new Set(literalWords)].join('", "')}"`;
    return undefined;
}

/** How much the words found say, in an admin's words: its name "says an activity was done": "call", "made". */
const TEXT_EVIDENCE: Record<Strength, string> = {
    strong: 'says an activity was done',
    medium: 'names an activity',
    weak: 'only hints at an activity'
};

export function judgeCheckbox(
    object: string,
    field: FieldModel,
    context: CheckboxContext = emptyContext(),
    objectLabel?: string,
    /** The object is an activity table (what the reader said, else its name). */
    onActivity: boolean = isActivityObject(object)
): CheckboxVerdict {
    const verdict = (lowCard: boolean, reason: string, evidence: string[]): CheckboxVerdict => ({
        object,
        field,
        lowCard,
        reason,
        evidence
    });
    const benign = (reason: string, evidence: string[]) => verdict(false, `benign: ${reason}`, evidence);
    const evidence: string[] = [];
    const text = textEvidence(fieldTexts(field), [...words(object), ...words(objectLabel)]);
    if (text) {
        const where = text.where.includes(',') ? `${text.where},` : text.where;
        evidence.push(`its ${where} ${TEXT_EVIDENCE[text.strength]}: "${text.matches.join('", "')}"`);
    }
    const used = context.usedIn.get(field.name.toLowerCase()) ?? [];
    if (used.length > 0) evidence.push(`read by activity reports per person: ${used.slice(0, 3).join(', ')}`);

    if (field.formula !== undefined) {
        const why = activityFormula(object, field.formula, onActivity);
        if (!why) return benign('a formula computes it from data that is no activity; nobody ticks it', evidence);
        evidence.unshift(`a formula tick: ${why}`);
        return verdict(
            true,
            `Formula tick box ${describeField(object, field)} turns activities into a count: ${why}. ` +
                'Nobody ticks it, but every report that sums it counts calls or meetings per rep; retire it with the reports that use it.',
            evidence
        );
    }
    const setters = [
        ...(context.setters.get(`${object}.${field.name}`.toLowerCase()) ?? []),
        ...(context.setters.get(field.name.toLowerCase()) ?? [])
    ];
    if (setters.length > 0) {
        const by = [
            ...new Set(
                setters.map((s) => `${AUTOMATION_WORDS[s.kind]} ${s.label ?? s.name}${s.active ? '' : ' (inactive)'}`)
            )
        ].slice(0, 3);
        return benign(`set by ${by.join(', ')}: automated, not a rep's tick`, [...evidence, `set by ${by.join(', ')}`]);
    }
    // A reader fills managedBy; a bare model still shows the namespace in the name ("dialer__Called__c").
    const managedBy = field.managedBy ?? namespaceOf(field.name);
    if (managedBy) {
        return benign(`belongs to the managed package "${managedBy}", which sets it`, [
            ...evidence,
            `managed package ${managedBy}`
        ]);
    }
    const systemWord = words(object).find((w) => SYSTEM_OBJECT_WORDS.has(w));
    if (systemWord) {
        return benign(
            `${object}, named for "${systemWord}", holds records a system or the team keeps, not a rep's work`,
            evidence
        );
    }
    const pattern = benignReason(field.name, field.label, [field.description, field.inlineHelpText]);
    if (pattern) return benign(pattern, evidence);
    // Use in an activity report per person lifts a weak hint in the name or label, not one in a description.
    const liftable = text?.where === 'name' || text?.where === 'label';
    const flagged = text && (text.strength !== 'weak' || (used.length > 0 && liftable));
    if (!text || !flagged) {
        return benign(
            text
                ? `only "${text.matches.join('", "')}" hints at an activity, and no activity report per person reads it`
                : 'nothing in it says an activity happened',
            evidence
        );
    }
    return verdict(
        true,
        `Tick box ${describeField(object, field)} records that a rep did something ` +
            `(${text.matches.map((m) => `"${m}"`).join(', ')} in its ${text.where}${used.length ? `; counted by ${used[0]}` : ''}). ` +
            'Reps tick it to satisfy a count, not to tell what the customer said: retire it (pact block) and capture a High Card instead.',
        evidence
    );
}

export function checkboxVerdicts(model: OrgModel, context: CheckboxContext = indexSetters(model)): CheckboxVerdict[] {
    return model.objects
        .filter((obj) => isActivityFacing(obj.name))
        .flatMap((obj) =>
            obj.fields
                .filter((f) => f.type === 'Checkbox')
                .map((f) => judgeCheckbox(obj.name, f, context, obj.label, isActivityTable(model, obj.name)))
        );
}

export function verdictFinding(v: CheckboxVerdict): Finding {
    return {
        rule: v.field.formula !== undefined ? RULE_FORMULA_CHECKBOX : RULE_LOW_CARD_CHECKBOX,
        tier: 'activity-control',
        category: 'tick-box',
        object: v.object,
        component: `${v.object}.${v.field.name}`,
        componentType: 'CustomField',
        file: v.field.file,
        reason: v.reason,
        evidence: v.evidence
    };
}

export function lowCardCheckboxes(model: OrgModel, context?: CheckboxContext): Finding[] {
    return checkboxVerdicts(model, context)
        .filter((v) => v.lowCard)
        .map(verdictFinding);
}

/** Field references in a formula that name an activity: LastActivityDate, Call_Made__c, Number_Of_Visits__c. */
function activityReferences(formula: string, lowCardFields: Set<string>): string[] {
    return formulaParts(formula).identifiers.filter((id) => {
        const last = id.split('.').pop() ?? id;
        if (lowCardFields.has(last)) return true;
        if (!/__c$|Date$|Count$|^Last|^Number/i.test(last)) return false;
        return words(last).some((w) => STRONG_WORDS.has(w) || ACTIVITY_NOUNS.has(w));
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
                    tier: 'activity-control' as const,
                    category: 'forcing-rule',
                    object: obj.name,
                    component: `${obj.name}.${rule.name}`,
                    componentType: 'ValidationRule',
                    file: rule.file,
                    evidence: refs.map((r) => `its formula checks ${r}`),
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
                    tier: 'activity-control' as const,
                    category: 'required-field',
                    object: obj.name,
                    component: `${obj.name}.${field.name}`,
                    componentType: 'CustomField',
                    file: field.file,
                    evidence: [`required; "${evidence.matches.join('", "')}" in its ${evidence.where}`],
                    reason:
                        `Required ${field.type} field ${describeField(obj.name, field)} makes every save record an activity ` +
                        `(${evidence.matches.map((m) => `"${m}"`).join(', ')} in its ${evidence.where}). ` +
                        'Make it optional and retire it.'
                }
            ];
        });
}

/** Validation rules and required fields that force activity entry. */
export function activityForcing(model: OrgModel, lowCard: Finding[] = lowCardCheckboxes(model)): Finding[] {
    const lowCardFields = new Set(lowCard.map((f) => f.component.split('.').pop() as string));
    return model.objects
        .filter((obj) => isActivityFacing(obj.name))
        .flatMap((obj) => [...forcingValidationRules(obj, lowCardFields), ...forcingRequiredFields(obj)]);
}
