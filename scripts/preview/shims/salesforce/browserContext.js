// What an org decides per user and device, decided here by the browser the preview runs in: the page's
// query parameters win (?formFactor=Small, ?locale=de-DE, ?timeZone=Europe/Berlin), then the browser's own
// settings. Read once when the bundle loads, as the platform resolves these modules once per page.
const params = new URLSearchParams(window.location.search);

/** Below this width the Salesforce mobile app would run on a phone: formFactor Small. */
export const PHONE_MAX_WIDTH = 767;

const FORM_FACTORS = ['Large', 'Medium', 'Small'];

export function formFactor() {
    const asked = params.get('formFactor');
    if (FORM_FACTORS.includes(asked)) return asked;
    return window.innerWidth <= PHONE_MAX_WIDTH ? 'Small' : 'Large';
}

function supported(check, value) {
    try {
        check(value);
        return true;
    } catch {
        return false;
    }
}

export function locale() {
    const asked = params.get('locale');
    if (asked && supported((v) => new Intl.Locale(v), asked)) return asked;
    return navigator.language || 'en-US';
}

export function timeZone() {
    const asked = params.get('timeZone');
    if (asked && supported((v) => new Intl.DateTimeFormat('en-US', { timeZone: v }), asked)) return asked;
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
