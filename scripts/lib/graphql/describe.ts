/**
 * The object and field descriptions the UI API GraphQL schema is generated from: the custom
 * objects and fields in force-app (read from their source-format XML) plus the standard objects
 * PACT queries, whose fields are listed here because their metadata is not in the repository.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** The Salesforce field types PACT and its standard objects use (metadata spelling). */
export type FieldType =
    | 'Id'
    | 'Text'
    | 'TextArea'
    | 'LongTextArea'
    | 'Html'
    | 'Picklist'
    | 'MultiselectPicklist'
    | 'Date'
    | 'DateTime'
    | 'Number'
    | 'Int'
    | 'Currency'
    | 'Percent'
    | 'Checkbox'
    | 'Email'
    | 'Phone'
    | 'Url'
    | 'AutoNumber'
    | 'Lookup'
    | 'MasterDetail';

export interface FieldDescribe {
    apiName: string;
    label: string;
    type: FieldType;
    /** Lookup / MasterDetail: the parent object. */
    referenceTo?: string;
    /** Lookup / MasterDetail: the parent relationship field on this object, e.g. Account__r or Owner. */
    relationshipName?: string;
    /** A polymorphic lookup (Case.Owner is a User or a queue): every object it may point to. */
    polymorphicTo?: string[];
    /** Lookup / MasterDetail: the child relationship on the parent, e.g. High_Cards__r or Contacts. */
    childRelationshipName?: string;
    picklistValues?: { value: string; label: string; default?: boolean }[];
    required?: boolean;
    length?: number;
    defaultValue?: string;
}

export interface ObjectDescribe {
    apiName: string;
    label: string;
    pluralLabel: string;
    custom: boolean;
    /** The object's name field (Name, CaseNumber) used for DisplayValue. */
    nameField: string;
    /** Three-character key prefix used for sample record Ids. */
    keyPrefix: string;
    /** AutoNumber name fields: the display format, e.g. PLAN-{00000}. */
    autoNumberFormat?: string;
    fields: FieldDescribe[];
}

export interface ChildRelationship {
    relationshipName: string;
    childObject: string;
    field: string;
}

export interface OrgDescribe {
    objects: Map<string, ObjectDescribe>;
    /** parent object API name -> its child relationships */
    childRelationships: Map<string, ChildRelationship[]>;
}

const picklist = (...values: string[]) => values.map((value) => ({ value, label: value }));

/** Audit fields every object has. */
const AUDIT_FIELDS: FieldDescribe[] = [
    { apiName: 'Id', label: 'Record ID', type: 'Id' },
    {
        apiName: 'CreatedById',
        label: 'Created By ID',
        type: 'Lookup',
        referenceTo: 'User',
        relationshipName: 'CreatedBy'
    },
    { apiName: 'CreatedDate', label: 'Created Date', type: 'DateTime' },
    {
        apiName: 'LastModifiedById',
        label: 'Last Modified By ID',
        type: 'Lookup',
        referenceTo: 'User',
        relationshipName: 'LastModifiedBy'
    },
    { apiName: 'LastModifiedDate', label: 'Last Modified Date', type: 'DateTime' },
    { apiName: 'SystemModstamp', label: 'System Modstamp', type: 'DateTime' }
];

const owner = (childRelationshipName?: string): FieldDescribe => ({
    apiName: 'OwnerId',
    label: 'Owner ID',
    type: 'Lookup',
    referenceTo: 'User',
    relationshipName: 'Owner',
    childRelationshipName
});

/**
 * The standard objects PACT reads, with the standard fields a PACT screen may ask for. Types follow
 * the UI API (e.g. NumberOfEmployees is an Int, Amount a Currency). Extend this list when a
 * component needs another standard field: the query test then accepts it.
 */
