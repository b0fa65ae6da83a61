// @ts-check
/**
 * The PACT rulebook. Every content rule for high cards, plans and coaching notes is written
 * here once, as data (message, formula) plus a small pure check. The UI runs the checks before
 * save; the validation rules in force-app are generated from the formulas (npm run generate);
 * tests evaluate both on the same table of examples and fail if they disagree.
 * No platform imports: LWC, the Dynamics control and the Node CLI all load this file.
 */
import { ACTIVITY_WORDS, FILLER_WORDS } from './vocabulary';
import {
    LOW_CARD_MAX_CONTENT_WORDS,
    LOW_CARD_MAX_LENGTH,
    LOW_CARD_PATTERN,
    isLowCard,
    lowCardFormula,
    lowCardText
} from './lowCard';

export { ACTIVITY_WORDS, FILLER_WORDS, LOW_CARD_PATTERN, isLowCard, lowCardText };

/** @typedef {{ value: string, label: string }} PicklistValue */
/** @param {string[]} values @returns {PicklistValue[]} */
const picklist = (values) => values.map((value) => ({ value, label: value }));

export const HIGH_CARD_KINDS = picklist([
    'Feedback',
    'Request',
    'Commitment',
    'Competitor',
    'Buying Signal',
    'Risk',
    'Praise',
    'Complaint'
]);
export const THEMES = picklist(['Product', 'Pricing', 'Service', 'Delivery', 'Billing', 'Relationship', 'Other']);
export const SENTIMENTS = picklist(['Positive', 'Neutral', 'Negative']);
export const ACTION_STATUSES = picklist(['Not Needed', 'Open', 'In Progress', 'Resolved']);
export const PLAN_STATUSES = picklist(['Planned', 'Held', 'Cancelled']);
export const COACHING_REASONS = picklist(['Training', 'Performance Plan']);

/** Action statuses that need somebody to act. */
export const OPEN_ACTION_STATUSES = ['Open', 'In Progress'];

export const LIMITS = Object.freeze({
    headlineMax: 80,
    detailsMin: 20,
    detailsMax: 32000,
    objectiveMin: 15,
    /** Longer details are never judged a low card (and the server regex stays cheap). */
    lowCardMaxLength: LOW_CARD_MAX_LENGTH,
    /** A low card may name a person or a company: up to this many words outside the vocabulary. */
    lowCardMaxContentWords: LOW_CARD_MAX_CONTENT_WORDS
});

/** @param {unknown} value @returns {string} */
const text = (value) => (typeof value === 'string' ? value : value == null ? '' : String(value));
/** @param {unknown} value */
const isBlank = (value) => value === null || value === undefined || value === '';

/**
 * The headline a card gets when the rep leaves it empty: the first words of the details,
 * cut at a word boundary to fit the Name field.
 * @param {string | null | undefined} details
 */
export function deriveHeadline(details) {
    const words = text(details).replace(/\s+/g, ' ').trim();
    if (words.length <= LIMITS.headlineMax) return words;
    let cut = words.slice(0, LIMITS.headlineMax - 1);
    // Never end on half of a surrogate pair (an emoji cut in two is not a character).
    if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
    const lastSpace = cut.lastIndexOf(' ');
    return `${(lastSpace > 20 ? cut.slice(0, lastSpace) : cut).replace(/[\s.,;:!?-]+$/, '')}…`;
}

