/**
 * The High Cards control in Microsoft's own test harness (pcf-start) in real headless Chromium.
 * Offline, the harness page is blank because it loads React from a CDN: those requests are routed to
 * the React UMD files of the pcf workspace. The harness has no webAPI (it alerts and rejects), so a
 * routed prefix on bundle.js wraps ComponentFramework.registerControl and hands the control a test
 * webAPI that records what it receives.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ensureControlBuilt } from '../../pcf/scripts/build-control';
import { artifactPath, launchChromium } from './lib/chromium';

const PCF_ROOT = path.resolve(__dirname, '../../pcf');
const PORT = 8181; // fixed by pcf-start
const HARNESS = `http://localhost:${PORT}/`;
const ACCOUNT_ID = '5f1c2a9e-3b7d-4e21-9a0b-6c8d2e4f1a37';
const SAID = 'The head of purchasing said they will double the order if we can deliver by the 15th.';

/** Runs before bundle.js: every control registered from here on gets the test webAPI. */
const WEB_API_PREFIX = `
(function () {
    var calls = (window.__pactWebApiCalls = []);
    var webAPI = {
        createRecord: function (entityType, data) {
            calls.push({ method: 'createRecord', entityType: entityType, data: data });
            return Promise.resolve({ id: '0d7b6a52-1c3e-4f8a-9b2d-3e4f5a6b7c8d', name: data.pact_name, entityType: entityType });
        },
        retrieveRecord: function (entityType, id, options) {
            calls.push({ method: 'retrieveRecord', entityType: entityType, id: id, options: options });
            return Promise.resolve({ pact_customeralert: null });
        },
        updateRecord: function () { return Promise.reject(new Error('not used')); },
        deleteRecord: function () { return Promise.reject(new Error('not used')); },
        retrieveMultipleRecords: function () { return Promise.resolve({ entities: [] }); }
    };
    var patch = function (context) {
        Object.defineProperty(context, 'webAPI', { value: webAPI, configurable: true, writable: true });
    };
    var framework = window.ComponentFramework;
    if (!framework || !framework.registerControl) throw new Error('pcf-start no longer offers ComponentFramework.registerControl');
    var register = framework.registerControl.bind(framework);
    framework.registerControl = function (name, Control) {
        return register(name, class extends Control {
            init(context) { patch(context); return super.init.apply(this, arguments); }
            updateView(context) { patch(context); return super.updateView.apply(this, arguments); }
        });
    };
})();
`;

/** Rows for the harness's dataset, through its CSV input (values as Dataverse returns them). */
const CSV = [
    'pact_name,pact_kind,pact_theme,pact_details,pact_occurredon',
    'Asked for a volume discount,100000001,100000001,They want 8% off if they commit to two years.,2026-11-18',
    'Competitor offered free delivery,100000003,100000003,A rival offered free delivery to all their sites.,2026-11-20'
].join('\n');

function portIsFree(port: number): Promise<boolean> {
    return new Promise((resolve) => {
        const server = net.createServer();
        server.once('error', () => resolve(false));
        server.once('listening', () => server.close(() => resolve(true)));
        server.listen(port);
    });
}

async function waitForHarness(child: ChildProcess, log: () => string): Promise<void> {
    const deadline = Date.now() + 60000;
    while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`pcf-start exited with ${child.exitCode}:\n${log()}`);
        try {
            if ((await fetch(HARNESS)).ok) return;
        } catch {
            // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`pcf-start did not answer on ${HARNESS} within 60 s:\n${log()}`);
}

async function offlineHarnessPage(browser: Browser): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.route(/^https?:\/\/(?!localhost[:/])/, (route) => {
        const url = route.request().url();
        const umd = /unpkg\.com\/react-dom@/.test(url)
            ? 'react-dom/umd/react-dom.development.js'
            : /unpkg\.com\/react@/.test(url)
              ? 'react/umd/react.development.js'
              : null;
        // Everything else outside the harness (web fonts) stays offline.
        return umd
            ? route.fulfill({ path: path.join(PCF_ROOT, 'node_modules', umd), contentType: 'application/javascript' })
            : route.abort();
    });
    await page.route(`${HARNESS}bundle.js`, async (route) => {
        const original = await route.fetch();
        await route.fulfill({ response: original, body: WEB_API_PREFIX + (await original.text()) });
    });
    return page;
}

