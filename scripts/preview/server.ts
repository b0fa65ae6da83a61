/**
 * The local preview server: the real PACT components (built from force-app) on an Account record
 * page, the Home page and an exec view of the bundled reports, over an embedded store loaded from the
 * sample data. Queries run with graphql-js against the schema generated from force-app; writes are
 * checked by the PACT rulebook as the org's validation rules would. Nothing here ships in force-app.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { graphql, type GraphQLSchema } from 'graphql';
import { describeOrg, type OrgDescribe } from '../lib/graphql/describe';
import { buildUiApiSchemaFromDescribe } from '../lib/graphql/uiapi-schema';
import { checkRecord } from '../../force-app/main/default/lwc/pactRules/pactRules.js';
import { buildPreview, type BuildResult } from './build';
import { listComponents } from './components';
import { PREVIEW_USERS, PreviewStore, RecordWriteError, RUNNING_USER_ID, type RuleChecker } from './store';
import { readReports, runReport } from './reports';
import { EXEC_STYLES, reportSection } from './execView';
import { escapeHtml } from './html';
import { dynamicsPage, pcfAsset } from './dynamics';

export interface PreviewOptions {
    repoDir: string;
    port: number;
    /** Where the store and the build cache live (git-ignored); default <repo>/.preview-data. */
    dataDir?: string;
    /** The store file; default <dataDir>/store.json. Tests use their own so a developer's data is untouched. */
    storeFile?: string;
    /** The sample data plan folder; default <repo>/config/sample-data. */
    sampleDir?: string;
    /** Called with progress lines (the CLI prints them). */
    log?: (line: string) => void;
}

export interface RunningPreview {
    url: string;
    port: number;
    store: PreviewStore;
    /** Resolves when the component bundle is built. */
    ready: Promise<BuildResult>;
    close(): Promise<void>;
}

const MIME: Record<string, string> = {
    '.css': 'text/css; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.woff2': 'font/woff2',
    '.woff': 'font/woff',
    '.json': 'application/json'
};

function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'text/html; charset=utf-8') {
    res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(body);
}

const sendJson = (res: http.ServerResponse, status: number, body: unknown) =>
    send(res, status, JSON.stringify(body), 'application/json; charset=utf-8');

async function readBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    if (!text) return {};
    try {
        return JSON.parse(text) as Record<string, unknown>;
    } catch {
        throw new RecordWriteError(
            400,
            [{ errorCode: 'JSON_PARSER_ERROR', message: 'The request body is not JSON.' }],
            []
        );
    }
}

interface PageOptions {
    title: string;
    active: 'account' | 'case' | 'home' | 'exec' | 'dynamics' | 'index';
    body: string;
    recordId?: string;
    /** The record page's object (the navigation shim's current page reference). */
    objectApiName?: string;
    withComponents?: boolean;
    /** Where the skip link goes: the high card composer on record pages, else the page's main content. */
    skipTo?: 'composer';
    head?: string;
    /** Who the page runs as (?user=<alias or Id>); the sample rep when not given. */
    userId?: string;
}

/** The preview user a page or an API call runs as: ?user=mgr (alias) or an Id, else the sample rep. */
export function previewUser(asked: string | null | undefined): (typeof PREVIEW_USERS)[number] {
    const key = String(asked ?? '').toLowerCase();
    return (
        PREVIEW_USERS.find(
            (u) => u.Alias === key || u.Id.toLowerCase() === key || u.Id.slice(0, 15).toLowerCase() === key
        ) ?? PREVIEW_USERS.find((u) => u.Id === RUNNING_USER_ID)!
    );
}

/** The shell's "Preview as" switch: the page reloads as another of the sample users. */
function userSwitch(o: PageOptions): string {
    const current = previewUser(o.userId);
    const options = PREVIEW_USERS.map(
        (u) =>
            `<option value="${escapeHtml(u.Alias)}"${u.Id === current.Id ? ' selected' : ''}>${escapeHtml(`${u.FirstName} ${u.LastName}`)} (${escapeHtml(u.Title)})</option>`
    ).join('');
    return `<label class="pact-user-switch">Preview as <select id="pact-user-switch" onchange="var u=new URL(location.href);u.searchParams.set('user',this.value);location.href=u.toString()">${options}</select></label>`;
}

