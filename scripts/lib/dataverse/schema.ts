/**
 * PACT's Dataverse schema as data: the tables, columns, relationships and choices that mirror the
 * Salesforce objects (High_Card__c, Call_Plan__c, Coaching_Note__c, Account.Customer_Alert__c).
 * The installer turns it into Web API metadata requests (metadata-requests.ts); the solution packer
 * reads it to name the columns its forms, views and charts use; tests compare both with it.
 * Choice values come from the rulebook through the control's OPTION_SETS, so nothing restates them.
 */
import { OPTION_SETS, OPTION_VALUE_BASE, type OptionSetDefinition } from '../../../pcf/PactHighCards/components/model';
import { COACHING_REASONS, LIMITS, PLAN_STATUSES } from '../../../force-app/main/default/lwc/pactRules/pactRules';

export const LANGUAGE = 1033;
export const PUBLISHER = { uniqueName: 'pact', displayName: 'PACT', prefix: 'pact', optionValuePrefix: 10000 };
export const SOLUTION = { uniqueName: 'PACT', displayName: 'PACT', version: '0.2.0.0' };

export { OPTION_VALUE_BASE, type OptionSetDefinition };

/** Every global choice PACT defines, in rulebook order (value = 100000000 + position). */
export const CHOICES: Record<
    'kind' | 'theme' | 'sentiment' | 'actionStatus' | 'planStatus' | 'coachingReason',
    OptionSetDefinition & { display: string }
> = {
    kind: { ...OPTION_SETS.kind, display: 'Kind' },
    theme: { ...OPTION_SETS.theme, display: 'Theme' },
    sentiment: { ...OPTION_SETS.sentiment, display: 'Sentiment' },
    actionStatus: { ...OPTION_SETS.actionStatus, display: 'Action Status' },
    planStatus: { name: 'pact_planstatus', labels: PLAN_STATUSES.map((p) => p.label), display: 'Plan Status' },
    coachingReason: {
        name: 'pact_coachingreason',
        labels: COACHING_REASONS.map((p) => p.label),
        display: 'Coaching Reason'
    }
};

export const choiceValue = (set: OptionSetDefinition, label: string): number => {
    const index = set.labels.indexOf(label);
    if (index < 0) throw new Error(`"${label}" is not a value of ${set.name}`);
    return OPTION_VALUE_BASE + index;
};

/** Where a lookup may exist: 'sales' lookups point at tables only Dynamics 365 Sales installs. */
export type Requires = 'sales';

export type Column =
    | { kind: 'text'; name: string; label: string; maxLength: number; required?: boolean }
    | { kind: 'memo'; name: string; label: string; maxLength: number; required?: boolean }
    | { kind: 'choice'; name: string; label: string; choice: OptionSetDefinition; required?: boolean }
    | { kind: 'date'; name: string; label: string; required?: boolean }
    | {
          kind: 'lookup';
          name: string;
          label: string;
          target: string;
          required?: boolean;
          /** Parental: the child belongs to the parent (Salesforce master-detail): cascades everything. */
          parental?: boolean;
          requires?: Requires;
      };

export interface Table {
    name: string;
    label: string;
    plural: string;
    description: string;
    primary: { name: string; label: string; maxLength: number };
    columns: Column[];
    /** Quick create would be a second way to create a record that skips the control's rulebook check. */
    quickCreate: boolean;
}

export const HIGH_CARD: Table = {
    name: 'pact_highcard',
    label: 'High Card',
    plural: 'High Cards',
    description: 'What a customer said or did, always attached to the account.',
    primary: { name: 'pact_name', label: 'Headline', maxLength: LIMITS.headlineMax },
    quickCreate: false,
    columns: [
        { kind: 'lookup', name: 'pact_accountid', label: 'Account', target: 'account', required: true, parental: true },
        { kind: 'lookup', name: 'pact_contactid', label: 'Contact', target: 'contact' },
        { kind: 'lookup', name: 'pact_opportunityid', label: 'Opportunity', target: 'opportunity', requires: 'sales' },
        { kind: 'lookup', name: 'pact_planid', label: 'Plan', target: 'pact_plan' },
        { kind: 'choice', name: 'pact_kind', label: 'Kind', choice: CHOICES.kind, required: true },
        { kind: 'memo', name: 'pact_details', label: 'Details', maxLength: LIMITS.detailsMax, required: true },
        { kind: 'choice', name: 'pact_theme', label: 'Theme', choice: CHOICES.theme },
        { kind: 'choice', name: 'pact_sentiment', label: 'Sentiment', choice: CHOICES.sentiment },
        { kind: 'date', name: 'pact_occurredon', label: 'Occurred On', required: true },
        { kind: 'lookup', name: 'pact_needsactionby', label: 'Needs Action By', target: 'systemuser' },
        { kind: 'date', name: 'pact_actiondue', label: 'Action Due' },
        { kind: 'choice', name: 'pact_actionstatus', label: 'Action Status', choice: CHOICES.actionStatus }
    ]
};

