/**
 * pact setup --dataverse against a local fake Dataverse Web API (tests/dataverse/fake): the schema by
 * metadata operations, the solution validated (StageSolution) before it is imported, resumable and
 * idempotent, and the service's refusals (401, 429 + Retry-After, 412, a failed import job).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../scripts/cli/main';
import { dataverseStateFile, setupDataverse } from '../../scripts/cli/setup-dataverse';
import type { CliIo } from '../../scripts/cli/io';
import { CHOICES, EXISTING_TABLE_COLUMNS, RELATIONSHIPS, TABLES } from '../../scripts/lib/dataverse/schema';
import { RECORDED, startFakeDataverse, type FakeDataverse } from './fake/server';

interface Run {
    code: number;
    out: string;
    err: string;
}

describe('pact setup --dataverse', () => {
    let fake: FakeDataverse;
    let root: string;
    let zip: string;
    let tokenRequests: boolean[];

    const io = (lines: { out: string[]; err: string[] }): CliIo => ({
        stdout: (t) => lines.out.push(t),
        stderr: (t) => lines.err.push(t),
        stderrIsTTY: false,
        cwd: root
    });

    async function run(...extra: string[]): Promise<Run> {
        const lines = { out: [] as string[], err: [] as string[] };
        const code = await setupDataverse(['--dataverse', fake.url, '--solution', zip, ...extra], io(lines), {
            root,
            sleep: async () => undefined,
            tokens: {
                async token(fresh = false) {
                    tokenRequests.push(fresh);
                    return fake.token;
                }
            }
        });
        return { code, out: lines.out.join(''), err: lines.err.join('') };
    }

    beforeEach(async () => {
        fake = await startFakeDataverse();
        root = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-dv-setup-'));
        zip = path.join(root, 'PACT.zip');
        fs.writeFileSync(zip, 'PK fake solution zip');
        tokenRequests = [];
    });
    afterEach(async () => {
        await fake.close();
        fs.rmSync(root, { recursive: true, force: true });
    });

    it('creates the schema by Web API, validates, imports, publishes and prints the app URL', async () => {
        const { code, out, err } = await run();
        expect(err).toBe('');
        expect(code).toBe(0);
        expect(out).toContain(`Open the app: ${fake.url}/main.aspx?appid=44444444-4444-4444-4444-444444444444`);
        // Each step announced, numbered.
        expect(out).toMatch(/\[1\/14\] Connect/);
        // Validated before anything changes: PACT's own tables are missing, and created next.
        expect(out).toContain('3 PACT components are created by the next steps');
        expect(out).toMatch(/\[14\/14\] Find the PACT app/);

        expect(fake.calls(/^POST GlobalOptionSetDefinitions$/)).toHaveLength(Object.keys(CHOICES).length);
        expect(
            fake.calls(/^POST EntityDefinitions$/).map((r) => (r.body as { SchemaName: string }).SchemaName)
        ).toEqual(TABLES.map((t) => t.name));
        const columns = TABLES.flatMap((t) => t.columns.filter((c) => c.kind !== 'lookup'));
        expect(fake.calls(/^POST EntityDefinitions\(.*\)\/Attributes$/)).toHaveLength(
            columns.length + EXISTING_TABLE_COLUMNS.length
        );
        // No Sales in this environment: the opportunity lookups are left out, and setup says so.
        const relationships = fake
            .calls(/^POST RelationshipDefinitions$/)
            .map((r) => (r.body as { SchemaName: string }).SchemaName);
        expect(relationships).toEqual(
            RELATIONSHIPS.filter((r) => r.lookup.requires !== 'sales').map((r) => r.schemaName)
        );
        expect(out).toContain('Opportunity lookups are left out');
        // Metadata goes into the PACT solution, with the token.
        for (const request of fake.requests.filter((r) => r.method === 'POST')) {
            expect(request.headers['mscrm.solutionuniquename']).toBe('PACT');
            expect(request.headers.authorization).toBe(`Bearer ${fake.token}`);
        }
        // Validated before anything is imported; published after.
        const order = fake.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`);
        // StageSolution runs before the first change, and again after the schema, before the import.
        const stages = order.flatMap((call, i) => (call === 'POST StageSolution' ? [i] : []));
        expect(stages).toHaveLength(2);
        expect(stages[0]).toBeLessThan(order.findIndex((c) => c.startsWith('POST ') && c !== 'POST StageSolution'));
        expect(stages[1]).toBeGreaterThan(order.lastIndexOf('POST RelationshipDefinitions'));
        expect(order.indexOf('POST ImportSolutionAsync')).toBeGreaterThan(stages[1]);
        expect(order.lastIndexOf('POST PublishAllXml')).toBeGreaterThan(order.indexOf('POST ImportSolutionAsync'));
        const staged = fake.calls(/^POST StageSolution$/)[0].body as { CustomizationFile: string };
        expect(Buffer.from(staged.CustomizationFile, 'base64').toString()).toBe('PK fake solution zip');
        // The lookup binds as the control expects: the navigation property is the lookup's schema name.
        const toAccount = fake.calls(/^POST RelationshipDefinitions$/)[0].body as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
        expect(toAccount.Lookup.SchemaName).toBe('pact_accountid');
        expect(toAccount.CascadeConfiguration.Delete).toBe('Cascade');
        // Choice columns bind their global choice by the MetadataId the environment gave it.
        const kind = fake
            .calls(/^POST EntityDefinitions\(LogicalName='pact_highcard'\)\/Attributes$/)
            .map((r) => r.body as Record<string, string>)
            .find((b) => b.SchemaName === 'pact_kind');
        expect(kind?.['GlobalOptionSet@odata.bind']).toMatch(/^\/GlobalOptionSetDefinitions\([0-9a-f-]{36}\)$/);
        // No tick box anywhere in the schema.
        expect(JSON.stringify(fake.requests.map((r) => r.body))).not.toContain('BooleanAttributeMetadata');
    });

    it('changes nothing on a second run: everything exists, the same zip is not imported again', async () => {
        expect((await run()).code).toBe(0);
        const before = fake.requests.length;
        const again = await run();
        expect(again.code).toBe(0);
        const posts = fake.requests.slice(before).filter((r) => r.method === 'POST');
        expect(posts).toEqual([]);
        expect(again.out).toContain('done before, skipped');
        // Even without the state file, every step finds what is there and creates nothing.
        const fresh = await run('--fresh');
        expect(fresh.code).toBe(0);
        expect(fresh.out).toContain('0 created, 6 already there');
        expect(
            fake.calls(/^POST (EntityDefinitions|GlobalOptionSetDefinitions|RelationshipDefinitions)$/)
        ).toHaveLength(
            TABLES.length + Object.keys(CHOICES).length + RELATIONSHIPS.filter((r) => !r.lookup.requires).length
        );
    });

    it('a damaged state file stops setup before the first request, and is kept', async () => {
        const file = dataverseStateFile(root, fake.url);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, '{"done": "connect"}');
        await expect(run()).rejects.toThrow(`${file} has no list of finished steps ("done")`);
        expect(fake.requests).toEqual([]);
        expect(fs.readFileSync(file, 'utf8')).toBe('{"done": "connect"}');
    });

    it('waits as long as Retry-After says when the service answers 429, then goes on', async () => {
        fake.fail({ match: /^POST EntityDefinitions$/, ...RECORDED.tooManyRequests(7) });
        const waits: number[] = [];
        const lines = { out: [] as string[], err: [] as string[] };
        const code = await setupDataverse(['--dataverse', fake.url, '--solution', zip], io(lines), {
            root,
            sleep: async (ms) => {
                waits.push(ms);
            },
            tokens: { token: async () => fake.token }
        });
        expect(lines.err.join('')).toBe('');
        expect(code).toBe(0);
        expect(waits).toContain(7000);
        expect(fake.calls(/^POST EntityDefinitions$/)).toHaveLength(TABLES.length + 1);
    });

    it('signs in again once after a 401; a second 401 stops with what to do, and a rerun resumes', async () => {
        fake.fail({ match: /^GET WhoAmI/, ...RECORDED.unauthorized(fake.url) });
        expect((await run()).code).toBe(0);
        expect(tokenRequests).toContain(true);

        const other = await startFakeDataverse();
        await fake.close();
        fake = other;
        fake.fail({ match: /^POST EntityDefinitions$/, ...RECORDED.unauthorized(fake.url) });
        fake.fail({ match: /^POST EntityDefinitions$/, ...RECORDED.unauthorized(fake.url) });
        const stopped = await run();
        expect(stopped.code).toBe(2);
        expect(stopped.err).toContain('refused the sign-in (401)');
        expect(stopped.err).toContain('run the same command again');
        const state = JSON.parse(fs.readFileSync(dataverseStateFile(root, fake.url), 'utf8'));
        expect(state.done).toEqual([
            'connect',
            expect.stringMatching(/^precheck:/),
            'publisher',
            'solution',
            'choices'
        ]);
        const resumed = await run();
        expect(resumed.code).toBe(0);
        expect(resumed.out).toMatch(/Global choices .*: done before, skipped/);
    });

    it('counts a 412 "already exists" on a create as there (an earlier run whose answer was lost)', async () => {
        fake.fail({ match: /^POST GlobalOptionSetDefinitions$/, ...RECORDED.alreadyExists() });
        const { code, out } = await run();
        expect(code).toBe(0);
        expect(out).toContain('5 created, 1 already there');
    });

    it('stops before changing anything when StageSolution reports a dependency PACT does not create', async () => {
        fake.state.missingComponents = [
            {
                RequiredComponentSchemaName: 'opportunity',
                RequiredComponentType: 1,
                RequiredSolutionName: 'msdynce_Sales',
                DependentComponentSchemaName: 'pact_highcard'
            }
        ];
        const { code, err } = await run();
        expect(code).toBe(2);
        expect(err).toContain('nothing was changed');
        expect(err).toContain('missing: opportunity (type 1) from msdynce_Sales');
        expect(err).not.toContain('pact_highcard');
        expect(fake.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['StageSolution']);
    });

    it("reports a failed import job with the server's words and publishes nothing after it", async () => {
        fake.state.importOutcome = {
            statuscode: 31,
            message:
                "The import file is invalid. XSD validation failed with the following error: 'The element 'entity' has invalid child element 'IsAvailableOffline'.'"
        };
        const { code, err } = await run();
        expect(code).toBe(2);
        expect(err).toContain('The import failed');
        expect(err).toContain("invalid child element 'IsAvailableOffline'");
        const order = fake.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`);
        expect(order.lastIndexOf('POST PublishAllXml')).toBeLessThan(order.indexOf('POST ImportSolutionAsync'));
        // Fixed (a new zip): the next run stages and imports again and finishes.
        fake.state.importOutcome = { statuscode: 30 };
        fs.writeFileSync(zip, 'PK fixed solution zip');
        const again = await run();
        expect(again.code).toBe(0);
    });

    it('creates the opportunity lookups when Dynamics 365 Sales is installed', async () => {
        fake.state.entities.set('opportunity', { attributes: new Set(['opportunityid']) });
        expect((await run()).code).toBe(0);
        const names = fake
            .calls(/^POST RelationshipDefinitions$/)
            .map((r) => (r.body as { SchemaName: string }).SchemaName);
        expect(names).toEqual(RELATIONSHIPS.map((r) => r.schemaName));
    });

    it('refuses a secret on the command line, and is reached through pact setup', async () => {
        const refused = await run('--client-secret', 'hunter2');
        expect(refused.code).toBe(2);
        expect(refused.err).toContain('PACT_DATAVERSE_CLIENT_SECRET');
        expect(fake.requests).toEqual([]);
        const lines = { out: [] as string[], err: [] as string[] };
        expect(await main(['setup', '--dataverse', fake.url, '--help'], io(lines))).toBe(0);
        expect(lines.out.join('')).toContain('Usage: pact setup --dataverse URL');
    });
});
