import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ADMIN_PERMISSION_SETS, PATHS, SetupActions, setup, stateFile } from '../../scripts/cli/setup';
import { REPO, memoryIo, runPact } from './helpers';

// Each run of the real command starts node and tsx: seconds on a busy 2-core machine.
jest.setTimeout(60000);

/** Records every action; `failOn` makes one action throw once, like a deploy the org refuses. */
function fakeActions(failOn?: string) {
    const log: string[] = [];
    let failed = false;
    const act = (name: string, detail: string) => {
        log.push(detail);
        if (name === failOn && !failed) {
            failed = true;
            throw new Error(`${name} refused: FIELD_INTEGRITY_EXCEPTION`);
        }
        return Promise.resolve(`${name} ok`);
    };
    const actions: SetupActions = {
        createScratch: (alias, def) => act('createScratch', `create ${alias} ${def}`),
        deploy: (alias, dir) => act(`deploy ${dir}`, `deploy ${dir} -> ${alias}`),
        assignPermissionSets: (alias, names) => act('assign', `assign ${names.join(',')} -> ${alias}`),
        importData: (alias, plan) => act('import', `import ${plan} -> ${alias}`),
        orgUrl: (alias) => (log.push(`url ${alias}`), Promise.resolve(`https://${alias}.scratch.my.salesforce.com`))
    };
    return { actions, log };
}

describe('pact setup', () => {
    let root: string;
    beforeEach(() => {
        // A checkout with the files setup needs (their content is not read by the fake actions).
        root = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-setup-'));
        for (const relative of Object.values(PATHS)) {
            const target = path.join(root, relative);
            fs.mkdirSync(path.dirname(target), { recursive: true });
            if (path.extname(relative)) fs.writeFileSync(target, '{}');
            else fs.mkdirSync(target, { recursive: true });
        }
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    it('--scratch --demo: scratch org, legacy org, PACT, blocking rules, permission set, data, URL - each step announced', async () => {
        const { actions, log } = fakeActions();
        const { io, stdout } = memoryIo();
        expect(await setup(['--target-org', 'pact-demo', '--scratch', '--demo'], io, actions, root)).toBe(0);
        expect(log).toEqual([
            'create pact-demo config/project-scratch-def.json',
            'deploy config/demo-legacy-org -> pact-demo',
            'deploy force-app -> pact-demo',
            'deploy config/demo-legacy-org-blocked -> pact-demo',
            'assign PACT_Admin -> pact-demo',
            'import config/sample-data/plan.json -> pact-demo',
            'url pact-demo'
        ]);
        expect(stdout()).toContain('[1/7] Create the scratch org pact-demo');
        expect(stdout()).toContain('[7/7] Find the org URL');
        expect(stdout()).toContain('PACT is set up in pact-demo: https://pact-demo.scratch.my.salesforce.com');
        expect(ADMIN_PERMISSION_SETS).toEqual(['PACT_Admin']);
    });

    it('without options: PACT, permission set, data and URL only', async () => {
        const { actions, log } = fakeActions();
        expect(await setup(['--target-org', 'sandbox'], memoryIo().io, actions, root)).toBe(0);
        expect(log.map((l) => l.split(' ')[0] + ' ' + l.split(' ')[1])).toEqual([
            'deploy force-app',
            'assign PACT_Admin',
            'import config/sample-data/plan.json',
            'url sandbox'
        ]);
    });

    it('stops at a failure with exit 2, keeps the finished steps, and resumes there on the next run', async () => {
        const first = fakeActions('import');
        const failedRun = memoryIo();
        expect(await setup(['--target-org', 'pact-demo', '--demo'], failedRun.io, first.actions, root)).toBe(2);
        expect(failedRun.stderr()).toContain('failed: import refused: FIELD_INTEGRITY_EXCEPTION');
        expect(failedRun.stderr()).toContain(
            'run the same command again: the 4 finished step(s) are kept in .sf/pact-setup-pact-demo.json'
        );
        const state = JSON.parse(fs.readFileSync(stateFile(root, 'pact-demo'), 'utf8'));
        expect(state.done).toEqual([
            'deploy-demo-legacy-org',
            'deploy-pact',
            'deploy-blocking-rules',
            'assign-permission-sets'
        ]);

        const second = fakeActions();
        const resumed = memoryIo();
        expect(await setup(['--target-org', 'pact-demo', '--demo'], resumed.io, second.actions, root)).toBe(0);
        expect(second.log).toEqual(['import config/sample-data/plan.json -> pact-demo', 'url pact-demo']);
        expect(resumed.stdout()).toContain(
            '[2/6] Deploy PACT (force-app): objects, rules, components, reports, permission sets: already done'
        );

        const fresh = fakeActions();
        expect(
            await setup(['--target-org', 'pact-demo', '--demo', '--fresh'], memoryIo().io, fresh.actions, root)
        ).toBe(0);
        expect(fresh.log).toHaveLength(6);
    });

    it('names a missing file instead of deploying half a setup', async () => {
        fs.rmSync(path.join(root, PATHS.samplePlan));
        const { actions, log } = fakeActions();
        await expect(setup(['--target-org', 'x'], memoryIo().io, actions, root)).rejects.toThrow(
            'config/sample-data/plan.json is missing from this checkout'
        );
        expect(log).toEqual([]);
    });

    it('the state file is git-ignored', () => {
        expect(fs.readFileSync(path.join(REPO, '.gitignore'), 'utf8').split('\n')).toContain('.sf/');
        expect(path.relative(root, stateFile(root, 'a/b'))).toBe(path.join('.sf', 'pact-setup-a_b.json'));
    });

    it('the command: without a stored login it exits 2 with how to log in, and records nothing', () => {
        const alias = `pact-test-no-login-${process.pid}`;
        const result = runPact(['setup', '--target-org', alias]);
        expect(result.status).toBe(2);
        expect(result.stdout).toContain('[1/4] Deploy PACT (force-app)');
        expect(result.stderr).toContain(`run sf org login web -a ${alias}`);
        expect(fs.existsSync(stateFile(REPO, alias))).toBe(false);
    });

    it('the command: exits 2 without --target-org', () => {
        const result = runPact(['setup', '--demo']);
        expect([result.status, result.stderr]).toEqual([2, 'pact setup: say which org: --target-org ALIAS\n']);
    });
});
