/**
 * @jest-environment node
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUNDLE_BUDGET_BYTES, PCF_ROOT, ensureControlBuilt } from '../scripts/build-control';

const REPO = path.resolve(PCF_ROOT, '..');

describe('PCF build wrapper', () => {
    let temp: string;
    beforeAll(() => {
        temp = mkdtempSync(path.join(os.tmpdir(), 'pact-pcf-'));
    });
    afterAll(() => rmSync(temp, { recursive: true, force: true }));

    it('fails with the pcf error when the manifest is broken (pcf-scripts itself exits 0)', () => {
        cpSync(path.join(PCF_ROOT, 'PactHighCards'), path.join(temp, 'PactHighCards'), {
            recursive: true,
            filter: (src) => !src.includes(`${path.sep}generated`)
        });
        cpSync(path.join(PCF_ROOT, 'pcfconfig.json'), path.join(temp, 'pcfconfig.json'));
        // The project's tsconfig, with its base resolved from the workspace's pcf-scripts.
        const tsconfig = JSON.parse(readFileSync(path.join(PCF_ROOT, 'tsconfig.json'), 'utf8'));
        tsconfig.extends = path.join(PCF_ROOT, tsconfig.extends);
        writeFileSync(path.join(temp, 'tsconfig.json'), JSON.stringify(tsconfig));
        const manifest = path.join(temp, 'PactHighCards/ControlManifest.Input.xml');
        // A control without its constructor: the platform could never instantiate it.
        const broken = readFileSync(manifest, 'utf8').replace(' constructor="PactHighCards"', '');
        expect(broken).not.toContain('constructor=');
        writeFileSync(manifest, broken);

        const wrapper = spawnSync('npx', ['tsx', path.join(PCF_ROOT, 'scripts/build-control.ts'), '--project', temp], {
            cwd: REPO,
            encoding: 'utf8'
        });
        expect(wrapper.status).toBe(1);
        expect(wrapper.stderr).toContain('PCF build failed: pcf-scripts did not succeed');
        expect(wrapper.stderr).toMatch(
            /\[pcf-\d{4}\] \[Error\] Manifest validation problem: .* requires property "constructor"/
        );
    }, 120000);

    it('builds the real control in production mode within the bundle budget', async () => {
        const result = await ensureControlBuilt();
        expect(result.ok).toBe(true);
        expect(result.bundleBytes).toBeGreaterThan(1000);
        expect(result.bundleBytes).toBeLessThanOrEqual(BUNDLE_BUDGET_BYTES);
        const bundle = readFileSync(result.bundlePath as string, 'utf8');
        // React and Fluent come from the platform, the rulebook is inside, and the control registers itself.
        expect(bundle).toContain('Reactv16');
        expect(bundle).toContain('FluentUIReactv940');
        expect(bundle).not.toContain('react-dom.production');
        expect(bundle).toContain('PACT keeps what the customer said or did');
        // The rulebook's admin text for Salesforce stays out (babel.config.js); its messages stay in.
        expect(bundle).not.toMatch(/\bformula:/);
        expect(bundle).not.toContain('REGEX(');
        expect(bundle).toContain("ComponentFramework.registerControl('Pact.PactHighCards'");
    }, 240000);
});
