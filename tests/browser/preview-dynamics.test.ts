/**
 * The preview's Dynamics 365 page in Debian's Chromium: the P.A.C.T. Account form laid out from the
 * solution's own form definition (alert in the header, account facts, the High Cards control where
 * Microsoft's form has the timeline, the upcoming plans beside it), and the control built on first
 * use when a fresh clone has no pcf/out yet.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { pcfAsset } from '../../scripts/preview/dynamics';
import { isoDate } from '../../force-app/main/default/lwc/pactRules/pactRules';
import { ACCOUNT_FORM } from '../../pcf/scripts/solution/forms';
import { ensureControlBuilt, PCF_ROOT } from '../../pcf/scripts/build-control';
import { artifactPath, launchChromium } from './lib/chromium';

const REPO = path.resolve(__dirname, '../..');
const TEST_TIMEOUT = 240_000;

async function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const port = (server.address() as net.AddressInfo).port;
            server.close(() => resolve(port));
        });
    });
}

/** A checkout with the control's sources and the rulebook but no pcf/out, as a fresh clone has. */
function freshCheckout(): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-fresh-clone-'));
    const pcf = path.join(root, 'pcf');
    fs.cpSync(path.join(PCF_ROOT, 'PactHighCards'), path.join(pcf, 'PactHighCards'), {
        recursive: true,
        filter: (src) => !src.includes(`${path.sep}generated`)
    });
    for (const file of ['pcfconfig.json', 'package.json']) fs.cpSync(path.join(PCF_ROOT, file), path.join(pcf, file));
    const tsconfig = JSON.parse(fs.readFileSync(path.join(PCF_ROOT, 'tsconfig.json'), 'utf8'));
    tsconfig.extends = path.join(PCF_ROOT, tsconfig.extends);
    fs.writeFileSync(path.join(pcf, 'tsconfig.json'), JSON.stringify(tsconfig));
    fs.symlinkSync(path.join(PCF_ROOT, 'node_modules'), path.join(pcf, 'node_modules'), 'dir');
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    const rules = path.join('force-app', 'main', 'default', 'lwc', 'pactRules');
    fs.cpSync(path.join(REPO, rules), path.join(root, rules), { recursive: true });
    // pcf-scripts lints the control with the checkout's ESLint config (a clone has the repo's).
    fs.writeFileSync(path.join(root, 'eslint.config.mjs'), 'export default [];\n');
    return root;
}

interface PlanNode {
    Objective__c: { value: string };
    Planned_For__c: { value: string };
    Status__c: { value: string };
}

/** Starts `npm start`'s server (tsx scripts/preview/start.ts) on a free port with its own store. */
async function startPreview(storeDir: string): Promise<{ child: ChildProcess; url: string }> {
    const port = await freePort();
    const child = spawn(
        path.join(REPO, 'node_modules', '.bin', 'tsx'),
        ['scripts/preview/start.ts', '--port', String(port)],
        {
            cwd: REPO,
            env: { ...process.env, PACT_PREVIEW_STORE: path.join(storeDir, 'store.json') },
            stdio: ['ignore', 'pipe', 'pipe']
        }
    );
    let output = '';
    await new Promise<void>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
            output += chunk.toString();
            if (/Ready in/.test(output)) resolve();
            if (/build failed|Error:/.test(output)) reject(new Error(`The preview did not start:\n${output}`));
        };
        child.stdout!.on('data', onData);
        child.stderr!.on('data', onData);
        child.once('exit', (code) => reject(new Error(`The preview exited (${code}):\n${output}`)));
    });
    return { child, url: `http://127.0.0.1:${port}` };
}

