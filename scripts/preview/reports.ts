/**
 * The exec view of the preview: the bundled report definitions (force-app/.../reports) evaluated over
 * the preview's records. Groupings, filters and time frames come from each report's XML, so the
 * preview shows what the real report would group and count for the sample data.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { OrgDescribe } from '../lib/graphql/describe';
import { literalRange, rangeRange, type RecordSource, type StoredRecord } from '../lib/graphql/record-query';

export interface ReportDefinition {
    file: string;
    name: string;
    description: string;
    object: string;
    chartTitle?: string;
    chartType?: string;
    /** Field paths relative to the object, e.g. Theme__c or Account__c.Name. */
    groupings: { field: string; granularity?: string }[];
    filters: { field: string; operator: string; value: string }[];
    timeFrame?: { field: string; interval: string; start?: string; end?: string };
}

export interface ReportResult {
    definition: ReportDefinition;
    total: number;
    /** Primary group -> secondary group (or '') -> count, in display order. */
    groups: { key: string; label: string; total: number; parts: { key: string; count: number }[] }[];
    secondaryKeys: string[];
    filterSummary: string[];
}

const xml = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    isArray: (n) => ['groupingsDown', 'groupingsAcross', 'criteriaItems', 'columns'].includes(n)
});

const stripObject = (column: string) => column.slice(column.indexOf('$') + 1);

export function readReports(forceAppDir: string): ReportDefinition[] {
    const dir = path.join(forceAppDir, 'main', 'default', 'reports');
    if (!fs.existsSync(dir)) return [];
    const files: string[] = [];
    const visit = (d: string) => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
            const full = path.join(d, e.name);
            if (e.isDirectory()) visit(full);
            else if (e.name.endsWith('.report-meta.xml')) files.push(full);
        }
    };
    visit(dir);
    return files.sort().map((file) => {
        const r = xml.parse(fs.readFileSync(file, 'utf8')).Report ?? {};
        const columns: string[] = [
            ...(r.columns ?? []).map((c: { field: string }) => c.field),
            ...(r.groupingsDown ?? []).map((g: { field: string }) => g.field)
        ];
        const object = (columns.find((c) => c.includes('$')) ?? '').split('$')[0];
        const groupings = [...(r.groupingsDown ?? []), ...(r.groupingsAcross ?? [])].map(
            (g: { field: string; dateGranularity?: string }) => ({
                field: stripObject(g.field),
                granularity: g.dateGranularity
            })
        );
        const filters = (r.filter?.criteriaItems ?? []).map(
            (c: { column: string; operator: string; value?: string }) => ({
                field: stripObject(c.column),
                operator: c.operator,
                value: String(c.value ?? '')
            })
        );
        const tf = r.timeFrameFilter;
        return {
            file: path.relative(forceAppDir, file).split(path.sep).join('/'),
            name: String(r.name ?? path.basename(file)),
            description: String(r.description ?? ''),
            object,
            chartTitle: r.chart?.title ? String(r.chart.title) : undefined,
            chartType: r.chart?.chartType ? String(r.chart.chartType) : undefined,
            groupings,
            filters,
            timeFrame: tf
                ? {
                      field: stripObject(String(tf.dateColumn)),
                      interval: String(tf.interval),
                      start: tf.startDate ? String(tf.startDate) : undefined,
                      end: tf.endDate ? String(tf.endDate) : undefined
                  }
                : undefined
        };
    });
}

/** Report time-frame intervals as day ranges (calendar quarters and years). */
export function intervalRange(interval: string, today: string): [string, string] | null {
    const quarter = (offset: number) =>
        literalRange(offset < 0 ? 'LAST_QUARTER' : offset > 0 ? 'NEXT_QUARTER' : 'THIS_QUARTER', today);
    switch (interval) {
        case 'INTERVAL_TODAY':
            return literalRange('TODAY', today);
        case 'INTERVAL_LAST7':
            return rangeRange({ last_n_days: 7 }, today);
        case 'INTERVAL_LAST30':
            return rangeRange({ last_n_days: 30 }, today);
        case 'INTERVAL_LAST60':
            return rangeRange({ last_n_days: 60 }, today);
        case 'INTERVAL_LAST90':
            return rangeRange({ last_n_days: 90 }, today);
        case 'INTERVAL_LAST120':
            return rangeRange({ last_n_days: 120 }, today);
        case 'INTERVAL_LAST365':
            return rangeRange({ last_n_days: 365 }, today);
        case 'INTERVAL_NEXT7':
            return rangeRange({ next_n_days: 7 }, today);
        case 'INTERVAL_NEXT30':
            return rangeRange({ next_n_days: 30 }, today);
        case 'INTERVAL_CURRENTQ':
            return quarter(0);
        case 'INTERVAL_PREVQ':
            return quarter(-1);
        case 'INTERVAL_CURPREVQ':
            return [quarter(-1)[0], quarter(0)[1]];
        case 'INTERVAL_CURNEXTQ':
            return [quarter(0)[0], quarter(1)[1]];
        case 'INTERVAL_CURY':
            return literalRange('THIS_YEAR', today);
        case 'INTERVAL_PREVY':
            return literalRange('LAST_YEAR', today);
        case 'INTERVAL_PREVCURY':
            return [literalRange('LAST_YEAR', today)[0], literalRange('THIS_YEAR', today)[1]];
        case 'INTERVAL_THISMONTH':
            return literalRange('THIS_MONTH', today);
        case 'INTERVAL_LASTMONTH':
            return literalRange('LAST_MONTH', today);
        default:
            return null;
    }
}

