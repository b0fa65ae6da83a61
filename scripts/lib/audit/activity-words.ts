/**
 * The words that say an activity happened ("Call Made", "Left VM", "Appt Set", "F/U Done") and the
 * patterns that say a tick box records something else (consent, eligibility, routing, sync flags).
 * Builds on the rulebook's ACTIVITY_WORDS so that the words a rep may not type as a high card and
 * the tick boxes the audit flags stay one list. Pure text functions: the verdicts are in activity-controls.ts.
 */
import { ACTIVITY_WORDS } from '../../../force-app/main/default/lwc/pactRules/vocabulary.js';

/** Shorthand reps and admins use in field names and labels, spelled out before matching. */
const SHORTHAND: Record<string, string[]> = {
    appt: ['appointment'],
    appts: ['appointments'],
    apt: ['appointment'],
    mtg: ['meeting'],
    mtgs: ['meetings'],
    vm: ['voicemail'],
    vms: ['voicemails'],
    lvm: ['left', 'voicemail'],
    // "BMOC": best method of contact, the customer's preference.
    bmoc: ['best', 'method', 'of', 'contact'],
    fu: ['follow', 'up'],
    fup: ['follow', 'up'],
    followup: ['follow', 'up'],
    followups: ['follow', 'ups'],
    callback: ['call', 'back'],
    callbacks: ['call', 'backs'],
    touchpoint: ['touch', 'point'],
    touchpoints: ['touch', 'points'],
    demod: ['demoed'],
    intro: ['introduction'],
    conv: ['conversation'],
    convo: ['conversation'],
    sched: ['scheduled'],
    schd: ['scheduled'],
    cmpl: ['completed'],
    compl: ['completed'],
    comp: ['completed'],
    mtd: ['met'],
    sms: ['text'],
    txt: ['text'],
    eml: ['email'],
    ph: ['phone']
};

/**
 * Nouns that name an activity a rep performs. Alone they are medium evidence ("Demo", "Site Visit");
 * with an activity verb they are strong ("Demo Given", "Meeting Scheduled").
 */
export const ACTIVITY_NOUNS: ReadonlySet<string> = new Set([
    'call',
    'calls',
    'voicemail',
    'voicemails',
    'visit',
    'visits',
    'meeting',
    'meetings',
    'appointment',
    'appointments',
    'demo',
    'demos',
    'presentation',
    'presentations',
    'touch',
    'touches',
    'outreach',
    'dial',
    'dials',
    'conversation',
    'conversations',
    'activity',
    'activities',
    'introduction',
    'lunch',
    'dinner',
    'coffee',
    'webinar',
    'zoom',
    'walkthrough',
    'checkin',
    'tour',
    'onsite',
    'discovery'
]);

/** Nouns that name an activity only with a verb: "Email Sent" is a low card, "Email" or "Disable Email" is not. */
const WEAK_NOUNS: ReadonlySet<string> = new Set([
    'email',
    'emails',
    'text',
    'message',
    'messages',
    'phone',
    'packet',
    'brochure',
    'mailer',
    'kit',
    'sample',
    'samples'
]);

/** Verbs and participles that say an activity took place or was set up. */
export const ACTIVITY_VERBS: ReadonlySet<string> = new Set([
    'made',
    'done',
    'completed',
    'complete',
    'held',
    'scheduled',
    'schedule',
    'booked',
    'set',
    'sent',
    'logged',
    'log',
    'attempted',
    'attempt',
    'reached',
    'contacted',
    'connected',
    'left',
    'given',
    'conducted',
    'occurred',
    'happened',
    'performed',
    'delivered',
    'attended',
    'had',
    'taken',
    'received',
    'returned',
    'confirmed',
    'followed',
    'presented'
]);

/** Self-contained: each says on its own that a rep did something. */
const STRONG_SINGLE: ReadonlySet<string> = new Set([
    'called',
    'phoned',
    'rang',
    'dialled',
    'dialed',
    'emailed',
    'texted',
    'messaged',
    'pinged',
    'visited',
    'demoed',
    'demonstrated',
    'contacted',
    'touched',
    'spoke',
    'talked',
    'chatted',
    'discussed',
    'voicemail',
    'voicemails'
]);

/** Multi-word phrases (after spelling out shorthand, joined by single spaces). */
const PHRASES = [
    'follow up',
    'follow ups',
    'followed up',
    'touch base',
    'touched base',
    'check in',
    'checked in',
    'reached out',
    'left message',
    'left voicemail',
    'met with',
    'spoke with',
    'spoke to',
    'talked to',
    'call back',
    'touch point',
    'touch points',
    'site visit',
    'connect with',
    'connected with'
];

