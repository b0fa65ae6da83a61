/**
 * The local preview (npm start) in Debian's Chromium: the real components on an Account page, the
 * rep's capture flow with the keyboard, the rulebook refusing a low card, and a rep's words surviving
 * a failed save and a reload. Screenshots of every page go to test-artifacts/ on each run; with
 * PACT_UPDATE_SCREENSHOTS=1 the README's screenshots (tests/screenshots/) are refreshed too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { artifactPath, launchChromium } from './lib/chromium';
import { ensureControlBuilt } from '../../pcf/scripts/build-control';
import { RULES } from '../../force-app/main/default/lwc/pactRules/pactRules.js';

const REPO = path.resolve(__dirname, '../..');
const README_SHOTS = path.join(REPO, 'tests', 'screenshots');
const UPDATE_README_SHOTS = process.env.PACT_UPDATE_SCREENSHOTS === '1';
const LOW_CARD_MESSAGE = RULES.find((r) => r.name === 'PACT_No_Low_Cards')!.message;
/** jest ignores testTimeout in a project's config: each test says how long a loaded machine may take. */
const TEST_TIMEOUT = 180_000;
/** The most a rep may need to capture a high card (see countInteractions below). */
const MAX_CAPTURE_INTERACTIONS = 4;

let child: ChildProcess | undefined;
let output = '';
let baseUrl = '';
let storeDir = '';
let browser: Browser;

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

