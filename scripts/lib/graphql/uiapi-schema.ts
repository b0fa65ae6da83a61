/**
 * A graphql-js model of the Salesforce UI API GraphQL schema, generated from the objects and fields
 * in force-app plus the standard objects PACT reads (describe.ts). It has the shapes real queries
 * use: uiapi { query { Object(where, orderBy, first, after, scope, upperBound) { edges { node cursor }
 * pageInfo totalCount } } }, field value wrappers ({ value displayValue }), parent relationships
 * (Account__r, Owner), child relationships as connections (High_Cards__r, Contacts), <Object>_Filter
 * with and/or/not and per-type operators (DateInput: value | literal | range), <Object>_OrderBy, and
 * the @category / @optional directives.
 *
 * The same schema validates every component's query (tests/graphql) and executes them in the local
 * preview: its resolvers read records from `context.source` (a RecordSource).
 */
import {
    DirectiveLocation,
    GraphQLBoolean,
    GraphQLDirective,
    GraphQLEnumType,
    GraphQLFloat,
    GraphQLID,
    GraphQLInputObjectType,
    GraphQLInt,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLString,
    GraphQLUnionType,
    Kind,
    specifiedDirectives,
    type GraphQLFieldConfigMap,
    type GraphQLInputFieldConfigMap,
    type GraphQLInputType,
    type GraphQLOutputType,
    type GraphQLResolveInfo,
    type ValueNode
} from 'graphql';
import { describeOrg, type FieldDescribe, type FieldType, type ObjectDescribe, type OrgDescribe } from './describe';
import {
    fieldKind,
    matchesFilter,
    orderTerms,
    sortRecords,
    type RecordSource,
    type StoredRecord
} from './record-query';

export type { RecordSource, StoredRecord } from './record-query';

/** What the resolvers need at execution time. Without a source every query returns no records. */
export interface UiApiContext {
    source?: RecordSource;
    /** The request's variables as sent (graphql-js reorders coerced input objects; orderBy needs the sender's order). */
    rawVariables?: Record<string, unknown>;
}

/** The real API returns 10 records when `first` is missing, and at most 2000. */
export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 2000;

