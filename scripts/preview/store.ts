/**
 * The preview's records: loaded from the sample data plan (config/sample-data, `sf data tree` format),
 * dates shifted so the newest high card happened today, writes checked like the org checks them
 * (required fields, restricted picklists, lengths, then the PACT rulebook as the validation rules do)
 * and kept in .preview-data/store.json so they survive a restart.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FieldDescribe, ObjectDescribe, OrgDescribe } from '../lib/graphql/describe';
import type { RecordSource, StoredRecord } from '../lib/graphql/record-query';
import { wrapValue } from '../lib/graphql/uiapi-schema';
import { openActionValues, readOpenActions, type OpenActionEntry } from '../lib/sample-data/open-actions';

/** The people of the preview org, named by role. The rep is the running user. */
export const PREVIEW_USERS = [
    { Id: '005000000000001AAA', FirstName: 'Sales', LastName: 'Rep', Title: 'Account Manager', Alias: 'rep' },
    {
        Id: '005000000000002AAA',
        FirstName: 'Sales',
        LastName: 'Manager',
        Title: 'Regional Sales Manager',
        Alias: 'mgr'
    },
    { Id: '005000000000003AAA', FirstName: 'Service', LastName: 'Lead', Title: 'Customer Service Lead', Alias: 'svc' },
    { Id: '005000000000004AAA', FirstName: 'Sales', LastName: 'Executive', Title: 'VP Sales', Alias: 'exec' }
];
export const RUNNING_USER_ID = PREVIEW_USERS[0].Id;

export interface FieldError {
    field: string;
    message: string;
    errorCode: string;
}

/** A rejected write, shaped like the UI API's record error body. */
export class RecordWriteError extends Error {
    constructor(
        readonly status: number,
        readonly errors: { message: string; errorCode: string }[],
        readonly fieldErrors: FieldError[],
        private readonly labels: Record<string, string> = {}
    ) {
        super(fieldErrors[0]?.message ?? errors[0]?.message ?? 'The record could not be saved.');
    }

    /** The body a UI API client (Lightning Data Service) rejects with. */
    toBody() {
        const fieldErrors: Record<string, unknown[]> = {};
        for (const e of this.fieldErrors) {
            (fieldErrors[e.field] ??= []).push({
                constituentField: null,
                duplicateRecordError: null,
                errorCode: e.errorCode,
                field: e.field,
                fieldLabel: this.labels[e.field] ?? e.field,
                message: e.message
            });
        }
        return {
            enhancedErrorType: 'RecordError',
            errorCode: this.fieldErrors[0]?.errorCode ?? this.errors[0]?.errorCode ?? 'UNKNOWN_EXCEPTION',
            message: 'An error occurred while trying to update the record. Please try again.',
            statusCode: this.status,
            output: {
                errors: this.errors.map((e) => ({ constituentField: null, duplicateRecordError: null, ...e })),
                fieldErrors
            }
        };
    }
}

export type RuleChecker = (
    objectApiName: string,
    record: Record<string, unknown>,
    context: { today: string }
) => { rule: string; field: string; message: string }[];

interface PlanEntry {
    sobject: string;
    files: string[];
}

interface StoreFile {
    version: typeof STORE_VERSION;
    sampleHash: string;
    records: StoredRecord[];
    counters: Record<string, number>;
}

/** 2: case numbers and derived fields (IsClosed) are stored; a version 1 store starts over from the sample. */
const STORE_VERSION = 2;
const DAY = 86_400_000;

