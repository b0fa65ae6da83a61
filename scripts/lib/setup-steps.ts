/**
 * The resumable step runner both setups use (pact setup --target-org, pact setup --dataverse): steps are
 * announced one at a time, and the ids of finished ones are kept in a git-ignored state file under .sf/,
 * so a second run skips them and resumes where a failure stopped the first. Each platform keeps its own
 * steps and its own words; this module only runs them and keeps the record.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PactRunError } from './salesforce/connection';

export interface ResumableStep {
    id: string;
    title: string;
    /** Why the step does not run this time. It is not recorded as done, so a later run can do it. */
    skip?: string;
    /** Runs on every run, even when done before: it only looks, and later steps or the last line need what it finds. */
    always?: boolean;
    /** Does the step; resolves with what it did (one line). */
    run(): Promise<string>;
}

/** What a state file holds: the finished step ids, and who it is for (the org alias, the environment URL). */
export interface StepState {
    done: string[];
    updatedAt: string;
}

/** .sf/pact-setup-NAME.json under `root`; NAME keeps only characters that are safe in a file name. */
export function stepStateFile(root: string, name: string): string {
    return path.join(root, '.sf', `pact-setup-${name.replace(/[^A-Za-z0-9_.-]/g, '_')}.json`);
}

/**
 * The finished steps recorded in `file` (none when it does not exist, or with `fresh`). A file that is
 * not a state file stops setup with its name and what to do: it is left as it is, never overwritten.
 */
export function loadStepState<T extends object>(file: string, owner: T, fresh = false): T & StepState {
    const empty = { ...owner, done: [], updatedAt: '' };
    if (fresh || !fs.existsSync(file)) return empty;
    let state: unknown;
    try {
        state = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
        throw new PactRunError(`${file} is not valid JSON: delete it or run with --fresh`, 'input');
    }
    const done = (state as Partial<StepState> | null)?.done;
    if (!Array.isArray(done) || !done.every((id) => typeof id === 'string')) {
        throw new PactRunError(
            `${file} has no list of finished steps ("done"), so it is not a PACT setup state file: delete it or run with --fresh`,
            'input'
        );
    }
    return { ...empty, ...(state as object), done };
}

/** Writes the state through a file beside it and a rename, so that a run stopped mid-write leaves the old record whole. */
export function saveStepState(file: string, state: StepState): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(partial, `${JSON.stringify({ ...state, updatedAt: new Date().toISOString() }, null, 2)}\n`);
    fs.renameSync(partial, file);
}

/** What each setup says; `label` is "[3/10] the step's title". */
export interface StepWords {
    /** The line (stdout) before a step runs. */
    starting(label: string): string;
    /** The line (stdout) for a step a previous run finished. */
    doneBefore(label: string): string;
    /** The line (stdout) after a step ran, or undefined to print nothing. */
    finished(step: ResumableStep, detail: string): string | undefined;
    /** What stderr says when a step fails: `number` is the step's (from 1), `finished` the steps kept in the state. */
    failed(error: unknown, at: { number: number; finished: number }): string;
}

export interface StepRun {
    ok: boolean;
    /** What each step that ran this time resolved with, by id. */
    details: Map<string, string>;
}

/**
 * Runs `steps` in order: a skipped step says why and stays undone, a step done before says so (unless
 * it runs `always`), every other one is announced, run and recorded in `file` as soon as it succeeds.
 * The first failure stops the run; what finished before it stays recorded.
 */
export async function runSteps(
    steps: ResumableStep[],
    state: StepState,
    file: string,
    io: { stdout(text: string): void; stderr(text: string): void },
    words: StepWords
): Promise<StepRun> {
    const details = new Map<string, string>();
    for (const [index, step] of steps.entries()) {
        const label = `[${index + 1}/${steps.length}] ${step.title}`;
        if (step.skip) {
            io.stdout(`${label}: skipped, ${step.skip}\n`);
            continue;
        }
        if (state.done.includes(step.id) && !step.always) {
            io.stdout(`${words.doneBefore(label)}\n`);
            continue;
        }
        io.stdout(`${words.starting(label)}\n`);
        try {
            const detail = await step.run();
            details.set(step.id, detail);
            const line = words.finished(step, detail);
            if (line !== undefined) io.stdout(`${line}\n`);
        } catch (error) {
            io.stderr(words.failed(error, { number: index + 1, finished: state.done.length }));
            return { ok: false, details };
        }
        if (!state.done.includes(step.id)) state.done.push(step.id);
        saveStepState(file, state);
    }
    return { ok: true, details };
}
