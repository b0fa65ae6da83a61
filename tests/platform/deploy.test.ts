/**
 * The install path against the local fake org, through source-deploy-retrieve and @salesforce/core as
 * in a real run: a check-only deploy first (Metadata API deploy() with DeployOptions.checkOnly, which
 * changes nothing), then deployRecentValidation() of that job (quick deploy). Failures come back in the
 * Metadata API's DeployMessage shape (componentType, fullName, fileName, lineNumber, columnNumber,
 * problem) and are reported per component with the local file, line, the server's words and a known fix.
 * Sources: Metadata API Developer Guide, deploy() / DeployOptions, deployRecentValidation(), DeployResult
 * and DeployMessage; error texts: forcedotcom/cli#3039 ("Invalid scope:Mine, not allowed"),
 * jongpie/NebulaLogger#247 ("You reached the limit for dashboards run as the logged-in user.").
 * Before this change deploy.ts sent one deploy without checkOnly and reported "N components deployed"
 * from the local file count; the first two cases fail on it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DeployRefused, describeDeploy, validateThenDeploy } from '../../scripts/lib/salesforce/deploy';
import { coreConnection } from '../cli/fake-org/core-connection';
import { FakeOrg, startFakeOrg, type DeployProblem, type FakeOrgOptions } from '../cli/fake-org/server';

const REPO = path.resolve(__dirname, '..', '..');
const DEMO = path.join(REPO, 'config', 'demo-legacy-org');

jest.setTimeout(120000);

/** A small package: a detail object of Account and one list view (the one that used scope Mine). */
function planPackage(scope: 'Mine' | 'Everything'): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-deploy-'));
    const object = path.join(dir, 'main', 'default', 'objects', 'Call_Plan__c');
    fs.cpSync(path.join(REPO, 'force-app', 'main', 'default', 'objects', 'Call_Plan__c'), object, { recursive: true });
    fs.rmSync(path.join(object, 'listViews'), { recursive: true, force: true });
    fs.mkdirSync(path.join(object, 'listViews'));
    fs.writeFileSync(
        path.join(object, 'listViews', 'My_Plans_This_Week.listView-meta.xml'),
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<ListView xmlns="http://soap.sforce.com/2006/04/metadata">',
            '    <fullName>My_Plans_This_Week</fullName>',
            '    <columns>NAME</columns>',
            `    <filterScope>${scope}</filterScope>`,
            '    <label>My plans this week</label>',
            '</ListView>',
            ''
        ].join('\n')
    );
    return dir;
}