const gzippedBundles = new WeakMap<BuildResult, Buffer>();
/** The bundle compressed once per build (the browser fetches it once, then keeps it). */
function gzipped(build: BuildResult): Buffer {
    let body = gzippedBundles.get(build);
    if (!body) gzippedBundles.set(build, (body = zlib.gzipSync(build.code)));
    return body;
}

/** The bundle's URL: named by its content hash, so the browser keeps it until the components change. */
const bundleUrl = (build: BuildResult | undefined) => (build ? `/app.${build.hash}.js` : '/app.js');

function layout(o: PageOptions, build: BuildResult | undefined): string {
    const user = previewUser(o.userId);
    const userQuery = user.Id === RUNNING_USER_ID ? '' : `?user=${encodeURIComponent(user.Alias)}`;
    const nav = [
        ['account', '/account', 'Account page'],
        ['case', '/case', 'Case page'],
        ['home', '/home', 'Home'],
        ['exec', '/exec', 'Executive reports'],
        ['dynamics', '/dynamics', 'Dynamics 365 control']
    ]
        .filter(([key]) => key !== 'case' || o.active === 'case')
        .map(
            ([key, href, label]) =>
                `<li class="slds-context-bar__item${o.active === key ? ' slds-is-active' : ''}"><a class="slds-context-bar__label-action" href="${href}${userQuery}"${o.active === key ? ' aria-current="page"' : ''}><span class="slds-truncate">${label}</span></a></li>`
        )
        .join('');
    const skipped = build?.skipped.length
        ? `<div class="slds-notify slds-notify_alert slds-alert_warning pact-preview-skipped" role="alert">Not in this build: ${build.skipped
              .map((s) => `${escapeHtml(s.name)} (${escapeHtml(s.reason)})`)
              .join('; ')}</div>`
        : '';
    return `<!doctype html>
<html lang="en" data-pact-user="${escapeHtml(previewUser(o.userId).Id)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)} - PACT local preview</title>
<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css">
<style>
body { background: #f3f3f3; }
.pact-preview-banner { background: #032d60; color: #fff; padding: .25rem 1rem; font-size: .75rem; display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; justify-content: space-between; }
.pact-user-switch select { font-size: .75rem; margin-left: .25rem; max-width: 100%; color: #181818; background: #fff; }
.pact-skip { position: absolute; left: .5rem; top: -10rem; z-index: 9999; background: #fff; color: #0b5cab; padding: .5rem 1rem; border: 2px solid #0b5cab; border-radius: .25rem; font-weight: 700; }
.pact-skip:focus { top: .5rem; }
/* Links inside running text are underlined, not told apart by colour alone. */
.pact-index a, a.pact-index { text-decoration: underline; }
.pact-linked-record { outline: 3px solid #1b96ff; outline-offset: 2px; }
.pact-page { padding: 1rem; }
.pact-toasts { position: fixed; top: 3.5rem; left: 0; right: 0; z-index: 9000; display: flex; flex-direction: column; align-items: center; gap: .5rem; pointer-events: none; }
.pact-toasts .slds-notify_toast { pointer-events: auto; min-width: min(30rem, calc(100vw - 1rem)); max-width: calc(100vw - 1rem); margin: 0; }
/* A phone (the Salesforce app's Small form factor): nothing wider than the screen. */
.slds-context-bar { height: auto; min-height: 2.5rem; }
.slds-context-bar__secondary > ul { flex-wrap: wrap; }
.pact-record-header .slds-page-header__row { flex-wrap: wrap; gap: .5rem; }
.pact-record-header .slds-page-header__col-title { min-width: 0; overflow-wrap: anywhere; }
.pact-record-header .slds-page-header__col-actions { margin-left: auto; }
@media (max-width: 767px) {
    .pact-page { padding: .5rem; }
    .slds-context-bar { padding: 0 .5rem; }
    .slds-context-bar__primary { display: none; }
    .slds-context-bar__label-action { padding: 0 .5rem; }
    .pact-record-header .slds-page-header__col-actions { margin-left: 0; width: 100%; }
    .slds-gutters { margin: 0; }
    .slds-gutters > .slds-col { padding: 0; }
}
${o.head ?? ''}
</style>
</head>
<body>
${
    o.skipTo === 'composer'
        ? '<a class="pact-skip" href="#pact-root" data-pact-skip="composer">Skip to the high card composer</a>'
        : '<a class="pact-skip" href="#pact-root">Skip to the main content</a>'
}
<header>
<div class="pact-preview-banner"><span>PACT local preview: the real components from force-app over sample data. Nothing here is a Salesforce org.</span>${userSwitch(o)}</div>
<div class="slds-context-bar"><div class="slds-context-bar__primary"><div class="slds-context-bar__item slds-no-hover"><span class="slds-context-bar__label-action slds-context-bar__app-name"><span class="slds-truncate">PACT</span></span></div></div>
<nav class="slds-context-bar__secondary" role="navigation" aria-label="Preview pages"><ul class="slds-grid">${nav}</ul></nav></div>
</header>
<div id="pact-toasts" class="pact-toasts" aria-live="polite"></div>
<main id="pact-root" class="pact-page" tabindex="-1" data-page="${o.active}"${o.recordId ? ` data-record-id="${escapeHtml(o.recordId)}"` : ''}${o.objectApiName ? ` data-object-api-name="${escapeHtml(o.objectApiName)}"` : ''}>
${skipped}
${o.body}
</main>
${o.withComponents ? `<script type="module" src="${bundleUrl(build)}"></script>` : ''}
</body>
</html>`;
}