/** Words that make a lone verb count: "Contact Attempted", "Customer Reached". */
const PERSON_WORDS: ReadonlySet<string> = new Set([
    'contact',
    'customer',
    'client',
    'prospect',
    'lead',
    'rep',
    'owner',
    'decision',
    'maker',
    'dm',
    'patient',
    'doctor',
    'physician',
    'hcp',
    'member',
    'donor',
    'student',
    'parent'
]);

/** Verbs that say a rep did something to a person ("Customer Reached"); "Client Confirmed" is the client's act. */
const PERSON_VERBS: ReadonlySet<string> = new Set(['reached', 'attempted', 'connected', 'met', 'left', 'followed']);

/**
 * Every other rulebook word ("mailed", "met", "discussed", "dropped") counts as a verb: it says an
 * activity happened only next to an activity noun or a person ("Packet Mailed" is not, "Customer Met" is).
 * "checked" is left out: "If checked, ..." opens half the descriptions Salesforce admins write.
 */
const RULEBOOK_VERBS = ACTIVITY_WORDS.filter(
    (w) =>
        !['checked', 'check', 'checks', 'checking', 'sync', 'synced', 'syncs', 'syncing'].includes(w) &&
        !STRONG_SINGLE.has(w) &&
        !ACTIVITY_NOUNS.has(w) &&
        !WEAK_NOUNS.has(w) &&
        !ACTIVITY_VERBS.has(w)
);
const VERBS: ReadonlySet<string> = new Set([...ACTIVITY_VERBS, ...RULEBOOK_VERBS]);

/** A noun and a verb say one thing only when they stand close: "Call Made", not "call ... confirmed" in a paragraph. */
const NEAR = 3;

/** Field names that name an activity when a validation rule or report reads them (kept for the forcing checks). */
export const STRONG_WORDS: ReadonlySet<string> = new Set([
    ...STRONG_SINGLE,
    ...ACTIVITY_NOUNS,
    'activity',
    'activities'
]);

