/**
 * Unsaved planner words (a new or edited plan, outcomes not yet saved), kept in the browser until
 * the server confirms them, so a reload or a dropped connection loses nothing. One entry per user
 * and account. Storage can be full or switched off: every function reports failure instead of throwing.
 */
const PREFIX = 'pact.planDraft.v1';

const filled = (value) => typeof value === 'string' && value.trim().length > 0;

/** @param {string} userId @param {string} accountId */
export function plannerDraftKey(userId, accountId) {
    return `${PREFIX}:${userId}:${accountId}`;
}

/** Only drafts that hold words are worth keeping; ids and dates alone are not. */
export function keepable({ form, outcomes } = {}) {
    const formWords =
        form && ['Objective__c', 'Questions__c', 'Desired_Outcome__c'].some((field) => filled(form[field]));
    const outcomeWords = Object.fromEntries(Object.entries(outcomes || {}).filter(([, text]) => filled(text)));
    return {
        form: formWords ? form : null,
        outcomes: outcomeWords
    };
}

/** @returns {boolean} false when the browser refused to store the draft */
export function savePlannerDraft(userId, accountId, drafts) {
    if (!userId || !accountId) return false;
    try {
        const key = plannerDraftKey(userId, accountId);
        const kept = keepable(drafts);
        if (kept.form || Object.keys(kept.outcomes).length) {
            window.localStorage.setItem(key, JSON.stringify(kept));
        } else {
            window.localStorage.removeItem(key);
        }
        return true;
    } catch {
        return false;
    }
}

/** @returns {{ form: object | null, outcomes: Record<string, string> }} */
export function loadPlannerDraft(userId, accountId) {
    const empty = { form: null, outcomes: {} };
    if (!userId || !accountId) return empty;
    try {
        const raw = window.localStorage.getItem(plannerDraftKey(userId, accountId));
        if (!raw) return empty;
        const parsed = JSON.parse(raw);
        return parsed && typeof parsed === 'object' ? keepable(parsed) : empty;
    } catch {
        return empty;
    }
}
