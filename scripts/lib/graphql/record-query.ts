/**
 * Evaluates the UI API GraphQL `where` and `orderBy` arguments over records held in memory, with
 * Salesforce's semantics where PACT relies on them: case-insensitive string equality, `like`
 * wildcards, relative date literals and ranges (TODAY, LAST_N_DAYS...), null handling in
 * comparisons and sort order (ASC puts nulls first, DESC last, unless `nulls` says otherwise).
 */
import type { FieldDescribe, ObjectDescribe, OrgDescribe } from './describe';

export interface StoredRecord {
    Id: string;
    attributes: { type: string };
    [field: string]: unknown;
}

/** Where the resolvers read records from: the preview's store, or a test fixture. */
export interface RecordSource {
    list(objectApiName: string): StoredRecord[];
    get(id: string): StoredRecord | undefined;
    /** The running user's Id, for scope: MINE. */
    userId?: string;
    /** YYYY-MM-DD, the day relative date literals are computed from. */
    today(): string;
}

type Filter = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Dates: every relative literal becomes an inclusive [from, to] range of YYYY-MM-DD days.
type DayRange = [string, string];

const DAY = 86_400_000;
const toDate = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => iso(new Date(toDate(day).getTime() + n * DAY));
const startOfWeek = (day: string) => addDays(day, -toDate(day).getUTCDay()); // weeks start on Sunday (en_US)
function addMonths(day: string, n: number): string {
    const d = toDate(day);
    return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1)));
}
const startOfMonth = (day: string) => `${day.slice(0, 7)}-01`;
const endOfMonth = (monthStart: string) => addDays(addMonths(monthStart, 1), -1);
function startOfQuarter(day: string): string {
    const d = toDate(day);
    return iso(new Date(Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1)));
}
const startOfYear = (day: string) => `${day.slice(0, 4)}-01-01`;

function periodRange(today: string, unit: 'week' | 'month' | 'quarter' | 'year', offset: number, count = 1): DayRange {
    if (unit === 'week') {
        const start = addDays(startOfWeek(today), offset * 7);
        return [start, addDays(start, count * 7 - 1)];
    }
    const months = unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12;
    const base =
        unit === 'month' ? startOfMonth(today) : unit === 'quarter' ? startOfQuarter(today) : startOfYear(today);
    const start = addMonths(base, offset * months);
    return [start, endOfMonth(addMonths(start, count * months - 1))];
}

/** Relative date literals of the UI API (enum DateLiteral), as day ranges. */
export function literalRange(literal: string, today: string): DayRange {
    const fiscal = literal.replace('_FISCAL_', '_'); // fiscal year = calendar year in the preview org
    switch (fiscal) {
        case 'TODAY':
            return [today, today];
        case 'YESTERDAY':
            return [addDays(today, -1), addDays(today, -1)];
        case 'TOMORROW':
            return [addDays(today, 1), addDays(today, 1)];
        case 'LAST_90_DAYS':
            return [addDays(today, -90), today];
        case 'NEXT_90_DAYS':
            return [addDays(today, 1), addDays(today, 90)];
    }
    const match = /^(LAST|THIS|NEXT)_(WEEK|MONTH|QUARTER|YEAR)$/.exec(fiscal);
    if (!match) throw new Error(`Unsupported date literal ${literal}`);
    const offset = match[1] === 'LAST' ? -1 : match[1] === 'NEXT' ? 1 : 0;
    return periodRange(today, match[2].toLowerCase() as 'week', offset);
}

/** Relative ranges of the UI API (input DateRange, e.g. { last_n_days: 30 }), as day ranges. */
export function rangeRange(range: Record<string, unknown>, today: string): DayRange {
    const [key, raw] = Object.entries(range).find(([, v]) => v !== null && v !== undefined) ?? [];
    if (!key) throw new Error('An empty date range matches nothing: give e.g. { last_n_days: 7 }');
    const n = Number(raw);
    const m = /^(last|next)_n_(days|weeks|months|quarters|years)$|^n_(days|weeks|months|quarters|years)_ago$/.exec(key);
    if (!m) throw new Error(`Unsupported date range ${key}`);
    const unit = (m[2] ?? m[3]).replace(/s$/, '') as 'day' | 'week' | 'month' | 'quarter' | 'year';
    if (unit === 'day') {
        if (m[1] === 'last') return [addDays(today, -n), today];
        if (m[1] === 'next') return [addDays(today, 1), addDays(today, n)];
        return [addDays(today, -n), addDays(today, -n)];
    }
    if (m[1] === 'last') return periodRange(today, unit, -n, n);
    if (m[1] === 'next') return periodRange(today, unit, 1, n);
    return periodRange(today, unit, -n, 1);
}

function dateInputRange(input: unknown, today: string): DayRange | null {
    if (input === null || input === undefined) return null;
    const value = input as Record<string, unknown>;
    if (typeof value.value === 'string') return [value.value.slice(0, 10), value.value.slice(0, 10)];
    if (typeof value.literal === 'string') return literalRange(value.literal, today);
    if (value.range && typeof value.range === 'object')
        return rangeRange(value.range as Record<string, unknown>, today);
    throw new Error('A date filter needs one of value, literal or range');
}

