/**
 * Builds the real Lightning web components of force-app for a plain browser: rollup + the LWC
 * compiler + lightning-base-components + synthetic shadow. Platform modules that only exist in an org
 * are mapped to the preview's shims (scripts/preview/shims) or generated here (@salesforce/schema,
 * @salesforce/label from the labels XML, @salesforce/user). The component sources are not changed.
 *
 * A component that does not compile is left out with its error (shown on the page), so one broken
 * component never hides the others.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rollup, type Plugin, type RollupCache, type RollupLog } from 'rollup';
import { transform } from 'esbuild';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import nodeResolve from '@rollup/plugin-node-resolve';
import { RUNNING_USER_ID } from './store';
import { listComponents, readLabels, readMessageChannels, type ComponentInfo } from './components';
import { lwcRuntime } from './lwcRuntime';

export { listComponents, readLabels } from './components';

export interface BuildResult {
    /** The bundle, minified (esbuild): served as /app.<hash>.js with an immutable cache header. */
    code: string;
    /** Content hash of `code` (the bundle's file name and ETag). */
    hash: string;
    /** Components in the bundle (exposed ones can be placed on a page). */
    components: string[];
    /** Components left out, with the reason. */
    skipped: { name: string; reason: string }[];
    /** Labels a component imports that force-app does not define (shown as their name). */
    missingLabels: string[];
    millis: number;
    fromCache: boolean;
}

const PREVIEW_DIR = __dirname;
const SHIMS_DIR = path.join(PREVIEW_DIR, 'shims');

/** Shims for the platform modules an org provides, by module id. */
const SHIMS: Record<string, string> = {
    'lightning/graphql': 'lightning/graphql.js',
    'lightning/uiGraphQLApi': 'lightning/uiGraphQLApi.js',
    'lightning/uiRecordApi': 'lightning/uiRecordApi.js',
    'lightning/uiObjectInfoApi': 'lightning/uiObjectInfoApi.js',
    'lightning/navigation': 'lightning/navigation.js',
    'lightning/platformShowToastEvent': 'lightning/platformShowToastEvent.js',
    'lightning/actions': 'lightning/actions.js',
    'lightning/refresh': 'lightning/refresh.js',
    'lightning/logger': 'lightning/logger.js',
    'lightning/messageService': 'lightning/messageService.js',
    // A platform component lightning-base-components does not ship (in lwc/ so Prettier formats it as LWC).
    'lightning/recordPicker': 'lwc/recordPicker/recordPicker.js',
    // Per user and device in an org; from the browser (or ?formFactor= / ?locale= / ?timeZone=) here.
    '@salesforce/client/formFactor': 'salesforce/formFactor.js',
    '@salesforce/i18n/locale': 'salesforce/locale.js',
    '@salesforce/i18n/timeZone': 'salesforce/timeZone.js',
    // The combobox's element internals do not work under synthetic shadow.
    '@salesforce/gate/bc.260.enableComboboxElementInternals': 'gateClosed.js'
};

function hashInputs(files: string[]): string {
    const hash = crypto.createHash('sha256');
    for (const file of files.sort()) {
        hash.update(file);
        hash.update(fs.readFileSync(file));
    }
    return hash.digest('hex').slice(0, 20);
}

function allFiles(dir: string): string[] {
    if (!fs.existsSync(dir)) return [];
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) return e.name === '__tests__' ? [] : allFiles(full);
        return [full];
    });
}

/**
 * The platform modules lightning-base-components ships stand-ins for (@salesforce/i18n/*,
 * @salesforce/client/formFactor, gates, its own labels). It exposes them to its own modules only, so
 * components' imports of them are resolved here.
 */
function baseComponentModules(repoDir: string): Map<string, string> {
    const dir = path.join(repoDir, 'node_modules', 'lightning-base-components');
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        lwc: { modules: { name?: string; path?: string }[] };
    };
    return new Map(
        pkg.lwc.modules.filter((m) => m.name && m.path).map((m) => [m.name as string, path.join(dir, m.path as string)])
    );
}

