/**
 * Every GraphQL query a PACT component sends is validated against the UI API schema generated from
 * force-app's metadata. sfdx-lwc-jest stubs `gql`, so without this test a misspelled field would
 * only fail in an org. New components are picked up automatically.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, validate, type GraphQLSchema } from 'graphql';
import { buildUiApiSchema } from '../../scripts/lib/graphql/uiapi-schema';
import { componentSources, extractQueries, extractQueriesFromSource } from '../../scripts/lib/graphql/extract-queries';

const REPO = path.resolve(__dirname, '../..');
const FORCE_APP = path.join(REPO, 'force-app');
const LWC_DIR = path.join(FORCE_APP, 'main', 'default', 'lwc');

let schema: GraphQLSchema;
beforeAll(() => {
    schema = buildUiApiSchema(FORCE_APP);
});

/** Validation messages for a query, empty when it is valid. */
function problems(query: string): string[] {
    try {
        return validate(schema, parse(query)).map((e) => e.message);
    } catch (error) {
        return [(error as Error).message];
    }
}

describe('queries in the Lightning web components', () => {
    const queries = extractQueries(LWC_DIR, REPO);

    it('are all valid against the schema built from force-app', () => {
        const failures = queries.flatMap((q) =>
            q.query === null
                ? [`${q.file}:${q.line}: ${q.problem}`]
                : problems(q.query).map((message) => `${q.file}:${q.line}: ${message}`)
        );
        expect(failures).toEqual([]);
    });

    it('include every component that imports gql (none is skipped by the extractor)', () => {
        const importsGql = /import\s*\{[^}]*\bgql\b[^}]*\}\s*from\s*['"]lightning\/graphql['"]/;
        const withQueries = new Set(queries.map((q) => q.file));
        const missed = componentSources(LWC_DIR)
            .map((file) => path.relative(REPO, file).split(path.sep).join('/'))
            .filter((file) => importsGql.test(fs.readFileSync(path.join(REPO, file), 'utf8')))
            .filter((file) => !withQueries.has(file));
        expect(missed).toEqual([]);
    });
});

const BRIEFING = `
query briefing($recordId: ID!, $today: Date) {
    uiapi {
        query {
            Account(where: { Id: { eq: $recordId } }, first: 1) {
                edges {
                    node {
                        Id
                        Name { value }
                        Customer_Alert__c { value }
                        Owner { Name { value } }
                        High_Cards__r(
                            first: 20
                            orderBy: { Occurred_On__c: { order: DESC, nulls: LAST }, CreatedDate: { order: DESC } }
                            where: { Kind__c: { in: ["Complaint", "Risk"] }, Occurred_On__c: { gte: { range: { last_n_days: 90 } } } }
                        ) {
                            edges {
                                node {
                                    Id
                                    Name { value }
                                    Kind__c { value displayValue label }
                                    Details__c { value }
                                    Occurred_On__c { value displayValue }
                                    Needs_Action_By__r { Name { value } }
                                    Contact__r { Name { value } Title { value } }
                                }
                                cursor
                            }
                            pageInfo { hasNextPage endCursor }
                            totalCount
                        }
                        Plans__r(where: { Planned_For__c: { gte: { literal: TODAY } }, Status__c: { eq: "Planned" } }, orderBy: { Planned_For__c: { order: ASC } }) {
                            edges { node { Id Objective__c { value } Planned_For__c { value } } }
                        }
                        Contacts(first: 5) { edges { node { Name { value } } } }
                        Opportunities(where: { IsClosed: { eq: false } }) { edges { node { Amount { value displayValue } StageName { value } } } }
                        Cases(where: { Status: { ne: "Closed" } }) { totalCount }
                    }
                }
            }
            High_Card__c(where: { Occurred_On__c: { eq: { value: $today } } }, scope: EVERYTHING) { totalCount }
        }
    }
}`;

