// The Metadata API schema check (../shared/tools/sfmeta-check, Salesforce's metadata.wsdl v66) on what
// pact setup --demo and pact block deploy besides force-app: the demo legacy org, its blocking rules, and
// the rules pact block writes for the legacy source fixture. tests/metadata/sfmeta-check.test.ts covers force-app.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { auditModel } from '../../scripts/lib/audit';
import { planBlockRules, renderBlockFolder } from '../../scripts/lib/audit/block-rules';
import { readSourceDir } from '../../scripts/lib/metadata/source-reader';

const REPO = path.resolve(__dirname, '..', '..');
const checker = path.resolve(REPO, '..', 'shared', 'tools', 'sfmeta-check');
const present = fs.existsSync(checker);
if (!present) console.log(`Skipping the schema check of the demo folders: ${path.relative(REPO, checker)} is absent.`);

function check(dir: string) {
    const result = spawnSync(checker, [dir], { cwd: REPO, encoding: 'utf8' });
    const summary = /(\d+) files checked, (\d+) with problems/.exec(result.stdout);
    return {
        status: result.status,
        files: Number(summary?.[1]),
        problems: result.stdout.split('\n').filter((line) => /:\d+: /.test(line))
    };
}

(present ? describe : describe.skip)('sfmeta-check on what the demo and pact block deploy', () => {
    it.each(['config/demo-legacy-org', 'config/demo-legacy-org-blocked'])('%s has no schema problems', (dir) => {
        const result = check(path.join(REPO, dir));
        expect(result.problems).toEqual([]);
        expect(result.files).toBeGreaterThan(0);
        expect(result.status).toBe(0);
    });

    it('the rules pact block writes for the legacy fixture have no schema problems', () => {
        const model = readSourceDir(path.join(REPO, 'tests', 'cli', 'fixtures', 'legacy-source'));
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-block-schema-'));
        try {
            for (const [file, content] of renderBlockFolder(planBlockRules(auditModel(model), model))) {
                fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
                fs.writeFileSync(path.join(dir, file), content);
            }
            const result = check(dir);
            expect(result.problems).toEqual([]);
            expect(result.files).toBeGreaterThan(0);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