async function api(method: string, route: string, body?: unknown) {
    const response = await fetch(`${baseUrl}${route}`, {
        method,
        headers: { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function query<T>(source: string, variables?: Record<string, unknown>): Promise<T> {
    const { body } = await api('POST', '/__preview/graphql', { query: source, variables });
    if (body.errors) throw new Error(body.errors.map((e: { message: string }) => e.message).join('; '));
    return body.data as T;
}

interface AccountNode {
    Id: string;
    Name: { value: string };
    Customer_Alert__c: { value: string | null };
}

async function accountWithAlert(): Promise<AccountNode> {
    const data = await query<{ uiapi: { query: { Account: { edges: { node: AccountNode }[] } } } }>(
        `{ uiapi { query { Account(where: { Customer_Alert__c: { ne: null } }, orderBy: { Name: { order: ASC } }, first: 1) {
            edges { node { Id Name { value } Customer_Alert__c { value } } } } } } }`
    );
    const node = data.uiapi.query.Account.edges[0]?.node;
    if (!node) throw new Error('The sample data (config/sample-data) has no account with a Customer_Alert__c');
    return node;
}

async function highCardCount(accountId: string): Promise<number> {
    const data = await query<{ uiapi: { query: { High_Card__c: { totalCount: number } } } }>(
        `query c($id: ID) { uiapi { query { High_Card__c(where: { Account__c: { eq: $id } }) { totalCount } } } }`,
        { id: accountId }
    );
    return data.uiapi.query.High_Card__c.totalCount;
}

/** Reads until the value satisfies `ok` (the page and the server answer asynchronously). */
async function eventually<T>(
    read: () => Promise<T>,
    ok: (value: T) => boolean,
    what: string,
    timeout = 20_000
): Promise<T> {
    const deadline = Date.now() + timeout;
    let last: T | undefined;
    while (Date.now() < deadline) {
        last = await read();
        if (ok(last)) return last;
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`Timed out waiting for ${what}; last seen: ${JSON.stringify(last)?.slice(0, 500)}`);
}

const textOf = (locator: Locator) => async () => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ');

async function openAccount(page: Page, accountId: string) {
    await page.goto(`${baseUrl}/account/${accountId}`);
    await page.waitForSelector('html[data-pact-ready="true"]', { timeout: 60_000 });
    await page.locator('c-pact-high-card-composer textarea').first().waitFor({ timeout: 30_000 });
}

/** The pages the README shows (first screen only, to keep the committed PNGs small). */
const README_PAGES = ['account', 'exec', 'home', 'dynamics'];

async function shoot(page: Page, name: string) {
    await page.screenshot({ path: artifactPath(`preview-${name}.png`), fullPage: true });
    if (UPDATE_README_SHOTS && README_PAGES.includes(name)) {
        fs.mkdirSync(README_SHOTS, { recursive: true });
        await page.screenshot({ path: path.join(README_SHOTS, `preview-${name}.png`) });
    }
}

/** The text of the focused element, looking through shadow roots (synthetic shadow retargets focus to hosts). */
async function focusedText(page: Page): Promise<string> {
    return page.evaluate(() => {
        let element: Element | null = document.activeElement;
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        return (element?.textContent ?? '').trim();
    });
}

/**
 * The capture flow's interactions, as a rep experiences them: each control the rep reaches and uses
 * with the keyboard is one interaction (moving to it with Tab/Shift+Tab and pressing or typing in it),
 * and the save shortcut is one. Raw keyboard actions are counted too, for the report.
 */
function countInteractions(page: Page) {
    const counts = { interactions: 0, keyboardActions: 0 };
    return {
        counts,
        /** Reach a control (Tab, Shift+Tab or the composer's first field) and type into it. */
        async write(target: Locator | 'Tab' | 'Shift+Tab', text: string) {
            counts.interactions++;
            counts.keyboardActions += 2;
            if (typeof target === 'string') await page.keyboard.press(target);
            else await target.focus();
            await page.keyboard.type(text);
        },
        /** Move with Tab/Shift+Tab to the button labelled `label` (however many stops away) and press Space. */
        async press(move: 'Tab' | 'Shift+Tab', label: string) {
            counts.interactions++;
            for (let stops = 1; stops <= 15; stops++) {
                await page.keyboard.press(move);
                counts.keyboardActions++;
                if ((await focusedText(page)) === label) {
                    await page.keyboard.press('Space');
                    counts.keyboardActions++;
                    return;
                }
            }
            throw new Error(`No "${label}" button within 15 ${move} stops`);
        },
        async shortcut(chord: string) {
            counts.interactions++;
            counts.keyboardActions++;
            await page.keyboard.press(chord);
        }
    };
}

beforeAll(async () => {
    // The preview hosts what npm run build leaves in pcf/out; a fresh clone builds it here (once, locked).
    // Built before the preview starts: the build blocks this process, and a keep-alive socket the server
    // closes meanwhile would fail the next request.
    await ensureControlBuilt();
    storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-preview-test-'));
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    child = spawn(
        path.join(REPO, 'node_modules', '.bin', 'tsx'),
        ['scripts/preview/start.ts', '--port', String(port)],
        {
            cwd: REPO,
            env: { ...process.env, PACT_PREVIEW_STORE: path.join(storeDir, 'store.json') },
            stdio: ['ignore', 'pipe', 'pipe']
        }
    );
    await new Promise<void>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
            output += chunk.toString();
            if (/Ready in/.test(output)) resolve();
            if (/build failed|Error:/.test(output)) reject(new Error(`The preview did not start:\n${output}`));
        };
        child!.stdout!.on('data', onData);
        child!.stderr!.on('data', onData);
        child!.once('exit', (code) => reject(new Error(`The preview exited (${code}):\n${output}`)));
    });
    if (!output.includes(`PACT preview: http://localhost:${port}/`)) {
        throw new Error(`The preview did not print its URL:\n${output}`);
    }
    browser = await launchChromium();
}, 400_000);

afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child!.once('exit', resolve));
    }
    if (storeDir) fs.rmSync(storeDir, { recursive: true, force: true });
});

