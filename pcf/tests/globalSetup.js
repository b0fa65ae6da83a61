// Before the pcf tests: the types generated from the manifest (git-ignored, needed by ts-jest), so a
// fresh clone needs nothing but npm ci. pcf-scripts exits 0 on failure, so its output decides.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

module.exports = async () => {
    const pcfRoot = path.resolve(__dirname, '..');
    const run = spawnSync(
        process.execPath,
        [require.resolve('pcf-scripts/bin/pcf-scripts.js', { paths: [pcfRoot] }), 'refreshTypes'],
        { cwd: pcfRoot, encoding: 'utf8', env: { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: 'true', FORCE_COLOR: '0' } }
    );
    const output = `${run.stdout}${run.stderr}`;
    if (run.status !== 0 || !/\[refreshTypes\] Succeeded/.test(output)) {
        throw new Error(`pcf-scripts refreshTypes failed:\n${output}`);
    }
};
