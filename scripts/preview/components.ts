/**
 * What the preview reads from force-app besides the component sources: which components exist (and
 * may be placed on a page), the custom label values and the message channels. Plain file reading, so
 * tests and the server use it without loading the bundler.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export interface ComponentInfo {
    name: string;
    dir: string;
    jsFile: string;
    exposed: boolean;
    targets: string[];
}

const xml = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    isArray: (n) => n === 'target' || n === 'labels'
});

/** The components of force-app that have a JavaScript file and a meta file. */
export function listComponents(lwcDir: string): ComponentInfo[] {
    if (!fs.existsSync(lwcDir)) return [];
    return fs
        .readdirSync(lwcDir)
        .sort()
        .flatMap((name) => {
            const dir = path.join(lwcDir, name);
            const jsFile = path.join(dir, `${name}.js`);
            const metaFile = path.join(dir, `${name}.js-meta.xml`);
            if (!fs.existsSync(jsFile) || !fs.existsSync(metaFile)) return [];
            try {
                const meta = xml.parse(fs.readFileSync(metaFile, 'utf8')).LightningComponentBundle ?? {};
                return [
                    {
                        name,
                        dir,
                        jsFile,
                        exposed: String(meta.isExposed) === 'true',
                        targets: (meta.targets?.target ?? []).map(String)
                    }
                ];
            } catch {
                return [];
            }
        });
}

/** Custom label values from every *.labels-meta.xml under force-app. */
export function readLabels(forceAppDir: string): Map<string, string> {
    const labels = new Map<string, string>();
    const visit = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) visit(full);
            else if (entry.name.endsWith('.labels-meta.xml')) {
                const parsed = xml.parse(fs.readFileSync(full, 'utf8')).CustomLabels ?? {};
                for (const label of parsed.labels ?? []) labels.set(String(label.fullName), String(label.value ?? ''));
            }
        }
    };
    if (fs.existsSync(forceAppDir)) visit(forceAppDir);
    return labels;
}

/** Lightning message channels defined in force-app (messageChannels/<Name>.messageChannel-meta.xml). */
export function readMessageChannels(repoDir: string): Set<string> {
    const dir = path.join(repoDir, 'force-app', 'main', 'default', 'messageChannels');
    if (!fs.existsSync(dir)) return new Set();
    return new Set(
        fs
            .readdirSync(dir)
            .filter((f) => f.endsWith('.messageChannel-meta.xml'))
            .map((f) => f.replace(/\.messageChannel-meta\.xml$/, ''))
    );
}
