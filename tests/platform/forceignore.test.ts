/**
 * Defect 1 (issue 10): without a .forceignore, source-deploy-retrieve puts every LWC's __tests__ files and
 * JSON fixtures into the bundles it sends, and the server rejects a bundle file that imports
 * createElement from lwc (LWC1702), rolling the whole deploy back. Sources: trailheadapps/lwc-recipes#48,
 * salesforce/sfdx-lwc-jest#157; Salesforce DX Developer Guide, "Exclude Source When Syncing or Converting".
 * The proof is the offline conversion itself (what `sf project convert source` and a deploy send): this
 * test fails on the tree before .forceignore existed, which the second case rebuilds.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';

const REPO = path.resolve(__dirname, '..', '..');
const NOT_METADATA =
    /(^|\/)(__tests__|__mocks__|jest-mocks)\/|(^|\/)(jsconfig|tsconfig|\.eslintrc)\.json$|jest-setup\.js$|\.test\.js$/;

/** Every file a conversion of `dir` writes, relative to the output folder. */
async function converted(dir: string): Promise<string[]> {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-convert-'));
    try {
        await new MetadataConverter().convert(ComponentSet.fromSource(dir), 'metadata', {
            type: 'directory',
            outputDirectory: out,
            genUniqueDir: false
        });
        return (fs.readdirSync(out, { recursive: true }) as string[])
            .map((f) => f.split(path.sep).join('/'))
            .filter((f) => fs.statSync(path.join(out, f)).isFile());
    } finally {
        fs.rmSync(out, { recursive: true, force: true });
    }
}

describe('.forceignore keeps what is not metadata out of the deploy', () => {
    it('a conversion of force-app sends no test, fixture, mock or config file, and every LWC bundle', async () => {
        const files = await converted(path.join(REPO, 'force-app'));
        expect(files.filter((f) => NOT_METADATA.test(f) || (f.startsWith('lwc/') && f.endsWith('.json')))).toEqual([]);
        const bundles = fs.readdirSync(path.join(REPO, 'force-app', 'main', 'default', 'lwc'));
        for (const bundle of bundles) expect(files).toContain(`lwc/${bundle}/${bundle}.js-meta.xml`);
        // No bundle file imports createElement (LWC1702): only tests do that.
        for (const f of files.filter((x) => x.startsWith('lwc/') && x.endsWith('.js'))) {
            const source = fs.readFileSync(path.join(REPO, 'force-app', 'main', 'default', f), 'utf8');
            expect({ f, createElement: /import\s*{[^}]*\bcreateElement\b[^}]*}\s*from\s*'lwc'/.test(source) }).toEqual({
                f,
                createElement: false
            });
        }
    }, 120000);

    it('without it (the tree before this fix), the same conversion carries the tests into the bundles', async () => {
        const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-noignore-'));
        try {
            // A bundle with a test beside it, in a folder with no .forceignore above it.
            const lwc = path.join(REPO, 'force-app', 'main', 'default', 'lwc', 'pactFormKeys');
            fs.cpSync(lwc, path.join(copy, 'main', 'default', 'lwc', 'pactFormKeys'), { recursive: true });
            const files = await converted(copy);
            expect(files.filter((f) => NOT_METADATA.test(f)).length).toBeGreaterThan(0);
        } finally {
            fs.rmSync(copy, { recursive: true, force: true });
        }
    }, 120000);

    it('ignores the files the Salesforce sample apps ignore', () => {
        const lines = fs.readFileSync(path.join(REPO, '.forceignore'), 'utf8').split('\n');
        expect(lines).toEqual(
            expect.arrayContaining(['**/__tests__/**', '**/jsconfig.json', '**/.eslintrc.json', 'package.xml'])
        );
    });
});
