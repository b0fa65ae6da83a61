/**
 * The PACT integrity guard: pure functions over an OrgModel that return Findings.
 *
 * PACT promises that nothing it ships counts what reps do. The guard turns that promise into
 * checks that fail the build (tests/integrity) and that the org audit can run on a customer org:
 *  - no report or dashboard groups, filters, sorts or summarises by a person (owner, creator,
 *    assignee, any lookup to User): that is how customer facts become a per-rep scoreboard;
 *  - no report on Tasks, Events or Activities: those report types exist to count calls and visits;
 *  - no Checkbox field on an object PACT ships: tick boxes are the classic low card;
 *  - no report, report type or list view exposes Coaching_Note__c: coaching stays between a rep
 *    and their manager.
 */
import { DashboardModel, Finding, ListViewModel, OrgModel, ReportModel, ReportTypeModel } from '../metadata/model';
import { UserFieldIndex, indexUserFields, userFieldIn } from './user-fields';

export { indexUserFields, userFieldIn } from './user-fields';

export const RULES = {
    'report-groups-by-user': 'A report groups (or charts) records by a person.',
    'report-filters-by-user': 'A report filters records by a person.',
    'report-sorts-by-user': 'A report sorts records by a person.',
    'report-summarises-by-user': 'A report summarises (counts, sums) a person column.',
    'dashboard-groups-by-user': 'A dashboard component groups by a person.',
    'dashboard-filters-by-user': 'A dashboard filters by a person.',
    'activity-report-type': 'A report (or report type) is built on Tasks, Events or Activities.',
    'low-card-checkbox': 'An object PACT ships has a Checkbox field.',
    'coaching-note-exposed': 'A report, report type or list view exposes Coaching_Note__c.'
} as const;

export type RuleId = keyof typeof RULES;

export type CheckId = 'user-fields' | 'activity-reports' | 'checkboxes' | 'coaching-notes';

export interface IntegrityOptions {
    /** Which checks to run; all of them by default. */
    checks?: CheckId[];
    /**
     * Objects whose Checkbox fields count. Default: every object in the model (right for
     * force-app, where every object is shipped). The org audit narrows this for customer orgs.
     */
    shippedObjects?: string[];
}

const WHY_PERSON = 'customer words sorted by rep become a scoreboard of reps, and reps stop telling what customers say';

/** Standard object names and report-type words that mean calls, meetings and to-dos. */
const ACTIVITY_OBJECTS = new Set(['task', 'event', 'activityhistory', 'openactivity', 'activity', 'taskrelation']);
/** Relationship names that join activities to a record ("Account.Tasks", "Campaign.Activities"). */
export const ACTIVITY_RELATIONSHIPS: ReadonlySet<string> = new Set([
    'tasks',
    'events',
    'activityhistories',
    'openactivities',
    'activities'
]);
/** Words of a standard report type that mean activities ("Activity", "LeadActivity", "Task"). */
export const ACTIVITY_REPORT_TYPE_WORDS: ReadonlySet<string> = new Set([
    'activity',
    'activities',
    'task',
    'tasks',
    'event',
    'events'
]);

const COACHING_NOTE = /coaching_notes?__[cr]/i;

function isCustomReportTypeRef(reportType: string): boolean {
    return /__c$/i.test(reportType);
}

/** The report type a report uses, when the model holds it ("PACT_High_Cards__c" -> PACT_High_Cards). */
export function reportTypeOf(model: OrgModel, report: ReportModel | string): ReportTypeModel | undefined {
    const ref = (typeof report === 'string' ? report : report.reportType).replace(/__c$/i, '').toLowerCase();
    return model.reportTypes.find((t) => t.name.toLowerCase() === ref);
}

/** The object a report is about: its custom report type's base object, or the object in "CustomEntity$X__c". */
function objectOfReport(model: OrgModel, report: ReportModel): string | undefined {
    const type = reportTypeOf(model, report);
    if (type) return type.baseObject;
    const entity = /^CustomEntity\$(.+)$/.exec(report.reportType);
    return entity ? entity[1] : undefined;
}

function reportFinding(model: OrgModel, report: ReportModel, rule: RuleId, reason: string): Finding {
    const object = objectOfReport(model, report);
    return {
        rule,
        ...(object ? { object } : {}),
        component: report.name,
        componentType: 'Report',
        file: report.file,
        reason
    };
}

