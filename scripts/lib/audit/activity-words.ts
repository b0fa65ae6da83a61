/**
 * Decides whether a field's name, label, description or help text says that an activity happened
 * ("Call Made", "Left Voicemail", "Calls This Week"). Builds on the rulebook's ACTIVITY_WORDS so
 * that the words a rep may not type as a high card and the tick boxes the audit flags stay one list.
 */
import { ACTIVITY_WORDS } from '../../../force-app/main/default/lwc/pactRules/vocabulary.js';

/**
 * Rulebook words that name an activity only in company: "Invoice Sent", "Email Verified" or
 * "Onboarding Completed" are process states, "Email Sent" or "Demo Completed" are low cards.
 */
const WEAK_WORDS = new Set([
    'phone',
    'email',
    'emails',
    'mailed',
    'sent',
    'held',
    'completed',
    'logged',
    'checked',
    'reached',
    'dropped',
    'stopped',
    'presented',
    'presentation',
    'discussed',
    'lunch',
    'coffee',
    'dinner',
    'zoom',
    'webinar',
    'conference',
    'met',
    'attempted',
    'touched',
    'followed'
]);

/** Words the rulebook lacks because a rep would not type them in a card, but a field name uses. */
const EXTRA_STRONG = ['activity', 'activities', 'outreach', 'dial', 'dials', 'callback', 'callbacks', 'touches'];

/** Multi-word phrases (joined by single spaces after tokenising). */
const PHRASES = ['follow up', 'touch base', 'touched base', 'check in', 'checked in', 'reached out', 'left message'];

/** Words that make a weak word count: "Contact Attempted", "Customer Emailed". */
const CONTEXT_WORDS = new Set(['contact', 'customer', 'client', 'prospect', 'lead', 'rep', 'made', 'done', 'given']);

export const STRONG_WORDS: ReadonlySet<string> = new Set([
    ...ACTIVITY_WORDS.filter((word) => !WEAK_WORDS.has(word)),
    ...EXTRA_STRONG
]);

/**
 * Names and labels of tick boxes that record a customer's choice or a record's state, not a rep's
 * activity: never flagged even though "Do Not Call" says "call".
 */
const BENIGN_PATTERNS: { pattern: RegExp; why: string }[] = [
    {
        pattern: /\bdo not (call|e ?mail|contact|mail|fax|text|visit)\b/,
        why: "records the customer's wish not to be contacted"
    },
    { pattern: /\b(has )?opted out\b|\bopt out\b|\bunsubscribed?\b/, why: "records the customer's opt-out" },
    { pattern: /\bconsent(ed)?\b|\bgdpr\b|\bpermission to\b/, why: "records the customer's consent" },
    {
        pattern:
            /^(is )?(active|inactive|primary|private|deleted|archived|closed|won|converted|locked|escalated|excluded)$/,
        why: 'is a record state'
    },
    {
        pattern:
            /^is (closed|won|converted|deleted|archived|private|primary|active|recurring|reminder set|high priority|child|group event|all day event|visible in self service)$/,
        why: 'is a record state'
    },
    {
        pattern: /^(email )?bounced$|^email bounced$|\bhard bounce\b/,
        why: 'records a delivery failure, not an activity'
    },
    // Computed by Salesforce from related records; nobody ticks them.
    {
        pattern: /^has (open activity|overdue task|opportunity line item)$/,
        why: 'is computed by Salesforce, not ticked'
    }
];

/** "Call_Made__c" -> "call made"; "HasOptedOutOfEmail" -> "has opted out of email"; labels lower-cased. */
export function words(text: string | undefined): string[] {
    if (!text) return [];
    return text
        .replace(/__(c|r|x|e|mdt)$/i, '')
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
        .toLowerCase()
        .replace(/-/g, ' ')
        .split(/[^a-z0-9']+/)
        .filter((w) => w !== '');
}

export interface ActivityEvidence {
    /** The words or phrases that say an activity happened, in the order found. */
    matches: string[];
    /** Where they were found: "name", "label", "description", "help text". */
    where: string;
}

function evidenceIn(tokens: string[]): string[] {
    const joined = ` ${tokens.join(' ')} `;
    const found: string[] = [];
    for (const phrase of PHRASES) if (joined.includes(` ${phrase} `)) found.push(phrase);
    for (const token of tokens) if (STRONG_WORDS.has(token) && !found.includes(token)) found.push(token);
    if (found.length > 0) return found;
    const weak = [...new Set(tokens.filter((t) => WEAK_WORDS.has(t)))];
    if (weak.length >= 2 || (weak.length === 1 && tokens.some((t) => CONTEXT_WORDS.has(t)))) return weak;
    return [];
}

/** The first place (name, label, description, help text) that says an activity happened. */
export function activityEvidence(texts: { where: string; text: string | undefined }[]): ActivityEvidence | undefined {
    for (const { where, text } of texts) {
        const matches = evidenceIn(words(text));
        if (matches.length > 0) return { matches, where };
    }
    return undefined;
}

/** Why a tick box is benign (opt-out, consent, record state), or undefined. Judged on name and label only. */
export function benignReason(name: string, label?: string): string | undefined {
    for (const text of [name, label]) {
        const phrase = words(text).join(' ');
        if (!phrase) continue;
        const hit = BENIGN_PATTERNS.find(({ pattern }) => pattern.test(phrase));
        if (hit) return hit.why;
    }
    return undefined;
}