const slot = (component: string, props: Record<string, unknown>, extraClass = '') =>
    `<div class="pact-slot ${extraClass}" data-pact-component="${escapeHtml(component)}" data-props="${escapeHtml(JSON.stringify(props))}"><p class="slds-text-color_weak">Loading ${escapeHtml(component)}...</p></div>`;

/**
 * A record page's header as the record's highlights panel shows it: the object, the record's name, the standard
 * fields given as `details`, and a picker that opens another record of the same object.
 */
function recordHeader(o: {
    object: string;
    route: string;
    title: unknown;
    current: string;
    choices: { id: string; label: string }[];
    details?: string;
}): string {
    const picker = `pact-${o.route}-picker`;
    const options = o.choices
        .map(
            (c) =>
                `<option value="${escapeHtml(c.id)}"${c.id === o.current ? ' selected' : ''}>${escapeHtml(c.label)}</option>`
        )
        .join('');
    return `<div class="slds-page-header pact-record-header slds-m-bottom_small"><div class="slds-page-header__row"><div class="slds-page-header__col-title">
<span class="slds-text-title_caps">${o.object}</span><h1 class="slds-page-header__title">${escapeHtml(o.title)}</h1></div>
<div class="slds-page-header__col-actions"><label class="slds-form-element__label" for="${picker}">Open another ${o.route}</label>
<select id="${picker}" class="slds-select" onchange="location.href='/${o.route}/'+this.value">${options}</select></div></div>${o.details ? `\n${o.details}` : ''}</div>`;
}

