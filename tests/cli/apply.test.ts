/**
 * pact block --apply against the local fake org: the rules go out through
 * @salesforce/source-deploy-retrieve (Metadata API deploy + checkDeployStatus), the rollback first.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../scripts/cli/main';
import { coreConnection } from './fake-org/core-connection';
import { FakeOrg, startFakeOrg } from './fake-org/server';
import { MDAPI_FIXTURE, REPO, memoryIo, readTree } from './helpers';
import { auditModel } from '../../scripts/lib/audit';
import { planBlockRules, renderBlockFolder } from '../../scripts/lib/audit/block-rules';
import { readMdapiDir } from '../../scripts/lib/metadata/mdapi-reader';
import { connectWithToken } from '../../scripts/lib/salesforce/connection';

const DEMO = path.join(REPO, 'config', 'demo-legacy-org');

// Loading @salesforce/core and source-deploy-retrieve takes seconds on a busy machine.
jest.setTimeout(60000);

describe('pact block --apply', () => {
    let org: FakeOrg;
    let workDir: string;
    afterEach(async () => {
        await org.close();
        fs.rmSync(workDir, { recursive: true, force: true });
    });
    beforeEach(() => {
        workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-apply-'));
    });

    async function apply(deployProblem?: string) {
        org = await startFakeOrg({ files: new Map(), deployProblem });
        const { io, stdout, stderr } = memoryIo({ cwd: workDir, connect: () => coreConnection(org) });
        const status = await main(
            ['block', '--source-dir', DEMO, '--target-org', 'demo', '--apply', '--output', 'rules'],
            io
        );
        return { status, stdout: stdout(), stderr: stderr() };
    }

    it('deploys one rule per object and tells how to roll back', async () => {
        const result = await apply();
        expect([result.status, result.stderr]).toEqual([0, '']);
        expect(result.stdout).toContain('Deployed 4 rule(s) to demo: 4 components deployed (ValidationRule 4)');
        expect(result.stdout).toContain('sf project deploy start --metadata-dir rules-rollback -o demo');
        // One zip, sent once: validated (check-only), then the validated job quick-deployed.
        expect(org.deployed).toHaveLength(1);
        expect(org.jobs.map((j) => [j.checkOnly, j.quickOf ?? null])).toEqual([
            [true, null],
            [false, org.jobs[0].id]
        ]);
        expect(org.applied).toHaveLength(1);
        const files = org.applied[0];
        expect([...files.keys()].filter((f) => f.endsWith('.object')).sort()).toEqual(
            ['Contact', 'Event', 'Lead', 'Task'].map((o) => `objects/${o}.object`)
        );
        expect(files.get('objects/Task.object')).toContain('<fullName>PACT_Block_Low_Card_Ticks</fullName>');
        expect(files.get('objects/Task.object')).toContain('ISCHANGED(Left_Voicemail__c)');
        expect(files.get('package.xml')).toMatch(/<members>Task\.PACT_Block_Low_Card_Ticks<\/members>/);
        expect(readTree(path.join(workDir, 'rules-rollback')).get('destructiveChanges.xml')).toContain(
            '<members>Lead.PACT_Block_Low_Card_Ticks</members>'
        );
    });

    it('without --source-dir reads the tick boxes from the org (dry run: nothing deployed)', async () => {
        const files = new Map([...readTree(MDAPI_FIXTURE)].filter(([file]) => file !== 'package.xml'));
        org = await startFakeOrg({ files });
        const { io, stdout } = memoryIo({
            cwd: workDir,
            connect: () => connectWithToken(org.instanceUrl, org.accessToken),
            pollIntervalMs: 5
        });
        expect(await main(['block', '--target-org', 'legacy', '--output', 'rules'], io)).toBe(0);
        expect(stdout()).toContain('Dry run: nothing deployed');
        const model = readMdapiDir(MDAPI_FIXTURE);
        expect(readTree(path.join(workDir, 'rules'))).toEqual(
            renderBlockFolder(planBlockRules(auditModel(model), model))
        );
        expect(org.calls.some((c) => c.kind === 'deploy')).toBe(false);
    });

    it("reports the org's refusal with exit 2 and keeps the rollback folder", async () => {
        const result = await apply('Field Demo_Given__c does not exist. Check spelling.');
        expect(result.status).toBe(2);
        expect(result.stderr).toContain('at validation (check-only: nothing in the org changed)');
        expect(result.stderr).toMatch(
            /ValidationRule Lead\.PACT_Block_Low_Card_Ticks \([^)]*\)\n\s+server: Field Demo_Given__c does not exist/
        );
        expect(org.jobs.map((j) => j.checkOnly)).toEqual([true]);
        expect(org.applied).toEqual([]);
        expect(fs.existsSync(path.join(workDir, 'rules-rollback', 'destructiveChanges.xml'))).toBe(true);
    });
});
