/**
 * The coaching notes queries (pactCoachingNotes), taken from the component source and run against the
 * schema built from force-app over a few notes and users: only the notes where the user is the rep or the
 * manager come back, newest period first (undated last), paged by `first`; and only the active users who
 * report to the user (ManagerId) may be written about.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { graphql, type GraphQLSchema } from 'graphql';
import { buildUiApiSchema, type RecordSource, type StoredRecord } from '../../scripts/lib/graphql/uiapi-schema';
import { extractQueriesFromSource } from '../../scripts/lib/graphql/extract-queries';

const REPO = path.resolve(__dirname, '../..');
const COMPONENT = 'force-app/main/default/lwc/pactCoachingNotes/pactCoachingNotes.js';

const MANAGER = '005000000000010AAA';
const REP = '005000000000011AAA';
const OTHER_REP = '005000000000012AAA';
const DIRECTOR = '005000000000013AAA';

const rec = (type: string, Id: string, fields: Record<string, unknown>): StoredRecord => ({
    Id,
    attributes: { type },
    ...fields
});
const note = (Id: string, fields: Record<string, unknown>) =>
    rec('Coaching_Note__c', Id, { Name: `CN-${Id.slice(-5, -3)}`, Reason__c: 'Training', ...fields });

const FORMER_REP = '005000000000014AAA';
const RECORDS: StoredRecord[] = [
    rec('User', MANAGER, { Name: 'Regional Sales Manager', ManagerId: DIRECTOR, IsActive: true }),
    rec('User', REP, { Name: 'Field Sales Rep', ManagerId: MANAGER, IsActive: true, Title: 'Account Executive' }),
    rec('User', OTHER_REP, { Name: 'Inside Sales Rep', ManagerId: MANAGER, IsActive: true }),
    rec('User', DIRECTOR, { Name: 'Sales Director', IsActive: true }),
    rec('User', FORMER_REP, { Name: 'Former Sales Rep', ManagerId: MANAGER, IsActive: false }),
    note('a0D000000000001AAA', {
        Rep__c: REP,
        Manager__c: MANAGER,
        Period_Start__c: '2026-09-01',
        Period_End__c: '2026-09-30',
        Note__c: 'Open each renewal call with a question about their plans.',
        CreatedDate: '2026-09-01T08:00:00.000Z'
    }),
    note('a0D000000000002AAA', {
        Rep__c: OTHER_REP,
        Manager__c: MANAGER,
        Period_Start__c: '2026-11-02',
        Note__c: 'Shadow the service lead on two plant visits.',
        CreatedDate: '2026-11-02T08:00:00.000Z'
    }),
    // The manager is coached too: a note where they are the rep.
    note('a0D000000000003AAA', {
        Rep__c: MANAGER,
        Manager__c: DIRECTOR,
        Reason__c: 'Performance Plan',
        Period_Start__c: '2026-10-01',
        Period_End__c: '2026-12-31',
        Note__c: 'Review three high cards with each rep every month.',
        CreatedDate: '2026-10-01T08:00:00.000Z'
    }),
    // Between two other people: never in this manager's list, whatever sharing says.
    note('a0D000000000004AAA', {
        Rep__c: OTHER_REP,
        Manager__c: DIRECTOR,
        Period_Start__c: '2026-11-20',
        Note__c: 'Not for the regional manager.',
        CreatedDate: '2026-11-20T08:00:00.000Z'
    }),
    note('a0D000000000005AAA', {
        Rep__c: REP,
        Manager__c: MANAGER,
        Note__c: 'Bring the pricing questions you could not answer.',
        CreatedDate: '2026-11-21T08:00:00.000Z'
    })
];

const source: RecordSource = {
    list: (type) => RECORDS.filter((r) => r.attributes.type === type),
    get: (id) => RECORDS.find((r) => r.Id === id),
    userId: MANAGER,
    today: () => '2026-11-23'
};

let schema: GraphQLSchema;
let query: string;
let reportsQuery: string;
beforeAll(() => {
    schema = buildUiApiSchema(path.join(REPO, 'force-app'));
    const found = extractQueriesFromSource(fs.readFileSync(path.join(REPO, COMPONENT), 'utf8'), COMPONENT);
    const named = (name: string) => {
        const hit = found.find((q) => q.query?.includes(`query ${name}(`));
        if (!hit?.query) throw new Error(`${COMPONENT} should hold the plain gql query ${name}`);
        return hit.query;
    };
    query = named('pactCoachingNotes');
    reportsQuery = named('pactCoachingReports');
});

interface NoteNode {
    Id: string;
    Reason__c: { value: string | null; displayValue: string | null };
    Rep__r: { Name: { value: string } } | null;
    Manager__r: { Name: { value: string } } | null;
}
interface NotesResult {
    uiapi: { query: { Coaching_Note__c: { edges: { node: NoteNode }[]; pageInfo: { hasNextPage: boolean } } } };
}

async function notesOf(me: string, first = 20) {
    const variables = { me, first };
    const result = await graphql({
        schema,
        source: query,
        variableValues: variables,
        contextValue: { source, rawVariables: variables }
    });
    expect(result.errors).toBeUndefined();
    return (result.data as unknown as NotesResult).uiapi.query.Coaching_Note__c;
}

describe('the coaching notes query', () => {
    it("returns the manager's notes as manager and as rep, newest period first, undated last", async () => {
        const notes = await notesOf(MANAGER);
        expect(notes.edges.map((e) => e.node.Id)).toEqual([
            'a0D000000000002AAA',
            'a0D000000000003AAA',
            'a0D000000000001AAA',
            'a0D000000000005AAA'
        ]);
        expect(notes.pageInfo.hasNextPage).toBe(false);
        const asRep = notes.edges[1].node;
        expect(asRep.Manager__r?.Name.value).toBe('Sales Director');
        expect(asRep.Reason__c.value).toBe('Performance Plan');
    });

    it("returns a rep only their own notes, never a colleague's", async () => {
        const notes = await notesOf(REP);
        expect(notes.edges.map((e) => e.node.Id)).toEqual(['a0D000000000001AAA', 'a0D000000000005AAA']);
        expect(notes.edges.every((e) => e.node.Rep__r?.Name.value === 'Field Sales Rep')).toBe(true);
    });

    it('pages by first and says when older notes exist', async () => {
        const notes = await notesOf(MANAGER, 2);
        expect(notes.edges.map((e) => e.node.Id)).toEqual(['a0D000000000002AAA', 'a0D000000000003AAA']);
        expect(notes.pageInfo.hasNextPage).toBe(true);
    });
});

describe('the reps a manager may write about', () => {
    async function reportsOf(manager: string) {
        const variables = { manager };
        const result = await graphql({
            schema,
            source: reportsQuery,
            variableValues: variables,
            contextValue: { source, rawVariables: variables }
        });
        expect(result.errors).toBeUndefined();
        const users = (result.data as unknown as { uiapi: { query: { User: { edges: { node: UserNode }[] } } } }).uiapi
            .query.User;
        return users.edges.map((e) => e.node);
    }
    interface UserNode {
        Id: string;
        Name: { value: string };
        Title: { value: string | null };
    }

    it('are the active users who report to the manager, by name', async () => {
        const reps = await reportsOf(MANAGER);
        expect(reps.map((u) => u.Name.value)).toEqual(['Field Sales Rep', 'Inside Sales Rep']);
        expect(reps[0].Title.value).toBe('Account Executive');
    });

    it('are nobody for a rep: no colleague, no executive', async () => {
        expect(await reportsOf(REP)).toEqual([]);
    });

    it("reach one level only: a director's list has the manager, not the manager's reps", async () => {
        expect((await reportsOf(DIRECTOR)).map((u) => u.Id)).toEqual([MANAGER]);
    });
});
