/**
 * One page, one truth, for everyone who faces the customer: a card kept from a plan's outcome and a new
 * plan appear at once in the briefing, the timeline and the planner (no reload); a support agent gets the
 * briefing and the composer on the Case page; coaching notes go from a manager to the reps they manage,
 * never from a rep about a colleague; overdue actions are marked.
 */
import type { Browser, Page } from 'playwright-core';
import { artifactPath, launchChromium } from './lib/chromium';
import {
    DESKTOP,
    START_TIMEOUT,
    TEST_TIMEOUT,
    accountWithAlert,
    eventually,
    highCardCount,
    newestCard,
    openPage,
    previewApi,
    shoot,
    startPreview,
    textOf,
    type Preview
} from './lib/preview';
import * as fs from 'node:fs';

let preview: Preview;
let browser: Browser;
let query: ReturnType<typeof previewApi>['query'];

beforeAll(async () => {
    preview = await startPreview();
    ({ query } = previewApi(preview.baseUrl));
    browser = await launchChromium();
}, START_TIMEOUT);

afterAll(async () => {
    await browser?.close();
    await preview?.stop();
});

/** A date the date field accepts as typed (its format hint: "Dec 31, 2024"). */
function typedDate(daysFromNow: number): string {
    const d = new Date(Date.now() + daysFromNow * 86_400_000);
    return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(d);
}

const briefing = (page: Page) => page.locator('c-pact-briefing').first();
const timeline = (page: Page) => page.locator('c-pact-timeline').first();
const planner = (page: Page) => page.locator('c-pact-planner').first();

