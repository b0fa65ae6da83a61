/**
 * `pact setup` end to end against the local fake org, with the real deploy, flow and layout actions
 * (source-deploy-retrieve and @salesforce/core over HTTP) and the sample-data steps stubbed: a production
 * org whose flows arrive inactive (defect 4), layouts assigned per profile (defect 6), a refusal at
 * validation that leaves the org untouched and resumes, and the dynamic-dashboard cap (defect 8). Sample
 * data never reaches production: setup reads the org's kind (Organization) itself.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { salesforceActions, setup, stateFile, type SetupActions } from '../../scripts/cli/setup';
import { coreConnection } from '../cli/fake-org/core-connection';
import { FakeOrg, startFakeOrg, type FakeOrgOptions } from '../cli/fake-org/server';
import { memoryIo } from '../cli/helpers';

const REPO = path.resolve(__dirname, '..', '..');
jest.setTimeout(180000);

const PRODUCTION: Partial<FakeOrgOptions> = {
    organization: { IsSandbox: false, OrganizationType: 'Enterprise Edition', TrialExpirationDate: null },
    flows: [
        { developerName: 'PACT_Coaching_Note_Sharing', latestVersion: 1, activeVersion: null },
        { developerName: 'PACT_High_Card_Action_Needed', latestVersion: 1, activeVersion: null }
    ],
    profiles: [
        { id: '00e000000000001AAA', name: 'System Administrator', fullName: 'Admin' },
        { id: '00e000000000002AAA', name: 'Standard User', fullName: 'Standard' }
    ]
};

describe('pact setup against the fake org', () => {
    let org: FakeOrg | undefined;
    let state: string;
    /** The stubbed actions that ran, in order. */
    let stubbed: string[] = [];
    afterEach(async () => {
        stubbed = [];
        await org?.close();
        org = undefined;
        fs.rmSync(state, { force: true });
    });

    async function runSetup(options: Partial<FakeOrgOptions>, args: string[] = []) {
        const fake = (org ??= await startFakeOrg({ files: new Map(), ...PRODUCTION, ...options }));
        const real = salesforceActions(REPO, () => coreConnection(fake));
        const stub = (what: string) => () => (stubbed.push(what), Promise.resolve(what));
        const actions: SetupActions = {
            ...real,
            createScratch: stub('created'),
            assignPermissionSets: stub('assigned'),
            importData: stub('imported'),
            assignOpenActions: stub('open actions assigned'),
            orgUrl: stub('https://acme.my.salesforce.com')
        };
        const alias = `fake-${process.pid}`;
        state = stateFile(REPO, alias);
        const { io, stdout, stderr } = memoryIo();
        const status = await setup(['--target-org', alias, ...args], io, actions, REPO);
        return { status, stdout: stdout(), stderr: stderr() };
    }

    it('validates and quick-deploys force-app, activates and verifies the flows, assigns the layouts', async () => {
        const result = await runSetup({}, ['--layouts', 'Standard User', '--fresh']);
        expect([result.status, result.stderr]).toEqual([0, '']);
        expect(org!.jobs.map((j) => j.checkOnly)).toEqual([true, false, true, false]);
        expect(result.stdout).toMatch(
            /done: \d+ components deployed \(CustomLabel \d+, .*\); validated as 0Af\w+, quick-deployed as 0Af\w+/
        );
        expect(result.stdout).toContain(
            'done: this org is production: flows arrive inactive and PACT activates them after the deploy; activated PACT_Coaching_Note_Sharing, PACT_High_Card_Action_Needed'
        );
        expect(org!.flows.map((f) => f.activeVersion)).toEqual([1, 1]);
        expect(result.stdout).toContain('done: PACT layouts assigned to Standard User (1 profiles deployed)');
        expect([...org!.applied[1].keys()]).toContain('profiles/Standard.profile');
        expect(result.stdout).toContain('untick "Grant Access Using Hierarchies" for Coaching Note');
        expect(result.stdout).toMatch(/Import the sample customers[^\n]*: skipped, sample data is on by default only/);
        expect(stubbed).not.toContain('imported');
    });

    it('--sample-data or --demo in production is refused before anything is deployed (the org says it is production)', async () => {
        await expect(runSetup({}, ['--sample-data', '--fresh'])).rejects.toThrow(
            /is a production org: PACT does not import its sample customers.*Nothing was changed/s
        );
        await expect(runSetup({}, ['--demo', '--fresh'])).rejects.toThrow(
            /is a production org: --demo would deploy a made-up legacy org there.*Nothing was changed/s
        );
        expect([org!.jobs, stubbed]).toEqual([[], []]);
    });

    it('a refusal at validation changes nothing, says why per component, and the next run starts at the deploy', async () => {
        const refused = await runSetup(
            {
                deployProblems: [
                    {
                        component: 'Dashboard:PACT_Customer_Voice_Dashboards/Customer_Voice',
                        problem: 'You reached the limit for dashboards run as the logged-in user.'
                    }
                ]
            },
            ['--fresh']
        );
        expect(refused.status).toBe(2);
        expect(org!.applied).toEqual([]);
        expect(refused.stderr).toContain('at validation (check-only: nothing in the org changed)');
        expect(refused.stderr).toMatch(
            /Dashboard PACT_Customer_Voice_Dashboards\/Customer_Voice \(force-app\/main\/default\/dashboards\/PACT_Customer_Voice_Dashboards\/Customer_Voice\.dashboard-meta\.xml\)\n\s+server: You reached the limit for dashboards run as the logged-in user\.\n\s+fix: .*--dashboard-running-user USERNAME/
        );
        expect(fs.existsSync(state) ? JSON.parse(fs.readFileSync(state, 'utf8')).done : []).toEqual([]);
        await org!.close();
        org = await startFakeOrg({ files: new Map(), ...PRODUCTION });
        const again = await runSetup({}, ['--dashboard-running-user', 'vp@acme.example']);
        expect(again.status).toBe(0);
        const dashboard = [...org!.applied[0]].find(([f]) => f.endsWith('Customer_Voice.dashboard'))?.[1] ?? '';
        expect(dashboard).toContain('<runningUser>vp@acme.example</runningUser>');
    });

    it('stops before deploying anything when production deploys flows as active', async () => {
        const result = await runSetup({ deployFlowsAsActive: true }, ['--fresh']);
        expect(result.status).toBe(2);
        expect(result.stderr).toContain('untick "Deploy processes and flows as active"');
        expect(org!.jobs).toEqual([]);
    });
});
