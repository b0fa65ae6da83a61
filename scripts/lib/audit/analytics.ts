/**
 * Reports and dashboards judged for a customer's org. An activity report (on Tasks, Events,
 * activities, a Dataverse activity table or a custom object that logs calls or visits) is an activity
 * control when it groups, charts or summarises per person, or when a dashboard component that shows it
 * does. Any other report or dashboard that ranks people (pipeline per owner, cases per agent) is a
 * people-ranking note. Everything else is benign, with its reason for --verbose.
 */
import type { DashboardModel, Finding, OrgModel, ReportModel } from '../metadata/model';
import {
    ACTIVITY_RELATIONSHIPS,
    ACTIVITY_REPORT_TYPE_WORDS,
    groupingColumns,
    indexUserFields,
    reportTypeOf,
    summarisedColumns,
    userFieldIn
} from '../integrity';
import type { UserFieldIndex } from '../integrity/user-fields';
import { isActivityObject, isActivityTable } from './activity-controls';
import { describeColumn } from './column-labels';
import { words } from './activity-words';

export const RULE_ACTIVITY_REPORT = 'activity-report-per-person';
export const RULE_ACTIVITY_DASHBOARD = 'activity-dashboard-per-person';
export const RULE_RANKING_REPORT = 'report-ranks-people';
export const RULE_RANKING_DASHBOARD = 'dashboard-ranks-people';

/** "Tasks", "ActivityHistories", "Activity$OwnerId" (a polymorphic join), "UnifiedVoiceCalls". */
function isActivityRelationship(relationship: string): boolean {
    const name = relationship.split('$')[0].toLowerCase();
    return ACTIVITY_RELATIONSHIPS.has(name) || isActivityObject(name) || isActivityObject(name.replace(/s$/, ''));
}

export interface AnalyticsVerdict {
    component: string;
    componentType: 'Report' | 'Dashboard';
    object?: string;
    file: string;
    tier?: 'activity-control' | 'people-ranking';
    reason: string;
    evidence: string[];
}

/** Why the report is about activities (its report type, base object or joined blocks), or undefined. */
export function activityReportReason(model: OrgModel, report: ReportModel): string | undefined {
    if (report.baseObject && isActivityTable(model, report.baseObject)) return `is on ${report.baseObject}`;
    for (const ref of [report.reportType, ...(report.blockReportTypes ?? [])]) {
        if (!ref) continue;
        const type = reportTypeOf(model, ref);
        if (type) {
            if (isActivityTable(model, type.baseObject))
                return `uses the report type ${type.name}, built on ${type.baseObject}`;
            const join = (type.joins ?? []).find((j) => isActivityRelationship(j.split('.').pop() ?? ''));
            if (join) return `uses the report type ${type.name}, which joins ${join}`;
            continue;
        }
        const entity = /CustomEntity\$([A-Za-z0-9_]+)/.exec(ref);
        if (entity && isActivityTable(model, entity[1])) return `is on ${entity[1]}`;
        if (/__c$/i.test(ref)) {
            // A custom report type the model does not hold: its name is the only evidence.
            if (words(ref).some((w) => ACTIVITY_REPORT_TYPE_WORDS.has(w))) return `uses the report type ${ref}`;
            continue;
        }
        if (words(ref.split('@')[0]).some((w) => ACTIVITY_REPORT_TYPE_WORDS.has(w)))
            return `uses the standard report type "${ref}"`;
    }
    return undefined;
}

/** The object a report is about, for grouping the output. */
export function reportObject(model: OrgModel, report: ReportModel): string | undefined {
    if (report.baseObject) return report.baseObject;
    const type = reportTypeOf(model, report);
    if (type) return type.baseObject;
    const entity = /CustomEntity\$([A-Za-z0-9_]+)/.exec(report.reportType);
    if (entity) return entity[1];
    const base = report.reportType.split('@')[0].replace(/(List|Activity|Lifetime)$/, '');
    return base || undefined;
}

/** Columns that put people side by side: per-person groupings, chart groupings and summaries. */
function personColumns(report: ReportModel, index: UserFieldIndex): string[] {
    const columns = [...groupingColumns(report), ...summarisedColumns(report), ...(report.chartSummaries ?? [])];
    return [...new Set(columns.filter((c) => userFieldIn(c, index)))];
}

function title(item: { name: string; label?: string }): string {
    return item.label && item.label !== item.name ? `"${item.label}" (${item.name})` : item.name;
}

function groupingSummary(report: ReportModel): string {
    const fields = [...new Set([...report.groupings.map((g) => g.field), ...(report.chartGroupings ?? [])])];
    return fields.length ? `grouped only by ${fields.join(', ')}` : 'with no grouping (a list)';
}

const MY_SCOPES = new Set(['user', 'mine', 'my', 'owner']);

export function judgeReports(model: OrgModel, index: UserFieldIndex = indexUserFields(model)) {
    const reports = new Map<string, AnalyticsVerdict>();
    const activity = new Map<string, string>();
    for (const report of model.reports) {
        const why = activityReportReason(model, report);
        if (why) activity.set(report.name, why);
        const object = reportObject(model, report);
        const people = personColumns(report, index).map((c) => describeColumn(model, object, c));
        const base = { component: report.name, componentType: 'Report' as const, file: report.file, object };
        const evidence = [...(why ? [`activity report: it ${why}`] : []), ...people.map((p) => `per person: ${p}`)];
        if (report.scope && MY_SCOPES.has(report.scope.toLowerCase())) {
            reports.set(report.name, {
                ...base,
                evidence: [...evidence, `scope: ${report.scope}`],
                reason: "benign: shows only the running user's own records"
            });
        } else if (why && people.length > 0) {
            reports.set(report.name, {
                ...base,
                tier: 'activity-control',
                evidence,
                reason:
                    `Report ${title(report)} counts activities per person: it ${why} and groups or sums by ${people.join(', ')}. ` +
                    'A count of calls and meetings per rep teaches reps to log activities, not to listen: retire it, ' +
                    'or group by account and read what customers said.'
            });
        } else if (people.length > 0) {
            reports.set(report.name, {
                ...base,
                tier: 'people-ranking',
                evidence,
                reason:
                    `Report ${title(report)} ranks people: it groups or sums ${object ?? 'records'} by ${people.join(', ')}. ` +
                    'Not an activity control; if it ranks outcomes (deals, cases), keep it next to what customers said.'
            });
        } else {
            reports.set(report.name, {
                ...base,
                evidence,
                reason: why
                    ? `benign: an activity report ${groupingSummary(report)}, counting no person`
                    : 'benign: not on activities and not grouped by a person'
            });
        }
    }
    return { reports, activity };
}

