/**
 * A small, pure reader of a source-format Salesforce package directory (force-app) for the metadata
 * integrity checks: every metadata file parsed into plain objects, custom objects and their fields
 * indexed, plus the short, explicit list of standard fields PACT's metadata may name.
 *
 * Files are recognised by suffix and by their parent folders, so the same functions read the real
 * force-app and a tiny fixture folder in a temp directory.
 */
import * as fs from 'fs';
import * as path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** One thing the checks found wrong, pointing at the file to fix. */
export interface Problem {
    /** Check id, e.g. "field-exists". */
    check: string;
    /** Path relative to the scanned directory, forward slashes. */
    file: string;
    message: string;
}

export interface FieldInfo {
    object: string;
    name: string;
    type: string;
    required: boolean;
    label?: string;
    inlineHelpText?: string;
    referenceTo: string[];
    /** Child relationship name without "__r", e.g. "High_Cards". */
    relationshipName?: string;
    picklistLabels: string[];
    /** Picklist API values (fullName), in order. */
    picklistValues: string[];
    file: string;
}

export interface ObjectInfo {
    name: string;
    /** The .object-meta.xml, when the package defines the object itself. */
    file?: string;
    /** Parsed CustomObject element, when the package defines the object. */
    xml?: XmlNode;
    fields: Map<string, FieldInfo>;
}

/** A parsed metadata file: its root element name and content. */
export interface MetadataFile {
    /** Relative path, forward slashes. */
    file: string;
    /** Root element, e.g. "PermissionSet". */
    type: string;
    root: XmlNode;
    /** The raw text, for references such as $Label.X that may sit inside any string. */
    text: string;
}

// Parsed XML: objects of strings / nested nodes / arrays of them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type XmlNode = any;

export interface ForceApp {
    dir: string;
    /** Every file below dir (relative, forward slashes), metadata or not. */
    files: string[];
    metadata: MetadataFile[];
    objects: Map<string, ObjectInfo>;
    /** Custom label fullName -> value. */
    labels: Map<string, string>;
    /** Files that could not be parsed: reported by every run, never silently skipped. */
    unreadable: Problem[];
}

const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    // "{0}" and entity text stay as written.
    processEntities: true
});

/** Always an array: fast-xml-parser gives a single child as an object and repeated ones as an array. */
export function arr<T = XmlNode>(value: T | T[] | undefined | null): T[] {
    if (value === undefined || value === null || value === '') return [];
    return Array.isArray(value) ? value : [value];
}

/** Text of an element (a missing element is ''). */
export function text(value: unknown): string {
    if (value === undefined || value === null) return '';
    if (typeof value === 'object') return '';
    return String(value);
}

export function isTrue(value: unknown): boolean {
    return text(value).trim().toLowerCase() === 'true';
}