describe('one page, one truth', () => {
    it(
        'shows a new plan and a card kept from a plan’s outcome in the briefing, the timeline and the planner at once',
        async () => {
            const account = await accountWithAlert(query);
            const page = await browser.newPage({ viewport: DESKTOP });
            await openPage(page, `${preview.baseUrl}/account/${account.Id}`, 'c-pact-timeline li.pact-card');
            await planner(page).getByRole('button', { name: 'Mark held' }).first().waitFor();

            // A new plan: the planner lists it and the briefing's planned conversations name it, without a reload.
            const objective = 'Agree the glove trial on two surgical wards';
            await planner(page).getByRole('button', { name: 'Plan a conversation' }).click();
            await planner(page).getByRole('textbox', { name: 'What do you want to learn or agree?' }).fill(objective);
            await planner(page).getByRole('textbox', { name: 'When' }).fill(typedDate(3));
            await planner(page).getByRole('button', { name: 'Save plan' }).click();
            await eventually(textOf(planner(page)), (t) => t.includes(objective), 'the new plan in the planner');
            await eventually(textOf(briefing(page)), (t) => t.includes(objective), 'the new plan in the briefing');

            // A plan held, its outcome kept as a high card: on the timeline and in the briefing at once.
            const before = await highCardCount(query, account.Id);
            const outcome =
                'Head of Purchasing: the clinical panel will score service at 40% and sees us on 12 January.';
            const plan = planner(page)
                .getByRole('article', { name: /evaluation criteria/ })
                .first();
            await plan.getByRole('button', { name: 'Mark held' }).click();
            await plan.getByRole('textbox', { name: 'What came out of it' }).fill(outcome);
            await plan.getByRole('radio', { name: 'Commitment', exact: true }).click();
            await plan.getByRole('button', { name: 'Save outcome' }).click();
            await eventually(
                () => highCardCount(query, account.Id),
                (n) => n === before + 1,
                'the outcome kept as a high card'
            );
            const card = await newestCard(query, account.Id);
            expect(card.Kind__c.value).toBe('Commitment');
            await eventually(
                textOf(timeline(page)),
                (t) => t.includes('clinical panel will score service'),
                'the outcome card on the timeline'
            );
            await eventually(
                textOf(briefing(page)),
                (t) => t.includes(card.Name.value),
                'the outcome card in the briefing'
            );
            await shoot(page, 'one-truth');
            await page.close();
        },
        TEST_TIMEOUT
    );

    it(
        'gives a support agent the briefing and the composer on the Case page',
        async () => {
            const cases = await query<{
                uiapi: {
                    query: {
                        Case: {
                            edges: { node: { Id: string; Subject: { value: string }; AccountId: { value: string } } }[];
                        };
                    };
                };
            }>(
                `{ uiapi { query { Case(where: { Status: { eq: "Escalated" } }, first: 1) {
                    edges { node { Id Subject { value } AccountId { value } } } } } } }`
            );
            const found = cases.uiapi.query.Case.edges[0].node;
            const accountId = found.AccountId.value;
            const page = await browser.newPage({ viewport: DESKTOP });
            await openPage(page, `${preview.baseUrl}/case/${found.Id}?user=svc`, 'c-pact-timeline li.pact-card');
            expect(await page.locator('h1').first().textContent()).toContain(found.Subject.value);
            // The briefing: the account's alert and its open cases, this one among them.
            await eventually(
                textOf(page.locator('c-pact-customer-hub').first()),
                (t) => t.includes(found.Subject.value),
                'the case among the open cases'
            );
            const alert = await query<{
                uiapi: { query: { Account: { edges: { node: { Customer_Alert__c: { value: string } } }[] } } };
            }>(
                `query a($id: ID) { uiapi { query { Account(where: { Id: { eq: $id } }) { edges { node { Customer_Alert__c { value } } } } } } }`,
                { id: accountId }
            );
            const alertText = alert.uiapi.query.Account.edges[0].node.Customer_Alert__c.value;
            if (alertText) await page.getByText(alertText).first().waitFor({ state: 'visible', timeout: 30_000 });
            // The first screen as the agent sees it (the README's screenshot).
            await shoot(page, 'case', { fullPage: false, readme: true });
            expect(fs.existsSync(artifactPath('preview-case.png'))).toBe(true);
            // The agent captures what the customer said; it lands on the case's account.
            const before = await highCardCount(query, accountId);
            const composer = page.locator('c-pact-high-card-composer').first();
            await composer.getByRole('radio', { name: 'Complaint', exact: true }).click();
            await composer
                .getByRole('textbox', { name: /What did the customer say/ })
                .fill(
                    'Site manager: the replacement unit also alarmed twice overnight; they want an engineer on site.'
                );
            await composer.getByRole('button', { name: 'Save high card' }).click();
            await eventually(
                () => highCardCount(query, accountId),
                (n) => n === before + 1,
                'the card saved from the Case page'
            );
            await eventually(
                textOf(timeline(page)),
                (t) => t.includes('replacement unit also alarmed'),
                'the new card on the Case page timeline'
            );
            await page.close();
        },
        TEST_TIMEOUT
    );

    it(
        'lets a manager write a coaching note about their rep, and a rep only read the notes about them',
        async () => {
            const page = await browser.newPage({ viewport: DESKTOP });
            // The sample rep (the default user) manages nobody: no form to write about a colleague.
            await openPage(page, `${preview.baseUrl}/home`, 'c-pact-coaching-notes h2');
            const notes = page.locator('c-pact-coaching-notes').first();
            await eventually(textOf(notes), (t) => /notes your manager wrote about you/i.test(t), 'the rep’s view');
            expect(await notes.getByRole('button', { name: 'Save note' }).count()).toBe(0);
            expect(await notes.getByRole('combobox').count()).toBe(0);

            // The manager (?user=mgr) writes about the rep they manage, and only reps they manage are offered.
            await openPage(page, `${preview.baseUrl}/home?user=mgr`, 'c-pact-coaching-notes h2');
            const rep = notes.getByRole('combobox', { name: 'Rep you manage' });
            await rep.waitFor({ timeout: 30_000 });
            await rep.click();
            await notes.getByRole('option').first().waitFor({ timeout: 30_000 });
            expect(await notes.getByRole('option', { name: 'Sales Rep' }).count()).toBe(1);
            for (const colleague of ['Service Lead', 'Sales Executive', 'Sales Manager'])
                expect(await notes.getByRole('option', { name: colleague }).count()).toBe(0);
            await notes.getByRole('option', { name: 'Sales Rep' }).click();
            await notes.getByRole('radio', { name: 'Training', exact: true }).click();
            const note = 'Practise asking for the decision date before the price discussion.';
            await notes.getByRole('textbox', { name: 'Note' }).fill(note);
            await notes.getByRole('button', { name: 'Save note' }).click();
            await eventually(textOf(notes), (t) => t.includes(note), 'the note in the manager’s list');

            // The rep reads it.
            await openPage(page, `${preview.baseUrl}/home`, 'c-pact-coaching-notes h2');
            await eventually(textOf(notes), (t) => t.includes(note), 'the note in the rep’s list');
            expect(await notes.getByRole('button', { name: 'Save note' }).count()).toBe(0);
            await page.close();
        },
        TEST_TIMEOUT
    );

    it(
        'marks an overdue open action in the briefing with a word, not colour alone',
        async () => {
            const accounts = await query<{ uiapi: { query: { Account: { edges: { node: { Id: string } }[] } } } }>(
                `{ uiapi { query { Account(where: { Name: { eq: "Solano Retail Group" } }) { edges { node { Id } } } } } }`
            );
            const page = await browser.newPage({ viewport: DESKTOP });
            await openPage(
                page,
                `${preview.baseUrl}/account/${accounts.uiapi.query.Account.edges[0].node.Id}`,
                'c-pact-timeline li.pact-card'
            );
            await eventually(
                textOf(briefing(page)),
                (t) => /Duplicate invoice blocks payments.*Overdue/.test(t),
                'the overdue action marked in the briefing'
            );
            expect(await briefing(page).locator('.pact-overdue').count()).toBeGreaterThan(0);
            await page.close();
        },
        TEST_TIMEOUT
    );
});
