/**
 * The live path: pact audit --target-org against a local fake org (tests/cli/fake-org/server.ts)
 * that speaks the REST query and Metadata API SOAP endpoints jsforce calls.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../scripts/cli/main';
import { auditModel, auditOrg, findingJson } from '../../scripts/lib/audit';
import { readLiveOrg } from '../../scripts/lib/metadata/live-reader';
import { readMdapiDir, readMdapiFiles } from '../../scripts/lib/metadata/mdapi-reader';
import { connectWithToken } from '../../scripts/lib/salesforce/connection';
import { FakeOrg, FakeOrgOptions, startFakeOrg } from './fake-org/server';
import { MDAPI_FIXTURE, memoryIo, readTree } from './helpers';

// Each run of the real command starts node and tsx: seconds on a busy 2-core machine.
jest.setTimeout(60000);

const FILES = new Map([...readTree(MDAPI_FIXTURE)].filter(([file]) => file !== 'package.xml'));
const FAST = { retry: { retries: 2, baseDelayMs: 5 }, pollIntervalMs: 5 };

let org: FakeOrg | undefined;
let workDir: string;

async function fakeOrg(options: Partial<FakeOrgOptions> = {}) {
    org = await startFakeOrg({ files: FILES, pageSize: 2, privateReports: ['My_Own_Calls'], ...options });
    return org;
}

/** Runs the real command in-process with a connection to the fake org instead of a stored login. */
async function pact(args: string[], fake: FakeOrg, tty = false) {
    const { io, stdout, stderr } = memoryIo({
        cwd: workDir,
        stderrIsTTY: tty,
        connect: () => connectWithToken(fake.instanceUrl, fake.accessToken),
        ...FAST
    });
    const status = await main(args, io);
    return { status, stdout: stdout(), stderr: stderr() };
}

beforeEach(() => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-live-'));
});
afterEach(async () => {
    await org?.close();
    org = undefined;
    // Nothing the audit does may leave a file behind, least of all when it fails.
    const left = fs.readdirSync(workDir);
    if (left.length > 0) throw new Error(`the command left files behind: ${left.join(', ')}`);
    fs.rmSync(workDir, { recursive: true, force: true });
});

const expectedFindings = () =>
    auditModel(readMdapiDir(MDAPI_FIXTURE)).map((f) => findingJson({ ...f, file: 'org:legacy' }));

describe('live audit against an org', () => {
    it('finds what the same metadata on disk gives, following nextRecordsUrl pages', async () => {
        const fake = await fakeOrg();
        const result = await pact(['audit', '--target-org', 'legacy', '--json'], fake);
        expect(result.status).toBe(1);
        expect(JSON.parse(result.stdout)).toEqual(expectedFindings());
        // 3 queries over 2-row pages: 3 folders -> 2 pages, 5 reports -> 3 pages, 2 dashboards -> 1 page.
        expect(fake.calls.map((c) => c.kind)).toEqual([...Array(6).fill('query'), 'retrieve', 'checkRetrieveStatus']);
        expect(fake.calls.filter((c) => /\/query\/01gFAKE/.test(c.url))).toHaveLength(3);
    });

    it('asks one retrieve for every custom object, the activity-facing standard ones, each public report, and the flows and workflows', async () => {
        const fake = await fakeOrg();
        await readLiveOrg(await connectWithToken(fake.instanceUrl, fake.accessToken), { alias: 'legacy', ...FAST });
        expect(fake.lastRetrieve).toEqual({
            CustomObject: ['*', 'Task', 'Event', 'Activity', 'Account', 'Contact', 'Opportunity', 'Lead', 'Case'],
            ReportType: ['*'],
            // Who sets a tick box comes in the same retrieve: no extra API call.
            Flow: ['*'],
            Workflow: ['*'],
            Report: [
                'Account_Reports/Accounts_By_Industry',
                'Account_Reports/Opportunities_By_Account',
                'Sales_Activity/Calls_Per_Rep',
                'Sales_Activity/Visits_By_Account'
            ],
            Dashboard: ['Sales_Dashboards/Pipeline_By_Account', 'Sales_Dashboards/Rep_Leaderboard']
        });
        // As in package.xml and the RetrieveRequest schema: members before name in every <types>.
        for (const block of fake.lastRetrieveBody?.match(/<types>[\s\S]*?<\/types>/g) ?? ['missing']) {
            expect(block).toMatch(/^<types>(<members>[^<]*<\/members>)+<name>\w+<\/name><\/types>$/);
        }
    });

    it('waits for a slow retrieve, polling until it is done', async () => {
        const fake = await fakeOrg({ pollsBeforeDone: 4 });
        const { stats } = await readLiveOrg(await connectWithToken(fake.instanceUrl, fake.accessToken), {
            alias: 'legacy',
            ...FAST
        });
        expect(stats).toEqual({ calls: 11, queries: 6, retrieves: 1, polls: 4, privateReports: 1 });
        expect(fake.calls.filter((c) => c.kind === 'checkRetrieveStatus')).toHaveLength(4);
    });

    it('shows progress on a terminal only', async () => {
        const onTty = await pact(['audit', '--target-org', 'legacy'], await fakeOrg(), true);
        expect(onTty.stderr).toContain('listing report folders, reports and dashboards');
        expect(onTty.stderr).toContain('exporting objects, 4 reports and 2 dashboards');
        await org?.close();
        const piped = await pact(['audit', '--target-org', 'legacy'], await fakeOrg(), false);
        expect(piped.stderr).toBe('');
        expect(piped.stdout).toContain(
            'PACT audit of org legacy (8 API calls; 1 reports in private folders not readable): 15 activity controls, 0 people-ranking notes'
        );
    });
});

