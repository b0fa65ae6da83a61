/**
 * The resumable step runner both setups share (scripts/lib/setup-steps.ts): a run stopped by a failure
 * resumes after the last finished step, skipped steps stay undone, --fresh forgets, and a state file
 * that is not one stops setup with its name and is left as it was.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
    loadStepState,
    runSteps,
    saveStepState,
    stepStateFile,
    type ResumableStep,
    type StepWords
} from '../../scripts/lib/setup-steps';
import { memoryIo } from './helpers';

const words: StepWords = {
    starting: (label) => `${label} ...`,
    doneBefore: (label) => `${label}: done before`,
    finished: (step, detail) => (step.id === 'look' ? undefined : `  done: ${detail}`),
    failed: (error, { number, finished }) => `  failed at ${number}: ${(error as Error).message} (${finished} kept)\n`
};

describe('resumable setup steps', () => {
    let root: string;
    let file: string;
    let ran: string[];
    beforeEach(() => {
        root = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-steps-'));
        file = stepStateFile(root, 'acme');
        ran = [];
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    /** deploy, import (skipped when `skipImport` says why), activate (fails when `failActivate`), look (always). */
    function plan(options: { skipImport?: string; failActivate?: boolean } = {}): ResumableStep[] {
        const step = (id: string, extra: Partial<ResumableStep> = {}): ResumableStep => ({
            id,
            title: `Step ${id}`,
            run: async () => {
                ran.push(id);
                if (id === 'activate' && options.failActivate) throw new Error('the org refused: INVALID_FIELD');
                return `${id} ok`;
            },
            ...extra
        });
        return [
            step('deploy'),
            step('import', { skip: options.skipImport }),
            step('activate'),
            step('look', { always: true })
        ];
    }

    async function run(steps: ResumableStep[], fresh = false) {
        const { io, stdout, stderr } = memoryIo();
        const state = loadStepState(file, { alias: 'acme' }, fresh);
        const result = await runSteps(steps, state, file, io, words);
        return { ...result, out: stdout(), err: stderr() };
    }

    const recorded = () => JSON.parse(fs.readFileSync(file, 'utf8'));

    it('announces each step, records each as it finishes, and hands back what each said', async () => {
        const result = await run(plan());
        expect(result.ok).toBe(true);
        expect(ran).toEqual(['deploy', 'import', 'activate', 'look']);
        expect(result.out).toBe(
            '[1/4] Step deploy ...\n  done: deploy ok\n[2/4] Step import ...\n  done: import ok\n' +
                '[3/4] Step activate ...\n  done: activate ok\n[4/4] Step look ...\n'
        );
        expect(result.details.get('look')).toBe('look ok');
        expect(recorded()).toEqual({
            alias: 'acme',
            done: ['deploy', 'import', 'activate', 'look'],
            updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/)
        });
        // Written through a file beside it and a rename: nothing but the state file is left.
        expect(fs.readdirSync(path.dirname(file))).toEqual(['pact-setup-acme.json']);
    });

    it('stops at a failure with what finished recorded, and resumes there on the next run', async () => {
        const failed = await run(plan({ failActivate: true }));
        expect(failed.ok).toBe(false);
        expect(failed.err).toBe('  failed at 3: the org refused: INVALID_FIELD (2 kept)\n');
        expect(ran).toEqual(['deploy', 'import', 'activate']);
        expect(recorded().done).toEqual(['deploy', 'import']);

        ran = [];
        const resumed = await run(plan());
        expect(resumed.ok).toBe(true);
        // The steps that only look run every time; the finished ones are not run again.
        expect(ran).toEqual(['activate', 'look']);
        expect(resumed.out).toContain('[1/4] Step deploy: done before\n[2/4] Step import: done before\n');
        expect(recorded().done).toEqual(['deploy', 'import', 'activate', 'look']);
    });

    it('a failure at the first step records nothing', async () => {
        const steps = plan();
        steps[0] = { ...steps[0], run: () => Promise.reject(new Error('no login for acme')) };
        expect((await run(steps)).ok).toBe(false);
        expect(fs.existsSync(file)).toBe(false);
    });

    it('a skipped step says why and stays undone, so a later run does it', async () => {
        const first = await run(plan({ skipImport: 'you chose --no-sample-data' }));
        expect(first.out).toContain('[2/4] Step import: skipped, you chose --no-sample-data\n');
        expect(recorded().done).toEqual(['deploy', 'activate', 'look']);

        ran = [];
        await run(plan());
        expect(ran).toEqual(['import', 'look']);
        expect(recorded().done).toEqual(['deploy', 'activate', 'look', 'import']);
    });

    it('--fresh forgets the finished steps and runs them all again', async () => {
        await run(plan());
        ran = [];
        expect((await run(plan(), true)).ok).toBe(true);
        expect(ran).toEqual(['deploy', 'import', 'activate', 'look']);
    });

    it('a state file that is not JSON, or has no list of finished steps, stops setup by name and is kept', async () => {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        for (const text of ['{"alias": "acme", "done": ["deploy",', '{"alias": "acme"}', '{"done": "deploy"}']) {
            fs.writeFileSync(file, text);
            expect(() => loadStepState(file, { alias: 'acme' })).toThrow(
                new RegExp(
                    `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (is not valid JSON|has no list of finished steps)`
                )
            );
            expect(() => loadStepState(file, { alias: 'acme' })).toThrow(/delete it or run with --fresh$/);
            expect(fs.readFileSync(file, 'utf8')).toBe(text);
        }
        // --fresh is the way past it: the file is replaced only when a step finishes.
        expect(loadStepState(file, { alias: 'acme' }, true)).toEqual({ alias: 'acme', done: [], updatedAt: '' });
        expect(fs.readFileSync(file, 'utf8')).toBe('{"done": "deploy"}');
    });

    it('keeps what else a state file holds, and names the file only with safe characters', () => {
        saveStepState(file, { done: ['deploy'], updatedAt: '' });
        expect(loadStepState(file, { alias: 'acme' })).toEqual({
            alias: 'acme',
            done: ['deploy'],
            updatedAt: expect.any(String)
        });
        expect(path.relative(root, stepStateFile(root, 'dataverse-contoso.crm.dynamics.com:443'))).toBe(
            path.join('.sf', 'pact-setup-dataverse-contoso.crm.dynamics.com_443.json')
        );
    });
});
