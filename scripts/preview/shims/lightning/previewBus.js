// Shared by the preview's lightning/graphql and lightning/uiRecordApi shims: the live wires, so a
// write can refresh the results that contain the record, as Lightning Data Service does.
const wires = new Set();

export function registerWire(wire) {
    wires.add(wire);
}

export function unregisterWire(wire) {
    wires.delete(wire);
}

/** Refreshes every live wire whose last result mentions one of the record Ids. */
export function refreshWiresMentioning(recordIds) {
    const ids = recordIds.filter(Boolean).map((id) => String(id).slice(0, 15));
    const refreshes = [];
    for (const wire of wires) {
        if (wire.mentions(ids)) refreshes.push(wire.refresh());
    }
    return Promise.all(refreshes);
}

/** POSTs JSON to the preview server; rejects like Lightning Data Service (a FetchResponse-shaped object). */
export async function send(method, url, payload) {
    // A network failure rejects with the browser's TypeError, as the real data service does.
    const response = await fetch(url, {
        method,
        // Who saves or reads: the page's user (the preview's "Preview as" switch), as the org knows its session.
        headers: { 'Content-Type': 'application/json', 'X-Pact-User': document.documentElement.dataset.pactUser || '' },
        body: payload === undefined ? undefined : JSON.stringify(payload)
    });
    const text = await response.text();
    let body;
    try {
        body = text ? JSON.parse(text) : undefined;
    } catch {
        body = { message: text };
    }
    if (!response.ok) {
        // Not an Error instance: the data service rejects with the response's shape.
        return Promise.reject({
            ok: false,
            status: response.status,
            statusText: response.statusText,
            headers: {},
            body
        });
    }
    return body;
}

/** Lightning Data Service hands components read-only data. */
export function deepFreeze(value) {
    if (value && typeof value === 'object' && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const key of Object.keys(value)) deepFreeze(value[key]);
    }
    return value;
}

export function mentionsAny(value, ids) {
    if (!value) return false;
    const text = JSON.stringify(value);
    return ids.some((id) => text.includes(id));
}