/** @param {Date} [date] @returns {string} YYYY-MM-DD in local time */
export function isoDate(date = new Date()) {
    const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// ---------------------------------------------------------------------------------------------
/**
 * @typedef {Record<string, unknown>} RecordValues  field API name -> value (dates as YYYY-MM-DD); a parent's
 *   field by the formula's name for it ('Rep__r.ManagerId'), left out when the caller does not know it
 * @typedef {{ today?: string, prior?: RecordValues | null }} CheckContext  prior: the record before this edit
 *   (null or left out: a new record), as ISNEW() and ISCHANGED() see it
 * @typedef {object} Rule
 * @property {string} name            validation rule API name
 * @property {'High_Card__c' | 'Call_Plan__c' | 'Coaching_Note__c'} object
 * @property {string} field           where the message is shown (errorDisplayField)
 * @property {string[]} fields        every field the rule reads
 * @property {string} description     for admins, in the validation rule
 * @property {string} message         for reps, in the UI and in the validation rule
 * @property {string} formula         Salesforce error-condition formula (true = reject)
 * @property {(record: RecordValues, context: Required<CheckContext>) => boolean} violates
 * @typedef {{ rule: string, field: string, message: string }} RuleViolation
 */

/** The rep's manager (User.ManagerId), as the coaching-note rule reads it across the Rep__c lookup. */
export const REP_MANAGER = 'Rep__r.ManagerId';

const detailsLength = (/** @type {RecordValues} */ r) => text(r.Details__c).trim().length;

/** @type {Rule[]} */
export const RULES = [
    {
        name: 'PACT_Details_Required',
        object: 'High_Card__c',
        field: 'Details__c',
        fields: ['Details__c'],
        description: 'A high card must say what the customer said or did.',
        message: 'Write what the customer said or did. Their words are the card.',
        formula: 'LEN(TRIM(Details__c)) = 0',
        violates: (r) => detailsLength(r) === 0
    },
    {
        name: 'PACT_Details_Specific',
        object: 'High_Card__c',
        field: 'Details__c',
        fields: ['Details__c'],
        description: `Details shorter than ${LIMITS.detailsMin} characters (trimmed) cannot carry what the customer said.`,
        message: `Say a little more about what the customer said or did (at least ${LIMITS.detailsMin} characters), so colleagues can act on it.`,
        formula: `AND(LEN(TRIM(Details__c)) > 0, LEN(TRIM(Details__c)) < ${LIMITS.detailsMin})`,
        violates: (r) => detailsLength(r) > 0 && detailsLength(r) < LIMITS.detailsMin
    },
    {
        name: 'PACT_Details_Fit',
        object: 'High_Card__c',
        field: 'Details__c',
        fields: ['Details__c'],
        description: `Details longer than ${LIMITS.detailsMax} characters.`,
        message: `This is longer than a card can hold (${LIMITS.detailsMax.toLocaleString('en-US')} characters). Keep the customer's key words and attach long documents to the account.`,
        formula: `LEN(Details__c) > ${LIMITS.detailsMax}`,
        violates: (r) => text(r.Details__c).length > LIMITS.detailsMax
    },
    {
        name: 'PACT_No_Low_Cards',
        object: 'High_Card__c',
        field: 'Details__c',
        fields: ['Details__c'],
        description:
            'Rejects English cards that only say an activity happened or is planned (called, left vm, mtg w/ client, calling them tomorrow). Words: PACT rulebook vocabulary.',
        message:
            'This only says that something happened or will happen (a call, a visit, an email). PACT keeps what the customer said or did: add their words, a request, a commitment or a concern. Nobody counts calls here.',
        // One formula; the generator splits it into several validation rules when it outgrows
        // Salesforce's formula limits (lowCardParts.js).
        formula: lowCardFormula(),
        violates: (r) => isLowCard(text(r.Details__c))
    },
    {
        name: 'PACT_Occurred_Not_Future',
        object: 'High_Card__c',
        field: 'Occurred_On__c',
        fields: ['Occurred_On__c'],
        description: 'A high card records something that already happened.',
        message:
            "A high card records what already happened, so the date can't be in the future. Plan future conversations as a Plan.",
        formula: 'Occurred_On__c > TODAY()',
        violates: (r, c) => !isBlank(r.Occurred_On__c) && text(r.Occurred_On__c) > c.today
    },
    {
        name: 'PACT_Due_Needs_Owner',
        object: 'High_Card__c',
        field: 'Needs_Action_By__c',
        fields: ['Action_Due__c', 'Needs_Action_By__c'],
        description: 'An action due date needs a person who acts.',
        message: 'A due date needs someone to act: choose who needs to act, or clear the due date.',
        formula: 'AND(NOT(ISBLANK(Action_Due__c)), ISBLANK(Needs_Action_By__c))',
        violates: (r) => !isBlank(r.Action_Due__c) && isBlank(r.Needs_Action_By__c)
    },
    {
        name: 'PACT_Open_Action_Needs_Owner',
        object: 'High_Card__c',
        field: 'Needs_Action_By__c',
        fields: ['Action_Status__c', 'Needs_Action_By__c'],
        description: 'An open or in-progress action needs a person who acts.',
        message: 'An open action needs someone to act: choose who needs to act.',
        formula: `AND(OR(${OPEN_ACTION_STATUSES.map((s) => `ISPICKVAL(Action_Status__c, "${s}")`).join(', ')}), ISBLANK(Needs_Action_By__c))`,
        violates: (r) => OPEN_ACTION_STATUSES.includes(text(r.Action_Status__c)) && isBlank(r.Needs_Action_By__c)
    },
    {
        name: 'PACT_Objective_Specific',
        object: 'Call_Plan__c',
        field: 'Objective__c',
        fields: ['Objective__c'],
        description: `A plan objective of fewer than ${LIMITS.objectiveMin} characters (trimmed) is not specific.`,
        message: `Make the objective specific (at least ${LIMITS.objectiveMin} characters): what do you want to learn or agree with the customer?`,
        formula: `LEN(TRIM(Objective__c)) < ${LIMITS.objectiveMin}`,
        violates: (r) => text(r.Objective__c).trim().length < LIMITS.objectiveMin
    },
    {
        name: 'PACT_Held_Needs_Outcome',
        object: 'Call_Plan__c',
        field: 'Outcome__c',
        fields: ['Status__c', 'Outcome__c'],
        description: 'A held plan needs its outcome in words.',
        message: 'Write what came out of the conversation, in words, before marking the plan held.',
        formula: 'AND(ISPICKVAL(Status__c, "Held"), LEN(TRIM(Outcome__c)) = 0)',
        violates: (r) => r.Status__c === 'Held' && text(r.Outcome__c).trim().length === 0
    },
    {
        name: 'PACT_Manager_Not_Rep',
        object: 'Coaching_Note__c',
        field: 'Manager__c',
        fields: ['Rep__c', 'Manager__c'],
        description: 'Coaching is between a rep and a different person, their manager.',
        message: 'The manager on a coaching note must be someone other than the rep.',
        formula: 'AND(NOT(ISBLANK(Manager__c)), Manager__c = Rep__c)',
        violates: (r) => !isBlank(r.Manager__c) && r.Manager__c === r.Rep__c
    },
    {
        name: 'PACT_Period_In_Order',
        object: 'Coaching_Note__c',
        field: 'Period_End__c',
        fields: ['Period_Start__c', 'Period_End__c'],
        description: 'A coaching period ends on or after its start.',
        message: "The period can't end before it starts.",
        formula: 'AND(NOT(ISBLANK(Period_Start__c)), NOT(ISBLANK(Period_End__c)), Period_End__c < Period_Start__c)',
        violates: (r) =>
            !isBlank(r.Period_Start__c) && !isBlank(r.Period_End__c) && text(r.Period_End__c) < text(r.Period_Start__c)
    },
    {
        // The coaching card offers a manager only the reps whose User.ManagerId is them; this is the server's
        // half. Checked when the note is written: after a reorganisation the note stays as it was written
        // (PACT_Rep_Manager_Fixed), and its author can still correct the text.
        name: 'PACT_Rep_Reports_To_Manager',
        object: 'Coaching_Note__c',
        field: 'Rep__c',
        fields: ['Rep__c', 'Manager__c', REP_MANAGER],
        description:
            "A new coaching note is about a rep who reports to the note's manager (the Manager field on the rep's user record), as the coaching card offers.",
        message:
            "You can write a coaching note only about someone who reports to you: their manager in Salesforce must be the note's manager. If that is wrong, ask your Salesforce admin to correct it.",
        formula: `AND(ISNEW(), NOT(ISBLANK(Rep__c)), OR(ISBLANK(Manager__c), ${REP_MANAGER} <> Manager__c))`,
        // Judged only when the caller knows the rep's manager (the card's picker lists direct reports only).
        violates: (r, c) =>
            c.prior === null &&
            !isBlank(r.Rep__c) &&
            REP_MANAGER in r &&
            (isBlank(r.Manager__c) || text(r[REP_MANAGER]) !== text(r.Manager__c))
    },
    {
        // The sharing flow follows Rep and Manager; fixing them means no share can outlive a change, even
        // while the flow is inactive.
        name: 'PACT_Rep_Manager_Fixed',
        object: 'Coaching_Note__c',
        field: 'Rep__c',
        fields: ['Rep__c', 'Manager__c'],
        description:
            "A coaching note's rep and manager are set when it is written and never change, so the note is only ever shared with them.",
        message:
            'A coaching note stays with the rep and manager it was written for. To coach someone else, write a new note.',
        formula: 'OR(ISCHANGED(Rep__c), ISCHANGED(Manager__c))',
        violates: (r, c) =>
            c.prior !== null &&
            (text(c.prior.Rep__c) !== text(r.Rep__c) || text(c.prior.Manager__c) !== text(r.Manager__c))
    }
];

/**
 * Runs every rule of one object against a record and returns what it breaks, in rule order.
 * @param {Rule['object']} objectApiName
 * @param {RecordValues} record
 * @param {CheckContext} [context]
 * @returns {RuleViolation[]}
 */
export function checkRecord(objectApiName, record, context = {}) {
    const ctx = { today: context.today ?? isoDate(), prior: context.prior ?? null };
    return RULES.filter((rule) => rule.object === objectApiName && rule.violates(record, ctx)).map((rule) => ({
        rule: rule.name,
        field: rule.field,
        message: rule.message
    }));
}

/** @param {RecordValues} record @param {CheckContext} [context] */
export const checkHighCard = (record, context) => checkRecord('High_Card__c', record, context);
/** @param {RecordValues} record @param {CheckContext} [context] */
export const checkPlan = (record, context) => checkRecord('Call_Plan__c', record, context);
/** @param {RecordValues} record @param {CheckContext} [context] */
export const checkCoachingNote = (record, context) => checkRecord('Coaching_Note__c', record, context);
