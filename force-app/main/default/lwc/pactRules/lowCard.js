// @ts-check
/**
 * The low-card rule as one regular expression, built from the vocabulary, that JavaScript (the UI),
 * formulon and Java's java.util.regex (Salesforce's REGEX, a whole-string match) all run the same
 * way. No backslashes (a formula string would need them escaped and formulon rejects them), no
 * possessive or atomic groups (JavaScript has none), and nothing that recurses per word in Java:
 * every open-ended repetition is over one character class, which Java runs as a loop (the two
 * repeated groups stop at three). The text is
 * " " + lower(trim(details)) + " ".
 */
import {
    ACTIVITY_NOUNS,
    ACTIVITY_PHRASES,
    ACTIVITY_SHORTHAND,
    ACTIVITY_VERBS,
    CUSTOMER_SIGNAL_STEMS,
    CUSTOMER_SUBJECTS,
    SUBJECT_AUXILIARIES,
    SUBJECT_QUIET_STEMS,
    FILLER_STEMS,
    FILLER_WORDS
} from './vocabulary';

/** Details of this many characters or more (trimmed) are never judged a low card. */
export const LOW_CARD_MAX_LENGTH = 200;
/** A low card may name a person or a company: up to this many words outside the vocabulary. */
export const LOW_CARD_MAX_CONTENT_WORDS = 2;

// Letters of other scripts (accented Latin, Greek, Cyrillic, Hebrew, Arabic, Indic, Hangul...) are
// word characters, so "Called: <a request in Arabic>" has content words. Only ranges inside the
// Basic Multilingual Plane: JavaScript matches UTF-16 code units and Java code points, so emoji and
// other astral characters are separators on both. The \u escapes are JavaScript source only; the
// pattern (and the formula) holds the characters themselves.
const OTHER_SCRIPTS = '\u00C0-\u1FFE\u2C00-\uD7FB\uF900-\uFEFC';
const WORD = `[a-z0-9${OTHER_SCRIPTS}]`;
const SEP = `[^a-z0-9${OTHER_SCRIPTS}]`;
/**
 * Any one character, as one character class: Java repeats a class in a loop but recurses for each
 * repetition of a group such as (?:[a-z]|[^a-z]), which overflows the stack on long text. No
 * backslash and no dot (a dot skips line breaks): everything but U+F900, a CJK compatibility
 * ideograph. A text holding it is in a script written without spaces, never judged a low card
 * anyway, so leaving it out changes no verdict.
 */
export const ANY = '[^\uF900]';
// Thai, Lao, Myanmar, Khmer, CJK and Yi are written without spaces between words, so a clause
// would count as one word; text in these scripts is never judged a low card.
const UNSPACED_SCRIPTS = '\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u2E80-\uA4CF\uF900-\uFAFF';

/** @param {string[]} alts @returns {string} one alternation that is safe to embed */
function group(alts) {
    if (alts.length === 1) return alts[0];
    return alts.every((alt) => alt.length === 1) ? `[${alts.join('')}]` : `(?:${alts.join('|')})`;
}

/**
 * A compact alternation of words, as a prefix tree: call, calls, called -> call(?:ed|s)?.
 * @param {Iterable<string>} words lower-case letters and digits
 * @param {string[]} [patterns] more alternatives, as patterns
 */
export function alternation(words, patterns = []) {
    /** @typedef {{ end: boolean, next: Map<string, TrieNode> }} TrieNode */
    /** @type {TrieNode} */
    const root = { end: false, next: new Map() };
    for (const word of new Set(words)) {
        if (!/^[a-z0-9]+$/.test(word)) throw new Error(`bad word ${word}`);
        let node = root;
        for (const ch of word) {
            if (!node.next.has(ch)) node.next.set(ch, { end: false, next: new Map() });
            node = /** @type {TrieNode} */ (node.next.get(ch));
        }
        node.end = true;
    }
    /** @param {TrieNode} node @returns {string[]} */
    const alternativesOf = (node) =>
        [...node.next.keys()].sort().map((ch) => {
            const child = /** @type {TrieNode} */ (node.next.get(ch));
            const rest = alternativesOf(child);
            if (rest.length === 0) return ch;
            const tail = group(rest);
            if (!child.end) return ch + tail;
            return ch + (tail.length === 1 || rest.length > 1 ? `${tail}?` : `(?:${tail})?`);
        });
    return group([...alternativesOf(root), ...patterns]);
}

/** The endings a stem takes: -s, -es, -e, -ed, -d, -ing (and what is not a word, harmlessly). */
const ENDINGS = '(?:e[ds]?|d|s|ing)?';

/**
 * The regex stems of a verb as written in ACTIVITY_VERBS, and its forms no ending makes.
 * @param {string} spec e.g. "chat+", "phone", "meet!/met"
 * @returns {{ stems: string[], words: string[] }}
 */
export function verbStems(spec) {
    const [head, ...words] = spec.split('/');
    const stem = head.replace(/[+!]/g, '');
    if (stem.length === 1) return { stems: [], words: [stem, ...words] };
    const stems = [/[^e]e$/.test(stem) ? stem.slice(0, -1) : stem];
    if (head.includes('+')) stems.push(stem + stem.slice(-1));
    return { stems, words };
}

