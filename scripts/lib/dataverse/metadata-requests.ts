/**
 * The schema (schema.ts) as Dataverse Web API metadata bodies: the supported way to define tables,
 * columns, relationships and choices (EntityDefinitions, Attributes, RelationshipDefinitions,
 * GlobalOptionSetDefinitions; learn.microsoft.com "Create and update table definitions using the
 * Web API"). Shapes follow the Web API's EntityMetadata / AttributeMetadata types.
 */
import {
    LANGUAGE,
    OPTION_VALUE_BASE,
    type Column,
    type OptionSetDefinition,
    type Relationship,
    type Table
} from './schema';

const label = (text: string) => ({
    '@odata.type': 'Microsoft.Dynamics.CRM.Label',
    LocalizedLabels: [{ '@odata.type': 'Microsoft.Dynamics.CRM.LocalizedLabel', Label: text, LanguageCode: LANGUAGE }]
});

/** "Required" is ApplicationRequired: forms and the control enforce it; the Web API does not. */
const requiredLevel = (required?: boolean) => ({
    Value: required ? 'ApplicationRequired' : 'None',
    CanBeChanged: true,
    ManagedPropertyLogicalName: 'canmodifyrequirementlevelsettings'
});

export function choiceBody(set: OptionSetDefinition & { display: string }) {
    return {
        '@odata.type': 'Microsoft.Dynamics.CRM.OptionSetMetadata',
        Name: set.name,
        DisplayName: label(set.display),
        OptionSetType: 'Picklist',
        IsGlobal: true,
        Options: set.labels.map((text, i) => ({ Value: OPTION_VALUE_BASE + i, Label: label(text) }))
    };
}

/**
 * A column other than a lookup (lookups come with their relationship). A choice column binds its
 * global choice by MetadataId, as Microsoft's Web API sample does; by name when the id is not known.
 */
export function columnBody(column: Exclude<Column, { kind: 'lookup' }>, choiceIds: Map<string, string> = new Map()) {
    const common = {
        SchemaName: column.name,
        DisplayName: label(column.label),
        RequiredLevel: requiredLevel(column.required)
    };
    switch (column.kind) {
        case 'text':
            return {
                '@odata.type': 'Microsoft.Dynamics.CRM.StringAttributeMetadata',
                ...common,
                MaxLength: column.maxLength,
                FormatName: { Value: 'Text' }
            };
        case 'memo':
            return {
                '@odata.type': 'Microsoft.Dynamics.CRM.MemoAttributeMetadata',
                ...common,
                MaxLength: column.maxLength,
                Format: 'TextArea'
            };
        case 'choice':
            return {
                '@odata.type': 'Microsoft.Dynamics.CRM.PicklistAttributeMetadata',
                ...common,
                'GlobalOptionSet@odata.bind': choiceIds.has(column.choice.name)
                    ? `/GlobalOptionSetDefinitions(${choiceIds.get(column.choice.name)})`
                    : `/GlobalOptionSetDefinitions(Name='${column.choice.name}')`
            };
        case 'date':
            return {
                '@odata.type': 'Microsoft.Dynamics.CRM.DateTimeAttributeMetadata',
                ...common,
                Format: 'DateOnly',
                DateTimeBehavior: { Value: 'DateOnly' }
            };
    }
}

/** The table with its primary name column (Dataverse creates both in one request). */
export function tableBody(table: Table) {
    return {
        '@odata.type': 'Microsoft.Dynamics.CRM.EntityMetadata',
        SchemaName: table.name,
        DisplayName: label(table.label),
        DisplayCollectionName: label(table.plural),
        Description: label(table.description),
        OwnershipType: 'UserOwned',
        IsActivity: false,
        HasActivities: false,
        HasNotes: false,
        IsQuickCreateEnabled: table.quickCreate,
        IsAuditEnabled: { Value: true, CanBeChanged: true, ManagedPropertyLogicalName: 'canmodifyauditsettings' },
        Attributes: [
            {
                '@odata.type': 'Microsoft.Dynamics.CRM.StringAttributeMetadata',
                SchemaName: table.primary.name,
                IsPrimaryName: true,
                DisplayName: label(table.primary.label),
                RequiredLevel: requiredLevel(true),
                MaxLength: table.primary.maxLength,
                FormatName: { Value: 'Text' }
            }
        ]
    };
}

/**
 * A one-to-many relationship with its lookup column. Parental (the account's high cards and plans):
 * every cascade follows the parent, as Salesforce's master-detail does; otherwise the lookup is
 * cleared when its target goes (RemoveLink) and nothing else cascades.
 */
export function relationshipBody(relationship: Relationship) {
    const { lookup } = relationship;
    const follow = lookup.parental ? 'Cascade' : 'NoCascade';
    return {
        '@odata.type': 'Microsoft.Dynamics.CRM.OneToManyRelationshipMetadata',
        SchemaName: relationship.schemaName,
        ReferencedEntity: relationship.referenced,
        ReferencingEntity: relationship.referencing,
        CascadeConfiguration: {
            Assign: follow,
            Delete: lookup.parental ? 'Cascade' : 'RemoveLink',
            Merge: 'NoCascade',
            Reparent: follow,
            Share: follow,
            Unshare: follow,
            RollupView: 'NoCascade'
        },
        AssociatedMenuConfiguration: { Behavior: 'UseCollectionName', Group: 'Details', Order: 10000 },
        Lookup: {
            '@odata.type': 'Microsoft.Dynamics.CRM.LookupAttributeMetadata',
            SchemaName: lookup.name,
            DisplayName: label(lookup.label),
            RequiredLevel: requiredLevel(lookup.required)
        }
    };
}