const DATE_FUNCTIONS: Record<string, (d: Date) => number> = {
    DAY_IN_WEEK: (d) => d.getUTCDay() + 1,
    DAY_IN_MONTH: (d) => d.getUTCDate(),
    DAY_IN_YEAR: (d) => Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY) + 1,
    WEEK_IN_MONTH: (d) => Math.floor((d.getUTCDate() - 1) / 7) + 1,
    WEEK_IN_YEAR: (d) => Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY / 7) + 1,
    CALENDAR_MONTH: (d) => d.getUTCMonth() + 1,
    CALENDAR_QUARTER: (d) => Math.floor(d.getUTCMonth() / 3) + 1,
    CALENDAR_YEAR: (d) => d.getUTCFullYear(),
    FISCAL_MONTH: (d) => d.getUTCMonth() + 1,
    FISCAL_QUARTER: (d) => Math.floor(d.getUTCMonth() / 3) + 1,
    FISCAL_YEAR: (d) => d.getUTCFullYear()
};

// ---------------------------------------------------------------------------------------------
type Kind = 'string' | 'id' | 'number' | 'boolean' | 'date' | 'datetime' | 'multipicklist' | 'none';

export function fieldKind(field: FieldDescribe): Kind {
    switch (field.type) {
        case 'Id':
        case 'Lookup':
        case 'MasterDetail':
            return 'id';
        case 'Number':
        case 'Int':
        case 'Currency':
        case 'Percent':
            return 'number';
        case 'Checkbox':
            return 'boolean';
        case 'Date':
            return 'date';
        case 'DateTime':
            return 'datetime';
        case 'MultiselectPicklist':
            return 'multipicklist';
        case 'LongTextArea':
        case 'Html':
            return 'none';
        default:
            return 'string';
    }
}

const isNull = (v: unknown) => v === null || v === undefined || v === '';

function likeToRegExp(pattern: string): RegExp {
    const body = pattern
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/%/g, '.*')
        .replace(/_/g, '.');
    return new RegExp(`^${body}$`, 'is');
}

function compareScalar(kind: Kind, a: unknown, b: unknown): number {
    if (kind === 'number') return Number(a) - Number(b);
    if (kind === 'boolean') return Number(Boolean(a)) - Number(Boolean(b));
    // A 15-character Id and its 18-character form name the same record.
    const x = kind === 'id' ? String(a).slice(0, 15) : String(a);
    const y = kind === 'id' ? String(b).slice(0, 15) : String(b);
    const [p, q] = kind === 'string' ? [x.toLowerCase(), y.toLowerCase()] : [x, y];
    return p < q ? -1 : p > q ? 1 : 0;
}

function matchScalar(kind: Kind, value: unknown, op: string, operand: unknown): boolean {
    if (op === 'in' || op === 'nin') {
        const list = (operand as unknown[] | null) ?? [];
        const found = list.some((item) =>
            isNull(item) ? isNull(value) : !isNull(value) && compareScalar(kind, value, item) === 0
        );
        return op === 'in' ? found : !found;
    }
    if (operand === null || operand === undefined) {
        if (op === 'eq') return isNull(value);
        if (op === 'ne') return !isNull(value);
        return false;
    }
    if (isNull(value)) return op === 'ne';
    if (op === 'like') return likeToRegExp(String(operand)).test(String(value));
    if (kind === 'multipicklist') {
        const values = String(value).split(';');
        const wanted = (operand as string[]).map(String);
        if (op === 'includes') return wanted.some((w) => w.split(';').every((part) => values.includes(part)));
        if (op === 'excludes') return !wanted.some((w) => w.split(';').every((part) => values.includes(part)));
    }
    const c = compareScalar(kind, value, operand);
    switch (op) {
        case 'eq':
            return c === 0;
        case 'ne':
            return c !== 0;
        case 'lt':
            return c < 0;
        case 'lte':
            return c <= 0;
        case 'gt':
            return c > 0;
        case 'gte':
            return c >= 0;
    }
    throw new Error(`Unsupported operator ${op}`);
}

function matchDate(kind: Kind, raw: unknown, op: string, operand: unknown, today: string): boolean {
    const value = isNull(raw) ? null : kind === 'datetime' ? String(raw).slice(0, 10) : String(raw);
    if (op in DATE_FUNCTIONS) {
        if (value === null) return false;
        const n = DATE_FUNCTIONS[op](toDate(value));
        return Object.entries(operand as Record<string, unknown>).every(([fop, fval]) =>
            fval === undefined ? true : matchScalar('number', n, fop, fval)
        );
    }
    if (op === 'in' || op === 'nin') {
        const found = ((operand as unknown[] | null) ?? []).some((item) => matchDate(kind, raw, 'eq', item, today));
        return op === 'in' ? found : !found;
    }
    const range = dateInputRange(operand, today);
    if (range === null) return matchScalar('string', value, op, null);
    if (value === null) return op === 'ne';
    const [from, to] = range;
    switch (op) {
        case 'eq':
            return value >= from && value <= to;
        case 'ne':
            return value < from || value > to;
        case 'lt':
            return value < from;
        case 'lte':
            return value <= to;
        case 'gt':
            return value > to;
        case 'gte':
            return value >= from;
    }
    throw new Error(`Unsupported date operator ${op}`);
}

