/**
 * What an admin sees as a report column's name: the plain label instead of the API name the metadata
 * holds ("ASSIGNED" is the "Assigned" column of a Tasks and Events report, "ownerid" a table's
 * "Owner"). Standard report columns get the label Salesforce shows in the report builder; a field
 * column gets its field's label from the model. The API name stays beside the label, so a finding
 * can still be matched to the file and the --json consumers that read it.
 */
import type { OrgModel } from '../metadata/model';
import { objectIndex } from './model-index';

/**
 * Standard report columns that name a person, with the report builder's label. Source: the Reports
 * and Dashboards REST API describe resource (reportTypeMetadata columns, e.g. "CREATED": "Created By")
 * and the Tasks and Events report type ("Assigned").
 */
const STANDARD_COLUMNS: Record<string, string> = {
    ASSIGNED: 'Assigned',
    ASSIGNED_TO: 'Assigned to',
    OWNER: 'Owner',
    OWNER_NAME: 'Owner name',
    OWNER_FULL_NAME: 'Owner full name',
    CUST_OWNER_NAME: 'Owner name',
    ACCOWNER: 'Account owner',
    ACCOUNT_OWNER: 'Account owner',
    ACCOUNT_OWNER_NAME: 'Account owner',
    LEAD_OWNER: 'Lead owner',
    CONTACT_OWNER: 'Contact owner',
    CASE_OWNER: 'Case owner',
    CREATED: 'Created by',
    CREATED_BY: 'Created by',
    CREATED_NAME: 'Created by',
    CUST_CREATED_NAME: 'Created by',
    CREATED_ALIAS: 'Created by (alias)',
    LAST_UPDATE_BY: 'Last modified by',
    LAST_UPDATE_NAME: 'Last modified by',
    LAST_MODIFIED_BY: 'Last modified by',
    ALIAS: 'Alias'
};

/** Standard and Dataverse person fields by API name, when the model holds no label for them. */
const PERSON_FIELDS: Record<string, string> = {
    owner: 'Owner',
    ownerid: 'Owner',
    createdby: 'Created by',
    createdbyid: 'Created by',
    lastmodifiedby: 'Last modified by',
    lastmodifiedbyid: 'Last modified by',
    modifiedby: 'Modified by'
};

/** Standard objects whose reports label the owner column (USERS.NAME, FULL_NAME) after them ("Opportunity Owner"). */
const OWNED_OBJECTS = new Set(['Account', 'Contact', 'Lead', 'Opportunity', 'Case']);

/** Lower-case "object.field" -> field label. */
const labelsOf = objectIndex((objects) => {
    const byKey = new Map<string, string>();
    for (const obj of objects)
        for (const field of obj.fields)
            if (field.label) byKey.set(`${obj.name}.${field.name}`.toLowerCase(), field.label);
    return byKey;
});

/** The plain label of a report column, or undefined when the audit knows none. */
export function columnLabel(model: OrgModel, object: string | undefined, column: string): string | undefined {
    const standard = STANDARD_COLUMNS[column];
    if (standard) return standard;
    if (column === 'USERS.NAME' || column === 'FULL_NAME') {
        if (object && OWNED_OBJECTS.has(object)) return `${object} owner`;
        return column === 'FULL_NAME' ? 'Full name' : 'Owner';
    }
    // "Account.BizDev__c", "Visit__c$Doctor__c", or a bare field of the report's object ("ownerid").
    const parts = column.split(/[.$]/);
    const field = parts.pop() ?? column;
    const owner = parts.pop() ?? object;
    const label = owner ? labelsOf(model).get(`${owner}.${field}`.toLowerCase()) : undefined;
    return label ?? PERSON_FIELDS[field.toLowerCase()];
}

/** `"Assigned" (ASSIGNED)`: the label an admin reads, with the name the metadata holds. */
export function describeColumn(model: OrgModel, object: string | undefined, column: string): string {
    const label = columnLabel(model, object, column);
    return label && label !== column ? `"${label}" (${column})` : column;
}
