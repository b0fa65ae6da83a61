/**
 * The schema's resolvers (used by the local preview) return what Salesforce would for the filters,
 * orderings and pages PACT's components use.
 */
import * as path from 'node:path';
import { graphql, type GraphQLSchema } from 'graphql';
import { buildUiApiSchema, type RecordSource, type StoredRecord } from '../../scripts/lib/graphql/uiapi-schema';
import { literalRange, rangeRange } from '../../scripts/lib/graphql/record-query';

const TODAY = '2026-11-23'; // a Monday

const rec = (type: string, Id: string, fields: Record<string, unknown>): StoredRecord => ({
    Id,
    attributes: { type },
    ...fields
});

const RECORDS: StoredRecord[] = [
    rec('User', '005000000000001AAA', { Name: 'Sales Rep' }),
    rec('User', '005000000000002AAA', { Name: 'Sales Manager' }),
    rec('Account', '001000000000001AAA', {
        Name: 'Northwind Traders',
        Customer_Alert__c: 'On credit hold - refer to accounts receivable',
        OwnerId: '005000000000001AAA'
    }),
    rec('Account', '001000000000002AAA', { Name: 'Contoso Foods', OwnerId: '005000000000002AAA' }),
    rec('Group', '00G000000000001AAA', { Name: 'Service Queue', Type: 'Queue' }),
    rec('Case', '500000000000001AAA', {
        CaseNumber: '00001001',
        Subject: 'Late delivery',
        OwnerId: '005000000000001AAA'
    }),
    rec('Case', '500000000000002AAA', {
        CaseNumber: '00001002',
        Subject: 'Invoice copy',
        OwnerId: '00G000000000001AAA'
    }),
    rec('Contact', '003000000000001AAA', {
        LastName: 'Head of Purchasing',
        Name: 'Head of Purchasing',
        AccountId: '001000000000001AAA'
    }),
    rec('High_Card__c', 'a00000000000001AAA', {
        Name: 'Will move volume unless we match price',
        Account__c: '001000000000001AAA',
        Kind__c: 'Risk',
        Occurred_On__c: '2026-11-20',
        Contact__c: '003000000000001AAA',
        Needs_Action_By__c: '005000000000001AAA',
        Action_Status__c: 'Open'
    }),
    rec('High_Card__c', 'a00000000000002AAA', {
        Name: 'Praised the new delivery windows',
        Account__c: '001000000000001AAA',
        Kind__c: 'Praise',
        Occurred_On__c: '2026-11-23'
    }),
    rec('High_Card__c', 'a00000000000003AAA', {
        Name: 'Asked for invoices per site',
        Account__c: '001000000000001AAA',
        Kind__c: 'Request',
        Occurred_On__c: '2026-08-01'
    }),
    rec('High_Card__c', 'a00000000000004AAA', {
        Name: 'Complained about a late delivery',
        Account__c: '001000000000002AAA',
        Kind__c: 'Complaint',
        Occurred_On__c: null
    })
];

const source: RecordSource = {
    list: (type) => RECORDS.filter((r) => r.attributes.type === type),
    get: (id) => RECORDS.find((r) => r.Id === id),
    userId: '005000000000001AAA',
    today: () => TODAY
};

let schema: GraphQLSchema;
beforeAll(() => {
    schema = buildUiApiSchema(path.resolve(__dirname, '../../force-app'));
});

