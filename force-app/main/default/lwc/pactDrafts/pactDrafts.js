/**
 * Unsaved words (a high card, a plan, a plan's outcome, a coaching note), kept in the browser until the
 * server confirms them, so a reload or a dropped connection loses nothing. One draft per kind, user and
 * record: two reps sharing a device never see each other's words and each customer keeps its own draft.
 * Storage can be full or switched off: every function reports failure (false / null) instead of throwing.
 */
const PREFIX = 'pact.draft.v2';

const filled = (value) => typeof value === 'string' && value.trim().length > 0;
const someFilled = (fields) => (values) => fields.some((field) => filled(values[field]));

/**
 * What each kind of draft keeps: `keep` returns the values worth storing, or null when they hold no words
 * (ids, dates and picklist choices alone are not worth a draft). `legacy` reads what the previous version
 * stored, so a draft written before an update is not lost.
 */
const KINDS = {
    highCard: {
        keep: (values) => (someFilled(['details', 'headline'])(values) ? values : null),
        legacy: {
            key: (userId, recordId) => `pact.highCardDraft.v1:${userId}:${recordId}`,
            values: (stored) => stored.values
        }
    },
    coachingNote: {
        keep: (values) => (someFilled(['details'])(values) ? values : null),
        // The previous version kept coaching notes among the high card drafts, under one fixed scope.
        legacy: {
            key: (userId) => `pact.highCardDraft.v1:${userId}:coachingNote`,
            values: (stored) => stored.values
        }
    },
    plan: {
        keep: (values) => (someFilled(['Objective__c', 'Questions__c', 'Desired_Outcome__c'])(values) ? values : null),
        legacy: {
            key: (userId, accountId) => `pact.planDraft.v1:${userId}:${accountId}`,
            values: (stored) => stored.form
        }
    },
    // Outcomes not yet saved, by plan id, for one account.
    planOutcome: {
        keep: (values) => {
            const kept = Object.fromEntries(Object.entries(values).filter(([, text]) => filled(text)));
            return Object.keys(kept).length ? kept : null;
        },
        legacy: {
            key: (userId, accountId) => `pact.planDraft.v1:${userId}:${accountId}`,
            values: (stored) => stored.outcomes
        }
    }
};

export const DRAFT_KINDS = Object.freeze(Object.keys(KINDS));

const usable = (kind, userId, recordId) => Boolean(KINDS[kind] && userId && recordId);

/** @param {string} kind one of DRAFT_KINDS @param {string} userId @param {string} recordId */
export function draftKey(kind, userId, recordId) {
    return `${PREFIX}:${kind}:${userId}:${recordId}`;
}

/** The values worth keeping for this kind, or null when they hold no words. */
export function keepable(kind, values) {
    return KINDS[kind] && values && typeof values === 'object' ? KINDS[kind].keep(values) : null;
}

/** A high card or coaching note draft is worth keeping when it holds words: the details or the headline. */
export function hasWords(values, kind = 'highCard') {
    return keepable(kind, values) !== null;
}

function parse(raw, pick) {
    if (!raw) return null;
    const stored = JSON.parse(raw);
    if (!stored || typeof stored !== 'object') return null;
    const values = pick(stored);
    return values && typeof values === 'object' ? { savedAt: String(stored.savedAt ?? ''), values } : null;
}

/**
 * Stores the draft (or removes it when it holds no words). The previous version's entry goes too: from
 * now on this key is the draft.
 * @returns {boolean} false when the browser refused to store it
 */
export function saveDraft(kind, userId, recordId, values, now = new Date()) {
    if (!usable(kind, userId, recordId)) return false;
    try {
        const key = draftKey(kind, userId, recordId);
        const kept = keepable(kind, values);
        if (kept) {
            window.localStorage.setItem(key, JSON.stringify({ savedAt: now.toISOString(), values: kept }));
        } else {
            window.localStorage.removeItem(key);
        }
        window.localStorage.removeItem(KINDS[kind].legacy.key(userId, recordId));
        return true;
    } catch {
        return false;
    }
}

/**
 * A draft written by the previous version is copied to this version's key when read. Its old entry stays
 * until the next save or clear, because the planner's old entry held both the plan and the outcomes.
 */
function migrate(kind, userId, recordId, now) {
    const legacy = KINDS[kind].legacy;
    const draft = parse(window.localStorage.getItem(legacy.key(userId, recordId)), legacy.values);
    const values = draft && keepable(kind, draft.values);
    if (!values) return null;
    const savedAt = draft.savedAt || now.toISOString();
    window.localStorage.setItem(draftKey(kind, userId, recordId), JSON.stringify({ savedAt, values }));
    return { savedAt, values };
}

/**
 * @returns {{ savedAt: string, values: Record<string, any> } | null} the stored draft, or null when there
 * is none or it cannot be read
 */
export function loadDraft(kind, userId, recordId, now = new Date()) {
    if (!usable(kind, userId, recordId)) return null;
    try {
        const raw = window.localStorage.getItem(draftKey(kind, userId, recordId));
        if (!raw) return migrate(kind, userId, recordId, now);
        const draft = parse(raw, (stored) => stored.values);
        const values = draft && keepable(kind, draft.values);
        return values ? { savedAt: draft.savedAt, values } : null;
    } catch {
        return null;
    }
}

/** Removes the draft; called only after the server confirmed the save or the rep chose Discard. */
export function clearDraft(kind, userId, recordId) {
    if (!usable(kind, userId, recordId)) return false;
    try {
        window.localStorage.removeItem(draftKey(kind, userId, recordId));
        window.localStorage.removeItem(KINDS[kind].legacy.key(userId, recordId));
        return true;
    } catch {
        return false;
    }
}
