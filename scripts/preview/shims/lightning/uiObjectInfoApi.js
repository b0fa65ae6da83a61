// Preview shim for lightning/uiObjectInfoApi: object and picklist descriptions from the same
// metadata the schema is generated from (force-app plus the standard objects PACT reads).
import { send, deepFreeze } from './previewBus';

const apiNameOf = (value) => (value && typeof value === 'object' ? value.objectApiName : value);

function adapter(load) {
    return class {
        constructor(dataCallback) {
            this.dataCallback = dataCallback;
            this.connected = false;
            this.config = undefined;
        }
        connect() {
            this.connected = true;
            this.fetch();
        }
        disconnect() {
            this.connected = false;
        }
        update(config) {
            this.config = config;
            if (this.connected) this.fetch();
        }
        async fetch() {
            if (!this.config) return;
            let value;
            try {
                const data = await load(this.config);
                value = data === undefined ? undefined : { data: deepFreeze(data), error: undefined };
            } catch (error) {
                value = { data: undefined, error };
            }
            if (value && this.connected) this.dataCallback(value);
        }
    };
}

const objectInfo = (objectApiName) => send('POST', '/__preview/ui-api/object-info', { objectApiName });

export const getObjectInfo = adapter((config) => {
    const apiName = apiNameOf(config.objectApiName);
    return apiName ? objectInfo(apiName) : undefined;
});

export const getObjectInfos = adapter(async (config) => {
    const names = (config.objectApiNames || []).map(apiNameOf).filter(Boolean);
    if (!names.length) return undefined;
    const results = await Promise.all(names.map((name) => objectInfo(name)));
    return { results: results.map((result) => ({ result, statusCode: 200 })) };
});

export const getPicklistValues = adapter(async (config) => {
    const field = config.fieldApiName;
    if (!field || !config.recordTypeId) return undefined;
    const [objectApiName, fieldApiName] =
        typeof field === 'string' ? field.split('.') : [field.objectApiName, field.fieldApiName];
    const info = await objectInfo(objectApiName);
    return info.picklists[fieldApiName] || { values: [], defaultValue: null, controllerValues: {} };
});

export const getPicklistValuesByRecordType = adapter(async (config) => {
    const apiName = apiNameOf(config.objectApiName);
    if (!apiName || !config.recordTypeId) return undefined;
    const info = await objectInfo(apiName);
    return { picklistFieldValues: info.picklists };
});