async function run(query: string, variables?: Record<string, unknown>) {
    const result = await graphql({
        schema,
        source: query,
        variableValues: variables,
        contextValue: { source, rawVariables: variables }
    });
    if (result.errors) throw new Error(result.errors.map((e) => e.message).join('; '));
    return result.data as { uiapi: { query: Record<string, any> } }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const names = (connection: { edges: { node: { Name: { value: string } } }[] }) =>
    connection.edges.map((e) => e.node.Name.value);

describe('executing UI API queries over records', () => {
    it('returns an account with its alert and its high cards newest first, nulls last', async () => {
        const data = await run(
            `query q($id: ID) { uiapi { query { Account(where: { Id: { eq: $id } }) { edges { node {
                Name { value } Customer_Alert__c { value }
                High_Cards__r(orderBy: { Occurred_On__c: { order: DESC } }) { edges { node { Name { value }
                    Kind__c { value displayValue } Contact__r { Name { value } } } } totalCount }
            } } } } } }`,
            { id: '001000000000001AAA' }
        );
        const account = data.uiapi.query.Account.edges[0].node;
        expect(account.Customer_Alert__c.value).toBe('On credit hold - refer to accounts receivable');
        expect(names(account.High_Cards__r)).toEqual([
            'Praised the new delivery windows',
            'Will move volume unless we match price',
            'Asked for invoices per site'
        ]);
        expect(account.High_Cards__r.edges[1].node.Contact__r.Name.value).toBe('Head of Purchasing');
        expect(account.High_Cards__r.edges[0].node.Kind__c).toEqual({ value: 'Praise', displayValue: 'Praise' });
    });

    it('puts nulls first for ASC and honours the order the query wrote its sort keys in', async () => {
        const data = await run(`{ uiapi { query { High_Card__c(orderBy: { Occurred_On__c: { order: ASC } }) {
            edges { node { Name { value } } } } } } }`);
        expect(names(data.uiapi.query.High_Card__c)[0]).toBe('Complained about a late delivery');
        const byAccount = await run(
            `query q($o: High_Card__c_OrderBy) { uiapi { query { High_Card__c(orderBy: $o) { edges { node { Name { value } } } } } } }`,
            { o: { Account__r: { Name: { order: 'ASC' } }, Occurred_On__c: { order: 'DESC', nulls: 'LAST' } } }
        );
        expect(names(byAccount.uiapi.query.High_Card__c)).toEqual([
            'Complained about a late delivery',
            'Praised the new delivery windows',
            'Will move volume unless we match price',
            'Asked for invoices per site'
        ]);
    });

    it('filters with relative dates, in, or/not, parent relationships and case-insensitive like', async () => {
        const recent =
            await run(`{ uiapi { query { High_Card__c(where: { Occurred_On__c: { gte: { range: { last_n_days: 30 } } } }) {
            totalCount } } } }`);
        expect(recent.uiapi.query.High_Card__c.totalCount).toBe(2);
        const today = await run(`{ uiapi { query { High_Card__c(where: { Occurred_On__c: { eq: { literal: TODAY } } }) {
            edges { node { Name { value } } } } } } }`);
        expect(names(today.uiapi.query.High_Card__c)).toEqual(['Praised the new delivery windows']);
        const mixed = await run(`{ uiapi { query { High_Card__c(where: { or: [
                { Kind__c: { in: ["Risk", "Request"] }, not: { Occurred_On__c: { lt: { value: "2026-09-01" } } } },
                { Account__r: { Name: { like: "contoso%" } } } ] }, orderBy: { Name: { order: ASC } }) {
            edges { node { Name { value } } } } } } }`);
        expect(names(mixed.uiapi.query.High_Card__c)).toEqual([
            'Complained about a late delivery',
            'Will move volume unless we match price'
        ]);
    });

    it('pages with first/after and reports pageInfo', async () => {
        const q = `query q($after: String) { uiapi { query { High_Card__c(first: 3, after: $after, orderBy: { Name: { order: ASC } }) {
            edges { node { Name { value } } cursor } pageInfo { hasNextPage hasPreviousPage endCursor } totalCount } } } }`;
        const page1 = (await run(q)).uiapi.query.High_Card__c;
        expect(page1.edges).toHaveLength(3);
        expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
        const page2 = (await run(q, { after: page1.pageInfo.endCursor })).uiapi.query.High_Card__c;
        expect(names(page2)).toEqual(['Will move volume unless we match price']);
        expect(page2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
        expect(page2.totalCount).toBe(4);
    });

    it('resolves a polymorphic owner to its own type and filters on it per type', async () => {
        const data = await run(`{ uiapi { query { Case(where: { Owner: { Group: { Name: { like: "%queue" } } } }) {
            edges { node { Subject { value } Owner { __typename ... on Group { Name { value } } ... on User { Name { value } } } } } } } } }`);
        expect(data.uiapi.query.Case.edges.map((e: { node: unknown }) => e.node)).toEqual([
            { Subject: { value: 'Invoice copy' }, Owner: { __typename: 'Group', Name: { value: 'Service Queue' } } }
        ]);
    });

    it('matches a 15-character Id against the stored 18-character one', async () => {
        const data = await run(
            `{ uiapi { query { Account(where: { Id: { eq: "001000000000002" } }) { edges { node { Name { value } } } } } } }`
        );
        expect(names(data.uiapi.query.Account)).toEqual(['Contoso Foods']);
    });

    it('limits scope MINE to records the running user owns', async () => {
        const data = await run(`{ uiapi { query { Account(scope: MINE) { edges { node { Name { value } } } } } } }`);
        expect(names(data.uiapi.query.Account)).toEqual(['Northwind Traders']);
    });
});

describe('relative dates', () => {
    it('computes literals and ranges like SOQL (weeks start on Sunday, LAST_N_DAYS includes today)', () => {
        expect(literalRange('TODAY', TODAY)).toEqual([TODAY, TODAY]);
        expect(literalRange('THIS_WEEK', TODAY)).toEqual(['2026-11-22', '2026-11-28']);
        expect(literalRange('LAST_MONTH', TODAY)).toEqual(['2026-10-01', '2026-10-31']);
        expect(literalRange('THIS_QUARTER', TODAY)).toEqual(['2026-10-01', '2026-12-31']);
        expect(rangeRange({ last_n_days: 7 }, TODAY)).toEqual(['2026-11-16', TODAY]);
        expect(rangeRange({ next_n_days: 7 }, TODAY)).toEqual(['2026-11-24', '2026-11-30']);
        expect(rangeRange({ last_n_months: 2 }, TODAY)).toEqual(['2026-09-01', '2026-10-31']);
        expect(() => rangeRange({}, TODAY)).toThrow(/empty date range/);
    });
});