describe('validate, then quick-deploy', () => {
    let org: FakeOrg;
    const dirs: string[] = [];
    afterEach(async () => {
        await org?.close();
        dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
    });

    async function run(dir: string, deployProblems?: DeployProblem[], more: Partial<FakeOrgOptions> = {}) {
        org = await startFakeOrg({ files: new Map(), deployProblems, ...more });
        const phases: string[] = [];
        const conn = await coreConnection(org);
        try {
            const report = await validateThenDeploy(dir, conn, { onPhase: (p) => phases.push(p) });
            return { report, phases, error: undefined };
        } catch (error) {
            return { report: undefined, phases, error: error as DeployRefused };
        }
    }

    it('validates check-only with tests, quick-deploys that job, and reports what the server deployed', async () => {
        const { report, phases, error } = await run(DEMO);
        expect(error).toBeUndefined();
        expect(phases).toEqual(['validating', 'deploying']);
        expect(org.jobs.map((j) => ({ checkOnly: j.checkOnly, quickOf: j.quickOf, testLevel: j.testLevel }))).toEqual([
            { checkOnly: true, quickOf: undefined, testLevel: 'RunLocalTests' },
            { checkOnly: false, quickOf: org.jobs[0].id, testLevel: undefined }
        ]);
        // One zip went over the wire; the quick deploy sends none.
        expect(org.deployed).toHaveLength(1);
        expect(org.calls.filter((c) => c.kind === 'deployRecentValidation')).toHaveLength(1);
        const server = org.jobs[1].components.length;
        expect(report!.deployed).toBe(server);
        expect(report!.validationId).toBe(org.jobs[0].id);
        expect(Object.values(report!.byType).reduce((a, b) => a + b, 0)).toBe(server);
        expect(report!.byType).toMatchObject({ CustomField: 7, ValidationRule: 1 });
        expect(describeDeploy(report!)).toMatch(
            new RegExp(
                `^${server} components deployed \\(CustomField 7, .*\\); validated as 0Af\\w+, quick-deployed as 0Af\\w+$`
            )
        );
    });

    it("force-app: the zip the server receives holds no test or fixture, and the count is the server's", async () => {
        const { report, error } = await run(path.join(REPO, 'force-app'));
        expect(error).toBeUndefined();
        const sent = [...org.deployed[0].keys()];
        expect(sent.filter((f) => /__tests__|\.test\.js$|jest|\/data\/.*\.json$/.test(f))).toEqual([]);
        expect(sent).toContain('lwc/pactRules/pactRules.js');
        expect(report!.deployed).toBe(org.jobs[1].components.length);
    });

    it('a refusal at validation changes nothing and names file, line, the server words and the fix', async () => {
        const dir = planPackage('Mine');
        dirs.push(dir);
        const { error } = await run(dir, [
            {
                component: 'ListView:Call_Plan__c.My_Plans_This_Week',
                problem: 'Invalid scope:Mine, not allowed',
                line: 5,
                column: 5
            }
        ]);
        expect(error).toBeInstanceOf(DeployRefused);
        expect(error!.phase).toBe('validation');
        expect(org.calls.some((c) => c.kind === 'deployRecentValidation')).toBe(false);
        expect(org.applied).toEqual([]);
        expect(error!.failures).toEqual([
            expect.objectContaining({
                type: 'ListView',
                fullName: 'Call_Plan__c.My_Plans_This_Week',
                file: expect.stringMatching(
                    /objects\/Call_Plan__c\/listViews\/My_Plans_This_Week\.listView-meta\.xml$/
                ),
                line: 5,
                column: 5,
                problem: 'Invalid scope:Mine, not allowed',
                known: expect.objectContaining({ id: 'invalid-scope-mine' })
            })
        ]);
        expect(error!.message).toContain('at validation (check-only: nothing in the org changed)');
        expect(error!.message).toMatch(
            /My_Plans_This_Week\.listView-meta\.xml:5:5\)\n\s+server: Invalid scope:Mine, not allowed\n\s+fix: /
        );
    });

    it('the dynamic-dashboard cap is explained with the fallback', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-dash-'));
        dirs.push(dir);
        fs.cpSync(path.join(REPO, 'force-app', 'main', 'default', 'dashboards'), path.join(dir, 'dashboards'), {
            recursive: true
        });
        const { error } = await run(dir, [
            {
                component: 'Dashboard:PACT_Customer_Voice_Dashboards/Customer_Voice',
                problem: 'You reached the limit for dashboards run as the logged-in user.'
            }
        ]);
        expect(error!.failures.map((f) => [f.fullName, f.known?.id])).toEqual([
            ['PACT_Customer_Voice_Dashboards/Customer_Voice', 'dynamic-dashboard-cap']
        ]);
        expect(error!.message).toContain('--dashboard-running-user USERNAME');
    });

    it("the org's own failing Apex tests stop the validation, each named with the server's message", async () => {
        const { error } = await run(DEMO, [], {
            apexTestFailures: [
                {
                    name: 'OpportunityTriggerTest',
                    methodName: 'closesWon',
                    message: 'System.AssertException: Assertion Failed: Expected: 1, Actual: 0'
                }
            ]
        });
        expect(error!.phase).toBe('validation');
        expect(error!.message).toContain("1 of the org's Apex test(s) failed");
        expect(error!.message).toContain(
            'Apex test OpportunityTriggerTest.closesWon\n      server: System.AssertException: Assertion Failed: Expected: 1, Actual: 0'
        );
        expect(org.applied).toEqual([]);
    });

    it("the org's own coverage below 75% is named with the way to deploy PACT without tests", async () => {
        const { error } = await run(DEMO, [], {
            coverageWarning:
                'Average test coverage across all Apex Classes and Triggers is 74%, at least 75% test coverage is required.'
        });
        expect(error!.phase).toBe('validation');
        expect(error!.message).toMatch(
            /Code coverage\n\s+server: Average test coverage across all Apex Classes and Triggers is 74%.*\n\s+fix: .*--test-level NoTestRun/
        );
        expect(org.applied).toEqual([]);
    });

    it('when the org declines the quick deploy, the validated components go in with one ordinary deploy', async () => {
        const { report, error } = await run(DEMO, [], { quickDeployRefused: true });
        expect(error).toBeUndefined();
        expect(org.jobs.map((j) => j.checkOnly)).toEqual([true, false]);
        expect(org.applied).toHaveLength(1);
        expect(report!.quickRefused).toMatch(/INVALID_ID_FIELD/);
        expect(describeDeploy(report!)).toMatch(/after the org declined the quick deploy \(.*INVALID_ID_FIELD/);
    });

    it('a refusal of the quick deploy is reported as such', async () => {
        const dir = planPackage('Everything');
        dirs.push(dir);
        const { error } = await run(dir, [
            {
                component: 'Call_Plan__c.My_Plans_This_Week',
                problem: 'UNKNOWN_EXCEPTION: An unexpected error occurred.',
                phase: 'deploy'
            }
        ]);
        expect(error!.phase).toBe('deploy');
        expect(error!.message).toContain('the org refused the quick deploy');
        expect(org.jobs.map((j) => j.checkOnly)).toEqual([true, false]);
        expect(org.applied).toEqual([]);
    });
});