export function isoToday(now = new Date()): string {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function shiftDate(value: unknown, days: number): unknown {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value) || days === 0) return value;
    const shifted = new Date(Date.parse(`${value.slice(0, 10)}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
    return shifted + value.slice(10);
}

/**
 * Standard fields the platform derives and nobody writes: a case is closed when its status is Closed, an
 * opportunity when its stage is a closed one (the sample data, like a data load, leaves them out).
 */
export function deriveStandardFields(record: StoredRecord) {
    if (record.attributes.type === 'Case') record.IsClosed = record.Status === 'Closed';
    if (record.attributes.type === 'Opportunity') {
        const stage = String(record.StageName ?? '');
        record.IsClosed = stage.startsWith('Closed');
        record.IsWon = stage === 'Closed Won';
    }
}

export class PreviewStore implements RecordSource {
    private records = new Map<string, StoredRecord>();
    private counters: Record<string, number> = {};
    private sampleHash = '';
    /** Who reads (scope: MINE) and writes (CreatedById, OwnerId, LastModifiedById): the sample rep, or see asUser. */
    readonly userId: string = RUNNING_USER_ID;
    /** Set by the preview's test hook: every write fails as if the network dropped or the server broke. */
    failWrites: 'off' | 'network' | 'server' = 'off';

    constructor(
        private readonly org: OrgDescribe,
        private readonly sampleDir: string,
        private readonly storeFile: string | null,
        private readonly checkRules: RuleChecker,
        private readonly clock: () => Date = () => new Date()
    ) {}

    today(): string {
        return isoToday(this.clock());
    }

    list(objectApiName: string): StoredRecord[] {
        return [...this.records.values()].filter((r) => r.attributes.type === objectApiName);
    }

    get(id: string): StoredRecord | undefined {
        const exact = this.records.get(id);
        if (exact) return exact;
        // An 18-character Id ends in a case checksum, so it may be matched without regard to case.
        const key = id.length === 18 ? id.toLowerCase() : id.slice(0, 15);
        return [...this.records.values()].find((r) =>
            id.length === 18 ? r.Id.toLowerCase() === key : r.Id.slice(0, 15) === key
        );
    }

    object(apiName: string): ObjectDescribe {
        const object = this.org.objects.get(apiName);
        if (!object)
            throw new RecordWriteError(400, [{ errorCode: 'INVALID_TYPE', message: `Unknown object ${apiName}` }], []);
        return object;
    }

    /** Loads the persisted store, or the sample data when there is none or the sample data changed. */
    load(): { source: 'saved' | 'sample'; records: number; shiftedDays: number } {
        const sample = this.readSample();
        if (this.storeFile && fs.existsSync(this.storeFile)) {
            try {
                const saved = JSON.parse(fs.readFileSync(this.storeFile, 'utf8')) as StoreFile;
                if (saved.version === STORE_VERSION && saved.sampleHash === sample.hash) {
                    this.records = new Map();
                    for (const record of saved.records) this.put(record);
                    this.counters = saved.counters ?? {};
                    this.sampleHash = saved.sampleHash;
                    return { source: 'saved', records: this.records.size, shiftedDays: 0 };
                }
            } catch {
                // A damaged store file is replaced by fresh sample data (the old file is kept beside it).
                fs.copyFileSync(this.storeFile, `${this.storeFile}.damaged`);
            }
        }
        const shiftedDays = this.reset(sample);
        return { source: 'sample', records: this.records.size, shiftedDays };
    }

    private readSample(): {
        hash: string;
        entries: { sobject: string; records: Record<string, unknown>[] }[];
        openActions: OpenActionEntry[];
    } {
        const planFile = path.join(this.sampleDir, 'plan.json');
        if (!fs.existsSync(planFile)) return { hash: 'none', entries: [], openActions: [] };
        const hash = crypto.createHash('sha256');
        const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as PlanEntry[];
        hash.update(JSON.stringify(plan));
        const entries = plan.map((entry) => ({
            sobject: entry.sobject,
            records: entry.files.flatMap((file) => {
                const text = fs.readFileSync(path.join(this.sampleDir, file), 'utf8');
                hash.update(text);
                try {
                    return (JSON.parse(text) as { records: Record<string, unknown>[] }).records;
                } catch (error) {
                    throw new Error(`Sample data ${file} is not valid JSON: ${(error as Error).message}`);
                }
            })
        }));
        const openActions = readOpenActions(this.sampleDir);
        hash.update(openActions.text);
        return { hash: hash.digest('hex').slice(0, 16), entries, openActions: openActions.actions };
    }

    /** Replaces every record with the sample data. Returns how many days the dates were moved. */
    reset(sample = this.readSample()): number {
        this.records.clear();
        this.counters = {};
        this.sampleHash = sample.hash;
        for (const user of PREVIEW_USERS) {
            this.put({
                attributes: { type: 'User' },
                ...user,
                Name: `${user.FirstName} ${user.LastName}`,
                Email: `${user.Alias}@example.com`,
                Username: `${user.Alias}@pact-preview.example.com`,
                IsActive: true,
                ManagerId: user.Id === RUNNING_USER_ID ? PREVIEW_USERS[1].Id : null
            });
        }
        const refs = new Map<string, string>();
        const pending: { type: string; fields: Record<string, unknown> }[] = [];
        for (const entry of sample.entries) {
            for (const raw of entry.records) {
                const attributes = (raw.attributes ?? {}) as { type?: string; referenceId?: string };
                const type = attributes.type ?? entry.sobject;
                const object = this.org.objects.get(type);
                if (!object) throw new Error(`Sample data: unknown object ${type}`);
                const id = this.newId(object);
                if (attributes.referenceId) refs.set(attributes.referenceId, id);
                const fields: Record<string, unknown> = { Id: id };
                for (const [key, value] of Object.entries(raw)) if (key !== 'attributes') fields[key] = value;
                pending.push({ type, fields });
            }
        }
        // Sample dates are shifted so the newest high card happened today and plans stay ahead.
        const cardDates = pending
            .filter((p) => p.type === 'High_Card__c' && typeof p.fields.Occurred_On__c === 'string')
            .map((p) => String(p.fields.Occurred_On__c));
        const newest = cardDates.sort().pop();
        const shiftDays = newest
            ? Math.round((Date.parse(`${this.today()}T00:00:00Z`) - Date.parse(`${newest}T00:00:00Z`)) / DAY)
            : 0;
        const now = this.clock().toISOString();
        for (const { type, fields } of pending) {
            const object = this.object(type);
            const record: StoredRecord = { Id: String(fields.Id), attributes: { type } };
            for (const [key, value] of Object.entries(fields)) {
                const field = object.fields.find((f) => f.apiName === key);
                let resolved = typeof value === 'string' && value.startsWith('@') ? refs.get(value.slice(1)) : value;
                if (typeof value === 'string' && value.startsWith('@') && resolved === undefined) {
                    throw new Error(`Sample data: ${type} refers to unknown reference ${value}`);
                }
                if (field && (field.type === 'Date' || field.type === 'DateTime'))
                    resolved = shiftDate(resolved, shiftDays);
                record[key] = resolved;
            }
            this.applySystemFields(object, record, now, true);
            this.put(record);
        }
        this.assignOpenActions(sample.openActions, refs);
        this.persist();
        return shiftDays;
    }

    /**
     * The sample open actions (config/sample-data/open-actions.json) go to the sample rep, due relative
     * to the preview's today, as `pact setup` assigns them to the admin in an org.
     */
    private assignOpenActions(actions: OpenActionEntry[], refs: Map<string, string>) {
        for (const entry of actions) {
            const fail = (why: string): never => {
                throw new Error(`Sample data open-actions.json: ${entry.card} ${why}`);
            };
            const card = this.records.get(refs.get(entry.card) ?? '');
            if (!card || card.attributes.type !== 'High_Card__c') return fail('is not a sample high card');
            const account = this.records.get(String(card.Account__c));
            if (card.Name !== entry.name || account?.Name !== entry.account) {
                fail(`is "${card.Name}" at ${account?.Name}, not "${entry.name}" at ${entry.account}`);
            }
            Object.assign(card, openActionValues(entry, RUNNING_USER_ID, this.today()));
            const violations = this.checkRules('High_Card__c', card, { today: this.today() });
            if (violations.length) fail(`breaks the rulebook: ${violations.map((v) => v.message).join(' ')}`);
        }
    }

    private newId(object: ObjectDescribe): string {
        const n = (this.counters[object.keyPrefix] = (this.counters[object.keyPrefix] ?? 0) + 1);
        return `${object.keyPrefix}${String(n).padStart(12, '0')}AAA`;
    }

    private put(record: StoredRecord) {
        deriveStandardFields(record);
        this.records.set(record.Id, record);
    }

    /** The next number of an object's auto-number name field (one counter per object, kept in the store file). */
    private nextNumber(object: ObjectDescribe): number {
        const key = `auto:${object.apiName}`;
        return (this.counters[key] = (this.counters[key] ?? 0) + 1);
    }

    private applySystemFields(object: ObjectDescribe, record: StoredRecord, now: string, isNew: boolean) {
        const { userId } = this;
        if (isNew) {
            record.CreatedDate ??= now;
            record.CreatedById ??= userId;
            if (object.fields.some((f) => f.apiName === 'OwnerId')) record.OwnerId ??= userId;
            if (object.autoNumberFormat && !record.Name) {
                const n = this.nextNumber(object);
                record.Name = object.autoNumberFormat.replace(/\{(0+)\}/, (_m, zeros: string) =>
                    String(n).padStart(zeros.length, '0')
                );
            }
            if (object.apiName === 'Contact' || object.apiName === 'User') {
                record.Name ??= [record.FirstName, record.LastName].filter(Boolean).join(' ');
            }
            // A standard auto-number name (Case.CaseNumber): numbered as a new org numbers it, from 00001001.
            const standardNumber = object.fields.find(
                (f) => f.apiName === object.nameField && f.apiName !== 'Name' && f.type === 'AutoNumber'
            );
            if (standardNumber && !record[standardNumber.apiName]) {
                record[standardNumber.apiName] = String(1000 + this.nextNumber(object)).padStart(8, '0');
            }
        }
        record.LastModifiedDate = now;
        record.SystemModstamp = now;
        record.LastModifiedById = userId;
        record.WeakEtag = Number(record.WeakEtag ?? 0) + 1;
    }

    persist() {
        if (!this.storeFile) return;
        fs.mkdirSync(path.dirname(this.storeFile), { recursive: true });
        const file: StoreFile = {
            version: STORE_VERSION,
            sampleHash: this.sampleHash,
            records: [...this.records.values()],
            counters: this.counters
        };
        // Write then rename, so a crash mid-write never leaves half a store behind.
        fs.writeFileSync(`${this.storeFile}.tmp`, JSON.stringify(file, null, 1));
        fs.renameSync(`${this.storeFile}.tmp`, this.storeFile);
    }

    // -----------------------------------------------------------------------------------------
    private labels(object: ObjectDescribe) {
        return Object.fromEntries(object.fields.map((f) => [f.apiName, f.label]));
    }

    /** Checks field values as the org would before the validation rules run. */
    private checkFields(
        object: ObjectDescribe,
        values: Record<string, unknown>,
        isNew: boolean,
        merged: Record<string, unknown>
    ) {
        const errors: FieldError[] = [];
        for (const [key, value] of Object.entries(values)) {
            const field = object.fields.find((f) => f.apiName === key);
            if (!field) {
                throw new RecordWriteError(
                    400,
                    [{ errorCode: 'INVALID_FIELD', message: `No such column '${key}' on entity '${object.apiName}'.` }],
                    []
                );
            }
            if (
                field.type === 'Id' ||
                ['CreatedById', 'CreatedDate', 'LastModifiedById', 'LastModifiedDate', 'SystemModstamp'].includes(
                    key
                ) ||
                field.type === 'AutoNumber'
            ) {
                errors.push({
                    field: key,
                    errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
                    message: `Unable to create/update fields: ${key}.`
                });
                continue;
            }
            if (field.type === 'MasterDetail' && !isNew) {
                errors.push({
                    field: key,
                    errorCode: 'FIELD_INTEGRITY_EXCEPTION',
                    message: `${field.label}: the parent of this record cannot change.`
                });
                continue;
            }
            if (value === null || value === undefined || value === '') continue;
            errors.push(...this.checkValue(field, value));
        }
        for (const field of object.fields) {
            const blank =
                merged[field.apiName] === null || merged[field.apiName] === undefined || merged[field.apiName] === '';
            if (
                (field.required || field.type === 'MasterDetail') &&
                blank &&
                field.type !== 'AutoNumber' &&
                field.apiName !== 'Name'
            ) {
                errors.push({
                    field: field.apiName,
                    errorCode: 'REQUIRED_FIELD_MISSING',
                    message: 'Required fields are missing: [' + field.apiName + ']'
                });
            }
        }
        return errors;
    }

    private checkValue(field: FieldDescribe, value: unknown): FieldError[] {
        const bad = (message: string, errorCode = 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST') => [
            { field: field.apiName, errorCode, message }
        ];
        switch (field.type) {
            case 'Picklist':
                if (!field.picklistValues?.some((p) => p.value === value))
                    return bad(`${field.label}: bad value for restricted picklist field: ${value}`);
                return [];
            case 'Date':
                return /^\d{4}-\d{2}-\d{2}$/.test(String(value))
                    ? []
                    : bad(`${field.label}: value not of required type: ${value}`, 'INVALID_TYPE_ON_FIELD_IN_RECORD');
            case 'Lookup':
            case 'MasterDetail': {
                const target = this.get(String(value));
                if (!target || target.attributes.type !== field.referenceTo) {
                    return bad(`${field.label}: id value of incorrect type: ${value}`, 'FIELD_INTEGRITY_EXCEPTION');
                }
                return [];
            }
            case 'Text':
            case 'TextArea':
            case 'LongTextArea': {
                const max = field.length ?? (field.type === 'Text' ? 255 : field.type === 'TextArea' ? 255 : 131072);
                return String(value).length > max
                    ? bad(`${field.label}: data value too large: (max length=${max})`, 'STRING_TOO_LONG')
                    : [];
            }
            default:
                return [];
        }
    }

    private write(
        object: ObjectDescribe,
        values: Record<string, unknown>,
        existing: StoredRecord | undefined
    ): StoredRecord {
        if (this.failWrites === 'server') {
            throw new RecordWriteError(
                500,
                [{ errorCode: 'UNKNOWN_EXCEPTION', message: 'An unexpected error occurred. Please try again.' }],
                []
            );
        }
        const isNew = !existing;
        const merged: Record<string, unknown> = { ...(existing ?? {}) };
        if (isNew) {
            for (const field of object.fields) {
                if (field.defaultValue === 'TODAY()') merged[field.apiName] = this.today();
                const picklistDefault = field.picklistValues?.find((p) => p.default);
                if (picklistDefault) merged[field.apiName] = picklistDefault.value;
            }
        }
        Object.assign(merged, values);
        const fieldErrors = this.checkFields(object, values, isNew, merged);
        // Ids arrive in any of their spellings (15 or 18 characters, lower case from Dataverse): store the record's own.
        for (const field of object.fields.filter((f) => f.type === 'Lookup' || f.type === 'MasterDetail')) {
            const id = merged[field.apiName];
            if (typeof id === 'string' && id) merged[field.apiName] = this.get(id)?.Id ?? id;
        }
        const labels = this.labels(object);
        if (fieldErrors.length) throw new RecordWriteError(400, [], fieldErrors, labels);
        // The validation rules generated from the rulebook: same checks, same messages.
        const violations = this.checkRules(object.apiName, merged, { today: this.today() });
        if (violations.length) {
            throw new RecordWriteError(
                400,
                [],
                violations.map((v) => ({
                    field: v.field,
                    message: v.message,
                    errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION'
                })),
                labels
            );
        }
        const record: StoredRecord = { ...(merged as StoredRecord), attributes: { type: object.apiName } };
        if (isNew) record.Id = this.newId(object);
        this.applySystemFields(object, record, this.clock().toISOString(), isNew);
        this.put(record);
        this.persist();
        return record;
    }

    /**
     * The store as one user sees and saves it (the preview's "Preview as" switch): the same records, counters and
     * file underneath, only `userId` differs.
     */
    asUser(userId: string): PreviewStore {
        return userId === this.userId ? this : (Object.assign(Object.create(this), { userId }) as PreviewStore);
    }

    create(apiName: string, fields: Record<string, unknown>): StoredRecord {
        return this.write(this.object(apiName), fields, undefined);
    }

    update(id: string, fields: Record<string, unknown>): StoredRecord {
        const existing = this.get(id);
        if (!existing)
            throw new RecordWriteError(
                404,
                [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
                []
            );
        const { Id: _ignored, ...rest } = fields;
        return this.write(this.object(existing.attributes.type), rest, existing);
    }

    delete(id: string): void {
        if (this.failWrites === 'server') {
            throw new RecordWriteError(
                500,
                [{ errorCode: 'UNKNOWN_EXCEPTION', message: 'An unexpected error occurred. Please try again.' }],
                []
            );
        }
        const existing = this.get(id);
        if (!existing)
            throw new RecordWriteError(
                404,
                [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
                []
            );
        this.records.delete(existing.Id);
        // Master-detail children go with their parent.
        for (const object of this.org.objects.values()) {
            for (const field of object.fields.filter(
                (f) => f.type === 'MasterDetail' && f.referenceTo === existing.attributes.type
            )) {
                for (const child of this.list(object.apiName).filter((c) => c[field.apiName] === existing.Id))
                    this.records.delete(child.Id);
            }
        }
        this.persist();
    }

    /** A UI API ObjectInfo (the parts components read) with the picklists of its default record type. */
    objectInfo(apiName: string): Record<string, unknown> {
        const object = this.object(apiName);
        const readOnly = new Set([
            'Id',
            'CreatedById',
            'CreatedDate',
            'LastModifiedById',
            'LastModifiedDate',
            'SystemModstamp'
        ]);
        const fields: Record<string, unknown> = {};
        const picklists: Record<string, unknown> = {};
        for (const f of object.fields) {
            const editable = !readOnly.has(f.apiName) && f.type !== 'AutoNumber';
            fields[f.apiName] = {
                apiName: f.apiName,
                label: f.label,
                dataType:
                    f.type === 'Lookup' || f.type === 'MasterDetail' ? 'Reference' : f.type === 'Id' ? 'Id' : f.type,
                required: Boolean(f.required),
                createable: editable,
                updateable: editable && f.type !== 'MasterDetail',
                custom: f.apiName.endsWith('__c'),
                length: f.length ?? 0,
                referenceToInfos: f.referenceTo ? [{ apiName: f.referenceTo, nameFields: ['Name'] }] : [],
                relationshipName: f.relationshipName ?? null
            };
            if (f.picklistValues) {
                picklists[f.apiName] = {
                    controllerValues: {},
                    defaultValue: f.picklistValues.find((p) => p.default) ?? null,
                    url: '',
                    values: f.picklistValues.map((p) => ({
                        attributes: null,
                        label: p.label,
                        validFor: [],
                        value: p.value
                    }))
                };
            }
        }
        return {
            apiName: object.apiName,
            label: object.label,
            labelPlural: object.pluralLabel,
            keyPrefix: object.keyPrefix,
            custom: object.custom,
            nameFields: [object.nameField],
            defaultRecordTypeId: '012000000000000AAA',
            recordTypeInfos: {
                '012000000000000AAA': {
                    available: true,
                    defaultRecordTypeMapping: true,
                    master: true,
                    name: 'Master',
                    recordTypeId: '012000000000000AAA'
                }
            },
            createable: true,
            updateable: true,
            deletable: true,
            queryable: true,
            fields,
            picklists
        };
    }

    /**
     * A UI API RecordRepresentation with the requested fields (`Object.Field` or `Object.Rel__r.Field`
     * paths); without fields, every field of the record.
     */
    recordRepresentation(record: StoredRecord, fieldPaths?: string[]): Record<string, unknown> {
        const object = this.object(record.attributes.type);
        const fields: Record<string, unknown> = {};
        const paths = fieldPaths?.length
            ? fieldPaths.map((p) => (p.startsWith(`${object.apiName}.`) ? p.slice(object.apiName.length + 1) : p))
            : object.fields.filter((f) => f.type !== 'Id').map((f) => f.apiName);
        for (const fieldPath of paths) this.addField(object, record, fieldPath.split('.'), fields);
        return {
            apiName: object.apiName,
            id: record.Id,
            childRelationships: {},
            eTag: String(record.WeakEtag ?? 1),
            weakEtag: Number(record.WeakEtag ?? 1),
            lastModifiedById: record.LastModifiedById ?? null,
            lastModifiedDate: record.LastModifiedDate ?? null,
            systemModstamp: record.SystemModstamp ?? null,
            recordTypeId: '012000000000000AAA',
            recordTypeInfo: null,
            fields
        };
    }

    private addField(object: ObjectDescribe, record: StoredRecord, parts: string[], into: Record<string, unknown>) {
        const [head, ...rest] = parts;
        if (rest.length === 0) {
            const field = object.fields.find((f) => f.apiName === head);
            if (!field) return;
            if (field.type === 'Id') {
                into[head] = { value: record.Id, displayValue: null };
                return;
            }
            const wrapped = wrapValue(field, record[head]);
            into[head] = { value: wrapped.value, displayValue: wrapped.displayValue ?? null };
            return;
        }
        const relField = object.fields.find((f) => f.relationshipName === head);
        if (!relField) return;
        const parent =
            typeof record[relField.apiName] === 'string' ? this.get(String(record[relField.apiName])) : undefined;
        if (!parent) {
            into[head] = { value: null, displayValue: null };
            return;
        }
        const parentObject = this.object(parent.attributes.type);
        const existing = into[head] as { value: { fields: Record<string, unknown> } } | undefined;
        const nested = existing?.value?.fields ?? {};
        this.addField(parentObject, parent, rest, nested);
        into[head] = {
            displayValue: (parent[parentObject.nameField] as string) ?? null,
            value: {
                apiName: parentObject.apiName,
                id: parent.Id,
                childRelationships: {},
                fields: nested,
                recordTypeId: null
            }
        };
    }
}
