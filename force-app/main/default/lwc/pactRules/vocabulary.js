// @ts-check
/**
 * The low-card vocabulary: how reps write that an activity happened or is planned, in English
 * sales notes. Stems inflect (call: calls, called, calling), shorthand is listed as reps type it
 * (vm, mtg, f/u), and words that carry no customer content are fillers. The same data becomes the
 * JavaScript check and the Salesforce REGEX (see lowCard.js). Lower case; words are letters and
 * digits, because every other character separates words ("f/u" is "f" + "u", "we'll" is "we" + "ll").
 * Kept as space-separated strings: the Dynamics control carries this file in a 20 KB bundle.
 */

/** @param {string} words */
const list = (words) => words.split(' ');

/**
 * Activity verbs: every form is an activity word. Each gets -s, -ed and -ing by the usual spelling
 * rules (phone: phones, phoned, phoning; reach: reaches). A "+" doubles the last letter (chat:
 * chatted), a "!" means no -ed form, and "/" adds forms no rule makes (meet!/met: meets, meeting, met).
 */
export const ACTIVITY_VERBS = list(
    'call phone ring!/rang/rung dial/dialled/dialling email mail text message ping voicemail visit ' +
        'tour meet!/met contact chat+ talk speak!/spoke/spoken discuss sync demo present pitch nudge ' +
        'chase connect attend introduce lunch zoom send!/sent brief forward'
);

/** Activity nouns. Each gets its plural (lunch: lunches). */
export const ACTIVITY_NOUNS = list(
    'meeting presentation appointment webinar conference tradeshow workshop ' +
        'lunch dinner breakfast coffee drink touchpoint catchup checkin followup callback kickoff'
);

/**
 * Activities of two words, a verb (written as above) and its particle: "dropped by", "caught up",
 * "check-in". Alone, these verbs often say something else ("prices dropped", "follow the standard"),
 * so their forms are fillers and only the pair is an activity.
 */
export const ACTIVITY_PHRASES = [
    [
        'drop+ stop+ pop+ swing!/swung check touch reach follow catch!/caught sit+!/sat circle',
        'in by base out up down back'
    ],
    // Shorthand written in two parts: f/u (follow-up), t/c (telephone call).
    ['f', 'u'],
    ['t', 'c']
];

/** Shorthand of activities in CRM notes: voicemail, left voicemail, meeting, appointment ... */
export const ACTIVITY_SHORTHAND = list(
    'vm vms vmail lvm lm lmtcb mtg mtgs mtng appt appts fu fup txt txted dm dmd msgd eml tel conf qbr'
);

/** @param {string} spec a stem as written in ACTIVITY_VERBS @returns {string[]} its forms */
export function verbForms(spec) {
    const [head, ...extra] = spec.split('/');
    const stem = head.replace(/[+!]/g, '');
    const last = head.includes('+') ? stem.slice(-1) : '';
    const third = /(s|sh|ch|x|z)$/.test(stem) ? `${stem}es` : `${stem}s`;
    const root = /[^e]e$/.test(stem) ? stem.slice(0, -1) : stem;
    const past = head.includes('!') ? [] : [stem.endsWith('e') ? `${stem}d` : `${stem}${last}ed`];
    return [stem, third, ...past, `${root}${last}ing`, ...extra];
}

/** @param {string} noun @returns {string[]} singular and plural */
export const nounForms = (noun) => [noun, /(s|sh|ch|x|z)$/.test(noun) ? `${noun}es` : `${noun}s`];

/**
 * Every single word that is an activity on its own (the audit's tick-box words build on these).
 * Marked pure so that bundles which do not use it (the Dynamics control) leave it out.
 */
export const ACTIVITY_WORDS = /*#__PURE__*/ (() => [
    ...new Set([...ACTIVITY_VERBS.flatMap(verbForms), ...ACTIVITY_NOUNS.flatMap(nounForms), ...ACTIVITY_SHORTHAND])
])();

/**
 * Words that carry no customer content on their own: function words, time and plan words ("again
 * tomorrow"), people and places in general ("the client", "their office"), the logistics of an
 * activity ("left a message", "no answer") and the documents one sends. Every single letter is a
 * filler, so shorthand in parts ("w/", "f/u") and the ends of contractions ("we'll") are too.
 * Stems (in FILLER_STEMS) take -s, -es, -ed, -d and -ing.
 */
export const FILLER_WORDS = list(
    'a b c d e f g h i j k l m n o p q r s t u v w x y z ll ve re an the to too with at on in into for of and or but by about via from up out over off down back again also just then there here around as per not no today tonight yesterday tomorrow tmrw this that morning afternoon evening week wk wks month year day later next last first second another time mon tue tues wed thu thurs fri am pm will would could should can gonna go went gone got todo reminder me my we us our you your they them their he him his she her it its em didn don doesn isn wasn all some any new weekly monthly quarterly quick busy had has have did do does done was were is are be been ok fine good'
);

/** Filler stems, with their inflections: plan (plans, planned, planning), schedule, customer ... */
export const FILLER_STEMS = list(
    'monday tuesday wednesday thursday friday plan plann schedul resched book remind try tri customer client account prospect lead team buyer owner manager cfo ceo procurement purchasing finance sales company site office onsite plant base left leave message msg answer status update note info detail deck proposal quote agenda invit calendar linkedin confirm'
);

/**
 * What only the customer's side of a conversation says, as stems (with -s, -es, -ed, -d, -ing):
 * a card with one of these is content, never a low card, however short ("called: they want a
 * discount", "vm - said no budget").
 */
export const CUSTOMER_SIGNAL_STEMS = list(
    'said say told tell ask want needs agree declin refus reject complain prefer like love hate ' +
        'worried concern happy unhappy angry upset frustrat interest expect budget sign order bought ' +
        'approv renew churn competitor issue problem delay late broke fail error wrong request promis won ' +
        'lost'
);

/**
 * "They", "she" or "he" followed by a verb says what the customer does ("they went with
 * Nordline", "she prefers email"): content, unless the verb only says they were not reached
 * ("they were out", "she'll call back"). Nouns are left out: "the owner" is as often the object
 * ("met the owner"). The subjects, the words that may stand between subject and verb, and the
 * verbs (stems, with endings) that say nothing about the customer.
 */
export const CUSTOMER_SUBJECTS = list('they she he');
export const SUBJECT_AUXILIARIES = list(
    'are were was is will would ll d didn don isn wasn can have had be re s m t not'
);
export const SUBJECT_QUIET_STEMS = list(
    'out in on away busy back off up unavailable call email com answer pick text confirm tri try'
);