/** Judges every report and dashboard; a dashboard component that ranks people on an activity report flags both. */
export function judgeAnalytics(model: OrgModel): AnalyticsVerdict[] {
    const index = indexUserFields(model);
    const { reports, activity } = judgeReports(model, index);
    const dashboards: AnalyticsVerdict[] = [];
    for (const dashboard of model.dashboards)
        dashboards.push(judgeDashboard(model, dashboard, reports, activity, index));
    return [...reports.values(), ...dashboards];
}

function componentsOf(dashboard: DashboardModel) {
    if (dashboard.components) return dashboard.components;
    // A reader that fills only the flat lists: every report, with the dashboard's own groupings.
    return dashboard.reports.map((report) => ({ report, groupings: dashboard.groupings, title: undefined }));
}

function judgeDashboard(
    model: OrgModel,
    dashboard: DashboardModel,
    reports: Map<string, AnalyticsVerdict>,
    activity: Map<string, string>,
    index: UserFieldIndex
): AnalyticsVerdict {
    const activityHits: string[] = [];
    const rankingHits: string[] = [];
    for (const component of componentsOf(dashboard)) {
        const verdict = reports.get(component.report);
        const people = component.groupings
            .filter((g) => userFieldIn(g, index))
            .map((g) => describeColumn(model, verdict?.object, g));
        const what = component.title ? `"${component.title}" (${component.report})` : component.report;
        if (activity.has(component.report) && people.length > 0) {
            activityHits.push(`${what} groups it by ${people.join(', ')}`);
            // The report becomes an activity control through this dashboard.
            if (verdict && verdict.tier !== 'activity-control') {
                verdict.tier = 'activity-control';
                verdict.evidence.push(`charted per person by dashboard ${dashboard.name}: ${people.join(', ')}`);
                verdict.reason =
                    `Report ${verdict.component} feeds activities per person into dashboard ${dashboard.name}, whose ` +
                    `component groups it by ${people.join(', ')}: retire the component, or chart what customers said.`;
            }
        } else if (verdict?.tier === 'activity-control') {
            activityHits.push(`${what} counts activities per person`);
        } else if (people.length > 0 || verdict?.tier === 'people-ranking') {
            rankingHits.push(people.length > 0 ? `${what} groups by ${people.join(', ')}` : `${what} ranks people`);
        }
    }
    const base = {
        component: dashboard.name,
        componentType: 'Dashboard' as const,
        file: dashboard.file,
        evidence: [...activityHits, ...rankingHits]
    };
    const name = title({ name: dashboard.name, label: dashboard.label });
    if (activityHits.length > 0) {
        return {
            ...base,
            tier: 'activity-control',
            reason:
                `Dashboard ${name} puts reps' activity counts side by side: ${activityHits.slice(0, 2).join('; ')}. ` +
                'A leaderboard of calls and meetings is the first thing reps learn to game: remove those components.'
        };
    }
    if (rankingHits.length > 0) {
        return {
            ...base,
            tier: 'people-ranking',
            reason: `Dashboard ${name} ranks people: ${rankingHits.slice(0, 2).join('; ')}. Not an activity control.`
        };
    }
    return { ...base, reason: 'benign: no component counts activities or ranks people' };
}

/** Fields read by activity reports per person (filters and columns), for the tick-box evidence. */
export function fieldsUsedByActivityReports(model: OrgModel, verdicts: AnalyticsVerdict[]): Map<string, string[]> {
    const flagged = new Set(
        verdicts.filter((v) => v.componentType === 'Report' && v.tier === 'activity-control').map((v) => v.component)
    );
    const used = new Map<string, string[]>();
    for (const report of model.reports) {
        if (!flagged.has(report.name)) continue;
        for (const column of [...report.filters.map((f) => f.column), ...report.columns.map((c) => c.field)]) {
            const field = (column.split(/[.$]/).pop() ?? column).toLowerCase();
            if (!field.endsWith('__c')) continue;
            const list = used.get(field) ?? [];
            if (!list.includes(report.name)) list.push(report.name);
            used.set(field, list);
        }
    }
    return used;
}

export function analyticsFinding(v: AnalyticsVerdict): Finding {
    const activity = v.tier === 'activity-control';
    const isReport = v.componentType === 'Report';
    return {
        rule: isReport
            ? activity
                ? RULE_ACTIVITY_REPORT
                : RULE_RANKING_REPORT
            : activity
              ? RULE_ACTIVITY_DASHBOARD
              : RULE_RANKING_DASHBOARD,
        tier: v.tier,
        category: `${activity ? 'activity' : 'people-ranking'}-${isReport ? 'report' : 'dashboard'}`,
        ...(v.object ? { object: v.object } : {}),
        component: v.component,
        componentType: v.componentType,
        file: v.file,
        reason: v.reason,
        evidence: v.evidence
    };
}
