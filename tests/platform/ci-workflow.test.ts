/**
 * The scratch-org workflow cannot run here (no Dev Hub, no GitHub): this lints it. It must be valid YAML
 * of the GitHub Actions shape, be skipped without the Dev Hub secret (a job `if` cannot read secrets, so
 * a first job turns the secret's presence into an output), keep the secret out of command lines, go
 * through `pact setup` (validate, then quick deploy), and always delete the scratch org.
 * Sources: GitHub Actions workflow syntax (jobs.<id>.if, jobs.<id>.outputs, needs; "secrets cannot be
 * directly referenced in if: conditionals"); sf CLI reference (org login sfdx-url, org delete scratch).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

const REPO = path.resolve(__dirname, '..', '..');
const FILE = path.join(REPO, '.github', 'workflows', 'scratch-org.yml');

interface Step {
    name?: string;
    uses?: string;
    run?: string;
    if?: string;
    env?: Record<string, string>;
    with?: Record<string, unknown>;
}
interface Job {
    needs?: string | string[];
    if?: string;
    outputs?: Record<string, string>;
    steps: Step[];
    'runs-on': string;
    'timeout-minutes'?: number;
}

const workflow = parse(fs.readFileSync(FILE, 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, Job> };
const main = workflow.jobs['scratch-org'];

describe('.github/workflows/scratch-org.yml', () => {
    it('is a workflow with triggers and two jobs on GitHub-hosted runners', () => {
        expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push', 'workflow_dispatch']);
        expect(Object.keys(workflow.jobs).sort()).toEqual(['devhub', 'scratch-org']);
        for (const job of Object.values(workflow.jobs)) {
            expect(job['runs-on']).toBe('ubuntu-latest');
            for (const step of job.steps) expect(Boolean(step.uses) !== Boolean(step.run)).toBe(true);
        }
        expect(main['timeout-minutes']).toBeLessThanOrEqual(90);
    });

    it('runs the org job only when the Dev Hub secret exists', () => {
        const gate = workflow.jobs.devhub;
        expect(gate.outputs?.available).toBe('${{ steps.check.outputs.available }}');
        expect(gate.steps[0].env?.SF_DEVHUB_AUTH_URL).toBe('${{ secrets.SF_DEVHUB_AUTH_URL }}');
        expect(main.needs).toBe('devhub');
        expect(main.if).toBe("needs.devhub.outputs.available == 'true'");
        // Secrets are not allowed in a job-level `if` (the workflow would fail to load).
        expect(String(main.if)).not.toContain('secrets.');
    });

    it('passes the secret through the environment only, never on a command line', () => {
        for (const job of Object.values(workflow.jobs))
            for (const step of job.steps) expect(step.run ?? '').not.toContain('secrets.');
    });

    it('validates and quick-deploys through pact setup, assigns permission sets, smoke-tests, always cleans up', () => {
        const runs = main.steps.map((s) => s.run ?? s.uses ?? '');
        const at = (re: RegExp) => runs.findIndex((r) => re.test(r));
        expect(at(/^npm ci$/)).toBeGreaterThan(-1);
        expect(at(/sf org login sfdx-url --sfdx-url-file .* --set-default-dev-hub/)).toBeGreaterThan(at(/^npm ci$/));
        expect(at(/npx pact setup --target-org "\$ALIAS" --scratch/)).toBeGreaterThan(at(/sfdx-url/));
        expect(at(/sf org assign permset -n PACT_Rep -n PACT_Manager/)).toBeGreaterThan(at(/pact setup/));
        expect(at(/SELECT COUNT\(\) FROM High_Card__c/)).toBeGreaterThan(at(/assign permset/));
        const cleanup = main.steps[at(/sf org delete scratch/)];
        expect(cleanup.if).toBe('always()');
        for (const step of main.steps.filter((s) => s.uses)) expect(step.uses).toMatch(/^actions\/[a-z-]+@v\d+$/);
    });

    it('uses only commands this repository provides (the pinned sf CLI and pact)', () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
        expect(pkg.devDependencies['@salesforce/cli']).toBeDefined();
        expect(pkg.bin.pact).toBeDefined();
        const commands = main.steps.flatMap((s) => [...(s.run ?? '').matchAll(/npx (\S+)/g)].map((m) => m[1]));
        expect([...new Set(commands)].sort()).toEqual(['pact', 'sf']);
    });
});
