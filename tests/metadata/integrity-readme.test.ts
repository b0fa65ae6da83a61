/**
 * The README's install steps stay true to the repository: every file they name exists, and every
 * permission set they describe is one force-app ships (and the other way round).
 */
import * as fs from 'fs';
import * as path from 'path';

const repoRoot = path.resolve(__dirname, '..', '..');

/** The text of one "## " section of a Markdown file, or '' when there is none. */
function section(markdown: string, heading: string): string {
    const start = markdown.indexOf(`\n## ${heading}\n`);
    if (start < 0) return '';
    const next = markdown.indexOf('\n## ', start + 4);
    return markdown.slice(start, next < 0 ? undefined : next);
}

/** Repository paths a section names: arguments to -f, -d, --plan, and paths in backticks. */
function namedPaths(text: string): string[] {
    const found = new Set<string>();
    for (const m of text.matchAll(/(?:-f|-d|--plan)\s+([\w./-]+)/g)) found.add(m[1]);
    for (const m of text.matchAll(/`((?:config|force-app|tests|scripts)\/[\w./-]+)`/g)) found.add(m[1]);
    return [...found].sort();
}

const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const install = section(readme, 'Install into your org');

describe('README: Install into your org', () => {
    it('exists', () => {
        // Validate first, then quick-deploy the validated job (issue 10): never a blind deploy.
        expect(install).toContain('sf project deploy validate -d force-app');
        expect(install).toContain('sf project deploy quick --use-most-recent');
        expect(install).not.toContain('sf project deploy start -d force-app');
    });

    it('names only files that exist', () => {
        const paths = namedPaths(install);
        expect(paths).toEqual(expect.arrayContaining(['config/project-scratch-def.json', 'force-app']));
        expect(paths.filter((p) => !fs.existsSync(path.join(repoRoot, p)))).toEqual([]);
    });

    it('describes exactly the permission sets force-app ships', () => {
        const shipped = fs
            .readdirSync(path.join(repoRoot, 'force-app/main/default/permissionsets'))
            .map((f) => f.replace('.permissionset-meta.xml', ''))
            .sort();
        const described = [...new Set([...install.matchAll(/\bPACT_[A-Za-z]+\b/g)].map((m) => m[0]))].sort();
        expect(described).toEqual(shipped);
    });

    it('finds paths the way the checks above rely on (a missing file is caught)', () => {
        const text = 'sf org create scratch -f config/nope.json\nsee `tests/lib/gone.ts`';
        expect(namedPaths(text)).toEqual(['config/nope.json', 'tests/lib/gone.ts']);
        expect(namedPaths(text).filter((p) => !fs.existsSync(path.join(repoRoot, p)))).toHaveLength(2);
        expect(section('# T\n\n## A\none\n## B\ntwo\n', 'A')).toBe('\n## A\none');
    });
});
