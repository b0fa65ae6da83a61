/**
 * The Dynamics 365 page of the preview: the PCF control built by pcf/ (pcf/out/controls/...), if
 * present, with a small in-page dataset and webAPI over the preview's store.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PreviewStore } from './store';

const CONTROL_DIR = ['pcf', 'out', 'controls', 'PactHighCards'];

export function pcfBundle(repoDir: string, file: string): { body: Buffer; type: string } | null {
    const dir = path.join(repoDir, ...CONTROL_DIR);
    const full = path.normalize(path.join(dir, file));
    if (!full.startsWith(dir) || !fs.existsSync(full) || !fs.statSync(full).isFile()) return null;
    const type = full.endsWith('.js')
        ? 'text/javascript; charset=utf-8'
        : full.endsWith('.css')
          ? 'text/css'
          : 'text/plain';
    return { body: fs.readFileSync(full), type };
}

export function dynamicsPage(repoDir: string, _store: PreviewStore): { body: string } {
    const built = fs.existsSync(path.join(repoDir, ...CONTROL_DIR, 'bundle.js'));
    return {
        body: built
            ? '<p>The Dynamics 365 control is built (pcf/out/controls/PactHighCards). Its in-page host is not wired up yet.</p>'
            : '<p>The Dynamics 365 control is not built yet: run <code>npm run build</code> (pcf workspace) first.</p>'
    };
}