async function graphql<T>(url: string, query: string, variables?: Record<string, unknown>): Promise<T> {
    const response = await fetch(`${url}/__preview/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query, variables })
    });
    const body = (await response.json()) as { data: T; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body.data;
}

describe("the preview's Dynamics 365 page", () => {
    let child: ChildProcess | undefined;
    let browser: Browser | undefined;
    let storeDir = '';

    afterAll(async () => {
        await browser?.close();
        if (child && child.exitCode === null) {
            child.kill('SIGTERM');
            await new Promise((resolve) => child!.once('exit', resolve));
        }
        if (storeDir) fs.rmSync(storeDir, { recursive: true, force: true });
    });

    it(
        'builds the control on first use when the checkout has no pcf/out',
        async () => {
            const checkout = freshCheckout();
            try {
                const bundle = path.join(checkout, 'pcf', 'out', 'controls', 'PactHighCards', 'bundle.js');
                expect(fs.existsSync(bundle)).toBe(false);
                const served = await pcfAsset(checkout, path.join(checkout, '.cache'), 'control/bundle.js');
                expect(fs.existsSync(bundle)).toBe(true);
                expect(String(served?.body)).toContain('Pact.PactHighCards');
                expect(served?.type).toMatch(/javascript/);
            } finally {
                fs.rmSync(checkout, { recursive: true, force: true });
            }
        },
        TEST_TIMEOUT
    );

    it(
        'shows the P.A.C.T. Account form: alert on top, account facts, High Cards in place of the timeline, plans beside',
        async () => {
            await ensureControlBuilt();
            storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-preview-dynamics-'));
            const preview = await startPreview(storeDir);
            child = preview.child;
            const data = await graphql<{
                uiapi: {
                    query: {
                        Account: {
                            edges: {
                                node: { Id: string; Name: { value: string }; Customer_Alert__c: { value: string } };
                            }[];
                        };
                    };
                };
            }>(
                preview.url,
                `
                    {
                        uiapi {
                            query {
                                Account(
                                    where: { Customer_Alert__c: { ne: null } }
                                    orderBy: { Name: { order: ASC } }
                                    first: 1
                                ) {
                                    edges {
                                        node {
                                            Id
                                            Name {
                                                value
                                            }
                                            Customer_Alert__c {
                                                value
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                `
            );
            const node = data.uiapi.query.Account.edges[0]?.node;
            if (!node) throw new Error('The sample data has no account with a customer alert');
            const account = { Id: node.Id, Name: node.Name.value, Customer_Alert__c: node.Customer_Alert__c.value };
            browser = await launchChromium();
            const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
            await page.goto(`${preview.url}/dynamics?account=${account.Id}`);
            await page.waitForSelector('html[data-pact-ready="true"]', { timeout: 90_000 });

            const form = page.locator(`[data-pact-form="${ACCOUNT_FORM.name}"]`);
            await form.waitFor();
            // The header carries the customer alert, above the columns.
            const header = form.locator('[data-pact-header="pact_customeralert"]');
            expect(await header.textContent()).toContain(String(account.Customer_Alert__c));
            const columns = form.locator('[data-pact-column]');
            expect(await columns.evaluateAll((els) => els.map((e) => e.getAttribute('data-pact-column')))).toEqual(
                ACCOUNT_FORM.tabs[0].columns.map((c) => c.width)
            );
            const [left, middle, right] = await columns.evaluateAll((els) =>
                els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect)
            );
            expect(left.x).toBeLessThan(middle.x);
            expect(middle.x).toBeLessThan(right.x);
            expect(middle.width).toBeGreaterThan(left.width * 1.5);
            expect(await form.locator('[data-pact-field="name"]').textContent()).toContain(String(account.Name));
            // The control renders in the middle column, where Microsoft's form has the timeline.
            const control = columns.nth(1).locator('#pcf-root');
            await control.locator('textarea').first().waitFor({ timeout: 30_000 });
            expect(await control.getByRole('button', { name: 'Risk', exact: true }).count()).toBeGreaterThan(0);
            // The upcoming plans beside it: the account's planned meetings of the next 14 days.
            const today = isoDate();
            const until = isoDate(new Date(Date.now() + 14 * 86400000));
            const planData = await graphql<{ uiapi: { query: { Call_Plan__c: { edges: { node: PlanNode }[] } } } }>(
                preview.url,
                `
                    query p($id: ID) {
                        uiapi {
                            query {
                                Call_Plan__c(where: { Account__c: { eq: $id } }, first: 50) {
                                    edges {
                                        node {
                                            Objective__c {
                                                value
                                            }
                                            Planned_For__c {
                                                value
                                            }
                                            Status__c {
                                                value
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                `,
                { id: account.Id }
            );
            const expected = planData.uiapi.query.Call_Plan__c.edges
                .map((e) => e.node)
                .filter((p) => p.Status__c.value === 'Planned')
                .filter((p) => p.Planned_For__c.value >= today && p.Planned_For__c.value <= until)
                .map((p) => p.Objective__c.value);
            const plans = columns.nth(2).locator('[data-pact-subgrid="pact_upcomingplans"]');
            const shown = await plans.locator('li').allTextContents();
            expect(shown.length).toBe(expected.length);
            expected.forEach((objective, i) => expect(shown[i]).toContain(objective));
            expect(await plans.textContent()).toMatch(expected.length ? /\S/ : /No plans in the next 14 days/);
            await page.screenshot({ path: artifactPath('preview-dynamics-form.png'), fullPage: true });
            await page.close();
        },
        TEST_TIMEOUT
    );
});
