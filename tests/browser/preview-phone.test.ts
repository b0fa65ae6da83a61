/**
 * The preview on a phone (390 x 844, touch): the components run their Small form factor (from the
 * viewport, or ?formFactor=Small), the customer alert comes first and the composer next, all within the
 * first screen; no page is wider than the phone, the preview's own shell included.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './lib/chromium';
import {
    PHONE,
    START_TIMEOUT,
    TEST_TIMEOUT,
    accountWithAlert,
    clickCounter,
    eventually,
    highCardCount,
    horizontalOverflow,
    openPage,
    previewApi,
    shoot,
    startPreview,
    type Preview
} from './lib/preview';

let preview: Preview;
let browser: Browser;
let phone: BrowserContext;
let query: ReturnType<typeof previewApi>['query'];

beforeAll(async () => {
    preview = await startPreview();
    ({ query } = previewApi(preview.baseUrl));
    browser = await launchChromium();
    phone = await browser.newContext(PHONE);
}, START_TIMEOUT);

afterAll(async () => {
    await browser?.close();
    await preview?.stop();
});

async function box(page: Page, selector: string) {
    const found = await page.locator(selector).first().boundingBox();
    if (!found) throw new Error(`${selector} is not on the page`);
    return found;
}

describe('the local preview on a phone', () => {
    it(
        'runs the phone form factor: the alert first, then the composer, within the first screen of 390 x 844',
        async () => {
            const account = await accountWithAlert(query);
            const page = await phone.newPage();
            await openPage(page, `${preview.baseUrl}/account/${account.Id}`, 'c-pact-high-card-composer textarea');
            const alert = page.locator('c-pact-customer-hub .pact-hub-alert').first();
            await alert.waitFor({ timeout: 60_000 });
            expect(await alert.textContent()).toContain(account.Customer_Alert__c.value);
            const alertBox = (await alert.boundingBox())!;
            const composerBox = await box(page, 'c-pact-high-card-composer');
            const briefingBox = await box(page, 'c-pact-briefing');
            expect(alertBox.y).toBeLessThan(composerBox.y);
            expect(composerBox.y).toBeLessThan(briefingBox.y);
            // The whole capture (kind, words, Save) fits the first screen, so a rep never scrolls to write.
            const save = page.locator('c-pact-high-card-composer').getByRole('button', { name: 'Save high card' });
            const saveBox = (await save.boundingBox())!;
            expect(saveBox.y + saveBox.height).toBeLessThanOrEqual(844);
            expect(await horizontalOverflow(page)).toBe(0);
            await shoot(page, 'phone-account', { fullPage: false, readme: true });
            await page.close();
        },
        TEST_TIMEOUT
    );

    it(
        'captures a high card with three taps on the phone, without scrolling',
        async () => {
            const account = await accountWithAlert(query);
            const page = await phone.newPage();
            await openPage(page, `${preview.baseUrl}/account/${account.Id}`, 'c-pact-high-card-composer textarea');
            const before = await highCardCount(query, account.Id);
            const composer = page.locator('c-pact-high-card-composer').first();
            const taps = clickCounter();
            const tap = async (target: ReturnType<Page['locator']>) => {
                taps.counts.clicks++;
                await target.tap();
            };
            await tap(composer.getByRole('radio', { name: 'Praise', exact: true }));
            await tap(composer.getByRole('textbox', { name: /What did the customer say/ }));
            await page.keyboard.type('Chief Nursing Officer: the night shift loves the new glove dispenser.');
            // Nothing scrolled to reach Save (after the save the page brings the new card into view, on purpose).
            expect(await page.evaluate(() => window.scrollY)).toBe(0);
            await tap(composer.getByRole('button', { name: 'Save high card' }));
            await eventually(
                () => highCardCount(query, account.Id),
                (n) => n === before + 1,
                'the card saved on the phone'
            );
            console.log(`Phone capture: ${taps.counts.clicks} taps, no scrolling (390 x 844)`);
            expect(taps.counts.clicks).toBeLessThanOrEqual(3);
            await page.close();
        },
        TEST_TIMEOUT
    );

    it(
        'runs the phone order on a wide screen with ?formFactor=Small',
        async () => {
            const account = await accountWithAlert(query);
            const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
            await openPage(
                page,
                `${preview.baseUrl}/account/${account.Id}?formFactor=Small`,
                'c-pact-customer-hub .pact-hub-alert'
            );
            expect((await box(page, 'c-pact-high-card-composer')).y).toBeLessThan(
                (await box(page, 'c-pact-briefing')).y
            );
            await page.goto(`${preview.baseUrl}/account/${account.Id}`);
            await page.waitForSelector('html[data-pact-ready="true"]');
            await page.locator('c-pact-briefing').first().waitFor();
            // On a desktop the briefing (with the alert) leads.
            expect((await box(page, 'c-pact-briefing')).y).toBeLessThan(
                (await box(page, 'c-pact-high-card-composer')).y
            );
            await page.close();
        },
        TEST_TIMEOUT
    );

    it(
        'keeps every page within the phone’s width, the preview’s shell included, and the header readable',
        async () => {
            const account = await accountWithAlert(query);
            const pages: [string, string | undefined][] = [
                ['/', undefined],
                [`/account/${account.Id}`, 'c-pact-timeline li.pact-card'],
                ['/case', 'c-pact-high-card-composer textarea'],
                ['/home', 'c-pact-my-week li'],
                ['/home?user=mgr', 'c-pact-coaching-notes'],
                ['/exec', undefined],
                ['/dynamics', undefined],
                ['/no-such-page', undefined]
            ];
            const widths: Record<string, number> = {};
            const overlaps: string[] = [];
            for (const [route, ready] of pages) {
                const page = await phone.newPage();
                await page.goto(`${preview.baseUrl}${route}`);
                if (ready) {
                    await page.waitForSelector('html[data-pact-ready="true"]', { timeout: 90_000 });
                    await page.locator(ready).first().waitFor({ timeout: 60_000 });
                }
                widths[route] = await page.evaluate(() => document.documentElement.scrollWidth);
                expect({ route, overflow: await horizontalOverflow(page) }).toEqual({ route, overflow: 0 });
                // The record header's title and its picker never overlap.
                if (await page.locator('.pact-record-header select').count()) {
                    const title = (await page.locator('.pact-record-header h1').boundingBox())!;
                    const select = (await page.locator('.pact-record-header select').boundingBox())!;
                    if (title.y + title.height > select.y && select.y + select.height > title.y) overlaps.push(route);
                }
                await page.close();
            }
            expect(overlaps).toEqual([]);
            console.log(`Page widths at 390 px: ${JSON.stringify(widths)}`);
        },
        TEST_TIMEOUT
    );
});