function dedupe(findings: Finding[]): Finding[] {
    const seen = new Set<string>();
    return findings.filter((f) => {
        const key = `${f.rule}|${f.componentType}|${f.component}|${f.reason}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}

/** The columns a report groups or charts by; a bucket field groups by the column it buckets. */
export function groupingColumns(report: ReportModel): string[] {
    const bucketSource = new Map((report.buckets ?? []).map((b) => [b.name, b.sourceColumn]));
    return [...report.groupings.map((g) => g.field), ...(report.chartGroupings ?? [])].map(
        (column) => bucketSource.get(column) ?? column
    );
}

/** The columns a report counts or sums. */
export function summarisedColumns(report: ReportModel): string[] {
    return report.columns
        .filter((c) => (c.aggregates ?? []).some((a) => a !== 'None' && a !== 'Noop'))
        .map((c) => c.field);
}

/** Reports and dashboards that group, filter, sort or summarise by a person. */
export function checkUserFields(model: OrgModel, index: UserFieldIndex = indexUserFields(model)): Finding[] {
    const findings: Finding[] = [];
    for (const report of model.reports) {
        const flag = (rule: RuleId, verb: string, column: string | undefined) => {
            if (!column) return;
            const person = userFieldIn(column, index);
            if (person) {
                findings.push(
                    reportFinding(model, report, rule, `${verb} by "${column}" (${person} is a person): ${WHY_PERSON}.`)
                );
            }
        };
        for (const column of groupingColumns(report)) flag('report-groups-by-user', 'Groups', column);
        for (const filter of report.filters) flag('report-filters-by-user', 'Filters', filter.column);
        flag('report-sorts-by-user', 'Sorts', report.sortColumn);
        for (const column of summarisedColumns(report)) flag('report-summarises-by-user', 'Summarises', column);
        for (const summary of report.chartSummaries ?? []) {
            flag('report-summarises-by-user', 'Charts a summary', summary);
        }
    }
    for (const dashboard of model.dashboards) {
        const flag = (rule: RuleId, verb: string, column: string) => {
            const person = userFieldIn(column, index);
            if (person)
                findings.push(
                    dashboardFinding(dashboard, rule, `${verb} by "${column}" (${person} is a person): ${WHY_PERSON}.`)
                );
        };
        for (const column of dashboard.groupings) flag('dashboard-groups-by-user', 'A component groups', column);
        for (const column of dashboard.filters ?? []) flag('dashboard-filters-by-user', 'Filters', column);
    }
    return dedupe(findings);
}

function dashboardFinding(dashboard: DashboardModel, rule: RuleId, reason: string): Finding {
    return { rule, component: dashboard.name, componentType: 'Dashboard', file: dashboard.file, reason };
}

function words(name: string): string[] {
    return name
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((w) => w.toLowerCase());
}

function activityReason(type: ReportTypeModel): string | undefined {
    if (ACTIVITY_OBJECTS.has(type.baseObject.toLowerCase())) return `is built on ${type.baseObject}`;
    const join = (type.joins ?? []).find((j) => ACTIVITY_RELATIONSHIPS.has((j.split('.').pop() ?? '').toLowerCase()));
    return join ? `joins ${join}` : undefined;
}

const WHY_ACTIVITY = 'activity report types exist to count calls, visits and to-dos per rep';

/** Reports on Task, Event or Activity report types, and custom report types built on them. */
export function checkActivityReports(model: OrgModel): Finding[] {
    const findings: Finding[] = [];
    for (const type of model.reportTypes) {
        const why = activityReason(type);
        if (why) {
            findings.push({
                rule: 'activity-report-type',
                object: type.baseObject,
                component: type.name,
                componentType: 'ReportType',
                file: type.file,
                reason: `The report type ${why}: ${WHY_ACTIVITY}.`
            });
        }
    }
    const whyReportType = (ref: string): string | undefined => {
        if (isCustomReportTypeRef(ref)) {
            // Only a custom report type the model knows can be judged; its name alone says nothing.
            const type = reportTypeOf(model, ref);
            const typeWhy = type && activityReason(type);
            return typeWhy ? `uses the report type ${type.name}, which ${typeWhy}` : undefined;
        }
        return words(ref).some((w) => ACTIVITY_REPORT_TYPE_WORDS.has(w))
            ? `uses the standard report type "${ref}"`
            : undefined;
    };
    for (const report of model.reports) {
        // A joined report is judged by each of its blocks too.
        for (const ref of new Set([report.reportType, ...(report.blockReportTypes ?? [])])) {
            const why = whyReportType(ref);
            if (why) {
                findings.push(
                    reportFinding(model, report, 'activity-report-type', `The report ${why}: ${WHY_ACTIVITY}.`)
                );
            }
        }
        // "Accounts without activities" is an activity count in disguise: a cross filter on them.
        for (const cross of report.crossFilters ?? []) {
            if (
                !ACTIVITY_RELATIONSHIPS.has(cross.relatedTable.toLowerCase()) &&
                !ACTIVITY_OBJECTS.has(cross.relatedTable.toLowerCase())
            )
                continue;
            findings.push(
                reportFinding(
                    model,
                    report,
                    'activity-report-type',
                    `The report keeps records ${cross.operation} ${cross.relatedTable} (a cross filter): ${WHY_ACTIVITY}.`
                )
            );
        }
    }
    return findings;
}

/** Checkbox fields on the objects PACT ships. */
export function checkCheckboxes(model: OrgModel, shippedObjects?: string[]): Finding[] {
    const shipped = shippedObjects ? new Set(shippedObjects.map((o) => o.toLowerCase())) : undefined;
    const findings: Finding[] = [];
    for (const obj of model.objects) {
        if (shipped && !shipped.has(obj.name.toLowerCase())) continue;
        for (const field of obj.fields) {
            if (field.type !== 'Checkbox') continue;
            findings.push({
                rule: 'low-card-checkbox',
                object: obj.name,
                component: `${obj.name}.${field.name}`,
                componentType: 'CustomField',
                file: field.file,
                reason: `"${field.label ?? field.name}" is a tick box: tick boxes get ticked to satisfy a count, not to tell what the customer said. Capture it as a high card or a picklist value instead.`
            });
        }
    }
    return findings;
}

function mentionsCoachingNote(values: (string | undefined)[]): string | undefined {
    return values.find((v): v is string => v !== undefined && COACHING_NOTE.test(v));
}

const WHY_COACHING = 'coaching notes are private between a rep and their manager and never reported on';

function listViewMentions(objectName: string, view: ListViewModel): string | undefined {
    if (COACHING_NOTE.test(objectName)) return objectName;
    return mentionsCoachingNote([...view.columns, ...view.filters.map((f) => f.field)]);
}

/** Reports, report types and list views that expose Coaching_Note__c. */
export function checkCoachingNotes(model: OrgModel): Finding[] {
    const findings: Finding[] = [];
    for (const type of model.reportTypes) {
        const hit = mentionsCoachingNote([type.baseObject, ...(type.joins ?? []), ...type.fields]);
        if (hit) {
            findings.push({
                rule: 'coaching-note-exposed',
                object: type.baseObject,
                component: type.name,
                componentType: 'ReportType',
                file: type.file,
                reason: `The report type reaches "${hit}": ${WHY_COACHING}.`
            });
        }
    }
    for (const report of model.reports) {
        const type = reportTypeOf(model, report);
        const hit = mentionsCoachingNote([
            report.reportType,
            ...(report.blockReportTypes ?? []),
            ...(report.blockReportTypes ?? []).map((ref) => reportTypeOf(model, ref)?.baseObject),
            type?.baseObject,
            ...(type?.joins ?? []),
            ...report.columns.map((c) => c.field),
            ...report.groupings.map((g) => g.field),
            ...report.filters.map((f) => f.column),
            report.sortColumn
        ]);
        if (hit) {
            findings.push(
                reportFinding(model, report, 'coaching-note-exposed', `The report reads "${hit}": ${WHY_COACHING}.`)
            );
        }
    }
    for (const obj of model.objects) {
        for (const view of obj.listViews) {
            const hit = listViewMentions(obj.name, view);
            if (hit) {
                findings.push({
                    rule: 'coaching-note-exposed',
                    object: obj.name,
                    component: `${obj.name}.${view.name}`,
                    componentType: 'ListView',
                    file: view.file,
                    reason: `The list view shows "${hit}": ${WHY_COACHING}.`
                });
            }
        }
    }
    return findings;
}

const ALL_CHECKS: CheckId[] = ['user-fields', 'activity-reports', 'checkboxes', 'coaching-notes'];

/** Locale-independent order, so output and tests are the same on every machine. */
function byCodePoint(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** Runs the chosen checks (all by default) and returns their findings, sorted for stable output. */
export function checkIntegrity(model: OrgModel, options: IntegrityOptions = {}): Finding[] {
    const checks = new Set(options.checks ?? ALL_CHECKS);
    const findings: Finding[] = [];
    if (checks.has('user-fields')) findings.push(...checkUserFields(model));
    if (checks.has('activity-reports')) findings.push(...checkActivityReports(model));
    if (checks.has('checkboxes')) findings.push(...checkCheckboxes(model, options.shippedObjects));
    if (checks.has('coaching-notes')) findings.push(...checkCoachingNotes(model));
    return findings.sort(
        (a, b) => byCodePoint(a.file, b.file) || byCodePoint(a.rule, b.rule) || byCodePoint(a.reason, b.reason)
    );
}