function walk(dir: string, base: string, out: string[]): void {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        const full = path.join(dir, entry.name);
        const rel = base ? `${base}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(full, rel, out);
        else out.push(rel);
    }
}

/** All files below dir, relative with forward slashes, sorted for stable reports. */
export function listFiles(dir: string): string[] {
    const out: string[] = [];
    if (fs.existsSync(dir)) walk(dir, '', out);
    return out.sort();
}

/** The folder names of a relative path, e.g. objects/High_Card__c/fields/X -> [objects, High_Card__c, fields]. */
function folders(file: string): string[] {
    return file.split('/').slice(0, -1);
}

/** The object folder a file sits in (objects/<Object>/...), or undefined. */
export function objectOf(file: string): string | undefined {
    const parts = folders(file);
    const i = parts.lastIndexOf('objects');
    return i >= 0 && parts[i + 1] ? parts[i + 1] : undefined;
}

/** Base name without the metadata suffix, e.g. "Kind__c" for Kind__c.field-meta.xml. */
export function memberName(file: string): string {
    return path.posix.basename(file).replace(/\.[A-Za-z]+-meta\.xml$/, '');
}

function readField(object: string, node: XmlNode, file: string): FieldInfo {
    const values = arr(node?.valueSet?.valueSetDefinition?.value);
    return {
        object,
        name: text(node.fullName) || memberName(file),
        type: text(node.type),
        required: isTrue(node.required),
        label: text(node.label) || undefined,
        inlineHelpText: text(node.inlineHelpText) || undefined,
        referenceTo: arr(node.referenceTo).map(text),
        relationshipName: text(node.relationshipName) || undefined,
        picklistLabels: values.map((v: XmlNode) => text(v.label) || text(v.fullName)),
        picklistValues: values.map((v: XmlNode) => text(v.fullName)),
        file
    };
}

export function ensureObject(app: Pick<ForceApp, 'objects'>, name: string): ObjectInfo {
    let info = app.objects.get(name);
    if (!info) {
        info = { name, fields: new Map() };
        app.objects.set(name, info);
    }
    return info;
}

/** Reads every *-meta.xml below dir. Pure apart from reading files; never throws on a bad file. */
export function readForceApp(dir: string): ForceApp {
    const files = listFiles(dir);
    const app: ForceApp = { dir, files, metadata: [], objects: new Map(), labels: new Map(), unreadable: [] };
    for (const file of files) {
        if (!file.endsWith('-meta.xml')) continue;
        const raw = fs.readFileSync(path.join(dir, file), 'utf8');
        // The parser is lenient about unclosed tags; the validator is not.
        const valid = XMLValidator.validate(raw);
        if (valid !== true) {
            const { msg, line } = valid.err;
            app.unreadable.push({ check: 'readable', file, message: `not well-formed XML (line ${line}): ${msg}` });
            continue;
        }
        const parsed: XmlNode = parser.parse(raw);
        const type = Object.keys(parsed).find((k) => !k.startsWith('?'));
        if (!type) {
            app.unreadable.push({ check: 'readable', file, message: 'no root element' });
            continue;
        }
        const root = parsed[type] === '' ? {} : parsed[type];
        app.metadata.push({ file, type, root, text: raw });

        const object = objectOf(file);
        if (type === 'CustomObject') {
            const info = ensureObject(app, object ?? memberName(file));
            info.file = file;
            info.xml = root;
            // mdapi-style objects carry their fields inline.
            for (const f of arr(root.fields)) {
                const field = readField(info.name, f, file);
                info.fields.set(field.name, field);
            }
        } else if (type === 'CustomField' && object) {
            const field = readField(object, root, file);
            ensureObject(app, object).fields.set(field.name, field);
        } else if (type === 'CustomLabels') {
            for (const label of arr(root.labels)) app.labels.set(text(label.fullName), text(label.value));
        }
    }
    return app;
}

export function metadataOfType(app: ForceApp, type: string): MetadataFile[] {
    return app.metadata.filter((m) => m.type === type);
}

// ---------------------------------------------------------------------------------------------
// Standard fields PACT's metadata may name. Deliberately short and explicit: a field missing
// here is reported, and the fix is to add it once it is checked against the Object Reference.

const SYSTEM_FIELDS = ['Id', 'CreatedById', 'CreatedDate', 'LastModifiedById', 'LastModifiedDate', 'SystemModstamp'];

export const STANDARD_FIELDS: Record<string, readonly string[]> = {
    Account: [
        ...SYSTEM_FIELDS,
        'Name',
        'OwnerId',
        'ParentId',
        'AccountNumber',
        'Type',
        'Industry',
        'Phone',
        'Website',
        'AnnualRevenue',
        'NumberOfEmployees',
        'BillingAddress',
        'BillingCity',
        'BillingCountry',
        'ShippingAddress',
        'Description',
        'Rating',
        'Site'
    ],
    Contact: [
        ...SYSTEM_FIELDS,
        'Name',
        'FirstName',
        'LastName',
        'Salutation',
        'AccountId',
        'OwnerId',
        'Title',
        'Department',
        'Email',
        'Phone',
        'MobilePhone',
        'ReportsToId',
        'MailingAddress',
        'Description'
    ],
    Opportunity: [
        ...SYSTEM_FIELDS,
        'Name',
        'AccountId',
        'OwnerId',
        'CloseDate',
        'StageName',
        'Amount',
        'Probability',
        'Type',
        'LeadSource',
        'NextStep',
        'Description',
        'ForecastCategoryName',
        'IsClosed',
        'IsWon'
    ],
    Case: [
        ...SYSTEM_FIELDS,
        'CaseNumber',
        'Subject',
        'Status',
        'Priority',
        'Origin',
        'Type',
        'AccountId',
        'ContactId',
        'OwnerId',
        'Description',
        'IsClosed'
    ],
    User: [...SYSTEM_FIELDS, 'Name', 'FirstName', 'LastName', 'Username', 'Email', 'Title', 'ManagerId', 'IsActive'],
    // Read by the action-needed flow to find the notification type by developer name.
    CustomNotificationType: ['Id', 'DeveloperName', 'CustomNotifTypeName', 'MasterLabel']
};

/** Fields every custom object has. Name exists on every custom object (text or auto-number). */
export const CUSTOM_OBJECT_STANDARD_FIELDS = [...SYSTEM_FIELDS, 'Name', 'OwnerId'];

/** Fields of a custom object's share table (X__Share). */
export const SHARE_FIELDS = ['Id', 'ParentId', 'UserOrGroupId', 'AccessLevel', 'RowCause'];

/** Standard lookups as relationship name -> target object, for paths such as Owner.Name. */
export const STANDARD_RELATIONSHIPS: Record<string, string> = {
    Owner: 'User',
    CreatedBy: 'User',
    LastModifiedBy: 'User',
    Manager: 'User',
    Account: 'Account',
    Contact: 'Contact',
    Parent: 'Account',
    ReportsTo: 'Contact'
};

/** Whether the package or the standard list knows this object. */
export function objectKnown(app: ForceApp, object: string): boolean {
    if (STANDARD_FIELDS[object] || app.objects.get(object)?.file) return true;
    const share = object.match(/^(.+__)Share$/);
    return !!share && !!app.objects.get(`${share[1]}c`)?.file;
}

/** Whether object.field exists: a custom field in the package or a listed standard field. */
export function fieldKnown(app: ForceApp, object: string, field: string): boolean {
    if (app.objects.get(object)?.fields.has(field)) return true;
    if (STANDARD_FIELDS[object]?.includes(field)) return true;
    if (object.endsWith('__c') && app.objects.get(object)?.file) return CUSTOM_OBJECT_STANDARD_FIELDS.includes(field);
    if (object.endsWith('__Share') && objectKnown(app, object)) return SHARE_FIELDS.includes(field);
    return false;
}

/**
 * Resolves a field path from an object: "Kind__c", "Account__r.Name", "Owner.Name".
 * Returns undefined when it resolves, else a message naming the first segment that does not.
 */
export function resolveFieldPath(app: ForceApp, object: string, fieldPath: string): string | undefined {
    const segments = fieldPath.split('.');
    let current = object;
    for (let i = 0; i < segments.length - 1; i++) {
        const segment = segments[i];
        let next: string | undefined;
        if (segment.endsWith('__r')) {
            const field = app.objects.get(current)?.fields.get(segment.replace(/__r$/, '__c'));
            if (!field) return `${current}.${segment.replace(/__r$/, '__c')} does not exist`;
            next = field.referenceTo[0];
            if (!next) return `${current}.${field.name} is not a lookup`;
        } else if (STANDARD_RELATIONSHIPS[segment] && fieldKnown(app, current, `${segment}Id`)) {
            next = STANDARD_RELATIONSHIPS[segment];
        } else {
            return `${current}.${segment} is not a known relationship`;
        }
        current = next;
    }
    const last = segments[segments.length - 1];
    if (!objectKnown(app, current)) return `object ${current} is not in the package nor in the standard list`;
    return fieldKnown(app, current, last) ? undefined : `${current}.${last} does not exist`;
}