/** True when the record satisfies a `<Object>_Filter` value. */
export function matchesFilter(
    record: StoredRecord,
    object: ObjectDescribe,
    filter: Filter | null | undefined,
    org: OrgDescribe,
    source: RecordSource
): boolean {
    if (!filter) return true;
    const today = source.today();
    return Object.entries(filter).every(([key, condition]) => {
        if (condition === undefined) return true;
        if (key === 'and')
            return ((condition as Filter[]) ?? []).every((f) => matchesFilter(record, object, f, org, source));
        if (key === 'or') {
            const list = (condition as Filter[]) ?? [];
            return list.length === 0 || list.some((f) => matchesFilter(record, object, f, org, source));
        }
        if (key === 'not') return !matchesFilter(record, object, condition as Filter, org, source);
        const parentField = object.fields.find((f) => f.relationshipName === key);
        if (parentField) {
            const parentId = record[parentField.apiName];
            const parent = typeof parentId === 'string' ? source.get(parentId) : undefined;
            const parentObject = parent && org.objects.get(parent.attributes.type);
            if (!parent || !parentObject) return false;
            if ((parentField.polymorphicTo?.length ?? 0) > 1) {
                // { User: {...}, Group: {...} }: the parent must be one of the named types and match its filter.
                const byType = (condition ?? {}) as Record<string, Filter>;
                const own = byType[parent.attributes.type];
                return own !== undefined && matchesFilter(parent, parentObject, own, org, source);
            }
            return matchesFilter(parent, parentObject, condition as Filter, org, source);
        }
        const field = object.fields.find((f) => f.apiName === key);
        if (!field) throw new Error(`${object.apiName} has no filterable field ${key}`);
        const kind = fieldKind(field);
        const value = record[field.apiName];
        return Object.entries((condition as Record<string, unknown>) ?? {}).every(([op, operand]) => {
            if (operand === undefined) return true;
            if (kind === 'date' || kind === 'datetime') return matchDate(kind, value, op, operand, today);
            return matchScalar(kind, value, op, operand);
        });
    });
}

export interface OrderTerm {
    path: FieldDescribe[];
    descending: boolean;
    nullsFirst: boolean;
}

/** Flattens `{ Occurred_On__c: { order: DESC }, Account__r: { Name: { order: ASC } } }` into sort terms. */
export function orderTerms(object: ObjectDescribe, orderBy: Filter | null | undefined, org: OrgDescribe): OrderTerm[] {
    const terms: OrderTerm[] = [];
    const walk = (obj: ObjectDescribe, clause: Filter, prefix: FieldDescribe[]) => {
        for (const [key, value] of Object.entries(clause)) {
            if (!value) continue;
            const field = obj.fields.find((f) => f.apiName === key);
            if (field) {
                const { order, nulls } = value as { order?: string; nulls?: string };
                const descending = order === 'DESC';
                terms.push({
                    path: [...prefix, field],
                    descending,
                    nullsFirst: nulls ? nulls === 'FIRST' : !descending
                });
                continue;
            }
            const parentField = obj.fields.find((f) => f.relationshipName === key);
            const parentObject = parentField && org.objects.get(parentField.referenceTo ?? '');
            if (!parentField || !parentObject) throw new Error(`${obj.apiName} cannot be ordered by ${key}`);
            walk(parentObject, value as Filter, [...prefix, parentField]);
        }
    };
    if (orderBy) walk(object, orderBy, []);
    return terms;
}

function valueAt(record: StoredRecord | undefined, path: FieldDescribe[], source: RecordSource): unknown {
    let current: StoredRecord | undefined = record;
    for (let i = 0; i < path.length - 1; i++) {
        const id = current?.[path[i].apiName];
        current = typeof id === 'string' ? source.get(id) : undefined;
    }
    return current?.[path[path.length - 1].apiName];
}

export function sortRecords(records: StoredRecord[], terms: OrderTerm[], source: RecordSource): StoredRecord[] {
    return [...records].sort((a, b) => {
        for (const term of terms) {
            const field = term.path[term.path.length - 1];
            const x = valueAt(a, term.path, source);
            const y = valueAt(b, term.path, source);
            if (isNull(x) && isNull(y)) continue;
            if (isNull(x)) return term.nullsFirst ? -1 : 1;
            if (isNull(y)) return term.nullsFirst ? 1 : -1;
            const c = compareScalar(fieldKind(field) === 'number' ? 'number' : 'string', x, y);
            if (c !== 0) return term.descending ? -c : c;
        }
        return a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0;
    });
}
