/**
 * Recognises report and dashboard columns that name a person (a User): the owner, the creator,
 * the last editor, an assignee, or any custom lookup to User. Grouping, filtering, sorting or
 * summarising by such a column turns customer facts into a per-rep scoreboard.
 *
 * Column names come in several dialects, all handled here:
 *  - custom report types:    "High_Card__c$Needs_Action_By__c", "High_Card__c$Owner.Name",
 *                            "Account.Opportunities$CreatedBy"
 *  - custom-object reports:  "High_Card__c.Needs_Action_By__c", "CUST_OWNER_NAME", "CUST_CREATED_NAME"
 *  - standard report types:  "OWNER", "ASSIGNED", "CREATED_BY", "FULL_NAME", "Account.Owner.Name"
 */
import { OrgModel } from '../metadata/model';

/** Standard relationship and id fields that point at a User on every object that has them. */
const STANDARD_USER_FIELDS = new Set(
    [
        'Owner',
        'OwnerId',
        'CreatedBy',
        'CreatedById',
        'LastModifiedBy',
        'LastModifiedById',
        'Assigned',
        'AssignedTo',
        'AssignedToId'
    ].map((n) => n.toLowerCase())
);

/** What after a user segment still names the person (or another person: their manager). */
const PERSON_ATTRIBUTES = new Set([
    'name',
    'firstname',
    'lastname',
    'alias',
    'email',
    'id',
    'fullname',
    'username',
    'manager',
    'managerid'
]);

/** PACT's own user lookup, named even when the model holds no field definitions (e.g. a live org read partly). */
const KNOWN_CUSTOM_USER_FIELDS = new Set(['needs_action_by__c']);

/**
 * Upper-case column names of standard report types that hold a person. "OWNER_ROLE"-style
 * role columns are not people and are left alone.
 */
const UPPER_CASE_USER_COLUMN =
    /(^|_)(OWNER|CREATED_BY|CREATED_NAME|CREATED_ALIAS|LAST_UPDATE_BY|LAST_UPDATE_NAME|LAST_UPDATE_ALIAS|LAST_MODIFIED_BY|ASSIGNED|ASSIGNED_TO)(_NAME|_ALIAS|_FULL_NAME|_ID)?$/;
const UPPER_CASE_USER_EXACT = new Set(['FULL_NAME', 'ALIAS', 'USERS.NAME', 'USER.NAME', 'USER_NAME', 'ACCOWNER']);

/** On a report type built on User ("User$Name"), these name the person. */
const USER_TABLE_PERSON_FIELDS = new Set(['name', 'id', 'alias', 'username', 'firstname', 'lastname']);

export interface UserFieldIndex {
    /** "object.field" (lower case) -> the objects it looks up ([] when it is no lookup). */
    byObject: Map<string, string[]>;
    /** Field names (lower case) that are a lookup to User on some object in the model. */
    anywhere: Set<string>;
    /** Object names (lower case) present in the model. */
    objects: Set<string>;
}

export function indexUserFields(model: OrgModel): UserFieldIndex {
    const index: UserFieldIndex = { byObject: new Map(), anywhere: new Set(), objects: new Set() };
    for (const obj of model.objects) {
        index.objects.add(obj.name.toLowerCase());
        for (const field of obj.fields) {
            const targets = field.referenceTo ?? [];
            index.byObject.set(`${obj.name}.${field.name}`.toLowerCase(), targets);
            if (targets.includes('User')) index.anywhere.add(field.name.toLowerCase());
        }
    }
    return index;
}

/** "Needs_Action_By__r" and "Needs_Action_By__c" name the same relationship. */
function asFieldName(segment: string): string {
    return segment.replace(/__r$/i, '__c').toLowerCase();
}

function isUpperCaseColumn(column: string): boolean {
    return /^[A-Z0-9_.]+$/.test(column) && /[A-Z]/.test(column);
}

/**
 * Returns the segment that makes `column` a person field ("Owner", "Needs_Action_By__c",
 * "CREATED_BY"), or undefined when it names no person.
 */
export function userFieldIn(column: string, index: UserFieldIndex): string | undefined {
    const trimmed = column.trim();
    if (!trimmed) return undefined;
    if (isUpperCaseColumn(trimmed)) {
        if (UPPER_CASE_USER_EXACT.has(trimmed)) return trimmed;
        for (const part of trimmed.split('.')) {
            if (UPPER_CASE_USER_COLUMN.test(part)) return part;
        }
        return undefined;
    }
    // "Table$Path": the table (an object or a join path) is not itself a field.
    const dollar = trimmed.lastIndexOf('$');
    const table = dollar >= 0 ? trimmed.slice(0, dollar) : '';
    const pathPart = dollar >= 0 ? trimmed.slice(dollar + 1) : trimmed;
    const segments = pathPart.split('.').filter(Boolean);
    let context: string | undefined = table ? table.split('.').pop() : undefined;
    const tableObject = (context ?? '').split('*').pop()?.toLowerCase();
    if (tableObject === 'user' && segments.length === 1 && USER_TABLE_PERSON_FIELDS.has(segments[0].toLowerCase()))
        return `${context}$${segments[0]}`;
    for (let i = 0; i < segments.length; i++) {
        const segment = segments[i];
        const lower = segment.toLowerCase();
        if (lower === 'user' || lower === 'users') return segment;
        if (STANDARD_USER_FIELDS.has(lower)) {
            // "Owner.Name" is the person; "Owner.Team__c" or "Owner.UserRole.Name" is something about them.
            const next = segments[i + 1]?.toLowerCase();
            if (next === undefined || PERSON_ATTRIBUTES.has(next)) return segment;
            return undefined;
        }
        const fieldName = asFieldName(segment);
        if (KNOWN_CUSTOM_USER_FIELDS.has(fieldName)) return segment;
        const targets = context ? index.byObject.get(`${context}.${fieldName}`.toLowerCase()) : undefined;
        if (targets?.includes('User')) return segment;
        // Unknown context: a custom field that is a User lookup on any object counts.
        if (targets === undefined && /__c$/.test(fieldName) && index.anywhere.has(fieldName)) return segment;
        // The next segment is read on the object this one leads to: an object name
        // ("High_Card__c.Needs_Action_By__c") or the target of a lookup ("Account__c.Owner").
        if (i === 0 && !table && index.objects.has(lower)) context = segment;
        else context = targets?.length === 1 ? targets[0] : undefined;
    }
    return undefined;
}
