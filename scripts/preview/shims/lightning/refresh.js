// Preview shim for lightning/refresh: a RefreshEvent reloads the wires on the page.
export class RefreshEvent extends CustomEvent {
    constructor() {
        super('lightning__refreshevent', { bubbles: true, composed: true });
    }
}
export function registerRefreshContainer() {}
export function unregisterRefreshContainer() {}
export function registerRefreshHandler() {}
export function unregisterRefreshHandler() {}
export const REFRESH_COMPLETE = 'RefreshComplete';
export const REFRESH_COMPLETE_WITH_ERRORS = 'RefreshCompleteWithErrors';
export const REFRESH_ERROR = 'RefreshError';
