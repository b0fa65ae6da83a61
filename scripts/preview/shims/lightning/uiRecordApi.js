// Preview shim for lightning/uiRecordApi: writes go to the preview server, which checks them like the
// org (required fields, picklists, the PACT validation rules) and answers in the UI API's shapes.
import { registerWire, unregisterWire, send, deepFreeze, refreshWiresMentioning } from './previewBus';

const fieldPath = (field) => (typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`);
const toList = (value) => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

export class getRecord {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
        this.connected = false;
        this.config = undefined;
        this.sequence = 0;
    }

    connect() {
        this.connected = true;
        registerWire(this);
        this.fetch();
    }

    disconnect() {
        this.connected = false;
        unregisterWire(this);
    }

    update(config) {
        this.config = config;
        if (this.connected) this.fetch();
    }

    mentions(ids) {
        return Boolean(this.config && this.config.recordId && ids.includes(String(this.config.recordId).slice(0, 15)));
    }

    refresh() {
        return this.fetch();
    }

    async fetch() {
        const config = this.config;
        if (!config || !config.recordId) return;
        const sequence = ++this.sequence;
        const fields = [...toList(config.fields), ...toList(config.optionalFields)].map(fieldPath);
        let value;
        try {
            const data = await send('POST', '/__preview/ui-api/records/get', { recordId: config.recordId, fields });
            value = { data: deepFreeze(data), error: undefined };
        } catch (error) {
            value = { data: undefined, error };
        }
        if (sequence === this.sequence && this.connected) this.dataCallback(value);
    }
}

function walk(record, field) {
    if (!record || !field) return undefined;
    const path = fieldPath(field).split('.').slice(1);
    let current = record;
    for (let i = 0; i < path.length; i++) {
        const entry = current && current.fields ? current.fields[path[i]] : undefined;
        if (!entry) return undefined;
        if (i === path.length - 1) return entry;
        current = entry.value;
    }
    return undefined;
}

export function getFieldValue(record, field) {
    const entry = walk(record, field);
    return entry ? entry.value : undefined;
}

export function getFieldDisplayValue(record, field) {
    const entry = walk(record, field);
    return entry ? (entry.displayValue ?? entry.value) : undefined;
}

export async function createRecord(recordInput) {
    const record = await send('POST', '/__preview/ui-api/records', recordInput);
    return deepFreeze(record);
}

export async function updateRecord(recordInput) {
    const id = recordInput && recordInput.fields && recordInput.fields.Id;
    const record = await send('PATCH', `/__preview/ui-api/records/${encodeURIComponent(id)}`, recordInput);
    await refreshWiresMentioning([id]);
    return deepFreeze(record);
}

export async function deleteRecord(recordId) {
    await send('DELETE', `/__preview/ui-api/records/${encodeURIComponent(recordId)}`);
    await refreshWiresMentioning([recordId]);
}

export function notifyRecordUpdateAvailable(items) {
    return refreshWiresMentioning(toList(items).map((item) => item && item.recordId));
}

/** Deprecated platform alias, kept so older components build. */
export const getRecordNotifyChange = notifyRecordUpdateAvailable;

export function generateRecordInputForCreate(record) {
    const fields = {};
    for (const [name, entry] of Object.entries((record && record.fields) || {})) {
        if (entry && typeof entry === 'object' && 'value' in entry) fields[name] = entry.value;
    }
    return { apiName: record && record.apiName, fields };
}