// ---------------------------------------------------------------------------------------------
// Scalars. Literals are checked strictly, so `Occurred_On__c: { eq: { value: 5 } }` fails validation.
function scalar(name: string, kinds: Kind[], check?: (value: string) => boolean): GraphQLScalarType {
    const accepts = (node: ValueNode) =>
        kinds.includes(node.kind) && (!check || node.kind !== Kind.STRING || check((node as { value: string }).value));
    return new GraphQLScalarType({
        name,
        serialize: (value) => value,
        parseValue: (value) => value,
        parseLiteral(node) {
            if (!accepts(node)) throw new TypeError(`${name} cannot represent this value`);
            if (node.kind === Kind.INT || node.kind === Kind.FLOAT) return Number(node.value);
            if (node.kind === Kind.BOOLEAN) return node.value;
            return (node as { value: string }).value;
        }
    });
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const NUMERIC = [Kind.INT, Kind.FLOAT];
const TEXT = [Kind.STRING];

const scalars = {
    Long: scalar('Long', [Kind.INT]),
    Double: scalar('Double', NUMERIC),
    Currency: scalar('Currency', NUMERIC),
    Percent: scalar('Percent', NUMERIC),
    Date: scalar('Date', TEXT, (v) => ISO_DATE.test(v)),
    DateTime: scalar('DateTime', TEXT, (v) => ISO_DATETIME.test(v)),
    Picklist: scalar('Picklist', TEXT),
    MultiPicklist: scalar('MultiPicklist', TEXT),
    TextArea: scalar('TextArea', TEXT),
    LongTextArea: scalar('LongTextArea', TEXT),
    RichTextArea: scalar('RichTextArea', TEXT),
    PhoneNumber: scalar('PhoneNumber', TEXT),
    Email: scalar('Email', TEXT),
    Url: scalar('Url', TEXT)
};

// ---------------------------------------------------------------------------------------------
// Field value wrappers.
interface Wrapped {
    value: unknown;
    displayValue: string | null;
    label?: string | null;
    format?: string | null;
}

const fieldValueInterface = new GraphQLInterfaceType({
    name: 'FieldValue',
    fields: { displayValue: { type: GraphQLString } }
});

function valueType(name: string, valueScalar: GraphQLOutputType, extra: 'label' | 'format' | null) {
    const fields: GraphQLFieldConfigMap<Wrapped, UiApiContext> = {
        value: { type: valueScalar },
        displayValue: { type: GraphQLString }
    };
    if (extra === 'label') fields.label = { type: GraphQLString };
    if (extra === 'format') fields.format = { type: GraphQLString };
    return new GraphQLObjectType<Wrapped, UiApiContext>({ name, interfaces: [fieldValueInterface], fields });
}

const valueTypes = {
    IDValue: valueType('IDValue', GraphQLID, null),
    StringValue: valueType('StringValue', GraphQLString, 'label'),
    TextAreaValue: valueType('TextAreaValue', scalars.TextArea, 'label'),
    LongTextAreaValue: valueType('LongTextAreaValue', scalars.LongTextArea, 'label'),
    RichTextAreaValue: valueType('RichTextAreaValue', scalars.RichTextArea, 'label'),
    PicklistValue: valueType('PicklistValue', scalars.Picklist, 'label'),
    MultiPicklistValue: valueType('MultiPicklistValue', scalars.MultiPicklist, 'label'),
    DateValue: valueType('DateValue', scalars.Date, 'format'),
    DateTimeValue: valueType('DateTimeValue', scalars.DateTime, 'format'),
    DoubleValue: valueType('DoubleValue', scalars.Double, 'format'),
    IntValue: valueType('IntValue', GraphQLInt, 'format'),
    LongValue: valueType('LongValue', scalars.Long, 'format'),
    CurrencyValue: valueType('CurrencyValue', scalars.Currency, 'format'),
    PercentValue: valueType('PercentValue', scalars.Percent, 'format'),
    BooleanValue: valueType('BooleanValue', GraphQLBoolean, null),
    EmailValue: valueType('EmailValue', scalars.Email, 'label'),
    PhoneNumberValue: valueType('PhoneNumberValue', scalars.PhoneNumber, 'label'),
    UrlValue: valueType('UrlValue', scalars.Url, 'label')
};

const VALUE_TYPE_OF: Record<FieldType, keyof typeof valueTypes | null> = {
    Id: null,
    Text: 'StringValue',
    AutoNumber: 'StringValue',
    TextArea: 'TextAreaValue',
    LongTextArea: 'LongTextAreaValue',
    Html: 'RichTextAreaValue',
    Picklist: 'PicklistValue',
    MultiselectPicklist: 'MultiPicklistValue',
    Date: 'DateValue',
    DateTime: 'DateTimeValue',
    Number: 'DoubleValue',
    Int: 'IntValue',
    Currency: 'CurrencyValue',
    Percent: 'PercentValue',
    Checkbox: 'BooleanValue',
    Email: 'EmailValue',
    Phone: 'PhoneNumberValue',
    Url: 'UrlValue',
    Lookup: 'IDValue',
    MasterDetail: 'IDValue'
};

const formatDate = (value: string) => {
    const [y, m, d] = value.slice(0, 10).split('-');
    return `${Number(m)}/${Number(d)}/${y}`;
};

/** The `{ value, displayValue, ... }` object the UI API returns for a field. */
export function wrapValue(field: FieldDescribe, raw: unknown): Wrapped {
    const value = raw === undefined || raw === '' ? null : raw;
    if (value === null) return { value: null, displayValue: null, label: null, format: null };
    switch (field.type) {
        case 'Picklist': {
            const label = field.picklistValues?.find((p) => p.value === value)?.label ?? String(value);
            return { value, displayValue: label, label };
        }
        case 'Date':
            return { value, displayValue: formatDate(String(value)), format: 'M/d/yyyy' };
        case 'DateTime':
            return { value, displayValue: `${formatDate(String(value))}`, format: 'M/d/yyyy, h:mm a' };
        case 'Currency':
            return {
                value: Number(value),
                displayValue: Number(value).toLocaleString('en-US', { style: 'currency', currency: 'USD' }),
                format: '$#,##0.00'
            };
        case 'Percent':
            return { value: Number(value), displayValue: `${Number(value)}%`, format: null };
        case 'Number':
        case 'Int':
            return { value: Number(value), displayValue: Number(value).toLocaleString('en-US'), format: null };
        case 'Checkbox':
            return { value: Boolean(value), displayValue: null };
        default:
            return { value, displayValue: null, label: null };
    }
}

// ---------------------------------------------------------------------------------------------
// Filter and order inputs.
const resultOrder = new GraphQLEnumType({ name: 'ResultOrder', values: { ASC: {}, DESC: {} } });
const nullOrder = new GraphQLEnumType({ name: 'NullOrder', values: { FIRST: {}, LAST: {} } });
const orderByClause = new GraphQLInputObjectType({
    name: 'OrderByClause',
    fields: { order: { type: resultOrder }, nulls: { type: nullOrder } }
});

const DATE_LITERALS = [
    'TODAY',
    'YESTERDAY',
    'TOMORROW',
    'LAST_WEEK',
    'THIS_WEEK',
    'NEXT_WEEK',
    'LAST_MONTH',
    'THIS_MONTH',
    'NEXT_MONTH',
    'LAST_90_DAYS',
    'NEXT_90_DAYS',
    'LAST_QUARTER',
    'THIS_QUARTER',
    'NEXT_QUARTER',
    'LAST_YEAR',
    'THIS_YEAR',
    'NEXT_YEAR',
    'LAST_FISCAL_QUARTER',
    'THIS_FISCAL_QUARTER',
    'NEXT_FISCAL_QUARTER',
    'LAST_FISCAL_YEAR',
    'THIS_FISCAL_YEAR',
    'NEXT_FISCAL_YEAR'
];
const dateLiteral = new GraphQLEnumType({
    name: 'DateLiteral',
    values: Object.fromEntries(DATE_LITERALS.map((l) => [l, {}]))
});
const RANGE_KEYS = ['days', 'weeks', 'months', 'quarters', 'years'].flatMap((u) => [
    `last_n_${u}`,
    `next_n_${u}`,
    `n_${u}_ago`
]);
const dateRange = new GraphQLInputObjectType({
    name: 'DateRange',
    fields: Object.fromEntries(RANGE_KEYS.map((k) => [k, { type: GraphQLInt }]))
});
const dateTimeRange = new GraphQLInputObjectType({
    name: 'DateTimeRange',
    fields: Object.fromEntries(RANGE_KEYS.map((k) => [k, { type: GraphQLInt }]))
});
const dateInput = new GraphQLInputObjectType({
    name: 'DateInput',
    fields: { value: { type: scalars.Date }, literal: { type: dateLiteral }, range: { type: dateRange } }
});
const dateTimeInput = new GraphQLInputObjectType({
    name: 'DateTimeInput',
    fields: { value: { type: scalars.DateTime }, literal: { type: dateLiteral }, range: { type: dateTimeRange } }
});

function operators(name: string, operand: GraphQLInputType, ops: string[]): GraphQLInputObjectType {
    const fields: GraphQLInputFieldConfigMap = {};
    for (const op of ops) {
        fields[op] = { type: op === 'in' || op === 'nin' ? new GraphQLList(operand) : operand };
    }
    return new GraphQLInputObjectType({ name, fields });
}

const COMPARE = ['eq', 'ne', 'lt', 'gt', 'lte', 'gte', 'in', 'nin'];
const longOperators = operators('LongOperators', scalars.Long, COMPARE);
const dateFunctionInput = operators('DateFunctionInput', scalars.Long, COMPARE);
const DATE_FUNCTIONS = [
    'DAY_IN_WEEK',
    'DAY_IN_MONTH',
    'DAY_IN_YEAR',
    'WEEK_IN_MONTH',
    'WEEK_IN_YEAR',
    'CALENDAR_MONTH',
    'CALENDAR_QUARTER',
    'CALENDAR_YEAR',
    'FISCAL_MONTH',
    'FISCAL_QUARTER',
    'FISCAL_YEAR'
];
function dateOperators(name: string, input: GraphQLInputObjectType) {
    const fields: GraphQLInputFieldConfigMap = {};
    for (const op of COMPARE) fields[op] = { type: op === 'in' || op === 'nin' ? new GraphQLList(input) : input };
    for (const fn of DATE_FUNCTIONS) fields[fn] = { type: dateFunctionInput };
    return new GraphQLInputObjectType({ name, fields });
}

const STRING_OPS = [...COMPARE, 'like'];
const operatorTypes: Partial<Record<FieldType, GraphQLInputObjectType>> = {};
{
    const idOps = operators('IDOperators', GraphQLID, COMPARE);
    const stringOps = operators('StringOperators', GraphQLString, STRING_OPS);
    Object.assign(operatorTypes, {
        Id: idOps,
        Lookup: idOps,
        MasterDetail: idOps,
        Text: stringOps,
        AutoNumber: stringOps,
        TextArea: operators('TextAreaOperators', scalars.TextArea, STRING_OPS),
        Email: operators('EmailOperators', scalars.Email, STRING_OPS),
        Phone: operators('PhoneNumberOperators', scalars.PhoneNumber, STRING_OPS),
        Url: operators('UrlOperators', scalars.Url, STRING_OPS),
        Picklist: operators('PicklistOperators', scalars.Picklist, STRING_OPS),
        MultiselectPicklist: operators('MultiPicklistOperators', scalars.MultiPicklist, [
            'eq',
            'ne',
            'includes',
            'excludes'
        ]),
        Number: operators('DoubleOperators', scalars.Double, COMPARE),
        Int: operators('IntegerOperators', GraphQLInt, COMPARE),
        Currency: operators('CurrencyOperators', scalars.Currency, COMPARE),
        Percent: operators('PercentOperators', scalars.Percent, COMPARE),
        Checkbox: operators('BooleanOperators', GraphQLBoolean, ['eq', 'ne']),
        Date: dateOperators('DateOperators', dateInput),
        DateTime: dateOperators('DateTimeOperators', dateTimeInput)
    });
}

// ---------------------------------------------------------------------------------------------
const pageInfoType = new GraphQLObjectType({
    name: 'PageInfo',
    fields: {
        hasNextPage: { type: new GraphQLNonNull(GraphQLBoolean) },
        hasPreviousPage: { type: new GraphQLNonNull(GraphQLBoolean) },
        startCursor: { type: GraphQLString },
        endCursor: { type: GraphQLString }
    }
});

const encodeCursor = (index: number) => Buffer.from(`v1:${index}`).toString('base64');
function decodeCursor(cursor: string): number {
    const text = Buffer.from(cursor, 'base64').toString('utf8');
    const match = /^v1:(\d+)$/.exec(text);
    if (!match) throw new Error(`Invalid cursor "${cursor}"`);
    return Number(match[1]);
}

interface ConnectionArgs {
    where?: Record<string, unknown> | null;
    orderBy?: Record<string, unknown> | null;
    first?: number | null;
    after?: string | null;
    scope?: string | null;
    upperBound?: number | null;
}

/**
 * The orderBy value in the order the query wrote its keys (the first key sorts first). graphql-js
 * coerces input objects in the type's field order, so read the literal or the raw variable.
 */
function orderByAsWritten(
    info: GraphQLResolveInfo,
    context: UiApiContext,
    coerced: unknown
): Record<string, unknown> | null {
    const arg = info.fieldNodes[0]?.arguments?.find((a) => a.name.value === 'orderBy');
    if (!arg) return (coerced as Record<string, unknown>) ?? null;
    const fromNode = (node: ValueNode): unknown => {
        switch (node.kind) {
            case Kind.OBJECT:
                return Object.fromEntries(node.fields.map((f) => [f.name.value, fromNode(f.value)]));
            case Kind.VARIABLE:
                return context.rawVariables?.[node.name.value] ?? info.variableValues[node.name.value];
            case Kind.ENUM:
            case Kind.STRING:
                return node.value;
            case Kind.NULL:
                return null;
            default:
                return null;
        }
    };
    return fromNode(arg.value) as Record<string, unknown> | null;
}

function connect(
    org: OrgDescribe,
    object: ObjectDescribe,
    records: StoredRecord[],
    args: ConnectionArgs,
    context: UiApiContext,
    info: GraphQLResolveInfo
) {
    const source = context.source;
    let rows = records;
    if (source) {
        if (args.scope === 'MINE' && source.userId) rows = rows.filter((r) => r.OwnerId === source.userId);
        rows = rows.filter((r) => matchesFilter(r, object, args.where, org, source));
        rows = sortRecords(rows, orderTerms(object, orderByAsWritten(info, context, args.orderBy), org), source);
    }
    const first = Math.min(args.first ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    if (first < 0) throw new Error('first must be zero or more');
    const start = args.after ? decodeCursor(args.after) + 1 : 0;
    const page = rows.slice(start, start + first);
    const edges = page.map((node, i) => ({ node, cursor: encodeCursor(start + i) }));
    return {
        edges,
        totalCount: rows.length,
        pageResultCount: edges.length,
        pageInfo: {
            hasNextPage: start + first < rows.length,
            hasPreviousPage: start > 0,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: edges[edges.length - 1]?.cursor ?? null
        }
    };
}

// ---------------------------------------------------------------------------------------------
/** Builds the schema for the objects in `forceAppDir` (e.g. <repo>/force-app). */
export function buildUiApiSchema(forceAppDir: string): GraphQLSchema {
    return buildUiApiSchemaFromDescribe(describeOrg(forceAppDir));
}

export function buildUiApiSchemaFromDescribe(org: OrgDescribe): GraphQLSchema {
    const recordInterface: GraphQLInterfaceType = new GraphQLInterfaceType({
        name: 'Record',
        fields: () => ({
            Id: { type: new GraphQLNonNull(GraphQLID) },
            ApiName: { type: new GraphQLNonNull(GraphQLString) },
            WeakEtag: { type: new GraphQLNonNull(scalars.Long) },
            DisplayValue: { type: GraphQLString },
            LastModifiedById: { type: valueTypes.IDValue },
            LastModifiedDate: { type: valueTypes.DateTimeValue },
            SystemModstamp: { type: valueTypes.DateTimeValue },
            RecordTypeId: { type: valueTypes.IDValue, args: { fallback: { type: GraphQLBoolean } } }
        }),
        resolveType: (record: StoredRecord) => record.attributes.type
    });

    const objectTypes = new Map<string, GraphQLObjectType>();
    const filterTypes = new Map<string, GraphQLInputObjectType>();
    const orderByTypes = new Map<string, GraphQLInputObjectType>();
    const connectionTypes = new Map<string, GraphQLObjectType>();
    const scopeTypes = new Map<string, GraphQLEnumType>();

    const connectionArgs = (objectApiName: string, withScope: boolean) => ({
        where: { type: filterTypes.get(objectApiName)! },
        orderBy: { type: orderByTypes.get(objectApiName)! },
        first: { type: GraphQLInt },
        after: { type: GraphQLString },
        upperBound: { type: GraphQLInt },
        ...(withScope ? { scope: { type: scopeTypes.get(objectApiName)! } } : {})
    });

    for (const object of org.objects.values()) {
        const name = object.apiName;
        const parentFields = object.fields.filter(
            (f) => f.referenceTo && f.relationshipName && org.objects.has(f.referenceTo)
        );
        // Polymorphic parents (Case.Owner): a union to select from with `... on User`, a filter per type.
        const isPolymorphic = (f: FieldDescribe) => (f.polymorphicTo?.length ?? 0) > 1;
        const unions = new Map<string, GraphQLUnionType>();
        const unionOf = (f: FieldDescribe) => {
            const key = `${name}_${f.relationshipName}`;
            if (!unions.has(key)) {
                unions.set(
                    key,
                    new GraphQLUnionType({
                        name: key,
                        types: () => f.polymorphicTo!.map((t) => objectTypes.get(t)!),
                        resolveType: (record: StoredRecord) => record.attributes.type
                    })
                );
            }
            return unions.get(key)!;
        };
        const polymorphicFilters = new Map<string, GraphQLInputObjectType>();
        const polymorphicFilterOf = (f: FieldDescribe) => {
            const key = `${name}_${f.relationshipName}_Filters`;
            if (!polymorphicFilters.has(key)) {
                polymorphicFilters.set(
                    key,
                    new GraphQLInputObjectType({
                        name: key,
                        fields: () =>
                            Object.fromEntries(f.polymorphicTo!.map((t) => [t, { type: filterTypes.get(t)! }]))
                    })
                );
            }
            return polymorphicFilters.get(key)!;
        };

        filterTypes.set(
            name,
            new GraphQLInputObjectType({
                name: `${name}_Filter`,
                fields: () => {
                    const fields: GraphQLInputFieldConfigMap = {
                        and: { type: new GraphQLList(filterTypes.get(name)!) },
                        or: { type: new GraphQLList(filterTypes.get(name)!) },
                        not: { type: filterTypes.get(name)! }
                    };
                    for (const field of object.fields) {
                        const ops = operatorTypes[field.type];
                        if (ops && fieldKind(field) !== 'none') fields[field.apiName] = { type: ops };
                    }
                    for (const field of parentFields) {
                        fields[field.relationshipName!] = {
                            type: isPolymorphic(field)
                                ? polymorphicFilterOf(field)
                                : filterTypes.get(field.referenceTo!)!
                        };
                    }
                    return fields;
                }
            })
        );

        orderByTypes.set(
            name,
            new GraphQLInputObjectType({
                name: `${name}_OrderBy`,
                fields: () => {
                    const fields: GraphQLInputFieldConfigMap = {};
                    for (const field of object.fields) {
                        if (fieldKind(field) !== 'none' && field.type !== 'MultiselectPicklist') {
                            fields[field.apiName] = { type: orderByClause };
                        }
                    }
                    for (const field of parentFields.filter((f) => !isPolymorphic(f))) {
                        fields[field.relationshipName!] = { type: orderByTypes.get(field.referenceTo!)! };
                    }
                    return fields;
                }
            })
        );

        scopeTypes.set(
            name,
            new GraphQLEnumType({
                name: `${name}Scope`,
                values: object.fields.some((f) => f.apiName === 'OwnerId')
                    ? { EVERYTHING: {}, MINE: {}, TEAM: {} }
                    : { EVERYTHING: {} }
            })
        );

        const childRelationships = org.childRelationships.get(name) ?? [];
        objectTypes.set(
            name,
            new GraphQLObjectType<StoredRecord, UiApiContext>({
                name,
                interfaces: [recordInterface],
                isTypeOf: (value: StoredRecord) => value?.attributes?.type === name,
                fields: () => {
                    const fields: GraphQLFieldConfigMap<StoredRecord, UiApiContext> = {
                        Id: { type: new GraphQLNonNull(GraphQLID), resolve: (r) => r.Id },
                        ApiName: { type: new GraphQLNonNull(GraphQLString), resolve: () => name },
                        WeakEtag: { type: new GraphQLNonNull(scalars.Long), resolve: (r) => Number(r.WeakEtag ?? 1) },
                        DisplayValue: {
                            type: GraphQLString,
                            resolve: (r) => (r[object.nameField] as string | undefined) ?? null
                        },
                        RecordTypeId: {
                            type: valueTypes.IDValue,
                            args: { fallback: { type: GraphQLBoolean } },
                            resolve: () => ({ value: '012000000000000AAA', displayValue: null })
                        }
                    };
                    for (const field of object.fields) {
                        if (field.type === 'Id') continue;
                        const typeName = VALUE_TYPE_OF[field.type];
                        if (!typeName) continue;
                        fields[field.apiName] = {
                            type: valueTypes[typeName],
                            resolve: (r) => wrapValue(field, r[field.apiName])
                        };
                    }
                    for (const field of parentFields) {
                        fields[field.relationshipName!] = {
                            type: isPolymorphic(field) ? unionOf(field) : objectTypes.get(field.referenceTo!)!,
                            resolve: (r, _args, context) => {
                                const id = r[field.apiName];
                                return typeof id === 'string' ? (context.source?.get(id) ?? null) : null;
                            }
                        };
                    }
                    for (const child of childRelationships) {
                        const childObject = org.objects.get(child.childObject)!;
                        fields[child.relationshipName] = {
                            type: connectionTypes.get(child.childObject)!,
                            args: connectionArgs(child.childObject, false),
                            resolve: (r, args, context, info) =>
                                connect(
                                    org,
                                    childObject,
                                    (context.source?.list(child.childObject) ?? []).filter(
                                        (c) => c[child.field] === r.Id
                                    ),
                                    args as ConnectionArgs,
                                    context,
                                    info
                                )
                        };
                    }
                    return fields;
                }
            })
        );

        const edgeType = new GraphQLObjectType({
            name: `${name}Edge`,
            fields: () => ({
                node: { type: objectTypes.get(name)! },
                cursor: { type: new GraphQLNonNull(GraphQLString) }
            })
        });
        connectionTypes.set(
            name,
            new GraphQLObjectType({
                name: `${name}Connection`,
                fields: {
                    edges: { type: new GraphQLList(edgeType) },
                    pageInfo: { type: new GraphQLNonNull(pageInfoType) },
                    totalCount: { type: new GraphQLNonNull(GraphQLInt) },
                    pageResultCount: { type: new GraphQLNonNull(GraphQLInt) }
                }
            })
        );
    }

    const recordQuery = new GraphQLObjectType<unknown, UiApiContext>({
        name: 'RecordQuery',
        fields: () =>
            Object.fromEntries(
                [...org.objects.values()].map((object) => [
                    object.apiName,
                    {
                        type: connectionTypes.get(object.apiName)!,
                        args: { ...connectionArgs(object.apiName, true), updateMRU: { type: GraphQLBoolean } },
                        resolve: (
                            _root: unknown,
                            args: ConnectionArgs,
                            context: UiApiContext,
                            info: GraphQLResolveInfo
                        ) => connect(org, object, context.source?.list(object.apiName) ?? [], args, context, info)
                    }
                ])
            )
    });

    const uiapi = new GraphQLObjectType({
        name: 'UIAPI',
        fields: { query: { type: new GraphQLNonNull(recordQuery), resolve: () => ({}) } }
    });

    const query = new GraphQLObjectType({
        name: 'Query',
        fields: { uiapi: { type: new GraphQLNonNull(uiapi), resolve: () => ({}) } }
    });

    // @category tells the platform's cache what a variable or field holds; @optional (API 65+) lets a
    // query succeed when the user cannot see a field.
    const category = new GraphQLDirective({
        name: 'category',
        args: { name: { type: new GraphQLNonNull(GraphQLString) } },
        locations: [
            DirectiveLocation.FIELD,
            DirectiveLocation.VARIABLE_DEFINITION,
            DirectiveLocation.QUERY,
            DirectiveLocation.FRAGMENT_SPREAD,
            DirectiveLocation.INLINE_FRAGMENT
        ]
    });
    const optional = new GraphQLDirective({ name: 'optional', locations: [DirectiveLocation.FIELD] });

    return new GraphQLSchema({
        query,
        types: [...objectTypes.values(), GraphQLFloat, longOperators, ...Object.values(scalars)],
        directives: [...specifiedDirectives, category, optional]
    });
}
