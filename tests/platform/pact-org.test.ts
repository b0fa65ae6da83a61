/**
 * What pact setup does in the org after the deploy, against the local fake org over real HTTP:
 * - Defect 4 (flows in production): with "Deploy processes and flows as active" off, production receives
 *   flows inactive; with it on, it demands Apex flow test coverage (Tooling API FlowTestCoverage, Usage).
 *   PACT activates them with the Tooling API (FlowDefinition, Metadata.activeVersionNumber: "You can
 *   activate and deactivate flows with the Metadata field") and reads them back. Before this change
 *   setup never looked at the flows: a production org kept them inactive and setup said "set up".
 * - Defect 6 (layouts deployed but not assigned): assignment is Profile.layoutAssignments (Metadata API
 *   Profile); profiles deploy under their fullName, not their label (System Administrator is "Admin").
 * - Defect 8 (dynamic dashboard cap): the fallback deploys Customer Voice run as a named user.
 * Tooling and REST errors have the documented REST shape: [{ "message", "errorCode" }].
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
    activateFlows,
    assertFlowsCanDeploy,
    assignLayouts,
    chooseProfiles,
    internalProfiles,
    layoutAssignmentFiles,
    PACT_FLOWS,
    PACT_LAYOUTS,
    readOrgFlowCase,
    readOrgKind,
    withDashboardRunningUser
} from '../../scripts/lib/salesforce/pact-org';
import { coreConnection } from '../cli/fake-org/core-connection';
import { FakeOrg, startFakeOrg, type FakeOrgOptions } from '../cli/fake-org/server';

const REPO = path.resolve(__dirname, '..', '..');
jest.setTimeout(120000);

const PROFILES = [
    { id: '00e000000000001AAA', name: 'System Administrator', fullName: 'Admin' },
    { id: '00e000000000002AAA', name: 'Standard User', fullName: 'Standard' },
    { id: '00e000000000003AAA', name: 'Custom: Sales', fullName: 'Custom%3A Sales' }
];

describe('flows and layouts after the deploy', () => {
    let org: FakeOrg;
    afterEach(() => org?.close());
    const start = async (options: Partial<FakeOrgOptions>) => {
        org = await startFakeOrg({ files: new Map(), ...options });
        return coreConnection(org);
    };

    it('finds out which case the org is in before deploying flows', async () => {
        const production = { IsSandbox: false, OrganizationType: 'Enterprise Edition', TrialExpirationDate: null };
        let conn = await start({ organization: production, deployFlowsAsActive: false });
        const inactive = await readOrgFlowCase(conn);
        expect(inactive).toMatchObject({ production: true, deployAsActive: false });
        expect(inactive.summary).toBe('production: flows arrive inactive and PACT activates them after the deploy');
        expect(() => assertFlowsCanDeploy(inactive)).not.toThrow();
        await org.close();

        conn = await start({ organization: production, deployFlowsAsActive: true });
        const active = await readOrgFlowCase(conn);
        expect(active).toMatchObject({ production: true, deployAsActive: true });
        expect(() => assertFlowsCanDeploy(active)).toThrow(
            /Nothing was deployed\.\n\s+fix: Setup > Process Automation Settings: untick "Deploy processes and flows as active"/
        );
        expect(org.calls.some((c) => c.kind === 'deploy')).toBe(false);
        await org.close();

        conn = await start({
            organization: {
                IsSandbox: false,
                OrganizationType: 'Developer Edition',
                TrialExpirationDate: '2027-01-08T00:00:00.000+0000'
            },
            deployFlowsAsActive: true
        });
        expect(await readOrgFlowCase(conn)).toMatchObject({ production: false });
    });

    it("names the org's kind from Organization, one query (sample data and the demo never go into production)", async () => {
        // Organization: IsSandbox; TrialExpirationDate is set for scratch and trial orgs (Object Reference).
        const kinds: [FakeOrgOptions['organization'], string][] = [
            [{ IsSandbox: false, OrganizationType: 'Unlimited Edition', TrialExpirationDate: null }, 'production'],
            [{ IsSandbox: true, OrganizationType: 'Unlimited Edition', TrialExpirationDate: null }, 'a sandbox'],
            [
                {
                    IsSandbox: false,
                    OrganizationType: 'Developer Edition',
                    TrialExpirationDate: '2027-01-08T00:00:00.000+0000'
                },
                'a scratch or trial org'
            ],
            [{ IsSandbox: false, OrganizationType: 'Developer Edition', TrialExpirationDate: null }, 'a developer org']
        ];
        for (const [organization, name] of kinds) {
            const conn = await start({ organization });
            // @salesforce/core's own calls while connecting are not PACT's.
            const before = org.calls.length;
            expect(await readOrgKind(conn)).toEqual({ production: name === 'production', name });
            expect(org.calls.slice(before).map((c) => c.url)).toEqual([
                expect.stringMatching(
                    /\/query\?q=SELECT%20IsSandbox%2C%20OrganizationType%2C%20TrialExpirationDate%20FROM%20Organization$/
                )
            ]);
            await org.close();
        }
    });

    it('activates the latest version of inactive flows and verifies them (a production org)', async () => {
        const conn = await start({
            flows: [
                { developerName: 'PACT_Coaching_Note_Sharing', latestVersion: 1, activeVersion: null },
                { developerName: 'PACT_High_Card_Action_Needed', latestVersion: 2, activeVersion: 1 }
            ]
        });
        expect(await activateFlows(conn)).toEqual({ alreadyActive: [], activated: PACT_FLOWS });
        expect(org.flows.map((f) => f.activeVersion)).toEqual([1, 2]);
        const tooling = org.calls.filter((c) => c.kind === 'tooling').map((c) => c.method);
        expect(tooling).toEqual(['GET', 'PATCH', 'PATCH', 'GET']);
    });

    it('leaves flows alone that the deploy made active (scratch, sandbox, developer orgs)', async () => {
        const conn = await start({
            flows: PACT_FLOWS.map((developerName) => ({ developerName, latestVersion: 1, activeVersion: 1 }))
        });
        expect(await activateFlows(conn)).toEqual({ alreadyActive: PACT_FLOWS, activated: [] });
        expect(org.calls.filter((c) => c.method === 'PATCH')).toEqual([]);
    });

    it('fails closed, with the server words, when a flow stays inactive', async () => {
        const conn = await start({
            flows: [
                {
                    developerName: 'PACT_Coaching_Note_Sharing',
                    latestVersion: 1,
                    activeVersion: null,
                    activationError: { errorCode: 'FIELD_INTEGRITY_EXCEPTION', message: 'sample refusal' }
                },
                { developerName: 'PACT_High_Card_Action_Needed', latestVersion: 1, activeVersion: 1 }
            ]
        });
        await expect(activateFlows(conn)).rejects.toThrow(
            /still inactive after activation: PACT_Coaching_Note_Sharing\n\s+server: PACT_Coaching_Note_Sharing: FIELD_INTEGRITY_EXCEPTION: sample refusal\n\s+fix: activate them in Setup > Flows/
        );
    });

    it('says when the flows are not in the org at all', async () => {
        const conn = await start({ flows: [] });
        await expect(activateFlows(conn)).rejects.toThrow('the org has no flow PACT_Coaching_Note_Sharing');
    });

    it('finds internal profiles with their deploy names and assigns the layouts, validated first', async () => {
        const conn = await start({ profiles: PROFILES });
        const profiles = await internalProfiles(conn);
        expect(profiles).toEqual(PROFILES.map(({ name, fullName }) => ({ name, fullName })));
        const chosen = chooseProfiles(profiles, 'Standard User, Custom: Sales');
        const report = await assignLayouts(conn, chosen);
        expect(report.byType).toEqual({ Profile: 2 });
        expect(org.jobs.map((j) => j.checkOnly)).toEqual([true, false]);
        const files = org.applied[0];
        const standard = files.get('profiles/Standard.profile') ?? '';
        for (const layout of PACT_LAYOUTS) expect(standard).toContain(`<layout>${layout}</layout>`);
        // Only layout assignments: deploying a profile changes what the file says, nothing else.
        expect(standard.replace(/<layoutAssignments>[\s\S]*?<\/layoutAssignments>/g, '')).not.toMatch(
            /<(fieldPermissions|objectPermissions|userPermissions)>/
        );
        expect([...files.keys()].sort()).toEqual([
            'package.xml',
            'profiles/Custom%3A Sales.profile',
            'profiles/Standard.profile'
        ]);
    });

    it('names an unknown profile and the ones the org has', () => {
        expect(() => chooseProfiles(PROFILES, 'Sales Rep')).toThrow(
            'no internal profile "Sales Rep"; the org has: System Administrator, Standard User, Custom: Sales'
        );
        expect(chooseProfiles(PROFILES, 'all')).toHaveLength(3);
        expect(layoutAssignmentFiles([PROFILES[0]]).get('profiles/Admin.profile-meta.xml')).toContain(
            '<layout>Account-PACT Account Layout</layout>'
        );
    });
});

describe('the dynamic-dashboard fallback', () => {
    it('deploys a copy whose dashboards run as the named user, without tests, with the ignore file', () => {
        const copy = withDashboardRunningUser(path.join(REPO, 'force-app'), 'vp@acme.example');
        try {
            const dashboard = fs.readFileSync(
                path.join(
                    copy,
                    'main/default/dashboards/PACT_Customer_Voice_Dashboards/Customer_Voice.dashboard-meta.xml'
                ),
                'utf8'
            );
            expect(dashboard).toContain('<dashboardType>SpecifiedUser</dashboardType>');
            expect(dashboard).toContain('<runningUser>vp@acme.example</runningUser>');
            expect(fs.existsSync(path.join(path.dirname(copy), '.forceignore'))).toBe(true);
            expect(
                (fs.readdirSync(copy, { recursive: true }) as string[]).filter((f) => f.includes('__tests__'))
            ).toEqual([]);
        } finally {
            fs.rmSync(path.dirname(copy), { recursive: true, force: true });
        }
    });
});
