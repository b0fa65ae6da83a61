/** Shared by the pact CLI tests and the audit benchmark. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CliIo } from '../../scripts/cli/io';

export const REPO = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.join(REPO, 'tests', 'cli', 'fixtures');
export const SOURCE_FIXTURE = path.join(FIXTURES, 'legacy-source');
export const MDAPI_FIXTURE = path.join(FIXTURES, 'legacy-mdapi');

/** Runs the real command, as an admin would: node scripts/bin/pact.mjs ... */
export function runPact(args: string[], cwd = REPO) {
    const result = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'bin', 'pact.mjs'), ...args], {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, SF_DISABLE_TELEMETRY: 'true', SF_AUTOUPDATE_DISABLE: 'true' }
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** An in-memory CliIo that records what a command prints. */
export function memoryIo(overrides: Partial<CliIo> = {}) {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
        stdout: (t) => void out.push(t),
        stderr: (t) => void err.push(t),
        stderrIsTTY: false,
        cwd: REPO,
        ...overrides
    };
    return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

/** Every file under `dir` as relative path -> content. */
export function readTree(dir: string): Map<string, string> {
    const files = new Map<string, string>();
    const walk = (d: string) => {
        for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
            const full = path.join(d, entry.name);
            if (entry.isDirectory()) walk(full);
            else files.set(path.relative(dir, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
        }
    };
    walk(dir);
    return files;
}
