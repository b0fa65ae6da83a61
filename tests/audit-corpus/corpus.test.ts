/**
 * The labelled corpus is committed as a manifest only (the orgs' repositories carry no licence):
 * these tests check the manifest always, and the labels against the orgs when they have been
 * rebuilt (npx tsx tests/audit-corpus/rebuild.ts). Quality figures are measured by npm run bench,
 * never asserted here.
 */
import { evaluate, isPresent, metrics, readManifest } from './corpus';

const manifest = readManifest();

describe('the audit corpus manifest', () => {
    it('labels at least 150 components of at least three real orgs, in both formats, each with its reason', () => {
        expect(manifest.labels.length).toBeGreaterThanOrEqual(150);
        const used = new Set(manifest.labels.map((l) => l.source));
        expect(used.size).toBeGreaterThanOrEqual(3);
        const formats = new Set(manifest.sources.filter((s) => used.has(s.id)).map((s) => s.format));
        expect([...formats].sort()).toEqual(['mdapi', 'source']);
        for (const label of manifest.labels) {
            expect(['activity-control', 'benign']).toContain(label.label);
            expect(['CustomField', 'Report', 'Dashboard']).toContain(label.componentType);
            expect(label.reason.length).toBeGreaterThan(5);
            expect(manifest.sources.map((s) => s.id)).toContain(label.source);
        }
        // Activity controls and benign components both, so recall and false flags both mean something.
        expect(manifest.labels.filter((l) => l.label === 'activity-control').length).toBeGreaterThanOrEqual(50);
        expect(manifest.labels.filter((l) => l.label === 'benign').length).toBeGreaterThanOrEqual(100);
    });

    it('labels each component once', () => {
        const keys = manifest.labels.map((l) => `${l.source}|${l.componentType}|${l.component}`);
        expect(keys.length).toBe(new Set(keys).size);
    });

    it('pins every org to a commit and says why its files are not committed', () => {
        for (const source of manifest.sources) {
            expect(source.repository).toMatch(/^[\w.-]+\/[\w.-]+$/);
            expect(source.commit).toMatch(/^[0-9a-f]{40}$/);
            expect(source.paths.every((p) => p.startsWith(`${source.root}/`))).toBe(true);
            expect(source.licence).toContain('not redistributed');
        }
    });
});

describe('the audit corpus, when rebuilt', () => {
    const present = manifest.sources.filter((s) => isPresent(s));

    it('finds every labelled component in its org', () => {
        if (present.length === 0) {
            console.warn('audit corpus not rebuilt (npx tsx tests/audit-corpus/rebuild.ts): label check skipped');
            return;
        }
        const { outcomes } = evaluate(manifest);
        expect(outcomes.filter((o) => !o.found).map((o) => `${o.label.source}: ${o.label.component}`)).toEqual([]);
        // Printed, not asserted: the goals are measured by npm run bench.
        const m = metrics(outcomes);
        console.log(`audit corpus: recall ${m.caught}/${m.activityControls}, false flags ${m.falseFlags}/${m.benign}`);
    }, 300000);
});