/**
 * One alternation of whole words and of stems with their endings.
 * @param {{ words?: string[], stems?: string[], patterns?: string[] }} parts
 */
function vocabularyPattern({ words = [], stems = [], patterns = [] }) {
    const stemmed = stems.length > 0 ? [`${alternation(stems)}${ENDINGS}`] : [];
    return alternation(words, [...stemmed, ...patterns]);
}

/** @param {string[]} specs */
const verbs = (specs) => {
    const parts = specs.map(verbStems);
    return { stems: parts.flatMap((p) => p.stems), words: parts.flatMap((p) => p.words) };
};

const activityVerbs = verbs(ACTIVITY_VERBS);
const phraseParts = ACTIVITY_PHRASES.map(([specs, particles]) => ({
    ...verbs(specs.split(' ')),
    particles: particles.split(' ')
}));

/** What makes a card an activity: stems, whole words (shorthand, irregular forms), two-word patterns. */
export const ACTIVITY = Object.freeze({
    stems: [...activityVerbs.stems, ...ACTIVITY_NOUNS].sort(),
    words: [...activityVerbs.words, ...ACTIVITY_SHORTHAND].sort(),
    patterns: phraseParts.map(
        (p) => `${vocabularyPattern({ stems: p.stems, words: p.words })}[ /-]+${alternation(p.particles)}`
    )
});

/** Everything that is not content: activities, fillers and the parts of two-word activities. */
const VOCABULARY_PATTERN = vocabularyPattern({
    stems: [...ACTIVITY.stems, ...FILLER_STEMS, ...phraseParts.flatMap((p) => p.stems)],
    words: [...ACTIVITY.words, ...FILLER_WORDS, ...phraseParts.flatMap((p) => [...p.words, ...p.particles])]
});

const AUXILIARY = alternation(SUBJECT_AUXILIARIES);
/** Between subject and verb: spaces and punctuation (a cheaper class than SEP; the verb still starts a word). */
const GAP = '[^a-z0-9]+';

/**
 * What every part of the rule checks, before the activity: short enough, spaced script, no word
 * only a customer says, no customer as the subject of a verb, at most LOW_CARD_MAX_CONTENT_WORDS
 * words outside the vocabulary.
 */
export const LOW_CARD_CONDITIONS =
    // The text's own length bound: on a long text every engine stops after this many characters,
    // whatever order the formula's functions run in.
    `(?!${ANY}{${LOW_CARD_MAX_LENGTH + 2}})` +
    `(?=[^${UNSPACED_SCRIPTS}]*$)` +
    `(?!${ANY}*?${SEP}${vocabularyPattern({ stems: CUSTOMER_SIGNAL_STEMS })}${SEP})` +
    // A customer doing something: subject, at most three auxiliaries, a verb that is not quiet.
    `(?!${ANY}*?${SEP}${alternation(CUSTOMER_SUBJECTS)}(?:${GAP}${AUXILIARY}){0,3}${GAP}(?!${vocabularyPattern({ stems: SUBJECT_QUIET_STEMS, words: SUBJECT_AUXILIARIES })}${SEP})${WORD})` +
    // LOW_CARD_MAX_CONTENT_WORDS + 1 word starts whose word is not in the vocabulary.
    `(?!(?:${ANY}*?${SEP}(?!${VOCABULARY_PATTERN}${SEP})${WORD}){${LOW_CARD_MAX_CONTENT_WORDS + 1}})`;

/**
 * The pattern of a low card that names one of these activities.
 * @param {{ words?: string[], stems?: string[], patterns?: string[] }} activity
 */
export const lowCardPattern = (activity) =>
    `${LOW_CARD_CONDITIONS}${ANY}*?${SEP}${vocabularyPattern(activity)}${SEP}${ANY}*`;

/** The whole rule as one pattern: what the UI runs. */
export const LOW_CARD_PATTERN = lowCardPattern(ACTIVITY);

const LOW_CARD_REGEX = new RegExp(`^(?:${LOW_CARD_PATTERN})$`);

/** The text every engine matches: the trimmed details in lower case, between two spaces. */
export const lowCardText = (/** @type {string} */ details) => ` ${details.trim().toLowerCase()} `;

/**
 * True when details only record that an activity happened or is planned ("Called, left vm",
 * "calling them again tomorrow") and name nothing the customer said or did.
 * @param {string | null | undefined} details
 */
export function isLowCard(details) {
    const value = typeof details === 'string' ? details : '';
    return value.trim().length < LOW_CARD_MAX_LENGTH && LOW_CARD_REGEX.test(lowCardText(value));
}

const FIELD = 'Details__c';

/**
 * The validation rule's error condition for a low-card pattern. The length is tested by IF, not by
 * AND: nothing documents that AND stops at its first FALSE.
 * @param {string} [pattern]
 */
export const lowCardFormula = (pattern = LOW_CARD_PATTERN) =>
    `IF(LEN(TRIM(${FIELD})) < ${LOW_CARD_MAX_LENGTH}, REGEX(" " & LOWER(TRIM(${FIELD})) & " ", "${pattern}"), FALSE)`;
