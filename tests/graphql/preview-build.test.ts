/**
 * The preview's component build (scripts/preview/build.ts) on a small throw-away package: labels come
 * from the labels XML, schema imports become field descriptors, and a component that cannot build is
 * left out with its reason while the others still build.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { BuildResult } from '../../scripts/preview/build';
import { lwcRuntime } from '../../scripts/preview/lwcRuntime';
import { listComponents, readLabels } from '../../scripts/preview/components';

const REPO = path.resolve(__dirname, '../..');
let dir: string;

const META = (exposed: boolean) => `<?xml version="1.0" encoding="UTF-8"?>
<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>66.0</apiVersion>
    <isExposed>${exposed}</isExposed>
</LightningComponentBundle>`;

function component(name: string, js: string, html: string | null, exposed = true) {
    const folder = path.join(dir, 'force-app', 'main', 'default', 'lwc', name);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `${name}.js`), js);
    if (html !== null) fs.writeFileSync(path.join(folder, `${name}.html`), html);
    fs.writeFileSync(path.join(folder, `${name}.js-meta.xml`), META(exposed));
}

beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-build-'));
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    // The LWC module resolver looks for the project's package.json.
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'pact-build-fixture', private: true }));
    const labels = path.join(dir, 'force-app', 'main', 'default', 'labels');
    fs.mkdirSync(labels, { recursive: true });
    fs.writeFileSync(
        path.join(labels, 'CustomLabels.labels-meta.xml'),
        `<?xml version="1.0" encoding="UTF-8"?>
<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">
    <labels>
        <fullName>PACT_Test_Title</fullName>
        <language>en_US</language>
        <protected>false</protected>
        <shortDescription>Title</shortDescription>
        <value>What the customer said</value>
    </labels>
</CustomLabels>`
    );
    component(
        'cardTitle',
        `import { LightningElement } from 'lwc';
import TITLE from '@salesforce/label/c.PACT_Test_Title';
import DETAILS from '@salesforce/schema/High_Card__c.Details__c';
import { wordCount } from 'c/helper';
export default class CardTitle extends LightningElement {
    title = TITLE;
    field = DETAILS.fieldApiName;
    words = wordCount(TITLE);
}`,
        '<template><h2>{title}</h2><p>{field} {words}</p></template>'
    );
    component('helper', 'export const wordCount = (text) => text.split(" ").length;', null, false);
    component(
        'needsChannel',
        `import { LightningElement } from 'lwc';
import CHANNEL from '@salesforce/messageChannel/Not_Defined__c';
export default class NeedsChannel extends LightningElement { channel = CHANNEL; }`,
        '<template><p>channel</p></template>'
    );
    component(
        'brokenTemplate',
        `import { LightningElement } from 'lwc';
export default class BrokenTemplate extends LightningElement { label = 'x'; }`,
        '<template><p class="{label}">quoted expressions are a compile error in LWC</p></template>'
    );
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The LWC rollup plugin is ESM only, which jest's CommonJS runtime cannot load: build in a tsx child. */
function buildPreview(repoDir: string, cacheDir: string): BuildResult {
    const script = path.join(dir, 'run-build.ts');
    fs.writeFileSync(
        script,
        `import { buildPreview } from ${JSON.stringify(path.join(REPO, 'scripts', 'preview', 'build'))};
buildPreview(${JSON.stringify(repoDir)}, ${JSON.stringify(cacheDir)}).then((r) => process.stdout.write(JSON.stringify(r)));`
    );
    const run = spawnSync(path.join(REPO, 'node_modules', '.bin', 'tsx'), [script], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024
    });
    if (run.status !== 0) throw new Error(`The build failed:\n${run.stderr}`);
    return JSON.parse(run.stdout) as BuildResult;
}

describe('the preview build', () => {
    it('lists components with a meta file and reads label values', () => {
        const lwcDir = path.join(dir, 'force-app', 'main', 'default', 'lwc');
        expect(listComponents(lwcDir).map((c) => [c.name, c.exposed])).toEqual([
            ['brokenTemplate', true],
            ['cardTitle', true],
            ['helper', false],
            ['needsChannel', true]
        ]);
        expect(readLabels(path.join(dir, 'force-app')).get('PACT_Test_Title')).toBe('What the customer said');
    });

    it('builds the components that compile, and names the ones that do not with the reason', () => {
        const result = buildPreview(dir, path.join(dir, 'cache'));
        expect(result.components).toEqual(['cardTitle']);
        expect(result.skipped.map((s) => s.name).sort()).toEqual(['brokenTemplate', 'needsChannel']);
        expect(result.skipped.find((s) => s.name === 'needsChannel')!.reason).toContain('Not_Defined__c');
        expect(result.skipped.find((s) => s.name === 'brokenTemplate')!.reason).toMatch(/LWC1034|Ambiguous/);
        expect(result.code).toContain('What the customer said');
        // Minified (esbuild): the descriptor keeps its value, not its spacing or quotes.
        expect(result.code).toMatch(/fieldApiName"?:"Details__c"/);
        expect(result.code.split('\n').length).toBeLessThan(200);
        expect(result.hash).toMatch(/^[0-9a-f]{16}$/);
        // One LWC version: the bundle's engine is the compiler's (a mismatch logs an error on every page).
        const { compilerVersion, modules } = lwcRuntime(REPO);
        for (const file of modules.values()) {
            const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(file), '..', 'package.json'), 'utf8'));
            expect(pkg.version).toBe(compilerVersion);
        }
        expect(result.code).toContain(`"${compilerVersion}"`);
        expect(result.code).not.toContain('"8.28.2"');
        expect(result.missingLabels).toEqual([]);
        // A second build with nothing changed is served from the cache.
        const again = buildPreview(dir, path.join(dir, 'cache'));
        expect(again.fromCache).toBe(true);
        expect(again.components).toEqual(['cardTitle']);
        // A stylesheet added beside an unchanged component is picked up (its .js and .html did not change).
        fs.writeFileSync(
            path.join(dir, 'force-app', 'main', 'default', 'lwc', 'cardTitle', 'cardTitle.css'),
            'h2 { color: rebeccapurple; }'
        );
        const styled = buildPreview(dir, path.join(dir, 'cache'));
        expect(styled.fromCache).toBe(false);
        expect(styled.code).toContain('rebeccapurple');
    }, 240_000);
});