/** Rollup plugin for the modules an org generates: schema descriptors, labels, the running user. */
function platformModules(
    labels: Map<string, string>,
    missingLabels: Set<string>,
    entryCode: string,
    baseModules: Map<string, string>,
    runtime: Map<string, string>,
    messageChannels: Set<string>,
    unresolved: { module: string; importer: string }[]
): Plugin {
    const PREFIX = '\0pact-platform:';
    return {
        name: 'pact-platform-modules',
        resolveId(id, importer) {
            if (id === 'pact-preview:entry') return PREFIX + id;
            if (id.startsWith('@salesforce/messageChannel/')) {
                // Imported as <Name>__c; defined in messageChannels/<Name>.messageChannel-meta.xml.
                const name = id.slice('@salesforce/messageChannel/'.length).replace(/__c$/, '');
                if (!messageChannels.has(name)) {
                    unresolved.push({
                        module: `${id} (no messageChannels/${name}.messageChannel-meta.xml)`,
                        importer: importer ?? ''
                    });
                }
            }
            if (runtime.has(id)) return runtime.get(id);
            if (SHIMS[id]) return path.join(SHIMS_DIR, SHIMS[id]);
            if (baseModules.has(id)) return baseModules.get(id);
            if (
                id.startsWith('@salesforce/schema/') ||
                id.startsWith('@salesforce/label/c.') ||
                id.startsWith('@salesforce/user/') ||
                id.startsWith('@salesforce/messageChannel/') ||
                id.startsWith('@salesforce/userPermission/') ||
                id.startsWith('@salesforce/customPermission/')
            ) {
                return PREFIX + id;
            }
            return null;
        },
        transform(code, id) {
            // Synthetic shadow declares its helpers as functions inside a top-level if-block, under the same
            // names as the engine's own; esbuild's minifier then declares them twice. A function scope of
            // their own keeps them apart (the module has no exports, only its side effects).
            if (id === runtime.get('@lwc/synthetic-shadow')) return { code: `(() => {\n${code}\n})();`, map: null };
            return null;
        },
        load(id) {
            if (!id.startsWith(PREFIX)) return null;
            const moduleId = id.slice(PREFIX.length);
            if (moduleId === 'pact-preview:entry') return entryCode;
            if (moduleId.startsWith('@salesforce/schema/')) {
                const [objectApiName, ...fieldPath] = moduleId.slice('@salesforce/schema/'.length).split('.');
                const descriptor = fieldPath.length
                    ? { objectApiName, fieldApiName: fieldPath.join('.') }
                    : { objectApiName };
                return `export default ${JSON.stringify(descriptor)};`;
            }
            if (moduleId.startsWith('@salesforce/label/c.')) {
                const name = moduleId.slice('@salesforce/label/c.'.length);
                if (!labels.has(name)) missingLabels.add(name);
                return `export default ${JSON.stringify(labels.get(name) ?? name)};`;
            }
            if (moduleId.startsWith('@salesforce/messageChannel/')) {
                return `export default ${JSON.stringify({ channel: moduleId.slice('@salesforce/messageChannel/'.length) })};`;
            }
            // The page says who runs it (the preview's "Preview as" switch); the sample rep otherwise.
            if (moduleId === '@salesforce/user/Id')
                return `export default document.documentElement.dataset.pactUser || ${JSON.stringify(RUNNING_USER_ID)};`;
            if (moduleId === '@salesforce/user/isGuest') return 'export default false;';
            // Permissions: the preview's rep has the PACT rep permissions and nothing more.
            return 'export default false;';
        }
    };
}

function entrySource(components: ComponentInfo[]): string {
    const imports = components.map((c, i) => `import C${i} from 'c/${c.name}';`).join('\n');
    const registry = components.map((c, i) => `    ${JSON.stringify(c.name)}: C${i}`).join(',\n');
    return `import '@lwc/synthetic-shadow';
import { startPreview } from ${JSON.stringify(path.join(PREVIEW_DIR, 'app', 'main.js'))};
${imports}
startPreview({
${registry}
});
`;
}

