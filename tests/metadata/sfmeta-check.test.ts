// Checks every *-meta.xml in force-app against Salesforce's own Metadata API schema with the
// shared checker (../shared/tools/sfmeta-check beside the repository).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..');
const checker = path.resolve(repoRoot, '..', 'shared', 'tools', 'sfmeta-check');
const present = fs.existsSync(checker);

if (!present) {
    console.log(
        `Skipping the metadata schema check: ${path.relative(repoRoot, checker)} is absent (the shared tools folder sits beside the repository in CI and on developer machines).`
    );
}

(present ? describe : describe.skip)('sfmeta-check force-app', () => {
    it('finds no problems in any metadata file', () => {
        const result = spawnSync(checker, ['force-app'], { cwd: repoRoot, encoding: 'utf8' });
        const summary = /(\d+) files checked, (\d+) with problems/.exec(result.stdout);
        expect(result.stderr).toBe('');
        expect({ problems: result.stdout.split('\n').filter((line) => /:\d+: /.test(line)) }).toEqual({ problems: [] });
        expect(summary).not.toBeNull();
        expect(Number(summary?.[1])).toBeGreaterThan(40);
        expect(Number(summary?.[2])).toBe(0);
        expect(result.status).toBe(0);
    });
});
