/**
 * Formatting for what reps read: label placeholders and dates in the user's locale and time zone.
 * Values are substituted as text; templates render them as text, never as HTML.
 */
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { OPEN_ACTION_STATUSES } from 'c/pactRules';

/**
 * Replaces {0}, {1}, ... in a custom label with the given values.
 * @param {string} label
 * @param {...unknown} values
 */
export function formatLabel(label, ...values) {
    return String(label ?? '').replace(/\{(\d+)\}/g, (match, index) => {
        const value = values[Number(index)];
        return value === undefined || value === null ? '' : String(value);
    });
}

/**
 * A moment (ISO 8601 timestamp) as the rep's locale writes it, in the rep's time zone.
 * @param {string | Date | null | undefined} value
 */
export function formatDateTime(value) {
    const date = value instanceof Date ? value : new Date(value ?? '');
    if (Number.isNaN(date.getTime())) return '';
    try {
        return new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(
            date
        );
    } catch {
        // An unknown locale or zone must not hide the rep's draft: fall back to the runtime's defaults.
        return date.toLocaleString();
    }
}

/**
 * A calendar date (YYYY-MM-DD, as Salesforce stores Date fields) in the rep's locale. Formatted in UTC
 * so that the day never shifts with the time zone.
 * @param {string | null | undefined} value
 */
export function formatDate(value) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
    if (!match) return '';
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    try {
        return new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
    } catch {
        return value;
    }
}

/**
 * Today's date (YYYY-MM-DD) where the rep is: in the rep's time zone, not the browser's or the server's, so an
 * action due today is not overdue in the evening for a rep whose laptop clock is set elsewhere.
 * @param {Date} [now]
 */
export function todayInTimeZone(now = new Date()) {
    try {
        const parts = new Intl.DateTimeFormat('en-US', {
            timeZone: TIME_ZONE,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit'
        }).formatToParts(now);
        const part = (type) => parts.find((p) => p.type === type)?.value;
        return `${part('year')}-${part('month')}-${part('day')}`;
    } catch {
        const pad = (n) => String(n).padStart(2, '0');
        return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    }
}

/**
 * Whether an action is past its due date and still open.
 * @param {string | null | undefined} due YYYY-MM-DD
 * @param {string | null | undefined} status Action_Status__c value; blank counts as open (nothing says it is done)
 * @param {string} [today] YYYY-MM-DD, the rep's today by default
 */
export function isOverdue(due, status, today = todayInTimeZone()) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(due ?? '')) return false;
    if (status && !OPEN_ACTION_STATUSES.includes(status)) return false;
    return due < today;
}
