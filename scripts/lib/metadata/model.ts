/**
 * The common model of an org's metadata that every reader fills (source format, mdapi format,
 * a live org through the Tooling/Metadata APIs) and that the integrity guard and the org audit
 * read. Only what the checks need: objects and fields, validation rules, reports, dashboards,
 * list views and report types.
 */

/** Where a piece of metadata came from, so a finding can point at it. */
export interface Origin {
    /** File path relative to the scanned directory, or "org:<alias>" for a live org. */
    file: string;
}

export interface FieldModel extends Origin {
    /** API name, e.g. "Call_Made__c" or "OwnerId". */
    name: string;
    /** Salesforce field type, e.g. "Checkbox", "Lookup", "Text". */
    type: string;
    label?: string;
    description?: string;
    inlineHelpText?: string;
    required?: boolean;
    /** For Lookup / MasterDetail: the target object(s). */
    referenceTo?: string[];
    defaultValue?: string;
    /** A formula (Salesforce) or calculated column (Dataverse) expression: nobody ticks it by hand. */
    formula?: string;
    /** The managed package or managed solution that owns the field (its namespace or unique name). */
    managedBy?: string;
}

export interface ValidationRuleModel extends Origin {
    name: string;
    active: boolean;
    errorConditionFormula: string;
    errorMessage?: string;
    description?: string;
}

export interface ListViewModel extends Origin {
    name: string;
    label?: string;
    columns: string[];
    filters: { field: string; operation?: string; value?: string }[];
}

export interface ObjectModel extends Origin {
    /** API name, e.g. "Task", "Account", "High_Card__c". */
    name: string;
    label?: string;
    /**
     * True for an activity table, false for any other, when the source says so (Dataverse IsActivity);
     * left out when it does not (Salesforce), and the audit knows activity objects by name.
     */
    activity?: boolean;
    fields: FieldModel[];
    validationRules: ValidationRuleModel[];
    listViews: ListViewModel[];
}

export interface ReportModel extends Origin {
    /** Folder-qualified developer name, e.g. "PACT_Customer_Voice/Feedback_By_Theme". */
    name: string;
    label?: string;
    description?: string;
    /** Report type, e.g. "Activity", "Task", "PACT_High_Cards__c", "AccountList"; a Dataverse view's entity. */
    reportType: string;
    /** The object (table) the report is about, when the reader knows it (Dataverse: the view's entity). */
    baseObject?: string;
    /** Whose records: "user" for "my" records (Salesforce scope, a Dataverse view on eq-userid), "team", "organization". */
    scope?: string;
    /** A joined (MultiBlock) report's block report types; their columns, groupings and filters are merged in. */
    blockReportTypes?: string[];
    format?: string;
    columns: { field: string; aggregates?: string[] }[];
    groupings: { field: string; dateGranularity?: string; sortOrder?: string }[];
    filters: { column: string; operator?: string; value?: string }[];
    sortColumn?: string;
    /** Chart summary column, e.g. "RowCount". */
    chartSummaries?: string[];
    /** Standard date filter, e.g. { dateColumn: "High_Card__c$Occurred_On__c", interval: "INTERVAL_LAST90" }. */
    timeFrameFilter?: { dateColumn: string; interval: string };
    /** Chart groupingColumn / secondaryGroupingColumn. */
    chartGroupings?: string[];
    /** Cross filters, e.g. { relatedTable: "Activities", operation: "without" } ("accounts without activities"). */
    crossFilters?: { relatedTable: string; operation: string }[];
    /** Bucket fields: grouping by a bucket groups by its source column. */
    buckets?: { name: string; sourceColumn: string }[];
}

export interface DashboardModel extends Origin {
    name: string;
    label?: string;
    /** "SpecifiedUser" | "LoggedInUser" | "MyTeamUser" */
    dashboardType?: string;
    runningUser?: string;
    /** Report names the components use. */
    reports: string[];
    /** Groupings components define themselves (e.g. groupingColumn), besides their report's. */
    groupings: string[];
    description?: string;
    /** Columns the dashboard filters on (components' dashboardFilterColumns). */
    filters?: string[];
    /** Each component: the report (or Dataverse chart/view) it shows and the groupings it adds itself. */
    components?: DashboardComponentModel[];
}

export interface DashboardComponentModel {
    report: string;
    /** Fields the component groups or sorts by itself (e.g. groupingColumn), besides its report's. */
    groupings: string[];
    /** "Bar", "Table", "Metric", ... */
    type?: string;
    title?: string;
}

/**
 * Something that writes field values without a person: a flow, a workflow field update, a process,
 * an integration or plug-in step. A tick box that one of them sets is not a rep's tick.
 */
export interface AutomationModel extends Origin {
    kind: 'flow' | 'workflow-field-update' | 'process' | 'integration' | 'plugin';
    name: string;
    label?: string;
    active: boolean;
    /** The object it runs on, when known. */
    object?: string;
    /** Fields it writes. */
    sets: { object: string; field: string; value?: string }[];
}

export interface ReportTypeModel extends Origin {
    /** Developer name without "__c" ("PACT_High_Cards"); reports call it "PACT_High_Cards__c". */
    name: string;
    label?: string;
    baseObject: string;
    /** Related objects as relationship paths from the base object, e.g. "Account.Tasks". */
    joins?: string[];
    /** Fields the report type exposes, as Salesforce names them in reports ("High_Card__c$Account__c.Name"). */
    fields: string[];
}

export interface OrgModel {
    /** What was read: a directory or "org:<alias>". */
    source: string;
    objects: ObjectModel[];
    reports: ReportModel[];
    dashboards: DashboardModel[];
    reportTypes: ReportTypeModel[];
    /** Flows, workflow field updates, processes: who sets which field. */
    automations?: AutomationModel[];
}

/** Activity control: what the P.A.C.T. retires. People ranking: a note, not an activity control. */
export type Tier = 'activity-control' | 'people-ranking';

/** One problem found by the integrity guard or the audit. */
export interface Finding {
    /** Stable rule id, e.g. "low-card-checkbox", "report-groups-by-user". */
    rule: string;
    /** The object the finding is about (for reports: the report type's base object, if known). */
    object?: string;
    /** Field, report or dashboard API name. */
    component: string;
    /** "CustomField" | "Report" | "Dashboard" | "ValidationRule" | "ListView" | ... */
    componentType: string;
    file: string;
    /** Plain words: why this is an activity control / a stick. */
    reason: string;
    /** The audit's tier (the integrity guard leaves it out). */
    tier?: Tier;
    /** What kind of component: "tick-box", "activity-report", "activity-dashboard", "forcing-rule", ... */
    category?: string;
    /** Each piece of evidence behind the verdict, in plain words. */
    evidence?: string[];
}

/** "ns__Field__c" belongs to the managed package "ns"; "Field__c" to the org. */
export function namespaceOf(apiName: string): string | undefined {
    const match = /^([A-Za-z][A-Za-z0-9]*)__[A-Za-z0-9_]+__c$/.exec(apiName);
    return match ? match[1] : undefined;
}

export function emptyModel(source: string): OrgModel {
    return { source, objects: [], reports: [], dashboards: [], reportTypes: [], automations: [] };
}