export const STANDARD_OBJECTS: ObjectDescribe[] = [
    {
        apiName: 'Account',
        label: 'Account',
        pluralLabel: 'Accounts',
        custom: false,
        nameField: 'Name',
        keyPrefix: '001',
        fields: [
            { apiName: 'Name', label: 'Account Name', type: 'Text', required: true, length: 255 },
            {
                apiName: 'Type',
                label: 'Account Type',
                type: 'Picklist',
                picklistValues: picklist('Prospect', 'Customer - Direct', 'Customer - Channel', 'Partner', 'Other')
            },
            {
                apiName: 'Industry',
                label: 'Industry',
                type: 'Picklist',
                picklistValues: picklist(
                    'Agriculture',
                    'Chemicals',
                    'Construction',
                    'Energy',
                    'Food & Beverage',
                    'Healthcare',
                    'Manufacturing',
                    'Retail',
                    'Technology',
                    'Transportation',
                    'Other'
                )
            },
            { apiName: 'Phone', label: 'Account Phone', type: 'Phone' },
            { apiName: 'Website', label: 'Website', type: 'Url' },
            { apiName: 'Description', label: 'Account Description', type: 'LongTextArea' },
            { apiName: 'AccountNumber', label: 'Account Number', type: 'Text' },
            { apiName: 'AnnualRevenue', label: 'Annual Revenue', type: 'Currency' },
            { apiName: 'NumberOfEmployees', label: 'Employees', type: 'Int' },
            { apiName: 'BillingStreet', label: 'Billing Street', type: 'TextArea' },
            { apiName: 'BillingCity', label: 'Billing City', type: 'Text' },
            { apiName: 'BillingState', label: 'Billing State/Province', type: 'Text' },
            { apiName: 'BillingPostalCode', label: 'Billing Zip/Postal Code', type: 'Text' },
            { apiName: 'BillingCountry', label: 'Billing Country', type: 'Text' },
            {
                apiName: 'ParentId',
                label: 'Parent Account ID',
                type: 'Lookup',
                referenceTo: 'Account',
                relationshipName: 'Parent',
                childRelationshipName: 'ChildAccounts'
            },
            owner(),
            { apiName: 'LastActivityDate', label: 'Last Activity', type: 'Date' }
        ]
    },
    {
        apiName: 'Contact',
        label: 'Contact',
        pluralLabel: 'Contacts',
        custom: false,
        nameField: 'Name',
        keyPrefix: '003',
        fields: [
            { apiName: 'Name', label: 'Full Name', type: 'Text' },
            { apiName: 'FirstName', label: 'First Name', type: 'Text' },
            { apiName: 'LastName', label: 'Last Name', type: 'Text', required: true },
            {
                apiName: 'Salutation',
                label: 'Salutation',
                type: 'Picklist',
                picklistValues: picklist('Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.')
            },
            { apiName: 'Title', label: 'Title', type: 'Text' },
            { apiName: 'Department', label: 'Department', type: 'Text' },
            { apiName: 'Email', label: 'Email', type: 'Email' },
            { apiName: 'Phone', label: 'Business Phone', type: 'Phone' },
            { apiName: 'MobilePhone', label: 'Mobile Phone', type: 'Phone' },
            {
                apiName: 'AccountId',
                label: 'Account ID',
                type: 'Lookup',
                referenceTo: 'Account',
                relationshipName: 'Account',
                childRelationshipName: 'Contacts'
            },
            {
                apiName: 'ReportsToId',
                label: 'Reports To ID',
                type: 'Lookup',
                referenceTo: 'Contact',
                relationshipName: 'ReportsTo'
            },
            owner()
        ]
    },
    {
        apiName: 'Opportunity',
        label: 'Opportunity',
        pluralLabel: 'Opportunities',
        custom: false,
        nameField: 'Name',
        keyPrefix: '006',
        fields: [
            { apiName: 'Name', label: 'Name', type: 'Text', required: true },
            {
                apiName: 'StageName',
                label: 'Stage',
                type: 'Picklist',
                required: true,
                picklistValues: picklist(
                    'Prospecting',
                    'Qualification',
                    'Needs Analysis',
                    'Value Proposition',
                    'Proposal/Price Quote',
                    'Negotiation/Review',
                    'Closed Won',
                    'Closed Lost'
                )
            },
            { apiName: 'Amount', label: 'Amount', type: 'Currency' },
            { apiName: 'CloseDate', label: 'Close Date', type: 'Date', required: true },
            { apiName: 'Probability', label: 'Probability (%)', type: 'Percent' },
            { apiName: 'IsClosed', label: 'Closed', type: 'Checkbox' },
            { apiName: 'IsWon', label: 'Won', type: 'Checkbox' },
            { apiName: 'NextStep', label: 'Next Step', type: 'Text' },
            { apiName: 'Description', label: 'Description', type: 'LongTextArea' },
            {
                apiName: 'AccountId',
                label: 'Account ID',
                type: 'Lookup',
                referenceTo: 'Account',
                relationshipName: 'Account',
                childRelationshipName: 'Opportunities'
            },
            owner()
        ]
    },
    {
        apiName: 'Case',
        label: 'Case',
        pluralLabel: 'Cases',
        custom: false,
        nameField: 'CaseNumber',
        keyPrefix: '500',
        fields: [
            { apiName: 'CaseNumber', label: 'Case Number', type: 'AutoNumber' },
            { apiName: 'Subject', label: 'Subject', type: 'Text' },
            { apiName: 'Description', label: 'Description', type: 'LongTextArea' },
            {
                apiName: 'Status',
                label: 'Status',
                type: 'Picklist',
                picklistValues: picklist('New', 'Working', 'Escalated', 'Closed')
            },
            {
                apiName: 'Priority',
                label: 'Priority',
                type: 'Picklist',
                picklistValues: picklist('High', 'Medium', 'Low')
            },
            {
                apiName: 'Origin',
                label: 'Case Origin',
                type: 'Picklist',
                picklistValues: picklist('Phone', 'Email', 'Web')
            },
            {
                apiName: 'Type',
                label: 'Case Type',
                type: 'Picklist',
                picklistValues: picklist('Question', 'Problem', 'Feature Request')
            },
            { apiName: 'IsClosed', label: 'Closed', type: 'Checkbox' },
            { apiName: 'ClosedDate', label: 'Closed Date', type: 'DateTime' },
            {
                apiName: 'AccountId',
                label: 'Account ID',
                type: 'Lookup',
                referenceTo: 'Account',
                relationshipName: 'Account',
                childRelationshipName: 'Cases'
            },
            {
                apiName: 'ContactId',
                label: 'Contact ID',
                type: 'Lookup',
                referenceTo: 'Contact',
                relationshipName: 'Contact',
                childRelationshipName: 'Cases'
            },
            // A case belongs to a user or to a queue: the UI API types Owner as the union Case_Owner.
            { ...owner(), polymorphicTo: ['User', 'Group'] }
        ]
    },
    {
        apiName: 'Group',
        label: 'Group',
        pluralLabel: 'Groups',
        custom: false,
        nameField: 'Name',
        keyPrefix: '00G',
        fields: [
            { apiName: 'Name', label: 'Name', type: 'Text' },
            { apiName: 'DeveloperName', label: 'Developer Name', type: 'Text' },
            { apiName: 'Type', label: 'Type', type: 'Picklist', picklistValues: picklist('Regular', 'Queue', 'Role') },
            { apiName: 'Email', label: 'Email', type: 'Email' }
        ]
    },
    {
        apiName: 'User',
        label: 'User',
        pluralLabel: 'Users',
        custom: false,
        nameField: 'Name',
        keyPrefix: '005',
        fields: [
            { apiName: 'Name', label: 'Full Name', type: 'Text' },
            { apiName: 'FirstName', label: 'First Name', type: 'Text' },
            { apiName: 'LastName', label: 'Last Name', type: 'Text' },
            { apiName: 'Alias', label: 'Alias', type: 'Text' },
            { apiName: 'Title', label: 'Title', type: 'Text' },
            { apiName: 'Email', label: 'Email', type: 'Email' },
            { apiName: 'Username', label: 'Username', type: 'Text' },
            { apiName: 'IsActive', label: 'Active', type: 'Checkbox' },
            { apiName: 'SmallPhotoUrl', label: 'Photo', type: 'Url' },
            {
                apiName: 'ManagerId',
                label: 'Manager ID',
                type: 'Lookup',
                referenceTo: 'User',
                relationshipName: 'Manager'
            }
        ]
    }
];

