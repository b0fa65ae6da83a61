/**
 * The Dynamics 365 page of the preview: the P.A.C.T. Account form as the solution defines it
 * (pcf/scripts/solution/forms.ts: the alert in the header, the account's facts, the High Cards control
 * where Microsoft's form has the timeline, the upcoming plans beside it), with the PCF control as
 * `npm run build` leaves it (pcf/out/controls/PactHighCards/bundle.js), built on first use when it is
 * missing or out of date. The control is hosted the way a model-driven form hosts a React virtual
 * control: React 16 and Fluent 9 as the platform's globals (Reactv16, FluentUIReactv940), a dataset
 * and a webAPI over the preview's store (app/pcfHost.js), the resx strings. Writes go through the
 * same rulebook check as the Salesforce side.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { ensureControlBuilt } from '../../pcf/scripts/build-control';
import { ACCOUNT_FORM } from '../../pcf/scripts/solution/forms';
import type { PreviewStore } from './store';

const CONTROL_DIR = ['pcf', 'out', 'controls', 'PactHighCards'];
const RESX = ['pcf', 'PactHighCards', 'strings', 'PactHighCards.1033.resx'];

const escapeHtml = (value: unknown) =>
    String(value ?? '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;');

export interface Served {
    body: Buffer | string;
    type: string;
}

const JS = 'text/javascript; charset=utf-8';

/** The control's resx strings as key -> value. */
function readStrings(repoDir: string): Record<string, string> {
    const file = path.join(repoDir, ...RESX);
    if (!fs.existsSync(file)) return {};
    const parsed = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: '',
        isArray: (n) => n === 'data'
    }).parse(fs.readFileSync(file, 'utf8'));
    const entries = (parsed.root?.data ?? []) as { name: string; value: unknown }[];
    return Object.fromEntries(entries.map((d) => [d.name, String(d.value ?? '')]));
}

/** Fluent UI 9 as the global the platform provides (FluentUIReactv940), built once and cached. */
async function fluentBundle(repoDir: string, cacheDir: string): Promise<string> {
    const pcfDir = path.join(repoDir, 'pcf');
    const version = JSON.parse(
        fs.readFileSync(path.join(pcfDir, 'node_modules', '@fluentui', 'react-components', 'package.json'), 'utf8')
    ).version as string;
    const cacheFile = path.join(cacheDir, `fluent-${version}.js`);
    if (fs.existsSync(cacheFile)) return fs.readFileSync(cacheFile, 'utf8');
    // esbuild (a devDependency, also what tsx runs on) is loaded on demand, only for this page.
    const esbuild = await import('esbuild');
    const globals: Record<string, string> = {
        react: 'module.exports = window.Reactv16;',
        'react-dom': 'module.exports = window.ReactDOM;',
        'react/jsx-runtime':
            'var R = window.Reactv16; function jsx(t, p, k) { return R.createElement(t, k === undefined ? p : Object.assign({}, p, { key: k })); } module.exports = { jsx: jsx, jsxs: jsx, Fragment: R.Fragment };'
    };
    const result = await esbuild.build({
        stdin: { contents: "export * from '@fluentui/react-components';", resolveDir: pcfDir, loader: 'js' },
        bundle: true,
        format: 'iife',
        globalName: 'FluentUIReactv940',
        minify: true,
        write: false,
        define: { 'process.env.NODE_ENV': '"production"' },
        plugins: [
            {
                name: 'platform-globals',
                setup(build) {
                    build.onResolve({ filter: /^react(-dom)?(\/jsx-runtime)?$/ }, (args) => ({
                        path: args.path,
                        namespace: 'platform-global'
                    }));
                    build.onLoad({ filter: /.*/, namespace: 'platform-global' }, (args) => ({
                        contents: globals[args.path] ?? `module.exports = window.Reactv16;`,
                        loader: 'js'
                    }));
                }
            }
        ]
    });
    const code = result.outputFiles[0].text;
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.writeFileSync(cacheFile, code);
    return code;
}

