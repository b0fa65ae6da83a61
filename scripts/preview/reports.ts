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
    groupings: { field: string; granularity?: string; sortOrder?: string }[];
    /** The detail rows' order (Occurred_On__c Asc: the oldest first). */
    sort?: { field: string; order: string };
    filters: { field: string; operator: string; value: string }[];
    timeFrame?: { field: string; interval: string; start?: string; end?: string };
}

export interface Quote {
    id: string;
    /** The customer's words (Details__c), or a plan's objective. */
    text: string;
    account: string;
    /** ISO date the card happened (or the plan is for). */
    date: string;
    /** Days from that date to today: how long an open request has waited. */
    ageDays: number;
    kind?: string;
}

export interface ReportResult {
    definition: ReportDefinition;
    total: number;
    /**
     * Primary group -> secondary group (or '') -> count, in display order. `oldestAgeDays` is how long the
     * group's oldest record has waited (reports of open requests and commitments).
     */
    groups: {
        key: string;
        label: string;
        total: number;
        parts: { key: string; count: number }[];
        oldestAgeDays?: number;
    }[];
    secondaryKeys: string[];
    /** What the report counts, in words a reader uses: no API names, no filter syntax. */
    plain: { grouping: string; filters: string[] };
    /** The picklist whose values carry the bar colours (the same colour for a value in every chart). */
    colorField?: string;
    /** The colour every bar takes when one value is all the report shows (e.g. Kind = Competitor). */
    singleColorKey?: string;
    /** Each bar shows shares of its total, as the chart type promises (VerticalColumnStackedTo100). */
    shares: boolean;
    /** Whether the report is about open items, which wait: the age is shown and sorted on. */
    showsAge: boolean;
    quotes: Quote[];
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
            (g: { field: string; dateGranularity?: string; sortOrder?: string }) => ({
                field: stripObject(g.field),
                granularity: g.dateGranularity,
                sortOrder: g.sortOrder
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
            sort: r.sortColumn
                ? { field: stripObject(String(r.sortColumn)), order: String(r.sortOrder ?? 'Asc') }
                : undefined,
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

/** Report time frames in words. */
const INTERVAL_WORDS: Record<string, string> = {
    INTERVAL_TODAY: 'today',
    INTERVAL_LAST7: 'the last 7 days',
    INTERVAL_LAST30: 'the last 30 days',
    INTERVAL_LAST60: 'the last 60 days',
    INTERVAL_LAST90: 'the last 90 days',
    INTERVAL_LAST120: 'the last 120 days',
    INTERVAL_LAST365: 'the last 365 days',
    INTERVAL_NEXT7: 'the next 7 days',
    INTERVAL_NEXT30: 'the next 30 days',
    INTERVAL_CURRENTQ: 'this quarter',
    INTERVAL_PREVQ: 'last quarter',
    INTERVAL_CURPREVQ: 'this and last quarter',
    INTERVAL_CURNEXTQ: 'this and next quarter',
    INTERVAL_CURY: 'this calendar year',
    INTERVAL_PREVY: 'last calendar year',
    INTERVAL_PREVCURY: 'this and last calendar year',
    INTERVAL_THISMONTH: 'this month',
    INTERVAL_LASTMONTH: 'last month'
};

/** One date format for every date on the page, the one the components use (e.g. Dec 1, 2026). */
export const formatDay = (iso: string) =>
    new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${iso.slice(0, 10)}T00:00:00Z`)
    );

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) =>
    Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / DAY_MS);

/** "Account__c.Name" -> "account"; "Occurred_On__c" -> "occurred on": the field's label, as a reader says it. */
function fieldWords(org: OrgDescribe, objectName: string, fieldPath: string): string {
    const [head, ...rest] = fieldPath.split('.');
    const field = org.objects.get(objectName)?.fields.find((f) => f.apiName === head);
    if (!field) return head.replace(/__c$/, '').replace(/_/g, ' ').toLowerCase();
    // A parent's name is the parent: "Account__c.Name" reads "account".
    if (rest.length && (rest[0] === 'Name' || !field.referenceTo)) return field.label.toLowerCase();
    if (rest.length && field.referenceTo) return fieldWords(org, field.referenceTo, rest.join('.'));
    return field.label.toLowerCase();
}

function picklistLabel(org: OrgDescribe, objectName: string, fieldPath: string, value: string): string {
    const field = org.objects.get(objectName)?.fields.find((f) => f.apiName === fieldPath);
    return field?.picklistValues?.find((p) => p.value === value)?.label ?? value;
}

const orList = (items: string[]) =>
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Picklists whose values keep one colour in every chart. */
export const COLOURED_FIELDS = ['Kind__c', 'Theme__c', 'Sentiment__c'];

export function runReport(definition: ReportDefinition, source: RecordSource, org: OrgDescribe): ReportResult {
    const object = org.objects.get(definition.object);
    const fieldOf = (fieldPath: string) => object?.fields.find((f) => f.apiName === fieldPath);
    const isDateField = (fieldPath: string) => {
        const field = fieldOf(fieldPath);
        return field?.type === 'Date' || field?.type === 'DateTime';
    };
    const words = (fieldPath: string) => fieldWords(org, definition.object, fieldPath);
    const filters: string[] = [];
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
            const when = INTERVAL_WORDS[interval] ?? 'the chosen dates';
            filters.push(`${capitalise(`in ${when}`)} (${formatDay(range[0])} to ${formatDay(range[1])})`);
        }
    }
    for (const filter of definition.filters) {
        const isDate = isDateField(filter.field);
        rows = rows.filter((r) => matches(r, filter, source, org, isDate));
        const label = capitalise(words(filter.field));
        if (isDate) {
            const [from, to] = dateValue(filter.value, today);
            const phrase: Record<string, string> = {
                equals: `on ${formatDay(from)}${from === to ? '' : ` to ${formatDay(to)}`}`,
                greaterOrEqual: `on or after ${formatDay(from)}`,
                greaterThan: `after ${formatDay(to)}`,
                lessOrEqual: `on or before ${formatDay(to)}`,
                lessThan: `before ${formatDay(from)}`,
                notEqual: `not on ${formatDay(from)}`
            };
            filters.push(`${label}: ${phrase[filter.operator] ?? filter.value}`);
            continue;
        }
        const values = filter.value
            .split(',')
            .map((v) => picklistLabel(org, definition.object, filter.field, v.trim()));
        const verb: Record<string, string> = {
            equals: 'is',
            notEqual: 'is not',
            contains: 'contains',
            notContain: 'does not contain',
            startsWith: 'starts with'
        };
        filters.push(`${label} ${verb[filter.operator] ?? filter.operator} ${orList(values)}`);
    }
    const [primary, secondary] = definition.groupings;
    const labelOf = (fieldPath: string | undefined, key: string) =>
        fieldPath && fieldOf(fieldPath)?.picklistValues ? picklistLabel(org, definition.object, fieldPath, key) : key;
    // Open requests and commitments wait: their age is what the reader sorts by.
    const showsAge = definition.filters.some((f) => f.field === 'Action_Status__c');
    // The age counts from the day it was said: a date grouping first, then the time frame's field.
    const dateField =
        (primary && isDateField(primary.field) && primary.field) ||
        definition.timeFrame?.field ||
        (definition.sort && isDateField(definition.sort.field) && definition.sort.field) ||
        (object?.fields.find((f) => f.type === 'Date')?.apiName ?? 'CreatedDate');
    const ageOf = (row: StoredRecord) => {
        const date = String(row[dateField] ?? row.CreatedDate ?? today).slice(0, 10);
        return daysBetween(date, today);
    };
    const groups = new Map<
        string,
        { key: string; label: string; total: number; parts: Map<string, number>; oldestAgeDays: number }
    >();
    const secondaryKeys = new Set<string>();
    for (const row of rows) {
        const p = primary
            ? groupKey(valueOf(row, primary.field, source, org), primary.granularity, isDateField(primary.field))
            : { key: 'All', label: 'All' };
        const sk = secondary
            ? groupKey(valueOf(row, secondary.field, source, org), secondary.granularity, isDateField(secondary.field))
            : undefined;
        const s = !sk ? '' : sk.key === '~' ? `No ${words(secondary!.field)}` : sk.label;
        const group = groups.get(p.key) ?? {
            key: p.key,
            label: !primary ? p.label : p.key === '~' ? `No ${words(primary.field)}` : labelOf(primary.field, p.label),
            total: 0,
            parts: new Map<string, number>(),
            oldestAgeDays: 0
        };
        group.total++;
        group.parts.set(s, (group.parts.get(s) ?? 0) + 1);
        group.oldestAgeDays = Math.max(group.oldestAgeDays, ageOf(row));
        secondaryKeys.add(s);
        groups.set(p.key, group);
    }
    const descending = primary?.sortOrder === 'Desc';
    const grouping = definition.groupings
        .map((g) =>
            isDateField(g.field) && g.granularity && g.granularity !== 'Day'
                ? `${g.granularity.toLowerCase()} (${words(g.field)})`
                : words(g.field)
        )
        .join(', then ');
    const colorField = [secondary?.field, primary?.field].find((f) => f && COLOURED_FIELDS.includes(f));
    const kindFilter = definition.filters.find((f) => f.field === 'Kind__c' && f.operator === 'equals');
    const singleColorKey = !colorField && kindFilter && !kindFilter.value.includes(',') ? kindFilter.value : undefined;
    // The customers' own words under the chart: the newest three, or the three that waited longest.
    const accountOf = (row: StoredRecord) => {
        const id = row.Account__c ?? row.AccountId;
        return typeof id === 'string' ? String(source.get(id)?.Name ?? '') : '';
    };
    const textField = definition.object === 'Call_Plan__c' ? 'Objective__c' : 'Details__c';
    const byDate = [...rows].sort((a, b) => String(a[dateField] ?? '').localeCompare(String(b[dateField] ?? '')));
    const ordered = showsAge || definition.object === 'Call_Plan__c' ? byDate : byDate.reverse();
    const quotes: Quote[] = ordered
        .filter((r) => r[textField])
        .slice(0, 3)
        .map((r) => ({
            id: String(r.Id),
            text: String(r[textField]),
            account: accountOf(r),
            date: String(r[dateField] ?? '').slice(0, 10),
            ageDays: ageOf(r),
            kind: r.Kind__c ? picklistLabel(org, definition.object, 'Kind__c', String(r.Kind__c)) : undefined
        }));
    return {
        definition,
        total: rows.length,
        groups: [...groups.values()]
            .sort((a, b) => (descending ? -1 : 1) * a.key.localeCompare(b.key))
            .map((g) => ({
                key: g.key,
                label: g.label,
                total: g.total,
                parts: [...g.parts].map(([key, count]) => ({ key, count })),
                ...(showsAge ? { oldestAgeDays: g.oldestAgeDays } : {})
            })),
        secondaryKeys: [...secondaryKeys].sort(),
        plain: { grouping: grouping ? `By ${grouping}` : 'All together', filters },
        colorField,
        singleColorKey,
        shares: /To100$/.test(definition.chartType ?? ''),
        showsAge,
        quotes
    };
}