describe('live audit when the org says no', () => {
    it('an expired session (401 INVALID_SESSION_ID) is not retried: exit 2 and how to log in again', async () => {
        const fake = await fakeOrg({ faults: [{ on: 'query', kind: 'session', times: 3 }] });
        const result = await pact(['audit', '--target-org', 'legacy', '--json'], fake);
        expect(result).toEqual({
            status: 2,
            stdout: '',
            stderr: 'pact audit: session expired: run sf org login web -a legacy\n'
        });
        expect(fake.calls.filter((c) => c.status === 401).length).toBeLessThanOrEqual(3);
        expect(fake.calls.some((c) => c.kind === 'retrieve')).toBe(false);
    });

    it('an expired session on the Metadata API (SOAP fault) gives the same advice', async () => {
        const fake = await fakeOrg({ faults: [{ on: 'retrieve', kind: 'session' }] });
        const result = await pact(['audit', '--target-org', 'legacy'], fake);
        expect([result.status, result.stderr]).toEqual([
            2,
            'pact audit: session expired: run sf org login web -a legacy\n'
        ]);
        expect(fake.calls.filter((c) => c.kind === 'retrieve')).toHaveLength(1);
    });

    it.each([
        ['REQUEST_LIMIT_EXCEEDED (403) on a query', { on: 'query', kind: 'limit' }],
        ['a 500 on a query', { on: 'query', kind: 'server' }],
        ['a 500 on the retrieve', { on: 'retrieve', kind: 'server' }],
        ['a 500 while polling', { on: 'checkRetrieveStatus', kind: 'server' }]
    ] as const)('retries %s and completes', async (_name, fault) => {
        const fake = await fakeOrg({ faults: [{ ...fault, times: 2 }] });
        const result = await pact(['audit', '--target-org', 'legacy', '--json'], fake);
        expect(result.status).toBe(1);
        expect(JSON.parse(result.stdout)).toEqual(expectedFindings());
        expect(fake.calls.filter((c) => c.status >= 400)).toHaveLength(2);
    });

    it('gives up after the bounded retries when the limit stays exceeded', async () => {
        const fake = await fakeOrg({ faults: [{ on: 'retrieve', kind: 'limit', times: 100 }] });
        const result = await pact(['audit', '--target-org', 'legacy'], fake);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/API request limit is reached .*try again later/);
        expect(fake.calls.filter((c) => c.kind === 'retrieve')).toHaveLength(FAST.retry.retries + 1);
    });

    it('gives up after the bounded retries on a persistent server error', async () => {
        const fake = await fakeOrg({ faults: [{ on: 'checkRetrieveStatus', kind: 'server', times: 100 }] });
        const result = await pact(['audit', '--target-org', 'legacy'], fake);
        expect([result.status, result.stdout]).toEqual([2, '']);
        expect(result.stderr).toContain('server error');
        expect(fake.calls.filter((c) => c.kind === 'checkRetrieveStatus')).toHaveLength(FAST.retry.retries + 1);
    });

    it('says so when the org cannot be reached', async () => {
        const fake = await fakeOrg();
        await fake.close();
        org = undefined;
        const result = await pact(['audit', '--target-org', 'legacy'], fake);
        expect([result.status, result.stderr]).toEqual([
            2,
            expect.stringContaining('cannot reach the org (ECONNREFUSED)')
        ]);
    });

    it('pact block writes no folder when reading the org fails', async () => {
        const fake = await fakeOrg({ faults: [{ on: 'any', kind: 'session', times: 100 }] });
        const result = await pact(['block', '--target-org', 'legacy', '--output', 'rules'], fake);
        expect([result.status, result.stderr]).toEqual([
            2,
            'pact block: session expired: run sf org login web -a legacy\n'
        ]);
    });
});

describe('live audit: who sets a tick box', () => {
    it('reads the flows and workflows of the retrieve zip with the same reader as a folder', () => {
        const ns = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
        const zip = new Map([
            [
                'objects/Lead.object',
                `<?xml version="1.0" encoding="UTF-8"?><CustomObject ${ns}><fields><fullName>Call_Logged__c</fullName>` +
                    `<label>Call Logged</label><type>Checkbox</type><defaultValue>false</defaultValue></fields></CustomObject>`
            ],
            [
                'flows/Dialer_Sync.flow',
                `<?xml version="1.0" encoding="UTF-8"?><Flow ${ns}><label>Dialer sync</label><processType>AutoLaunchedFlow</processType>` +
                    `<recordUpdates><name>Tick</name><inputAssignments><field>Call_Logged__c</field><value><booleanValue>true</booleanValue></value>` +
                    `</inputAssignments><inputReference>$Record</inputReference></recordUpdates>` +
                    `<start><object>Lead</object><triggerType>RecordAfterSave</triggerType></start><status>Active</status></Flow>`
            ]
        ]);
        const model = readMdapiFiles(zip, 'org:acme', () => 'org:acme');
        expect(model.automations).toEqual([
            expect.objectContaining({ kind: 'flow', name: 'Dialer_Sync', file: 'org:acme', object: 'Lead' })
        ]);
        const { benign } = auditOrg(model);
        expect(benign.find((b) => b.component === 'Lead.Call_Logged__c')?.reason).toBe(
            "benign: set by flow Dialer sync: automated, not a rep's tick"
        );
    });
});
