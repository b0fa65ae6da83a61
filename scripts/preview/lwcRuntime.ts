/**
 * Which LWC engine the preview bundles: the one matching the compiler the rollup plugin really runs.
 * Plain file reading (no bundler), so tests can check it under jest.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

/**
 * The LWC runtime matching the compiler the rollup plugin really runs. node_modules holds two LWC lines:
 * 8.28.2 at the top (sfdx-lwc-jest's, pinned for jest) and 9.x under lwc/ and @lwc/rollup-plugin/. A template
 * compiled by one version must run on the same engine, or every page logs "current engine is v8..., but
 * template was compiled with v9...". The versions are read from the packages Node resolves for the plugin.
 */
export function lwcRuntime(repoDir: string): { compilerVersion: string; modules: Map<string, string> } {
    const versionOf = (packageJson: string) =>
        (JSON.parse(fs.readFileSync(packageJson, 'utf8')) as { version: string }).version;
    const fromPlugin = createRequire(path.join(repoDir, 'node_modules', '@lwc', 'rollup-plugin', 'package.json'));
    const compilerVersion = versionOf(fromPlugin.resolve('@lwc/compiler/package.json'));
    const pick = (pkg: string) => {
        const candidates = [
            path.join(repoDir, 'node_modules', 'lwc', 'node_modules', '@lwc', pkg),
            path.join(repoDir, 'node_modules', '@lwc', 'rollup-plugin', 'node_modules', '@lwc', pkg),
            path.join(repoDir, 'node_modules', '@lwc', pkg)
        ].filter((dir) => fs.existsSync(path.join(dir, 'package.json')));
        const dir = candidates.find((d) => versionOf(path.join(d, 'package.json')) === compilerVersion);
        if (!dir) {
            throw new Error(
                `No @lwc/${pkg} ${compilerVersion} in node_modules to match the LWC compiler the preview builds with (found ${candidates.map((d) => versionOf(path.join(d, 'package.json'))).join(', ') || 'none'}): run npm ci`
            );
        }
        return path.join(dir, 'dist', 'index.js');
    };
    return {
        compilerVersion,
        modules: new Map([
            ['lwc', pick('engine-dom')],
            ['@lwc/engine-dom', pick('engine-dom')],
            ['@lwc/synthetic-shadow', pick('synthetic-shadow')],
            ['@lwc/wire-service', pick('wire-service')]
        ])
    };
}
