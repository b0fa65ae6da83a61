/**
 * axe-core on every preview page, on a desktop and on a phone, and on the composer's error, draft and
 * More details states and the planner's outcome panel: a serious or critical violation fails the test,
 * with the rule and the elements. Every page is also watched for console errors (a mismatched LWC
 * engine, a failed request, an uncaught exception): one fails the test.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from './lib/chromium';
import {
    DESKTOP,
    PHONE,
    START_TIMEOUT,
    TEST_TIMEOUT,
    accountWithAlert,
    axeViolations,
    blocking,
    consoleErrors,
    eventually,
    openPage,
    previewApi,
    startPreview,
    textOf,
    type AxeViolation,
    type Preview
} from './lib/preview';
import { ensureControlBuilt } from '../../pcf/scripts/build-control';
import { RULES } from '../../force-app/main/default/lwc/pactRules/pactRules.js';

const LOW_CARD_MESSAGE = RULES.find((r) => r.name === 'PACT_No_Low_Cards')!.message;
const SCREENS: Record<string, BrowserContextOptions> = { desktop: { viewport: DESKTOP }, phone: PHONE };

let preview: Preview;
let browser: Browser;
let api: ReturnType<typeof previewApi>['api'];
let query: ReturnType<typeof previewApi>['query'];
/** Per page and screen: the number of violations by impact (printed for the README and the issue). */
const summary: Record<string, string> = {};

beforeAll(async () => {
    await ensureControlBuilt();
    preview = await startPreview();
    ({ api, query } = previewApi(preview.baseUrl));
    browser = await launchChromium();
}, START_TIMEOUT);

afterAll(async () => {
    console.log(
        `axe-core results (violations by impact):\n${Object.entries(summary)
            .map(([k, v]) => `  ${k}: ${v}`)
            .join('\n')}`
    );
    await browser?.close();
    await preview?.stop();
});

function record(name: string, violations: AxeViolation[]) {
    const byImpact: Record<string, number> = {};
    for (const v of violations) byImpact[v.impact ?? 'unknown'] = (byImpact[v.impact ?? 'unknown'] ?? 0) + 1;
    summary[name] = violations.length
        ? `${Object.entries(byImpact)
              .map(([i, n]) => `${n} ${i}`)
              .join(', ')} (${violations.map((v) => v.id).join(', ')})`
        : 'none';
}

/** The page's serious and critical violations (recorded for the summary either way). */
async function seriousViolations(page: Page, name: string) {
    const violations = await axeViolations(page);
    record(name, violations);
    return blocking(violations);
}

async function expectAccessible(page: Page, name: string) {
    expect({ page: name, serious: await seriousViolations(page, name) }).toEqual({ page: name, serious: [] });
}

async function pages() {
    const account = await accountWithAlert(query);
    const cases = await query<{ uiapi: { query: { Case: { edges: { node: { Id: string } }[] } } } }>(
        `{ uiapi { query { Case(where: { Status: { ne: "Closed" } }, first: 1) { edges { node { Id } } } } } }`
    );
    const caseId = cases.uiapi.query.Case.edges[0].node.Id;
    // Route, what shows the page's data has arrived, whether its console must stay clean.
    return [
        ['index', '/', 'main h1'],
        ['account', `/account/${account.Id}`, 'c-pact-timeline li.pact-card'],
        ['case', `/case/${caseId}`, 'c-pact-timeline li.pact-card'],
        ['home', '/home', 'c-pact-my-week li'],
        ['home as manager', '/home?user=mgr', 'c-pact-coaching-notes h2'],
        ['exec', '/exec', '.pact-report'],
        ['dynamics', `/dynamics?account=${account.Id}`, '#pcf-root textarea'],
        ['not found', '/no-such-page', 'main']
    ] as const;
}