export const PLAN: Table = {
    name: 'pact_plan',
    label: 'Plan',
    plural: 'Plans',
    description: 'An open plan for a customer meeting: objective, questions, desired outcome and what happened.',
    primary: { name: 'pact_objective', label: 'Objective', maxLength: 255 },
    quickCreate: true,
    columns: [
        { kind: 'lookup', name: 'pact_accountid', label: 'Account', target: 'account', required: true, parental: true },
        { kind: 'lookup', name: 'pact_contactid', label: 'Contact', target: 'contact' },
        { kind: 'lookup', name: 'pact_opportunityid', label: 'Opportunity', target: 'opportunity', requires: 'sales' },
        { kind: 'date', name: 'pact_plannedfor', label: 'Planned For' },
        { kind: 'memo', name: 'pact_questions', label: 'Questions', maxLength: 32768 },
        { kind: 'memo', name: 'pact_desiredoutcome', label: 'Desired Outcome', maxLength: 32768 },
        { kind: 'memo', name: 'pact_outcome', label: 'Outcome', maxLength: 32768 },
        { kind: 'choice', name: 'pact_status', label: 'Status', choice: CHOICES.planStatus }
    ]
};

/**
 * Private coaching text between a rep and their manager. User-owned; no PACT role reads it beyond
 * its own records (Basic depth): the manager who writes a note owns it and shares it with the rep.
 */
export const COACHING_NOTE: Table = {
    name: 'pact_coachingnote',
    label: 'Coaching Note',
    plural: 'Coaching Notes',
    description: 'Private coaching between a rep and their manager. Never counted, never reported.',
    primary: { name: 'pact_name', label: 'Title', maxLength: 100 },
    quickCreate: false,
    columns: [
        { kind: 'lookup', name: 'pact_repid', label: 'Rep', target: 'systemuser', required: true },
        { kind: 'lookup', name: 'pact_managerid', label: 'Manager', target: 'systemuser', required: true },
        { kind: 'memo', name: 'pact_note', label: 'Note', maxLength: 32768, required: true },
        { kind: 'choice', name: 'pact_reason', label: 'Reason', choice: CHOICES.coachingReason },
        { kind: 'date', name: 'pact_periodstart', label: 'Period Start' },
        { kind: 'date', name: 'pact_periodend', label: 'Period End' }
    ]
};

/** Created in this order: plans before high cards, because high cards look plans up. */
export const TABLES: Table[] = [PLAN, HIGH_CARD, COACHING_NOTE];

/** Columns PACT adds to tables it does not own. */
export const EXISTING_TABLE_COLUMNS: { table: string; column: Column }[] = [
    {
        table: 'account',
        column: { kind: 'text', name: 'pact_customeralert', label: 'Customer Alert', maxLength: 255 }
    }
];

export type LookupColumn = Extract<Column, { kind: 'lookup' }>;

/** True for a column that needs an app this environment may not have (the opportunity lookups). */
export const needsApp = (column: Column): boolean => column.kind === 'lookup' && column.requires !== undefined;

export interface Relationship {
    schemaName: string;
    referenced: string;
    referencing: string;
    lookup: LookupColumn;
}

/** One-to-many relationship for every lookup; its schema name is stable so a rerun finds it. */
export const RELATIONSHIPS: Relationship[] = TABLES.flatMap((table) =>
    table.columns
        .filter((c): c is LookupColumn => c.kind === 'lookup')
        .map((lookup) => ({
            schemaName: `pact_${lookup.target}_${table.name}_${lookup.name.replace(/^pact_/, '')}`,
            referenced: lookup.target,
            referencing: table.name,
            lookup
        }))
);

export const relationshipFor = (table: string, lookup: string): Relationship => {
    const found = RELATIONSHIPS.find((r) => r.referencing === table && r.lookup.name === lookup);
    if (!found) throw new Error(`No relationship for ${table}.${lookup}`);
    return found;
};

/** Every column of a table, primary name first, as the platform lists them (plus the id). */
export const columnNames = (table: Table): string[] => [table.primary.name, ...table.columns.map((c) => c.name)];
