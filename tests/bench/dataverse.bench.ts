// What `pact setup --dataverse` and `pact audit --dataverse` ask of an environment: Web API requests per
// step on a fresh environment and on a second run, and the audit's reads, against the local fake Web
// API (tests/dataverse/fake). A real environment answers slower; the request counts are the same.
// Measures only; npm run bench.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setupDataverse } from '../../scripts/cli/setup-dataverse';
import { startFakeDataverse } from '../dataverse/fake/server';
import { loadEnvironment } from '../dataverse/fake/legacy-environment';
import { runPact } from '../dataverse/fake/pact';

async function main(): Promise<void> {
    const fake = await startFakeDataverse();
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-dv-bench-'));
    const zip = path.join(root, 'PACT.zip');
    fs.writeFileSync(zip, 'PK bench');
    const quiet = { stdout: () => undefined, stderr: () => undefined, stderrIsTTY: false, cwd: root };
    const deps = { root, sleep: async () => undefined, tokens: { token: async () => fake.token } };
    try {
        const rows: Record<string, string | number>[] = [];
        for (const run of [
            'fresh environment',
            'second run (state file)',
            'second run --fresh (no new schema; re-imports the zip)'
        ]) {
            const before = fake.requests.length;
            const started = Date.now();
            const args = ['--dataverse', fake.url, '--solution', zip, ...(run.includes('--fresh') ? ['--fresh'] : [])];
            await setupDataverse(args, quiet, deps);
            const requests = fake.requests.slice(before);
            rows.push({
                'pact setup --dataverse': run,
                requests: requests.length,
                writes: requests.filter((r) => r.method !== 'GET').length,
                'ms (local fake)': Date.now() - started
            });
        }
        console.table(rows);
        loadEnvironment(fake);
        const before = fake.requests.length;
        const started = Date.now();
        await runPact(fake, root, ['audit', '--dataverse', fake.url, '--json']);
        console.table([
            {
                'pact audit --dataverse': '2 tables, 1 view, 1 chart, 1 dashboard, 1 workflow',
                requests: fake.requests.length - before,
                'ms (local fake)': Date.now() - started
            }
        ]);
    } finally {
        await fake.close();
        fs.rmSync(root, { recursive: true, force: true });
    }
}

main().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
});