describe('accessibility and a clean console on every preview page', () => {
    for (const screen of Object.keys(SCREENS)) {
        it(
            `has no serious or critical axe violation and no console error on any page (${screen})`,
            async () => {
                const context = await browser.newContext(SCREENS[screen]);
                // Every page is checked before the test fails, so one run names every problem.
                const problems: { page: string; serious: AxeViolation[]; consoleErrors: string[] }[] = [];
                for (const [name, route, ready] of await pages()) {
                    const page = await context.newPage();
                    const errors = consoleErrors(page);
                    await page.goto(`${preview.baseUrl}${route}`);
                    await page.locator(ready).first().waitFor({ timeout: 90_000 });
                    const serious = await seriousViolations(page, `${name} (${screen})`);
                    // The 404 page answers 404 by design; the browser reports that status in the console.
                    const unexpected = name === 'not found' ? errors.filter((e) => !/status of 404/.test(e)) : errors;
                    if (serious.length || unexpected.length)
                        problems.push({ page: name, serious, consoleErrors: unexpected });
                    await page.close();
                }
                await context.close();
                expect(problems).toEqual([]);
                // The record pages keep their heading order too (moderate in axe, so not in `problems`): the
                // customer alert above the composer on a phone once made it h1 -> h3.
                for (const name of ['account', 'case'])
                    expect(summary[`${name} (${screen})`]).not.toMatch(/heading-order/);
            },
            TEST_TIMEOUT
        );
    }

    it(
        'has no serious or critical violation in the composer’s states: More details, refused, unsaved draft',
        async () => {
            const account = await accountWithAlert(query);
            const page = await browser.newPage(SCREENS.desktop);
            const errors = consoleErrors(page);
            await openPage(page, `${preview.baseUrl}/account/${account.Id}`, 'c-pact-timeline li.pact-card');
            const composer = page.locator('c-pact-high-card-composer').first();
            const moreDetails = composer.getByRole('button', { name: /More details/ });
            await moreDetails.click();
            await eventually(
                () => moreDetails.getAttribute('aria-expanded'),
                (v) => v === 'true',
                'More details open'
            );
            await expectAccessible(page, 'composer, More details open');
            await moreDetails.click();

            // Error state: the rulebook refuses a low card.
            await composer.getByRole('radio', { name: 'Feedback', exact: true }).click();
            const words = composer.getByRole('textbox', { name: /What did the customer say/ });
            await words.fill('Called, left a voicemail');
            await words.press('Control+Enter');
            await page.getByText(LOW_CARD_MESSAGE).first().waitFor({ state: 'visible', timeout: 30_000 });
            await expectAccessible(page, 'composer, low card refused');

            // Draft state: the save's connection drops; after a reload the composer offers the words back.
            await words.fill('Head of Purchasing asked for a quote on 400 extra boxes before the budget freeze.');
            await api('POST', '/__preview/fail-writes', { mode: 'network' });
            try {
                await words.press('Control+Enter');
                await eventually(textOf(composer), (t) => /not saved|connection/i.test(t), 'the save failing');
                await expectAccessible(page, 'composer, save failed');
            } finally {
                await api('POST', '/__preview/fail-writes', { mode: 'off' });
            }
            await page.reload();
            await page.waitForSelector('html[data-pact-ready="true"]');
            await eventually(textOf(composer), (t) => /unsaved|draft|restore/i.test(t), 'the restore offer');
            await expectAccessible(page, 'composer, unsaved draft offered');
            await composer
                .getByRole('button', { name: /discard/i })
                .first()
                .click();
            // The browser logs the dropped connection itself; nothing else may appear.
            expect(errors.filter((e) => !/Failed to load resource|ERR_EMPTY_RESPONSE|Failed to fetch/.test(e))).toEqual(
                []
            );
            await page.close();
        },
        TEST_TIMEOUT
    );

    it(
        'has no serious or critical violation in the planner’s outcome panel',
        async () => {
            const account = await accountWithAlert(query);
            const page = await browser.newPage(SCREENS.desktop);
            await openPage(page, `${preview.baseUrl}/account/${account.Id}`, 'c-pact-planner');
            const planner = page.locator('c-pact-planner').first();
            await planner.getByRole('button', { name: 'Mark held' }).first().click();
            await planner.locator('c-pact-outcome-panel').first().waitFor({ timeout: 30_000 });
            await expectAccessible(page, 'planner, outcome panel');
            expect(summary['planner, outcome panel']).toBeDefined();
            await page.close();
        },
        TEST_TIMEOUT
    );
});