describe('PACT High Cards in the pcf-start harness (headless Chromium)', () => {
    let harness: ChildProcess | undefined;
    let browser: Browser | undefined;
    let output = '';

    const stopHarness = () => {
        if (harness?.pid && harness.exitCode === null) {
            try {
                process.kill(-harness.pid, 'SIGTERM'); // its whole process group
            } catch {
                harness.kill('SIGTERM');
            }
        }
    };

    beforeAll(async () => {
        const build = await ensureControlBuilt();
        if (!(await portIsFree(PORT))) {
            throw new Error(
                `Port ${PORT} is busy. pcf-start always serves on ${PORT}: stop the other harness (e.g. "npm start -w pcf") and run the tests again.`
            );
        }
        harness = spawn(
            process.execPath,
            [require.resolve('pcf-start/bin/pcf-start.js'), '--codePath', path.dirname(build.bundlePath as string)],
            {
                cwd: PCF_ROOT,
                detached: true, // own process group, so afterAll ends it and nothing else
                env: { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: 'true' },
                stdio: ['ignore', 'pipe', 'pipe']
            }
        );
        harness.stdout?.on('data', (d) => (output += d));
        harness.stderr?.on('data', (d) => (output += d));
        process.once('exit', stopHarness);
        await waitForHarness(harness, () => output);
        browser = await launchChromium();
    }, 300000);

    afterAll(async () => {
        await browser?.close();
        stopHarness();
        process.removeListener('exit', stopHarness);
    });

    it('renders, takes a high card typed and saved through the keyboard, and sends it to the webAPI', async () => {
        const page = await offlineHarnessPage(browser as Browser);
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(HARNESS);
        await page.waitForSelector('.pact-highcards', { timeout: 30000 });

        // The harness panel: the account and its alert as input properties, dataset rows from a CSV.
        const property = (name: string) =>
            page.locator('.property-inputs .io-item', { hasText: name }).locator('input[type="text"]');
        await property('accountId').fill(ACCOUNT_ID);
        await property('customerAlert').fill('On credit hold - refer to accounts receivable');
        const csv = artifactPath('pcf-harness-high-cards.csv');
        writeFileSync(csv, CSV);
        await page.locator('.dataset-inputs input[type="file"]').setInputFiles(csv);
        await page.getByRole('button', { name: 'Apply' }).click();

        const alert = page.locator('.pact-alert[role="alert"]');
        await expect(alert.textContent()).resolves.toContain('On credit hold - refer to accounts receivable');
        await page.waitForSelector('.pact-card');
        await expect(page.locator('.pact-card-headline').allTextContents()).resolves.toEqual([
            'Competitor offered free delivery',
            'Asked for a volume discount'
        ]);

        // Keyboard only: from the first kind button, Tab to "Commitment", Space, Tab on to the text.
        const focused = () =>
            page.evaluate(() => document.activeElement?.textContent || document.activeElement?.tagName);
        await page.locator('.pact-composer button', { hasText: 'Feedback' }).focus();
        await page.keyboard.press('Tab');
        await page.keyboard.press('Tab');
        await expect(focused()).resolves.toBe('Commitment');
        await page.keyboard.press('Space');
        await expect(
            page.locator('.pact-composer button', { hasText: 'Commitment' }).getAttribute('aria-pressed')
        ).resolves.toBe('true');
        for (let i = 0; i < 6; i++) await page.keyboard.press('Tab'); // Competitor ... Complaint, then the text
        await expect(focused()).resolves.toBe('TEXTAREA');
        await page.keyboard.type(SAID);
        await page.keyboard.press('Control+Enter');

        await page.waitForFunction(() =>
            ((window as unknown as { __pactWebApiCalls: { method: string }[] }).__pactWebApiCalls ?? []).some(
                (c) => c.method === 'createRecord'
            )
        );
        const calls = await page.evaluate(
            () => (window as unknown as { __pactWebApiCalls: { method: string }[] }).__pactWebApiCalls
        );
        const created = calls.filter((c) => c.method === 'createRecord');
        expect(created).toEqual([
            {
                method: 'createRecord',
                entityType: 'pact_highcard',
                data: {
                    pact_name: 'The head of purchasing said they will double the order if we can deliver by…',
                    pact_kind: 100000002,
                    pact_details: SAID,
                    pact_occurredon: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
                    'pact_accountid@odata.bind': `/accounts(${ACCOUNT_ID})`
                }
            }
        ]);
        await page.waitForSelector('text=High card saved.');
        await expect(page.locator('.pact-composer textarea').inputValue()).resolves.toBe('');
        await page.screenshot({ path: artifactPath('pcf-harness-high-cards.png'), fullPage: true });
        expect(errors).toEqual([]);
        await page.close();
    }, 120000);
});
