/**
 * The preview's Dynamics 365 page in Debian's Chromium: the P.A.C.T. Account form laid out from the
 * solution's own form definition (alert in the header, account facts, the High Cards control where
 * Microsoft's form has the timeline, the upcoming plans beside it), and the control built on first
 * use when a fresh clone has no pcf/out yet.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { pcfAsset } from '../../scripts/preview/dynamics';
import { isoDate } from '../../force-app/main/default/lwc/pactRules/pactRules';
import { ACCOUNT_FORM } from '../../pcf/scripts/solution/forms';
import { ensureControlBuilt, PCF_ROOT } from '../../pcf/scripts/build-control';
import { artifactPath, launchChromium } from './lib/chromium';
import {
    accountWithAlert,
    previewApi,
    REPO,
    START_TIMEOUT,
    startPreview,
    TEST_TIMEOUT,
    type Preview
} from './lib/preview';

/** A checkout with the control's sources and the rulebook but no pcf/out, as a fresh clone has. */
function freshCheckout(): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-fresh-clone-'));
    const pcf = path.join(root, 'pcf');
    fs.cpSync(path.join(PCF_ROOT, 'PactHighCards'), path.join(pcf, 'PactHighCards'), {
        recursive: true,
        filter: (src) => !src.includes(`${path.sep}generated`)
    });
    for (const file of ['pcfconfig.json', 'package.json', 'babel.config.js'])
        fs.cpSync(path.join(PCF_ROOT, file), path.join(pcf, file));
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

describe("the preview's Dynamics 365 page", () => {
    let preview: Preview | undefined;
    let browser: Browser | undefined;

    beforeAll(async () => {
        // The preview hosts what npm run build leaves in pcf/out; built here first (once, locked).
        await ensureControlBuilt();
        preview = await startPreview();
        browser = await launchChromium();
    }, START_TIMEOUT);

    afterAll(async () => {
        await browser?.close();
        await preview?.stop();
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
            if (!preview || !browser) throw new Error('The preview or Chromium did not start');
            const { query } = previewApi(preview.baseUrl);
            const node = await accountWithAlert(query);
            const account = { Id: node.Id, Name: node.Name.value, Customer_Alert__c: node.Customer_Alert__c.value };
            const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
            await page.goto(`${preview.baseUrl}/dynamics?account=${account.Id}`);
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
            const planData = await query<{ uiapi: { query: { Call_Plan__c: { edges: { node: PlanNode }[] } } } }>(
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

            // On a phone the columns stack in order: facts, High Cards, upcoming plans; none is squeezed.
            await page.setViewportSize({ width: 390, height: 844 });
            const stacked = await columns.evaluateAll((els) =>
                els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect)
            );
            expect(stacked[0].y).toBeLessThan(stacked[1].y);
            expect(stacked[1].y).toBeLessThan(stacked[2].y);
            stacked.forEach((r) => expect(r.width).toBeGreaterThan(300));
            const title = await page.locator('.pact-dynamics-header h1').boundingBox();
            expect(title?.width).toBeGreaterThan(300);
            await control.locator('textarea').first().scrollIntoViewIfNeeded();
            await page.screenshot({ path: artifactPath('preview-dynamics-form-phone.png'), fullPage: true });
            await page.close();
        },
        TEST_TIMEOUT
    );
});