/**
 * Writes a cache file in place of the older ones of its kind. Two previews may build at once (a developer's
 * and a test's): the file appears whole (written aside, then renamed) and a file the other removed is no error.
 */
function replaceCacheFile(cacheDir: string, prefix: string, file: string, content: string) {
    fs.mkdirSync(cacheDir, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, file);
    for (const old of fs.readdirSync(cacheDir)) {
        if (old.startsWith(prefix) && path.join(cacheDir, old) !== file && !old.endsWith('.tmp'))
            fs.rmSync(path.join(cacheDir, old), { force: true });
    }
}

let rollupCache: RollupCache | undefined;
let rollupCacheSetup: string | undefined;

async function bundle(
    repoDir: string,
    components: ComponentInfo[],
    all: ComponentInfo[],
    labels: Map<string, string>,
    cacheDir: string
) {
    const missingLabels = new Set<string>();
    const warnings: string[] = [];
    const unresolved: { module: string; importer: string }[] = [];
    // Rollup's module cache: a rebuild compiles only what changed (the base components rarely do).
    // Cached module resolutions are only valid for this build setup and these tool versions.
    // A file added to or removed from a component (a new .css beside an unchanged .js) changes what the
    // LWC plugin resolves for modules whose own source did not change: such a change starts the cache over.
    const lwcDir = path.join(repoDir, 'force-app', 'main', 'default', 'lwc');
    const componentFiles = allFiles(lwcDir)
        .map((f) => path.relative(lwcDir, f))
        .sort()
        .join('\n');
    const setup = crypto
        .createHash('sha256')
        .update(
            hashInputs([
                __filename,
                ...['@lwc/compiler', '@lwc/rollup-plugin', 'lwc', 'lightning-base-components', 'rollup'].map((p) =>
                    path.join(repoDir, 'node_modules', p, 'package.json')
                )
            ])
        )
        .update(componentFiles)
        .digest('hex')
        .slice(0, 20);
    const cacheFile = path.join(cacheDir, `rollup-cache-${setup}.json`);
    if (rollupCache && rollupCacheSetup !== setup) rollupCache = undefined;
    rollupCacheSetup = setup;
    if (!rollupCache && fs.existsSync(cacheFile)) {
        try {
            rollupCache = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as RollupCache;
        } catch {
            rollupCache = undefined;
        }
    }
    const build = await rollup({
        input: 'pact-preview:entry',
        cache: rollupCache,
        onwarn(warning: RollupLog) {
            // An import nothing provides would fail in the browser: the build fails below and names the importer.
            if (warning.code === 'UNRESOLVED_IMPORT') {
                unresolved.push({ module: String(warning.exporter), importer: String(warning.id) });
                return;
            }
            if (warning.code !== 'CIRCULAR_DEPENDENCY' && warning.code !== 'THIS_IS_UNDEFINED')
                warnings.push(warning.message);
        },
        plugins: [
            platformModules(
                labels,
                missingLabels,
                entrySource(components),
                baseComponentModules(repoDir),
                lwcRuntime(repoDir).modules,
                readMessageChannels(repoDir),
                unresolved
            ),
            replace({
                preventAssignment: true,
                values: { 'process.env.NODE_ENV': JSON.stringify('development'), 'import.meta.env.SSR': 'false' }
            }),
            lwc({
                rootDir: repoDir,
                // Every component is reachable as c/<name>, as in an org; the base components come from npm.
                modules: [
                    ...all.map((c) => ({ name: `c/${c.name}`, path: c.jsFile })),
                    { npm: 'lightning-base-components' }
                ],
                enableDynamicComponents: true
            }),
            nodeResolve()
        ]
    });
    const { output } = await build.generate({ format: 'esm', inlineDynamicImports: true });
    // Minified once per build (about 4.8 MB to under half); names kept so the engine's messages stay readable.
    const minified = await transform(output[0].code, {
        minify: true,
        keepNames: true,
        format: 'esm',
        target: 'es2022'
    });
    rollupCache = build.cache;
    replaceCacheFile(cacheDir, 'rollup-cache-', cacheFile, JSON.stringify(rollupCache));
    await build.close();
    if (unresolved.length) {
        const [first] = unresolved;
        throw Object.assign(
            new Error(`${first.module} cannot be resolved (imported by ${first.importer.split('?')[0]})`),
            {
                id: first.importer.split('?')[0]
            }
        );
    }
    return { code: minified.code, missingLabels: [...missingLabels].sort(), warnings };
}