/** Files of /pcf/...: the built control, React 16, Fluent, the resx strings, the host script. */
export async function pcfAsset(repoDir: string, cacheDir: string, file: string): Promise<Served | null> {
    if (file === 'host/react.js') {
        return {
            body: fs.readFileSync(path.join(repoDir, 'pcf', 'node_modules', 'react', 'umd', 'react.production.min.js')),
            type: JS
        };
    }
    if (file === 'host/react-dom.js') {
        return {
            body: fs.readFileSync(
                path.join(repoDir, 'pcf', 'node_modules', 'react-dom', 'umd', 'react-dom.production.min.js')
            ),
            type: JS
        };
    }
    if (file === 'host/fluent.js') return { body: await fluentBundle(repoDir, cacheDir), type: JS };
    if (file === 'host/host.js') return { body: fs.readFileSync(path.join(__dirname, 'app', 'pcfHost.js')), type: JS };
    if (file === 'host/strings.json') return { body: JSON.stringify(readStrings(repoDir)), type: 'application/json' };
    // First use on a fresh clone (or after a source change): build the control, without blocking.
    if (file.startsWith('control/')) await ensureControlBuilt(path.join(repoDir, 'pcf'));
    const dir = path.join(repoDir, ...CONTROL_DIR);
    const full = path.normalize(path.join(dir, file.replace(/^control\//, '')));
    if (!file.startsWith('control/') || !full.startsWith(dir) || !fs.existsSync(full) || !fs.statSync(full).isFile())
        return null;
    return {
        body: fs.readFileSync(full),
        type: full.endsWith('.js') ? JS : full.endsWith('.css') ? 'text/css' : 'text/plain'
    };
}

/** The option values the Dataverse solution uses: 100000000 + the position in the rulebook's picklist. */
function optionSets(store: PreviewStore) {
    const object = store.object('High_Card__c');
    const values = (field: string) =>
        (object.fields.find((f) => f.apiName === field)?.picklistValues ?? []).map((p) => p.value);
    return {
        pact_kind: { field: 'Kind__c', labels: values('Kind__c') },
        pact_theme: { field: 'Theme__c', labels: values('Theme__c') },
        pact_sentiment: { field: 'Sentiment__c', labels: values('Sentiment__c') },
        pact_actionstatus: { field: 'Action_Status__c', labels: values('Action_Status__c') }
    };
}

type StoredRecord = ReturnType<PreviewStore['list']>[number];

/** The account form's Dataverse columns, read from the Salesforce-shaped sample record. */
function accountValue(store: PreviewStore, account: StoredRecord, column: string): string {
    const name = (id: unknown) => (typeof id === 'string' ? String(store.get(id)?.Name ?? '') : '');
    switch (column) {
        case 'name':
            return String(account.Name ?? '');
        case 'telephone1':
            return String(account.Phone ?? '');
        case 'websiteurl':
            return String(account.Website ?? '');
        case 'primarycontactid':
            return String(store.list('Contact').find((c) => c.AccountId === account.Id)?.Name ?? '');
        case 'ownerid':
            return name(account.OwnerId);
        case 'pact_customeralert':
            return String(account.Customer_Alert__c ?? '');
        default:
            return '';
    }
}

/** Plans for the next 14 days, soonest first: what the form's "Upcoming Plans" view shows. */
function upcomingPlans(store: PreviewStore, accountId: string): StoredRecord[] {
    const today = store.today();
    const until = new Date(Date.parse(`${today}T00:00:00Z`) + 14 * 86400000).toISOString().slice(0, 10);
    return store
        .list('Call_Plan__c')
        .filter((p) => p.Account__c === accountId && p.Status__c === 'Planned')
        .filter((p) => String(p.Planned_For__c) >= today && String(p.Planned_For__c) <= until)
        .sort((a, b) => String(a.Planned_For__c).localeCompare(String(b.Planned_For__c)));
}

type FormCell = (typeof ACCOUNT_FORM.tabs)[number]['columns'][number]['sections'][number]['cells'][number];

function cellHtml(store: PreviewStore, account: StoredRecord, cell: FormCell, controlRoot: string): string {
    if ('field' in cell) {
        const value = accountValue(store, account, cell.field);
        return `<div class="slds-form-element slds-m-bottom_x-small" data-pact-field="${cell.field}"><span class="slds-form-element__label">${escapeHtml(cell.label)}</span><div class="slds-form-element__static">${value ? escapeHtml(value) : '<span class="slds-text-color_weak">—</span>'}</div></div>`;
    }
    if ('subgrid' in cell && cell.customControl) return controlRoot;
    if ('subgrid' in cell) {
        const plans = upcomingPlans(store, String(account.Id));
        const items = plans
            .map(
                (p) =>
                    `<li class="slds-item"><span class="slds-text-title">${escapeHtml(p.Planned_For__c)}</span><br>${escapeHtml(p.Objective__c)}</li>`
            )
            .join('');
        return `<div data-pact-subgrid="${cell.subgrid}">${items ? `<ul class="slds-has-dividers_bottom-space">${items}</ul>` : '<p class="slds-text-color_weak">No plans in the next 14 days.</p>'}</div>`;
    }
    return '';
}

/** The P.A.C.T. Account form, laid out from its definition in the solution (one source for both). */
function accountFormHtml(store: PreviewStore, account: StoredRecord, controlRoot: string): string {
    const header = (ACCOUNT_FORM.header ?? [])
        .map((cell) => {
            const value = 'field' in cell ? accountValue(store, account, cell.field) : '';
            return `<div class="slds-col" data-pact-header="${'field' in cell ? cell.field : ''}"><span class="slds-form-element__label">${escapeHtml(cell.label)}</span>${value ? `<div class="slds-text-color_error slds-text-heading_small" role="note">${escapeHtml(value)}</div>` : '<div class="slds-text-color_weak">—</div>'}</div>`;
        })
        .join('');
    const tab = ACCOUNT_FORM.tabs[0];
    const columns = tab.columns
        .map(
            (column) =>
                `<div class="pact-form-column" style="--pact-column-width: ${column.width}" data-pact-column="${column.width}">${column.sections
                    .map(
                        (section) =>
                            `<section class="slds-card slds-p-around_small slds-m-right_small" data-pact-section="${section.name}">${section.showLabel ? `<h2 class="slds-text-heading_small slds-m-bottom_x-small">${escapeHtml(section.label)}</h2>` : ''}${section.cells.map((cell) => cellHtml(store, account, cell, controlRoot)).join('')}</section>`
                    )
                    .join('')}</div>`
        )
        .join('');
    // On a phone a model-driven form shows its columns one under the other, in order.
    const style = `<style>.pact-form-columns { display: flex; align-items: flex-start; }
.pact-form-column { flex: 0 0 var(--pact-column-width); max-width: var(--pact-column-width); min-width: 0; }
@media (max-width: 767px) { .pact-form-columns { flex-direction: column; align-items: stretch; } .pact-form-column { max-width: none; flex-basis: auto; }
.pact-dynamics-header .slds-page-header__row { flex-direction: column; } }</style>`;
    return `${style}<div data-pact-form="${escapeHtml(ACCOUNT_FORM.name)}"><div class="slds-grid slds-p-around_small slds-m-bottom_small slds-box slds-theme_default" data-pact-form-header>${header}</div><div class="slds-text-title_caps slds-m-bottom_x-small">${escapeHtml(tab.label)}</div><div class="pact-form-columns">${columns}</div></div>`;
}

export function dynamicsPage(
    repoDir: string,
    store: PreviewStore,
    accountId: string | null
): { body: string; recordId?: string } {
    const bundle = path.join(repoDir, ...CONTROL_DIR, 'bundle.js');
    const accounts = store.list('Account').sort((a, b) => String(a.Name).localeCompare(String(b.Name)));
    const account = (accountId && store.get(accountId)) || accounts.find((a) => a.Customer_Alert__c) || accounts[0];
    if (!account) return { body: '<p>No sample accounts.</p>' };
    const options = accounts
        .map(
            (a) =>
                `<option value="${escapeHtml(a.Id)}"${a.Id === account.Id ? ' selected' : ''}>${escapeHtml(a.Name)}</option>`
        )
        .join('');
    const config = {
        accountId: account.Id,
        accountName: account.Name,
        optionSets: optionSets(store),
        userId: store.userId
    };
    // The bundle is built when the page asks for it (pcfAsset), so its version is known only if it exists.
    const version = fs.existsSync(bundle)
        ? crypto.createHash('sha256').update(fs.readFileSync(bundle)).digest('hex').slice(0, 8)
        : 'first-build';
    const controlRoot = `<div id="pcf-root" data-config="${escapeHtml(JSON.stringify(config))}"><p class="slds-text-color_weak">Loading the control${version === 'first-build' ? ' (building it on first use: this takes a few seconds)' : ''}...</p></div>`;
    const body = `<div class="slds-page-header slds-m-bottom_small pact-dynamics-header"><div class="slds-page-header__row"><div class="slds-page-header__col-title">
<span class="slds-text-title_caps">Dynamics 365 - ${escapeHtml(ACCOUNT_FORM.name)} form</span><h1 class="slds-page-header__title">${escapeHtml(account.Name)}</h1>
<p class="slds-text-body_small">The P.A.C.T. Account form of the PACT solution, with the High Cards control from pcf/out (as built by npm run build) in place of the timeline, hosted with React 16 and Fluent 9 like a model-driven form, over the same sample records.</p></div>
<div class="slds-page-header__col-actions"><label class="slds-form-element__label" for="pact-account-picker">Open another account</label>
<select id="pact-account-picker" class="slds-select" onchange="location.href='/dynamics?account='+this.value">${options}</select></div></div></div>
<link rel="stylesheet" href="/pcf/control/css/PactHighCards.css">
${accountFormHtml(store, account, controlRoot)}
<script src="/pcf/host/react.js"></script>
<script src="/pcf/host/react-dom.js"></script>
<script>window.Reactv16 = window.React; window.__pcfControls = {}; window.ComponentFramework = { registerControl: function (name, ctor) { window.__pcfControls[name] = ctor; } };</script>
<script src="/pcf/host/fluent.js"></script>
<script src="/pcf/control/bundle.js?v=${version}"></script>
<script src="/pcf/host/host.js"></script>`;
    return { body, recordId: account.Id };
}