export async function startPreviewServer(options: PreviewOptions): Promise<RunningPreview> {
    const { repoDir } = options;
    const log = options.log ?? (() => undefined);
    const dataDir = options.dataDir ?? path.join(repoDir, '.preview-data');
    const forceAppDir = path.join(repoDir, 'force-app');
    const org: OrgDescribe = describeOrg(forceAppDir);
    const schema: GraphQLSchema = buildUiApiSchemaFromDescribe(org);
    const storeFile = options.storeFile ?? path.join(dataDir, 'store.json');
    const store = new PreviewStore(
        org,
        options.sampleDir ?? path.join(repoDir, 'config', 'sample-data'),
        storeFile,
        checkRecord as unknown as RuleChecker
    );
    const loaded = store.load();
    log(
        loaded.source === 'saved'
            ? `Loaded ${loaded.records} records from ${path.relative(repoDir, storeFile)} (your earlier changes are kept; POST /__preview/reset starts over).`
            : `Loaded ${loaded.records} sample records from config/sample-data${loaded.shiftedDays ? ` (dates moved ${loaded.shiftedDays} days so the newest high card is today)` : ''}.`
    );

    let build: BuildResult | undefined;
    let buildError: Error | undefined;
    const ready = buildPreview(repoDir, path.join(dataDir, 'build')).then(
        (result) => {
            build = result;
            return result;
        },
        (error: Error) => {
            buildError = error;
            throw error;
        }
    );
    // The server answers at once; the component bundle is served when the build finishes.
    ready.catch(() => undefined);

    // Who the page being rendered runs as: set per request just before its page is rendered (synchronously).
    let requestUser: string | undefined;
    const page = (o: PageOptions, built: BuildResult | undefined) => layout({ userId: requestUser, ...o }, built);

    const assetsDir = path.join(repoDir, 'node_modules', '@salesforce-ux', 'design-system', 'assets');
    const components = new Set(listComponents(path.join(forceAppDir, 'main', 'default', 'lwc')).map((c) => c.name));
    const accounts = () => store.list('Account').sort((a, b) => String(a.Name).localeCompare(String(b.Name)));

    function accountPage(id: string | undefined): string {
        const all = accounts();
        const account = (id && store.get(id)) || all.find((a) => a.Customer_Alert__c) || all[0];
        if (!account) {
            return page(
                {
                    title: 'Account',
                    active: 'account',
                    body: '<p>No sample accounts: add config/sample-data (sf data tree plan).</p>'
                },
                build
            );
        }
        const props = { recordId: account.Id, objectApiName: 'Account' };
        const main = components.has('pactCustomerHub')
            ? slot('pactCustomerHub', props)
            : ['pactBriefing', 'pactHighCardComposer', 'pactTimeline']
                  .map((c) => slot(c, props, 'slds-m-bottom_small'))
                  .join('');
        const header = recordHeader({
            object: 'Account',
            route: 'account',
            title: account.Name,
            current: account.Id,
            choices: all.map((a) => ({ id: a.Id, label: `${a.Name ?? ''}${a.Customer_Alert__c ? ' (alert)' : ''}` }))
        });
        const body = `${header}
<div class="slds-grid slds-gutters slds-wrap"><div class="slds-col slds-size_1-of-1 slds-large-size_8-of-12 pact-main">${main}</div>
<div class="slds-col slds-size_1-of-1 slds-large-size_4-of-12 pact-side">${slot('pactPlanner', props)}</div></div>`;
        return page(
            {
                title: String(account.Name),
                active: 'account',
                body,
                recordId: account.Id,
                objectApiName: 'Account',
                withComponents: true,
                skipTo: 'composer'
            },
            build
        );
    }

    /**
     * The Case record page a support agent sees (PACT_Case_Record_Page): the case's own details as the
     * standard highlights panel shows them, then the customer hub for the case (briefing, composer, timeline).
     */
    function casePage(id: string | undefined): string {
        const cases = store.list('Case').sort((a, b) => String(a.Subject).localeCompare(String(b.Subject)));
        const found = (id && store.get(id)) || cases.find((c) => c.Status !== 'Closed') || cases[0];
        if (!found || found.attributes.type !== 'Case') {
            return page(
                {
                    title: 'Case',
                    active: 'case',
                    body: '<p>No sample cases: add Case records to config/sample-data.</p>'
                },
                build
            );
        }
        const account = found.AccountId ? store.get(String(found.AccountId)) : undefined;
        const props = { recordId: found.Id, objectApiName: 'Case' };
        const detail = (label: string, value: unknown) =>
            value
                ? `<li class="slds-page-header__detail-block"><div class="slds-text-title">${label}</div><div>${escapeHtml(value)}</div></li>`
                : '';
        const header = recordHeader({
            object: 'Case',
            route: 'case',
            title: found.Subject,
            current: found.Id,
            choices: cases.map((c) => ({ id: c.Id, label: `${c.Subject ?? ''} (${c.Status ?? ''})` })),
            details: `<ul class="slds-page-header__row slds-page-header__row_gutters slds-wrap">${detail('Account', account?.Name)}${detail('Status', found.Status)}${detail('Priority', found.Priority)}${detail('Origin', found.Origin)}</ul>`
        });
        const body = `${header}
<div class="pact-main">${components.has('pactCustomerHub') ? slot('pactCustomerHub', props) : slot('pactHighCardComposer', props)}</div>`;
        return page(
            {
                title: String(found.Subject),
                active: 'case',
                body,
                recordId: found.Id,
                objectApiName: 'Case',
                withComponents: true,
                skipTo: 'composer'
            },
            build
        );
    }

    function homePage(): string {
        const body = `<div class="slds-page-header slds-m-bottom_small"><h1 class="slds-page-header__title">Home</h1></div>
<div class="slds-grid slds-gutters slds-wrap"><div class="slds-col slds-size_1-of-1 slds-large-size_7-of-12">${slot('pactMyWeek', { days: 14 })}</div>
<div class="slds-col slds-size_1-of-1 slds-large-size_5-of-12">${slot('pactCharter', {})}${
            components.has('pactCoachingNotes') ? slot('pactCoachingNotes', {}, 'slds-m-top_small') : ''
        }</div></div>`;
        return page({ title: 'Home', active: 'home', body, withComponents: true }, build);
    }

    function execPage(): string {
        const results = readReports(forceAppDir).map((d) => runReport(d, store, org));
        const body = `<div class="slds-page-header slds-m-bottom_small"><h1 class="slds-page-header__title">Preview of the Salesforce reports</h1>
<p class="slds-text-body_small">What customers said and did, added up across every account, the way the PACT Customer Voice reports count it in Salesforce (here over the sample data; in an org, over live data, for executives and reps alike). Nothing here counts calls, visits or people.</p></div>
<div class="slds-grid slds-wrap slds-gutters">${results.map((r) => `<div class="slds-col slds-size_1-of-1 slds-large-size_1-of-2 slds-m-bottom_medium">${reportSection(r)}</div>`).join('')}</div>`;
        return page({ title: 'Executive reports', active: 'exec', body, head: EXEC_STYLES }, build);
    }

    function indexPage(): string {
        const list = accounts()
            .map(
                (a) =>
                    `<li><a href="/account/${escapeHtml(a.Id)}">${escapeHtml(a.Name)}</a>${a.Customer_Alert__c ? ` - <em>${escapeHtml(a.Customer_Alert__c)}</em>` : ''}</li>`
            )
            .join('');
        const body = `<h1 class="slds-text-heading_large slds-m-bottom_small">PACT local preview</h1>
<p>The account record page (briefing, high card composer, timeline, planner), the Home page (My Week, charter), the executive reports and the Dynamics 365 control, over sample data.</p>
<h2 class="slds-text-heading_medium slds-m-top_medium">Accounts</h2><ul class="slds-list_dotted pact-index">${list}</ul>`;
        return page({ title: 'Preview', active: 'index', body }, build);
    }

    /**
     * Where a record "lives" in the preview: an account or case has its page; a high card, plan, contact or
     * opportunity opens its account's page, and the page brings that record into view (the #<Id>).
     */
    function recordUrl(id: string): string | undefined {
        const record = store.get(id);
        if (!record) return undefined;
        if (record.attributes.type === 'Account') return `/account/${record.Id}`;
        if (record.attributes.type === 'Case') return `/case/${record.Id}`;
        const accountId = (record.Account__c ?? record.AccountId) as string | undefined;
        return accountId ? `/account/${accountId}#${record.Id}` : '/home';
    }

    async function handleApi(
        req: http.IncomingMessage,
        res: http.ServerResponse,
        pathname: string,
        userId: string
    ): Promise<boolean> {
        const method = req.method ?? 'GET';
        if (pathname === '/__preview/graphql' && method === 'POST') {
            const body = await readBody(req);
            const variables = (body.variables ?? undefined) as Record<string, unknown> | undefined;
            const result = await graphql({
                schema,
                source: String(body.query ?? ''),
                variableValues: variables,
                operationName: (body.operationName as string | undefined) ?? undefined,
                contextValue: { source: store.asUser(userId), rawVariables: variables }
            });
            if (result.errors) log(`GraphQL errors: ${result.errors.map((e) => e.message).join('; ')}`);
            sendJson(res, 200, result);
            return true;
        }
        if (pathname === '/__preview/ui-api/object-info' && method === 'POST') {
            const body = await readBody(req);
            sendJson(res, 200, store.objectInfo(String(body.objectApiName ?? '')));
            return true;
        }
        const writePath = /^\/__preview\/ui-api\/records(?:\/([^/]+))?$/.exec(pathname);
        if (writePath && ['POST', 'PATCH', 'DELETE'].includes(method)) {
            const body = method === 'DELETE' ? {} : await readBody(req);
            if (writePath[1] === 'get' && method === 'POST') {
                const record = store.get(String(body.recordId ?? ''));
                if (!record) {
                    sendJson(res, 404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
                    return true;
                }
                sendJson(res, 200, store.recordRepresentation(record, (body.fields as string[]) ?? []));
                return true;
            }
            if (store.failWrites === 'network') {
                // The connection drops mid-save: the browser's fetch rejects, nothing is stored.
                log(`Dropped a ${method} (fail-writes: network)`);
                req.socket.destroy();
                return true;
            }
            const fields = (body.fields ?? {}) as Record<string, unknown>;
            if (method === 'POST' && !writePath[1]) {
                const record = store.asUser(userId).create(String(body.apiName ?? ''), fields);
                sendJson(res, 201, store.recordRepresentation(record));
            } else if (method === 'PATCH' && writePath[1]) {
                const record = store.asUser(userId).update(decodeURIComponent(writePath[1]), fields);
                sendJson(res, 200, store.recordRepresentation(record));
            } else if (method === 'DELETE' && writePath[1]) {
                store.delete(decodeURIComponent(writePath[1]));
                res.writeHead(204).end();
            } else {
                sendJson(res, 405, [{ errorCode: 'METHOD_NOT_ALLOWED', message: `${method} is not allowed here` }]);
            }
            return true;
        }
        if (pathname === '/__preview/fail-writes' && method === 'POST') {
            const body = await readBody(req);
            const mode = String(body.mode ?? (body.on === false ? 'off' : 'network'));
            if (!['off', 'network', 'server'].includes(mode)) {
                sendJson(res, 400, { message: 'mode must be off, network or server' });
                return true;
            }
            store.failWrites = mode as PreviewStore['failWrites'];
            log(`Writes now: ${mode === 'off' ? 'accepted' : `fail (${mode})`}`);
            sendJson(res, 200, { failWrites: store.failWrites });
            return true;
        }
        if (pathname === '/__preview/reset' && method === 'POST') {
            const shifted = store.reset();
            sendJson(res, 200, { records: store.list('Account').length, shiftedDays: shifted });
            return true;
        }
        if (pathname === '/__preview/status') {
            sendJson(res, 200, {
                built: Boolean(build),
                buildError: buildError?.message,
                components: build?.components,
                skipped: build?.skipped,
                missingLabels: build?.missingLabels,
                buildMillis: build?.millis,
                failWrites: store.failWrites,
                accounts: store.list('Account').length,
                highCards: store.list('High_Card__c').length
            });
            return true;
        }
        return false;
    }

    const server = http.createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const pathname = decodeURIComponent(url.pathname);
        const user = previewUser(url.searchParams.get('user') ?? req.headers['x-pact-user']?.toString()).Id;
        (async () => {
            if (await handleApi(req, res, pathname, user)) return;
            // Pages render synchronously from here on, so no other request changes who this one runs as.
            requestUser = user;
            const bundle = /^\/app(?:\.([0-9a-f]+))?\.js$/.exec(pathname);
            if (bundle) {
                try {
                    const result = await ready;
                    const etag = `"${result.hash}"`;
                    // The hashed name never changes content: cache it for good. Plain /app.js revalidates.
                    const cacheControl = bundle[1] === result.hash ? 'public, max-age=31536000, immutable' : 'no-cache';
                    if (req.headers['if-none-match'] === etag) {
                        res.writeHead(304, { ETag: etag, 'Cache-Control': cacheControl }).end();
                        return;
                    }
                    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
                    res.writeHead(200, {
                        'Content-Type': MIME['.js'],
                        'Cache-Control': cacheControl,
                        ETag: etag,
                        Vary: 'Accept-Encoding',
                        ...(gzip ? { 'Content-Encoding': 'gzip' } : {})
                    });
                    res.end(gzip ? gzipped(result) : result.code);
                } catch (error) {
                    send(
                        res,
                        500,
                        `console.error(${JSON.stringify(`The preview build failed: ${(error as Error).message}`)});`,
                        MIME['.js']
                    );
                }
                return;
            }
            if (pathname.startsWith('/assets/')) {
                const file = path.normalize(path.join(assetsDir, pathname.slice('/assets/'.length)));
                if (!file.startsWith(assetsDir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
                    send(res, 404, 'Not found', 'text/plain');
                    return;
                }
                res.writeHead(200, {
                    'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
                    'Cache-Control': 'max-age=3600'
                });
                fs.createReadStream(file).pipe(res);
                return;
            }
            if (pathname.startsWith('/pcf/')) {
                const served = await pcfAsset(repoDir, path.join(dataDir, 'build'), pathname.slice('/pcf/'.length));
                if (served) send(res, 200, served.body, served.type);
                else send(res, 404, 'Not found', 'text/plain');
                return;
            }
            const account = /^\/account(?:\/([^/]+))?\/?$/.exec(pathname);
            if (account) return send(res, 200, accountPage(account[1]));
            const casePath = /^\/case(?:\/([^/]+))?\/?$/.exec(pathname);
            if (casePath) return send(res, 200, casePage(casePath[1]));
            // Record links as an org writes them (/lightning/r/<Object>/<Id>/view) and the navigation shim's /record/<Id>.
            const record =
                /^\/record\/([^/]+)$/.exec(pathname) ?? /^\/lightning\/r\/(?:[^/]+\/)?([^/]+)\/view$/.exec(pathname);
            if (record) {
                const target = recordUrl(record[1]);
                if (target) res.writeHead(302, { Location: target }).end();
                else
                    send(
                        res,
                        404,
                        page(
                            {
                                title: 'Record not found',
                                active: 'index',
                                body: `<h1 class="slds-text-heading_large slds-m-bottom_small">Record not found</h1><p>No record ${escapeHtml(record[1])} in the preview's sample data (it may have been deleted, or the data was reset).</p>`
                            },
                            build
                        )
                    );
                return;
            }
            if (pathname === '/home') return send(res, 200, homePage());
            if (pathname === '/exec') return send(res, 200, execPage());
            if (pathname === '/dynamics') {
                return send(
                    res,
                    200,
                    page(
                        {
                            title: 'Dynamics 365 control',
                            active: 'dynamics',
                            ...dynamicsPage(repoDir, store, url.searchParams.get('account'))
                        },
                        build
                    )
                );
            }
            if (pathname === '/' || pathname === '/index.html') return send(res, 200, indexPage());
            if (pathname === '/favicon.ico') {
                res.writeHead(204).end();
                return;
            }
            send(
                res,
                404,
                page(
                    {
                        title: 'Not found',
                        active: 'index',
                        body: '<h1 class="slds-text-heading_large slds-m-bottom_small">Not found</h1><p>No such preview page. The pages are listed on <a class="pact-index" href="/">the preview\'s start page</a>.</p>'
                    },
                    build
                )
            );
        })().catch((error: unknown) => {
            if (error instanceof RecordWriteError) {
                sendJson(res, error.status, error.toBody());
                return;
            }
            log(`Error on ${req.method} ${pathname}: ${(error as Error).stack ?? error}`);
            if (!res.headersSent)
                sendJson(res, 500, [{ errorCode: 'UNKNOWN_EXCEPTION', message: (error as Error).message }]);
        });
    });

    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, '127.0.0.1', () => {
            server.off('error', reject);
            resolve();
        });
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    return {
        url: `http://localhost:${port}/`,
        port,
        store,
        ready,
        close: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            })
    };
}
