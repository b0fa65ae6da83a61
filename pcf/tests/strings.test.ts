/**
 * @jest-environment node
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PCF_ROOT, loadResx } from './harness';

const control = path.join(PCF_ROOT, 'PactHighCards');
const resx = loadResx();
const sources = readdirSync(path.join(control, 'components'))
    .map((f) => readFileSync(path.join(control, 'components', f), 'utf8'))
    .join('\n');
const manifest = readFileSync(path.join(control, 'ControlManifest.Input.xml'), 'utf8');

describe('control strings (strings/PactHighCards.1033.resx)', () => {
    const usedInCode = [...sources.matchAll(/strings\.(?:get|format)\('([A-Za-z_]+)'/g)].map((m) => m[1]);
    const usedInManifest = [...manifest.matchAll(/-key="([A-Za-z_]+)"/g)].map((m) => m[1]);

    it('has every key the components and the manifest read', () => {
        expect(usedInCode.length).toBeGreaterThan(15);
        expect([...usedInCode, ...usedInManifest].filter((key) => !(key in resx))).toEqual([]);
    });

    it('has no unused strings', () => {
        const used = new Set([...usedInCode, ...usedInManifest]);
        expect(Object.keys(resx).filter((key) => !used.has(key))).toEqual([]);
    });

    it('never shows reps the words PACT avoids', () => {
        const words = Object.values(resx).join('\n');
        expect(words).not.toMatch(/\bCRM\b|activity logging|\bSFA\b/i);
    });
});
