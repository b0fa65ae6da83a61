/**
 * Unsaved high cards, kept in the browser until the server confirms the save. One draft per user and
 * record, so two reps sharing a device never see each other's words and each customer keeps its own draft.
 * Storage can be full or switched off: every function reports failure instead of throwing.
 */
const PREFIX = 'pact.highCardDraft.v1';

/** @param {string} userId @param {string} recordId */
export function draftKey(userId, recordId) {
    return `${PREFIX}:${userId}:${recordId}`;
}

/** A draft is worth keeping when it holds words: the details or the headline. */
export function hasWords(values) {
    const filled = (v) => typeof v === 'string' && v.trim().length > 0;
    return Boolean(values) && (filled(values.details) || filled(values.headline));
}

/**
 * Stores the draft (or removes it when it holds no words).
 * @returns {boolean} false when the browser refused to store it
 */
export function saveDraft(userId, recordId, values, now = new Date()) {
    if (!userId || !recordId) return false;
    try {
        const key = draftKey(userId, recordId);
        if (hasWords(values)) {
            window.localStorage.setItem(key, JSON.stringify({ savedAt: now.toISOString(), values }));
        } else {
            window.localStorage.removeItem(key);
        }
        return true;
    } catch {
        return false;
    }
}

/**
 * @returns {{ savedAt: string, values: Record<string, string> } | null} the stored draft, or null when
 * there is none or it cannot be read
 */
export function loadDraft(userId, recordId) {
    if (!userId || !recordId) return null;
    try {
        const raw = window.localStorage.getItem(draftKey(userId, recordId));
        if (!raw) return null;
        const draft = JSON.parse(raw);
        if (!draft || typeof draft !== 'object' || !draft.values || typeof draft.values !== 'object') return null;
        return hasWords(draft.values) ? { savedAt: String(draft.savedAt ?? ''), values: draft.values } : null;
    } catch {
        return null;
    }
}

/** Removes the draft; called only after the server confirmed the save or the rep chose Discard. */
export function clearDraft(userId, recordId) {
    if (!userId || !recordId) return false;
    try {
        window.localStorage.removeItem(draftKey(userId, recordId));
        return true;
    } catch {
        return false;
    }
}
