// Size of what PACT ships to Dynamics 365: the production bundle of the High Cards control (budget
// 20 KB: React and Fluent come from the platform) and the solution zip. Measures only; npm run bench.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUNDLE_BUDGET_BYTES, buildControl } from '../../pcf/scripts/build-control';
import { packSolution } from '../../pcf/scripts/pack-solution';

async function main(): Promise<void> {
    const started = Date.now();
    const build = buildControl(undefined, 'production');
    const buildMs = Date.now() - started;
    if (!build.ok) throw new Error(`PCF build failed: ${build.reason}`);
    const bundle = readFileSync(build.bundlePath as string);
    const temp = mkdtempSync(path.join(os.tmpdir(), 'pact-pcf-bench-'));
    try {
        const { file } = await packSolution(path.dirname(build.bundlePath as string), path.join(temp, 'PACT.zip'));
        console.table([
            {
                measure: 'bundle.js (production)',
                bytes: bundle.length,
                'gzip bytes': gzipSync(bundle).length,
                budget: BUNDLE_BUDGET_BYTES,
                'of budget': `${((100 * bundle.length) / BUNDLE_BUDGET_BYTES).toFixed(1)} %`
            },
            { measure: 'PACT solution zip', bytes: statSync(file).size, 'gzip bytes': '', budget: '', 'of budget': '' },
            { measure: 'production build time (ms)', bytes: buildMs, 'gzip bytes': '', budget: '', 'of budget': '' }
        ]);
    } finally {
        rmSync(temp, { recursive: true, force: true });
    }
}

main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
});
