/**
 * Small per-user choices about how a PACT screen looks (e.g. "More details" open), kept in this browser.
 * One entry per user, so two people sharing a device keep their own. Storage may be full or switched off:
 * reading falls back to the default and writing reports false, never throws.
 */
const PREFIX = 'pact.prefs.v1';

/** @param {string} userId */
export function preferencesKey(userId) {
    return `${PREFIX}:${userId}`;
}

function readAll(userId) {
    try {
        const stored = JSON.parse(localStorage.getItem(preferencesKey(userId)) ?? '{}');
        return stored && typeof stored === 'object' && !Array.isArray(stored) ? stored : {};
    } catch {
        return {};
    }
}

/**
 * @param {string} userId
 * @param {string} name
 * @param {*} fallback returned when nothing (or something of another type) is stored
 */
export function loadPreference(userId, name, fallback) {
    if (!userId) return fallback;
    const value = readAll(userId)[name];
    return value === undefined || typeof value !== typeof fallback ? fallback : value;
}

/** @returns {boolean} whether the browser kept it */
export function savePreference(userId, name, value) {
    if (!userId) return false;
    try {
        localStorage.setItem(preferencesKey(userId), JSON.stringify({ ...readAll(userId), [name]: value }));
        return true;
    } catch {
        return false;
    }
}
