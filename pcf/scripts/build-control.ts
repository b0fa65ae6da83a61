/**
 * Builds the PCF control with pcf-scripts and FAILS when pcf-scripts fails. pcf-scripts exits 0 even
 * when the manifest is invalid or webpack fails, so success is decided from its "[build] Succeeded"
 * line, and the production bundle must stay within the size budget.
 *
 *   npx tsx pcf/scripts/build-control.ts [--project DIR] [--mode production|development]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export const PCF_ROOT = path.resolve(__dirname, '..');
export const BUNDLE_BUDGET_BYTES = 20 * 1024;
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const PCF_SCRIPTS = path.join(PCF_ROOT, 'node_modules/pcf-scripts/bin/pcf-scripts.js');

export interface BuildResult {
    ok: boolean;
    output: string;
    /** Why the build counts as failed; empty when ok. */
    reason: string;
    bundlePath?: string;
    bundleBytes?: number;
}

const pcfArgs = (mode: string) => [PCF_SCRIPTS, 'build', '--buildMode', mode];
const pcfEnv = () => ({ ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: 'true', FORCE_COLOR: '0' });

export function buildControl(projectDir = PCF_ROOT, mode: 'production' | 'development' = 'production'): BuildResult {
    if (!existsSync(PCF_SCRIPTS)) return notInstalled();
    const run = spawnSync(process.execPath, pcfArgs(mode), { cwd: projectDir, encoding: 'utf8', env: pcfEnv() });
    return judge(projectDir, mode, `${run.stdout ?? ''}${run.stderr ?? ''}`, run.status, run.error);
}

/**
 * The same build without blocking the event loop: the preview server builds the control on first
 * use while it keeps answering (a blocking build left dead keep-alive sockets behind).
 */
export function buildControlAsync(
    projectDir = PCF_ROOT,
    mode: 'production' | 'development' = 'production'
): Promise<BuildResult> {
    if (!existsSync(PCF_SCRIPTS)) return Promise.resolve(notInstalled());
    return new Promise((resolve) => {
        const child = spawn(process.execPath, pcfArgs(mode), { cwd: projectDir, env: pcfEnv() });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('error', (error) => resolve(judge(projectDir, mode, output, null, error)));
        child.on('close', (status) => resolve(judge(projectDir, mode, output, status)));
    });
}

const notInstalled = (): BuildResult => ({
    ok: false,
    output: '',
    reason: `pcf-scripts is not installed (${PCF_SCRIPTS}): run npm ci`
});

/** Pass or fail from pcf-scripts' output, its exit code, the bundle and the size budget. */
function judge(projectDir: string, mode: string, raw: string, status: number | null, error?: Error): BuildResult {
    // Colour codes out, so the reason reads cleanly in a log and a test can match the pcf error.
    const output = raw.replace(ANSI, '');
    const fail = (reason: string): BuildResult => ({ ok: false, output, reason });
    if (error) return fail(`pcf-scripts did not run: ${error.message}`);
    // Depending on the failure pcf-scripts exits 0 or 1: only its success line counts.
    if (status !== 0 || /\[build\] Failed/.test(output) || !/\[build\] Succeeded/.test(output)) {
        const errors = output.split('\n').filter((line) => /error|\[pcf-\d+\]/i.test(line));
        return fail(
            `pcf-scripts did not succeed (exit code ${status})${errors.length ? `:\n${errors.join('\n')}` : ''}`
        );
    }
    const outDir = path.join(projectDir, 'out/controls');
    const controls = existsSync(outDir) ? readdirSync(outDir) : [];
    const bundlePath = controls.map((c) => path.join(outDir, c, 'bundle.js')).find((p) => existsSync(p));
    if (!bundlePath) return fail(`no bundle.js under ${outDir}`);
    const bundleBytes = statSync(bundlePath).size;
    if (mode === 'production' && bundleBytes > BUNDLE_BUDGET_BYTES) {
        return {
            ...fail(`bundle.js is ${bundleBytes} bytes, over the ${BUNDLE_BUDGET_BYTES}-byte budget`),
            bundlePath,
            bundleBytes
        };
    }
    return { ok: true, output, reason: '', bundlePath, bundleBytes };
}

/** Newest modification time of the files the bundle is built from (the control and the rulebook). */
function newestSource(projectDir: string): number {
    const walk = (dir: string): number[] =>
        readdirSync(dir, { withFileTypes: true })
            .filter((e) => e.name !== 'generated' && e.name !== 'node_modules' && e.name !== 'out')
            .flatMap((e) =>
                e.isDirectory() ? walk(path.join(dir, e.name)) : [statSync(path.join(dir, e.name)).mtimeMs]
            );
    const rulebook = path.resolve(projectDir, '../force-app/main/default/lwc/pactRules');
    return Math.max(
        ...walk(path.join(projectDir, 'PactHighCards')),
        ...walk(rulebook),
        ...['pcfconfig.json', 'babel.config.js', 'tsconfig.json']
            .map((f) => path.join(projectDir, f))
            .filter((f) => existsSync(f))
            .map((f) => statSync(f).mtimeMs)
    );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds the control unless an up-to-date production bundle exists. Tests call this (jest globalSetup,
 * browser test beforeAll), so a fresh clone needs nothing but npm ci; a lock keeps parallel callers
 * from building into the same folder at once.
 */
export async function ensureControlBuilt(projectDir = PCF_ROOT): Promise<BuildResult> {
    const lock = path.join(projectDir, 'out/.build-lock');
    mkdirSync(path.dirname(lock), { recursive: true });
    const started = Date.now();
    for (;;) {
        try {
            mkdirSync(lock);
            break;
        } catch {
            // Another process is building; a lock older than 5 minutes is left over from a killed run.
            if (Date.now() - statSync(lock).mtimeMs > 300000) rmSync(lock, { recursive: true, force: true });
            else if (Date.now() - started > 300000) throw new Error(`Timed out waiting for ${lock}`);
            else await sleep(500);
        }
    }
    try {
        const bundle = path.join(projectDir, 'out/controls/PactHighCards/bundle.js');
        if (existsSync(bundle) && statSync(bundle).mtimeMs > newestSource(projectDir)) {
            return { ok: true, output: '', reason: '', bundlePath: bundle, bundleBytes: statSync(bundle).size };
        }
        const result = await buildControlAsync(projectDir, 'production');
        if (!result.ok) throw new Error(`PCF build failed: ${result.reason}\n${result.output}`);
        return result;
    } finally {
        rmSync(lock, { recursive: true, force: true });
    }
}

if (require.main === module) {
    const arg = (name: string) => {
        const i = process.argv.indexOf(name);
        return i >= 0 ? process.argv[i + 1] : undefined;
    };
    const mode = arg('--mode') === 'development' ? 'development' : 'production';
    const result = buildControl(path.resolve(arg('--project') ?? PCF_ROOT), mode);
    process.stdout.write(result.output);
    if (!result.ok) {
        console.error(`\nPCF build failed: ${result.reason}`);
        process.exit(1);
    }
    console.log(
        `\nPCF build ok (${mode}): ${path.relative(process.cwd(), result.bundlePath ?? '')} ${result.bundleBytes} bytes`
    );
}