const KEY_PREFIX_CUSTOM = ['a00', 'a01', 'a02', 'a03', 'a04', 'a05', 'a06', 'a07', 'a08', 'a09'];

const xml = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    isArray: (name) => name === 'value'
});

function readXml(file: string): Record<string, unknown> {
    const parsed = xml.parse(fs.readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
    const root = Object.keys(parsed).find((k) => k !== '?xml');
    if (!root) throw new Error(`${file}: no root element`);
    return parsed[root] ?? {};
}

const str = (v: unknown): string | undefined => (v === undefined || v === null || v === '' ? undefined : String(v));

/** Reads one custom field file into a FieldDescribe. */
export function readField(file: string): FieldDescribe {
    const f = readXml(file);
    const apiName = str(f.fullName) ?? path.basename(file).replace(/\.field-meta\.xml$/, '');
    const type = (str(f.type) ?? 'Text') as FieldType;
    const field: FieldDescribe = {
        apiName,
        label: str(f.label) ?? apiName,
        type,
        required: str(f.required) === 'true' || type === 'MasterDetail',
        length: f.length === undefined ? undefined : Number(f.length),
        defaultValue: str(f.defaultValue)
    };
    if (type === 'Lookup' || type === 'MasterDetail') {
        field.referenceTo = str(f.referenceTo);
        field.relationshipName = apiName.replace(/__c$/, '__r');
        const childName = str(f.relationshipName);
        if (childName) field.childRelationshipName = `${childName}__r`;
    }
    if (type === 'Picklist' || type === 'MultiselectPicklist') {
        const valueSet = (f.valueSet ?? {}) as Record<string, unknown>;
        const definition = (valueSet.valueSetDefinition ?? {}) as Record<string, unknown>;
        const values = (definition.value ?? []) as Record<string, unknown>[];
        field.picklistValues = values.map((v) => ({
            value: String(v.fullName),
            label: str(v.label) ?? String(v.fullName),
            default: str(v.default) === 'true'
        }));
    }
    return field;
}

function listFields(objectDir: string): FieldDescribe[] {
    const fieldsDir = path.join(objectDir, 'fields');
    if (!fs.existsSync(fieldsDir)) return [];
    return fs
        .readdirSync(fieldsDir)
        .filter((name) => name.endsWith('.field-meta.xml'))
        .sort()
        .map((name) => readField(path.join(fieldsDir, name)));
}

/**
 * Describes the org PACT runs in: standard objects (with any custom fields force-app adds to
 * them, e.g. Account.Customer_Alert__c) and the custom objects of force-app.
 */
export function describeOrg(forceAppDir: string): OrgDescribe {
    const objectsDir = path.join(forceAppDir, 'main', 'default', 'objects');
    const objects = new Map<string, ObjectDescribe>();
    for (const standard of STANDARD_OBJECTS) {
        objects.set(standard.apiName, { ...standard, fields: [...AUDIT_FIELDS, ...standard.fields] });
    }
    const dirs = fs.existsSync(objectsDir) ? fs.readdirSync(objectsDir).sort() : [];
    let customIndex = 0;
    for (const name of dirs) {
        const objectDir = path.join(objectsDir, name);
        if (!fs.statSync(objectDir).isDirectory()) continue;
        const fields = listFields(objectDir);
        const existing = objects.get(name);
        if (existing) {
            const known = new Set(existing.fields.map((f) => f.apiName));
            existing.fields.push(...fields.filter((f) => !known.has(f.apiName)));
            continue;
        }
        const objectFile = path.join(objectDir, `${name}.object-meta.xml`);
        if (!name.endsWith('__c') || !fs.existsSync(objectFile)) continue;
        const o = readXml(objectFile);
        const nameField = (o.nameField ?? {}) as Record<string, unknown>;
        const controlledByParent = str(o.sharingModel) === 'ControlledByParent';
        const nameType = str(nameField.type) === 'AutoNumber' ? 'AutoNumber' : 'Text';
        objects.set(name, {
            apiName: name,
            label: str(o.label) ?? name,
            pluralLabel: str(o.pluralLabel) ?? str(o.label) ?? name,
            custom: true,
            nameField: 'Name',
            keyPrefix: KEY_PREFIX_CUSTOM[customIndex++ % KEY_PREFIX_CUSTOM.length],
            autoNumberFormat: nameType === 'AutoNumber' ? str(nameField.displayFormat) : undefined,
            fields: [
                ...AUDIT_FIELDS,
                { apiName: 'Name', label: str(nameField.label) ?? 'Name', type: nameType, length: 80 },
                // Objects a master-detail parent controls have no owner.
                ...(controlledByParent ? [] : [owner()]),
                ...fields
            ]
        });
    }
    const childRelationships = new Map<string, ChildRelationship[]>();
    for (const object of objects.values()) {
        for (const field of object.fields) {
            if (!field.referenceTo || !field.childRelationshipName || !objects.has(field.referenceTo)) continue;
            const list = childRelationships.get(field.referenceTo) ?? [];
            list.push({
                relationshipName: field.childRelationshipName,
                childObject: object.apiName,
                field: field.apiName
            });
            childRelationships.set(field.referenceTo, list);
        }
    }
    return { objects, childRelationships };
}