describe('the generated schema', () => {
    it('accepts a realistic briefing query (relationships, filters, date literals, ranges, paging)', () => {
        expect(problems(BRIEFING)).toEqual([]);
    });

    it('accepts boolean filters, parent-relationship filters and ordering, @category and @optional', () => {
        const query = `query myWeek($userId: ID) {
            uiapi {
                query {
                    High_Card__c(
                        where: {
                            and: [
                                { Needs_Action_By__c: { eq: $userId } }
                                { or: [{ Action_Status__c: { eq: "Open" } }, { Action_Status__c: { eq: "In Progress" } }] }
                                { not: { Account__r: { Name: { like: "%Test%" } } } }
                            ]
                        }
                        orderBy: { Account__r: { Name: { order: ASC } }, Action_Due__c: { order: ASC, nulls: LAST } }
                        first: 50
                        after: null
                        upperBound: 200
                    ) @category(name: "recordQuery") {
                        edges { node { Id Account__r { Name { value } Customer_Alert__c @optional { value } } } }
                        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                    }
                    Call_Plan__c(where: { Planned_For__c: { CALENDAR_YEAR: { eq: 2026 } } }) { edges { node { Name { value } } } }
                }
            }
        }`;
        expect(problems(query)).toEqual([]);
    });

    it('generates a type for every custom object and field in force-app', () => {
        const highCard = schema.getType('High_Card__c');
        expect(highCard).toBeDefined();
        const fields = Object.keys((highCard as unknown as { getFields(): Record<string, unknown> }).getFields());
        expect(fields).toEqual(
            expect.arrayContaining([
                'Kind__c',
                'Details__c',
                'Account__c',
                'Account__r',
                'Plan__r',
                'Needs_Action_By__r'
            ])
        );
        expect(schema.getType('Coaching_Note__c')).toBeDefined();
        expect(schema.getType('Call_Plan__c_Filter')).toBeDefined();
    });

    it('rejects a misspelled field and names it', () => {
        const messages = problems(BRIEFING.replace('Details__c { value }', 'Detials__c { value }'));
        expect(messages).toEqual([expect.stringContaining('Cannot query field "Detials__c" on type "High_Card__c"')]);
    });

    it('rejects a wrong argument', () => {
        const messages = problems('{ uiapi { query { Account(limit: 5) { edges { node { Id } } } } } }');
        expect(messages).toEqual([expect.stringContaining('Unknown argument "limit"')]);
    });

    it('rejects an unknown object', () => {
        const messages = problems('{ uiapi { query { HighCard__c { edges { node { Id } } } } } }');
        expect(messages).toEqual([expect.stringContaining('Cannot query field "HighCard__c" on type "RecordQuery"')]);
    });

    it('rejects a field value selected without its wrapper (Name instead of Name { value })', () => {
        const messages = problems('{ uiapi { query { Account { edges { node { Name } } } } } }');
        expect(messages).toEqual([expect.stringContaining('must have a selection of subfields')]);
    });

    it('rejects filtering on a long text area, as Salesforce does', () => {
        const messages = problems(
            '{ uiapi { query { High_Card__c(where: { Details__c: { like: "%price%" } }) { totalCount } } } }'
        );
        expect(messages).toEqual([
            expect.stringContaining('"Details__c" is not defined by type "High_Card__c_Filter"')
        ]);
    });

    it('rejects a bare date where the API wants { value } or { literal }', () => {
        const bare = problems(
            '{ uiapi { query { High_Card__c(where: { Occurred_On__c: { gte: "2026-01-01" } }) { totalCount } } } }'
        );
        expect(bare).toEqual([expect.stringContaining('DateInput')]);
        const badLiteral = problems(
            '{ uiapi { query { High_Card__c(where: { Occurred_On__c: { gte: { literal: LAST_FORTNIGHT } } }) { totalCount } } } }'
        );
        expect(badLiteral).toEqual([expect.stringContaining('LAST_FORTNIGHT')]);
        const badDate = problems(
            '{ uiapi { query { High_Card__c(where: { Occurred_On__c: { eq: { value: "23/11/2026" } } }) { totalCount } } } }'
        );
        expect(badDate.length).toBe(1);
    });

    it('rejects an unknown picklist operator and a wrong sort direction', () => {
        expect(
            problems('{ uiapi { query { High_Card__c(where: { Kind__c: { contains: "Risk" } }) { totalCount } } } }')
        ).toEqual([expect.stringContaining('"contains" is not defined')]);
        expect(
            problems(
                '{ uiapi { query { High_Card__c(orderBy: { Occurred_On__c: { order: DOWN } }) { totalCount } } } }'
            )
        ).toEqual([expect.stringContaining('DOWN')]);
    });

    it('types a case owner as a user or a queue: select it with inline fragments, filter it per type', () => {
        expect(problems('{ uiapi { query { Case { edges { node { Owner { Name { value } } } } } } } }')).toEqual([
            expect.stringContaining('Cannot query field "Name" on type "Case_Owner"')
        ]);
        const query = `{ uiapi { query { Case(where: { Owner: { User: { Name: { like: "Sales%" } } } }) {
            edges { node { Owner { ... on User { Name { value } } ... on Group { Name { value } } } } } } } } }`;
        expect(problems(query)).toEqual([]);
    });

    it('has no owner on master-detail children (High_Card__c is controlled by its account)', () => {
        expect(
            problems('{ uiapi { query { High_Card__c { edges { node { Owner { Name { value } } } } } } } }')
        ).toEqual([expect.stringContaining('Cannot query field "Owner"')]);
    });
});

describe('query extraction', () => {
    it('finds aliased gql imports and several queries in one file, ignoring other tagged templates', () => {
        const code = `
            import { LightningElement, wire } from 'lwc';
            import { gql as q, graphql } from 'lightning/graphql';
            const css = String.raw\`not a query\`;
            export default class X extends LightningElement {
                @wire(graphql, { query: q\`query a { uiapi { query { Account { totalCount } } } }\` }) a;
                get second() { return q\`query b { uiapi { query { Contact { totalCount } } } }\`; }
            }`;
        const found = extractQueriesFromSource(code, 'x.js');
        expect(found.map((f) => f.query?.match(/query (\w)/)?.[1])).toEqual(['a', 'b']);
        expect(found[1].line).toBe(7);
    });

    it('reports a template that interpolates values instead of using variables', () => {
        const code = `import { gql } from 'lightning/graphql';
            const field = 'Name';
            export const query = gql\`query { uiapi { query { Account { edges { node { \${field} { value } } } } } } }\`;`;
        const [found] = extractQueriesFromSource(code, 'y.js');
        expect(found.query).toBeNull();
        expect(found.problem).toMatch(/interpolates/);
    });
});
