// npm run build: the offline build and check of everything PACT ships. Each step says what it does.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const steps = [
    // [description, command, args]
    ['Check the validation rules are generated from the rulebook', 'npx', ['tsx', 'scripts/generate.ts', '--check']],
    [
        'Convert force-app to a deployable package (sf project convert source)',
        'npx',
        ['sf', 'project', 'convert', 'source', '--source-dir', 'force-app', '--output-dir', 'dist/force-app-mdapi']
    ],
    [
        'Build the Dynamics 365 control in production mode (pcf-scripts; fails on any pcf error)',
        'npx',
        ['tsx', 'pcf/scripts/build-control.ts']
    ],
    [
        'Pack the Dataverse solution PACT from the built control (pcf/out/solution/PACT.zip)',
        'npx',
        ['tsx', 'pcf/scripts/pack-solution.ts']
    ]
];

// The check Dataverse runs before an import, when the shared tools are checked out beside the repository.
const dvsolutionCheck = new URL('../../shared/tools/dvsolution-check', import.meta.url).pathname;
if (existsSync(dvsolutionCheck)) {
    steps.push([
        'Check the solution zip as Dataverse does before an import (dvsolution-check)',
        dvsolutionCheck,
        ['pcf/out/solution/PACT.zip']
    ]);
} else console.log('(dvsolution-check not found beside the repository: the solution zip is not schema-checked here)');

for (const [description, command, args] of steps) {
    console.log(`\n> ${description}`);
    const result = spawnSync(command, args, {
        stdio: 'inherit',
        env: {
            ...process.env,
            SF_DISABLE_TELEMETRY: 'true',
            SF_AUTOUPDATE_DISABLE: 'true',
            PP_TOOLS_TELEMETRY_OPTOUT: 'true'
        }
    });
    if (result.status !== 0) {
        console.error(`\nBuild failed at: ${description}`);
        process.exit(result.status ?? 1);
    }
}
console.log('\nBuild succeeded.');