/** The component a build error is about, judged from the file it names. */
function blame(error: unknown, lwcDir: string, candidates: ComponentInfo[]): string | undefined {
    const e = error as { id?: string; loc?: { file?: string }; message?: string };
    const files = [e.id, e.loc?.file].filter(Boolean) as string[];
    for (const file of files) {
        const rel = path.relative(lwcDir, file);
        if (!rel.startsWith('..')) return rel.split(path.sep)[0];
    }
    return candidates.find(
        (c) => e.message?.includes(`c/${c.name}`) || e.message?.includes(`${path.sep}${c.name}${path.sep}`)
    )?.name;
}

/**
 * Builds the preview bundle (or returns the cached one when no input changed).
 * @param cacheDir where the last bundle is kept (git-ignored)
 */
export async function buildPreview(repoDir: string, cacheDir: string): Promise<BuildResult> {
    const started = Date.now();
    const forceAppDir = path.join(repoDir, 'force-app');
    const lwcDir = path.join(forceAppDir, 'main', 'default', 'lwc');
    const all = listComponents(lwcDir);
    const inputs = [
        ...allFiles(lwcDir),
        ...allFiles(path.join(PREVIEW_DIR, 'shims')),
        ...allFiles(path.join(PREVIEW_DIR, 'app')),
        __filename,
        path.join(PREVIEW_DIR, 'lwcRuntime.ts'),
        ...allFiles(path.join(forceAppDir, 'main', 'default', 'labels')),
        ...allFiles(path.join(forceAppDir, 'main', 'default', 'messageChannels'))
    ];
    const key = hashInputs(inputs);
    const cacheFile = path.join(cacheDir, `bundle-${key}.json`);
    try {
        const cached = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as BuildResult;
        if (cached.hash) return { ...cached, millis: Date.now() - started, fromCache: true };
    } catch {
        // Not built yet (or removed by another preview meanwhile): build it.
    }
    const labels = readLabels(forceAppDir);
    const skipped: { name: string; reason: string }[] = [];
    let included = all.filter((c) => c.exposed);
    for (;;) {
        try {
            const { code, missingLabels } = await bundle(repoDir, included, all, labels, cacheDir);
            const result: BuildResult = {
                code,
                hash: crypto.createHash('sha256').update(code).digest('hex').slice(0, 16),
                components: included.map((c) => c.name),
                skipped,
                missingLabels,
                millis: Date.now() - started,
                fromCache: false
            };
            replaceCacheFile(cacheDir, 'bundle-', cacheFile, JSON.stringify(result));
            return result;
        } catch (error) {
            const culprit = blame(error, lwcDir, included);
            const reason = String((error as Error).message ?? error)
                .split('\n')[0]
                .split(`${repoDir}${path.sep}`)
                .join('');
            // A helper module (no page target) that fails takes the components importing it along.
            if (!culprit || !included.some((c) => c.name === culprit)) {
                if (culprit && all.some((c) => c.name === culprit) && included.length) {
                    const tag = `<c-${culprit.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`)}`;
                    const dependents = included.filter((c) =>
                        allFiles(c.dir).some((f) => {
                            const text = fs.readFileSync(f, 'utf8');
                            return (
                                (f.endsWith('.js') && text.includes(`c/${culprit}`)) ||
                                (f.endsWith('.html') && text.includes(tag))
                            );
                        })
                    );
                    if (dependents.length) {
                        for (const d of dependents) skipped.push({ name: d.name, reason: `c/${culprit}: ${reason}` });
                        included = included.filter((c) => !dependents.includes(c));
                        continue;
                    }
                }
                throw error;
            }
            skipped.push({ name: culprit, reason });
            included = included.filter((c) => c.name !== culprit);
        }
    }
}
