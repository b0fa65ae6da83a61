// npm run bench: performance figures, printed as tables. Never timed assertions: these only measure.
// Runs every tests/bench/*.bench.ts with tsx and every tests/bench/lwc/*.bench.js in jest (jsdom + LWC).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const benchDir = path.join(root, 'tests/bench');
let failed = false;

const run = (label, command, args) => {
    console.log(`\n=== ${label} ===`);
    const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, PACT_BENCH: '1' } });
    if (result.status !== 0) failed = true;
};

for (const file of readdirSync(benchDir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort()) {
    run(file, 'npx', ['tsx', path.join('tests/bench', file)]);
}
if (existsSync(path.join(benchDir, 'lwc'))) {
    run('LWC benchmarks (jsdom)', 'npx', ['jest', '--config', 'tests/bench/lwc/jest.config.js', '--verbose=false']);
}
process.exit(failed ? 1 : 0);