/** "Call_Made__c" -> "call made"; "HasOptedOutOfEmail" -> "has opted out of email"; "F/U" -> "follow up". */
export function words(text: string | undefined): string[] {
    if (!text) return [];
    const tokens = text
        .replace(/__(c|r|x|e|mdt)$/i, '')
        .replace(/\b([A-Za-z])\/([A-Za-z])\b/g, '$1$2')
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
        .toLowerCase()
        .replace(/['’]/g, '')
        .replace(/-/g, ' ')
        .split(/[^a-z0-9]+/)
        .filter((w) => w !== '');
    // "F_U_Done__c": single letters that spell a shorthand ("f" + "u") are read as one word.
    const merged: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
        const pair = tokens[i].length === 1 && tokens[i + 1]?.length === 1 ? tokens[i] + tokens[i + 1] : '';
        if (pair && SHORTHAND[pair]) {
            merged.push(pair);
            i++;
        } else merged.push(tokens[i]);
    }
    return merged.flatMap((t) => SHORTHAND[t] ?? [t]);
}

export type Strength = 'strong' | 'medium' | 'weak';

export interface TextEvidence {
    strength: Strength;
    /** The activity words of the object's name that make a lone verb count ("Completed" on Site_Visit__c). */
    object?: string[];
    /** The words or phrases found. */
    matches: string[];
    /** "name", "label", "description", "help text". */
    where: string;
}

const RANK: Record<Strength, number> = { strong: 3, medium: 2, weak: 1 };

/** What one text says about an activity; `context` are the object's words (a "Site Visit" object's "Completed"). */
function judgeText(tokens: string[], context: string[], prose: boolean): Omit<TextEvidence, 'where'> | undefined {
    const joined = ` ${tokens.join(' ')} `;
    const phrases = PHRASES.filter((p) => joined.includes(` ${p} `));
    const strong = tokens.filter((t) => STRONG_SINGLE.has(t));
    const nouns = tokens.filter((t) => ACTIVITY_NOUNS.has(t));
    const weakNouns = tokens.filter((t) => WEAK_NOUNS.has(t));
    const verbs = tokens.filter((t) => VERBS.has(t));
    const unique = (list: string[]) => [...new Set(list)];
    // In a description or help text, an activity word may explain the box rather than be it.
    if (phrases.length || strong.length)
        return { strength: prose ? 'medium' : 'strong', matches: unique([...phrases, ...strong]) };
    const pairs: string[] = [];
    tokens.forEach((t, i) => {
        if (!ACTIVITY_NOUNS.has(t) && !WEAK_NOUNS.has(t)) return;
        const near = tokens.slice(Math.max(0, i - NEAR), i + NEAR + 1).filter((w) => VERBS.has(w));
        if (near.length) pairs.push(t, ...near);
    });
    // In prose a noun and a verb may belong to different thoughts ("did not complete the call").
    if (pairs.length) return { strength: prose ? 'weak' : 'strong', matches: unique(pairs) };
    // A description that names a call or a meeting explains the box; a name or label that does is the box.
    if (nouns.length) return { strength: prose ? 'weak' : 'medium', matches: unique(nouns) };
    const contextNouns = context.filter((t) => ACTIVITY_NOUNS.has(t));
    if (verbs.length && contextNouns.length)
        return { strength: 'medium', matches: unique(verbs), object: unique(contextNouns) };
    const personVerbs = verbs.filter((v) => PERSON_VERBS.has(v));
    if (personVerbs.length && tokens.some((t) => PERSON_WORDS.has(t)))
        return { strength: prose ? 'weak' : 'medium', matches: unique(personVerbs) };
    if (verbs.length || weakNouns.length) return { strength: 'weak', matches: unique([...verbs, ...weakNouns]) };
    return undefined;
}

/** The strongest thing the field's name, label, description or help text says about an activity. */
export function textEvidence(
    texts: { where: string; text: string | undefined }[],
    context: string[] = []
): TextEvidence | undefined {
    let best: TextEvidence | undefined;
    for (const { where, text } of texts) {
        const prose = where === 'description' || where === 'help text';
        const found = judgeText(words(text), prose ? [] : context, prose);
        if (found && (!best || RANK[found.strength] > RANK[best.strength]))
            best = {
                ...found,
                where: found.object ? `${where}, on an object about "${found.object.join('", "')}"` : where
            };
    }
    return best;
}

/** Kept for the forcing checks: the first text with strong or medium evidence. */
export function activityEvidence(
    texts: { where: string; text: string | undefined }[]
): { matches: string[]; where: string } | undefined {
    const found = textEvidence(texts);
    return found && found.strength !== 'weak' ? found : undefined;
}

/**
 * Tick boxes that record a customer's choice, an eligibility, a routing or integration flag or a
 * record state: not a rep's activity, even when they say "call" ("Do Not Call").
 */
const BENIGN_PATTERNS: { pattern: RegExp; why: string }[] = [
    {
        pattern: /\b(do not|dont|no) (call|email|e mail|contact|mail|fax|text|visit|solicit|market|sell|phone)/,
        why: "records the customer's wish not to be contacted"
    },
    {
        pattern:
            /\b(has )?opted out\b|\bopt(ed)? (out|in)\b|\boptin\b|\boptout\b|\bunsubscribed?\b|\bemail opt\b|\bdnc\b|\bexclude(d)?\b|\bblacklist(ed)?\b/,
        why: "records the customer's opt-out, opt-in or exclusion"
    },
    { pattern: /\binterest(ed)?\b|\bintent\b/, why: "records the customer's interest, not a rep's activity" },
    {
        pattern: /\b(website|webpage|page|pages|portal|web)\b/,
        why: "records the customer's own web activity, not a rep's"
    },
    { pattern: /\bno touch\b|\blow touch\b|\bhigh touch\b/, why: 'names a sales segment (no-touch, high-touch)' },
    {
        pattern: /^(send|create|generate|trigger|run|recalculate|force|remove|calculate)\b/,
        why: "is a switch that starts an automation, not a record of a rep's activity"
    },
    { pattern: /\bcan we\b|\bmay we\b|\bok to\b/, why: "records the customer's permission" },
    {
        pattern: /\bbest (method|time|way)\b|\bprefer(s|red|ence)?\b/,
        why: "records the customer's contact preference"
    },
    {
        // "call made from Groudon", "Left Company by Catalyst": the name says which system sets it.
        pattern:
            /\b(from|by|via) (?!(a|the|rep|reps|owner|manager|sales|user|agent|me|us|team|phone|email|mail|text)$)[a-z][a-z0-9]*$/,
        why: 'names the system that sets it'
    },
    {
        pattern: /\bconsents?\b|\bconsented\b|\bgdpr\b|\bpermission to\b|\bagreed to\b/,
        why: "records the customer's consent"
    },
    { pattern: /\beligib(le|ility)\b|\bqualifies\b|\bqualified for\b/, why: 'records an eligibility, not an activity' },
    {
        pattern: /\brout(e|ed|ing)\b|\bround robin\b|\bqueue\b|\bassignment rule\b|\breassign/,
        why: 'is a routing flag'
    },
    {
        pattern:
            /\bauto(mated|matic|matically)?\b|\bsync(ed|ing)?\b|\bintegration\b|\bapi\b|\bexternal\b|\bimport(ed)?\b|\bbatch\b|\bprocessed\b|\btrigger(ed)?\b|\bbypass\b|\bmigrat(ed|ion)\b|\bsend to\b|\bpushed\b|\bexport(ed)?\b|\bwebhook\b|\bjob\b|\bskip\b|\bnotification\b|\bfeed created\b|\bflow\b|\bmass\b|\breminder\b|\berror\b|\bmanual(ly)?\b|\bfound\b|\bmatch(ed)?\b|\bmismatch\b/,
        why: 'is an integration or automation flag'
    },
    {
        pattern:
            /\b(required|need|needed|needs|pending|requested|recommended|allowed|enabled|disable|disabled|override)\b/,
        why: 'says something is needed or allowed, not that a rep did it'
    },
    {
        pattern: /\b(bounced?|hard bounce|invalid|undeliverable|verified)\b/,
        why: 'records a delivery or data-quality state, not an activity'
    },
    { pattern: /\b(inactive|deleted|archived|duplicate|fake)\b/, why: 'is a record state' },
    {
        pattern: /\b(qa|quality|audit|audited|review|reviewed)\b/,
        why: 'records an internal review, not an activity toward a customer'
    },
    { pattern: /\b(valid|validated|validation)\b/, why: 'records a data check' },
    {
        pattern:
            /^(is )?(active|inactive|primary|private|deleted|archived|closed|won|lost|converted|locked|escalated|excluded|duplicate|test|fake|historical|recurring|billable|taxable|internal)$/,
        why: 'is a record state'
    },
    {
        pattern:
            /^is (closed|won|converted|deleted|archived|private|primary|active|recurring|reminder set|high priority|child|group event|all day event|visible in self service|archived|task)$/,
        why: 'is a record state'
    },
    {
        pattern: /^has (open activity|overdue task|opportunity line item)$/,
        why: 'is computed by Salesforce, not ticked'
    },
    {
        pattern: /\b(cancel(l)?ed|cancel|reschedul(ed|e))\b/,
        why: "records the customer's cancellation, not a rep's activity"
    }
];

/** What a description or help text says about who sets the box, or that it is a need rather than a deed. */
const PROSE_PATTERNS: { pattern: RegExp; why: string }[] = [
    {
        pattern:
            /\b(updated|set|populated|managed|marked|calculated|checked|filled|maintained) (automatically )?(by|via|from) (the )?(a )?(process|flow|workflow|trigger|batch|integration|system|automation|apex|job|workato|marketo|mulesoft|zapier|pardot|outreach|salesloft|lean ?data|[a-z]+ (integration|system|sync|tool))\b|\bset via\b|\bpull(ed|s)? from\b|\bsynced from\b|\bprocess builder\b|\b(email )?automation\b|\btechnical (field|checkbox|flag)\b|\bsystem use\b|\bused by the system\b|\bhidden field\b|\bmirroring\b|\btrigger(s|ed)?\b|\bthe flow\b|\bstamped by\b|\bzap\b/,
        why: 'its description says automation sets it'
    },
    {
        pattern:
            /\b(patient|customer|client|lead|prospect|contact|member|donor)s? (returned|called|emailed|replied|responded|requested|asked|agreed|chose|hired)\b|\b(call|calls|email|emails|message) from (the )?(patient|customer|client|lead|prospect|contact|member)\b/,
        why: "its description says the customer did it: a customer fact, not a rep's activity"
    },
    {
        pattern:
            /\bshould be (scheduled|called|contacted|sent|done)\b|\brequires a\b|\bneeds? to be\b|\bis recommended\b/,
        why: 'its description says it marks a need, not something done'
    }
];

/** Why a tick box is benign by its name or label (or, for automation and needs, its description), or undefined. */
export function benignReason(name: string, label?: string, prose: (string | undefined)[] = []): string | undefined {
    for (const text of [name, label]) {
        const phrase = words(text).join(' ');
        if (!phrase) continue;
        const hit = BENIGN_PATTERNS.find(({ pattern }) => pattern.test(phrase));
        if (hit) return hit.why;
    }
    for (const text of prose) {
        const phrase = words(text).join(' ');
        const hit = phrase ? PROSE_PATTERNS.find(({ pattern }) => pattern.test(phrase)) : undefined;
        if (hit) return hit.why;
    }
    return undefined;
}