describe('the local preview', () => {
    it(
        'shows the customer alert on the account page before anything else',
        async () => {
            const account = await accountWithAlert();
            const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
            await openAccount(page, account.Id);
            const alert = page.getByText(account.Customer_Alert__c.value!, { exact: false }).first();
            await alert.waitFor();
            const alertBox = (await alert.boundingBox())!;
            expect(alertBox.y + alertBox.height).toBeLessThan(900); // in the first screen, without scrolling
            for (const selector of ['c-pact-high-card-composer', 'c-pact-timeline']) {
                const box = (await page.locator(selector).first().boundingBox())!;
                expect(alertBox.y).toBeLessThan(box.y);
            }
            // First in reading order too: a screen reader meets it before the composer, the timeline and the planner.
            const readingOrder = await page.locator('#pact-root').ariaSnapshot();
            const alertAt = readingOrder.indexOf(account.Customer_Alert__c.value!);
            expect(alertAt).toBeGreaterThanOrEqual(0);
            for (const selector of ['c-pact-high-card-composer', 'c-pact-timeline', 'c-pact-planner']) {
                const heading = ((await page.locator(`${selector} h2`).first().textContent()) ?? '').trim();
                expect(heading).not.toBe('');
                expect(alertAt).toBeLessThan(readingOrder.indexOf(heading));
            }
            await shoot(page, 'account');
            await page.close();
        },
        TEST_TIMEOUT
    );

    it(
        'captures a high card with the keyboard in at most four interactions and puts it on top of the timeline',
        async () => {
            const account = await accountWithAlert();
            const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
            await openAccount(page, account.Id);
            const before = await highCardCount(account.Id);
            const words =
                'Head of Purchasing: we will double the glove order in January if delivery stays under 48 hours.';
            const rep = countInteractions(page);
            // The words first, then the kind: Complaint ... Feedback sit right before the details field.
            await rep.write(page.locator('c-pact-high-card-composer textarea').first(), words);
            await rep.press('Shift+Tab', 'Commitment'); // the kinds sit just before the details field
            await rep.shortcut('Control+Enter');
            await eventually(
                () => highCardCount(account.Id),
                (n) => n === before + 1,
                'the saved high card'
            );
            const newest = await query<{ uiapi: { query: { High_Card__c: { edges: { node: unknown }[] } } } }>(
                `query n($id: ID) { uiapi { query { High_Card__c(where: { Account__c: { eq: $id } },
                    orderBy: { CreatedDate: { order: DESC } }, first: 1) { edges { node { Kind__c { value } Details__c { value } } } } } } }`,
                { id: account.Id }
            );
            expect(newest.uiapi.query.High_Card__c.edges[0].node).toEqual({
                Kind__c: { value: 'Commitment' },
                Details__c: { value: words }
            });
            const firstCard = page.locator('c-pact-timeline li.pact-card').first();
            await eventually(
                textOf(firstCard),
                (t) => t.includes('double the glove order'),
                'the new card on top of the timeline'
            );
            expect(rep.counts.interactions).toBeLessThanOrEqual(MAX_CAPTURE_INTERACTIONS);
            console.log(
                `Capture flow: ${rep.counts.interactions} interactions, ${rep.counts.keyboardActions} keyboard actions`
            );
            await shoot(page, 'account-after-capture');
            await page.close();
        },
        TEST_TIMEOUT
    );

    it(
        'refuses a low card with the rulebook message, in the page and on the server',
        async () => {
            const account = await accountWithAlert();
            const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
            await openAccount(page, account.Id);
            const before = await highCardCount(account.Id);
            const rep = countInteractions(page);
            await rep.write(page.locator('c-pact-high-card-composer textarea').first(), 'Called, left a voicemail');
            await rep.press('Shift+Tab', 'Feedback');
            await rep.shortcut('Control+Enter');
            await page.getByText(LOW_CARD_MESSAGE).first().waitFor({ state: 'visible', timeout: 10_000 });
            expect(await highCardCount(account.Id)).toBe(before);
            // The server side enforces the same rule, like the generated validation rule in an org.
            const refused = await api('POST', '/__preview/ui-api/records', {
                apiName: 'High_Card__c',
                fields: {
                    Account__c: account.Id,
                    Kind__c: 'Feedback',
                    Details__c: 'Called, left a voicemail',
                    Name: 'Call'
                }
            });
            expect(refused.status).toBe(400);
            expect(refused.body.output.fieldErrors.Details__c[0]).toMatchObject({
                errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
                message: LOW_CARD_MESSAGE
            });
            await shoot(page, 'low-card-refused');
            await page.close();
        },
        TEST_TIMEOUT
    );

    it(
        'keeps the rep’s words when the save fails mid-way, across a reload',
        async () => {
            const account = await accountWithAlert();
            const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
            await openAccount(page, account.Id);
            const before = await highCardCount(account.Id);
            const words = 'Chief Nursing Officer asked for a quote on 400 extra boxes before the budget freeze.';
            await page.locator('c-pact-high-card-composer textarea').first().focus();
            await page.keyboard.type(words);
            await countInteractions(page).press('Shift+Tab', 'Request');
            expect((await api('POST', '/__preview/fail-writes', { mode: 'network' })).status).toBe(200);
            try {
                await page.keyboard.press('Control+Enter');
                await eventually(
                    textOf(page.locator('c-pact-high-card-composer')),
                    (t) => /not saved|connection/i.test(t),
                    'the composer saying the card was not saved'
                );
                expect(await highCardCount(account.Id)).toBe(before);
                await shoot(page, 'save-failed');
            } finally {
                await api('POST', '/__preview/fail-writes', { mode: 'off' });
            }
            await page.reload();
            await page.waitForSelector('html[data-pact-ready="true"]');
            const composer = page.locator('c-pact-high-card-composer');
            await eventually(
                textOf(composer),
                (t) => /unsaved|draft|restore/i.test(t),
                'the offer to restore the unsaved card'
            );
            const restore = composer.getByRole('button', { name: /restore/i });
            if (await restore.count()) await restore.first().click();
            await eventually(
                () => composer.locator('textarea').first().inputValue(),
                (v) => v === words,
                'the restored words'
            );
            await shoot(page, 'draft-restored');
            await page.close();
        },
        TEST_TIMEOUT
    );

    it(
        'renders the Home page with the sample actions waiting on you, and the exec view of the reports',
        async () => {
            const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
            await page.goto(`${baseUrl}/home`);
            await page.waitForSelector('html[data-pact-ready="true"]');
            await page.locator('c-pact-my-week').first().waitFor();
            // config/sample-data/open-actions.json gives the sample rep (the running user) this one, two days overdue.
            await page
                .locator('c-pact-my-week')
                .getByText('Duplicate invoice blocks payments')
                .first()
                .waitFor({ state: 'visible', timeout: 15_000 });
            await shoot(page, 'home');
            await page.goto(`${baseUrl}/exec`);
            await page
                .getByRole('heading', { name: 'Preview of the Salesforce reports' })
                .waitFor({ state: 'visible' });
            expect(await page.locator('.pact-report').count()).toBeGreaterThan(0);
            await shoot(page, 'exec');
            await page.close();
        },
        TEST_TIMEOUT
    );

    it(
        'hosts the built Dynamics 365 control over the same store: alert, keyboard save, low card refused',
        async () => {
            const account = await accountWithAlert();
            const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
            await page.goto(`${baseUrl}/dynamics?account=${account.Id}`);
            await page.waitForSelector('html[data-pact-ready="true"]');
            await page
                .getByText(account.Customer_Alert__c.value!)
                .first()
                .waitFor({ state: 'visible', timeout: 15_000 });
            const before = await highCardCount(account.Id);
            await page.getByRole('button', { name: 'Risk', exact: true }).first().click();
            await page.locator('#pcf-root textarea').first().focus();
            await page.keyboard.type(
                'Director of Supply Chain: a second supplier will be qualified by March unless we cut lead times.'
            );
            await page.keyboard.press('Control+Enter');
            await eventually(
                () => highCardCount(account.Id),
                (n) => n === before + 1,
                'the card saved from the Dynamics control'
            );
            await eventually(
                textOf(page.locator('#pcf-root')),
                (t) => t.includes('second supplier will be qualified'),
                'the new card in the list'
            );
            await page.getByRole('button', { name: 'Feedback', exact: true }).first().click();
            await page.locator('#pcf-root textarea').first().fill('Called, left a voicemail');
            await page.keyboard.press('Control+Enter');
            await page.getByText(LOW_CARD_MESSAGE).first().waitFor({ state: 'visible', timeout: 10_000 });
            expect(await highCardCount(account.Id)).toBe(before + 1);
            await shoot(page, 'dynamics');
            await page.close();
        },
        TEST_TIMEOUT
    );
});