/** A report filter value for a date: a date, TODAY-style literal or N_DAYS range. */
function dateValue(value: string, today: string): [string, string] {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return [value, value];
    const n = /^(LAST|NEXT)_N_(DAYS|WEEKS|MONTHS|QUARTERS|YEARS):(\d+)$/.exec(value);
    if (n) return rangeRange({ [`${n[1].toLowerCase()}_n_${n[2].toLowerCase()}`]: Number(n[3]) }, today);
    return literalRange(value, today);
}

function valueOf(record: StoredRecord, fieldPath: string, source: RecordSource, org: OrgDescribe): unknown {
    const [head, ...rest] = fieldPath.split('.');
    if (!rest.length) return record[head];
    const parent = typeof record[head] === 'string' ? source.get(String(record[head])) : undefined;
    if (!parent) return null;
    return valueOf(parent, rest.join('.'), source, org);
}

function matches(
    record: StoredRecord,
    filter: ReportDefinition['filters'][number],
    source: RecordSource,
    org: OrgDescribe,
    isDate: boolean
) {
    const raw = valueOf(record, filter.field, source, org);
    const value = raw === null || raw === undefined ? '' : String(raw);
    if (isDate) {
        if (!value) return false;
        const [from, to] = dateValue(filter.value, source.today());
        switch (filter.operator) {
            case 'equals':
                return value >= from && value <= to;
            case 'notEqual':
                return value < from || value > to;
            case 'greaterOrEqual':
                return value >= from;
            case 'greaterThan':
                return value > to;
            case 'lessOrEqual':
                return value <= to;
            case 'lessThan':
                return value < from;
        }
        return true;
    }
    const values = filter.value.split(',').map((v) => v.trim().toLowerCase());
    const v = value.toLowerCase();
    switch (filter.operator) {
        case 'equals':
            return values.includes(v);
        case 'notEqual':
            return !values.includes(v);
        case 'contains':
            return values.some((x) => v.includes(x));
        case 'notContain':
            return !values.some((x) => v.includes(x));
        case 'startsWith':
            return values.some((x) => v.startsWith(x));
        default:
            return true;
    }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function groupKey(value: unknown, granularity: string | undefined, isDate: boolean): { key: string; label: string } {
    if (value === null || value === undefined || value === '') return { key: '~', label: '-' };
    const text = String(value);
    if (!isDate) return { key: text, label: text };
    if (granularity === 'Month')
        return { key: text.slice(0, 7), label: `${MONTHS[Number(text.slice(5, 7)) - 1]} ${text.slice(0, 4)}` };
    if (granularity === 'Quarter') {
        const q = Math.floor((Number(text.slice(5, 7)) - 1) / 3) + 1;
        return { key: `${text.slice(0, 4)}-Q${q}`, label: `Q${q} ${text.slice(0, 4)}` };
    }
    if (granularity === 'Year') return { key: text.slice(0, 4), label: text.slice(0, 4) };
    return { key: text.slice(0, 10), label: text.slice(0, 10) };
}

export function runReport(definition: ReportDefinition, source: RecordSource, org: OrgDescribe): ReportResult {
    const object = org.objects.get(definition.object);
    const isDateField = (fieldPath: string) => {
        const field = object?.fields.find((f) => f.apiName === fieldPath);
        return field?.type === 'Date' || field?.type === 'DateTime';
    };
    const filterSummary: string[] = [];
    let rows = source.list(definition.object);
    const today = source.today();
    if (definition.timeFrame) {
        const { field, interval } = definition.timeFrame;
        const range =
            interval === 'INTERVAL_CUSTOM'
                ? definition.timeFrame.start || definition.timeFrame.end
                    ? ([definition.timeFrame.start ?? '0000-01-01', definition.timeFrame.end ?? '9999-12-31'] as [
                          string,
                          string
                      ])
                    : null
                : intervalRange(interval, today);
        if (range) {
            rows = rows.filter((r) => {
                const v = String(r[field] ?? '').slice(0, 10);
                return v !== '' && v >= range[0] && v <= range[1];
            });
            filterSummary.push(
                `${field} from ${range[0]} to ${range[1]} (${interval.replace('INTERVAL_', '').toLowerCase()})`
            );
        }
    }
    for (const filter of definition.filters) {
        rows = rows.filter((r) => matches(r, filter, source, org, isDateField(filter.field)));
        filterSummary.push(`${filter.field} ${filter.operator} ${filter.value}`);
    }
    const [primary, secondary] = definition.groupings;
    const groups = new Map<string, { key: string; label: string; total: number; parts: Map<string, number> }>();
    const secondaryKeys = new Set<string>();
    for (const row of rows) {
        const p = primary
            ? groupKey(valueOf(row, primary.field, source, org), primary.granularity, isDateField(primary.field))
            : { key: 'All', label: 'All' };
        const s = secondary
            ? groupKey(valueOf(row, secondary.field, source, org), secondary.granularity, isDateField(secondary.field))
                  .label
            : '';
        const group = groups.get(p.key) ?? { ...p, total: 0, parts: new Map<string, number>() };
        group.total++;
        group.parts.set(s, (group.parts.get(s) ?? 0) + 1);
        secondaryKeys.add(s);
        groups.set(p.key, group);
    }
    return {
        definition,
        total: rows.length,
        groups: [...groups.values()]
            .sort((a, b) => a.key.localeCompare(b.key))
            .map((g) => ({
                key: g.key,
                label: g.label,
                total: g.total,
                parts: [...g.parts].map(([key, count]) => ({ key, count }))
            })),
        secondaryKeys: [...secondaryKeys].sort(),
        filterSummary
    };
}
