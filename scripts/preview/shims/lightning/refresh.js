// Preview shim for lightning/refresh (the RefreshView API): a RefreshEvent anywhere on the page runs every
// registered refresh handler, as the record page does after a standard action saves.
export class RefreshEvent extends CustomEvent {
    constructor() {
        super('lightning__refreshevent', { bubbles: true, composed: true });
    }
}

export const REFRESH_COMPLETE = 'RefreshComplete';
export const REFRESH_COMPLETE_WITH_ERRORS = 'RefreshCompleteWithErrors';
export const REFRESH_ERROR = 'RefreshError';

const handlers = new Map();
let nextId = 1;

export function registerRefreshHandler(_element, handler) {
    const id = nextId++;
    handlers.set(id, handler);
    return id;
}

export function unregisterRefreshHandler(id) {
    handlers.delete(id);
}

export function registerRefreshContainer() {
    return 0;
}
export function unregisterRefreshContainer() {}

document.addEventListener('lightning__refreshevent', () => {
    for (const handler of handlers.values()) handler();
});
