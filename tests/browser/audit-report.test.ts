/**
 * pact audit --format html in Debian's Chromium: the report of the legacy-org fixture opens from a
 * file, asks the network for nothing, shows the summary, its charts and every finding grouped by
 * category and by object or folder with its evidence and file, and its filter box narrows the list.
 * A screenshot goes to test-artifacts/ on each run.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { auditOrg } from '../../scripts/lib/audit';
import { renderHtml } from '../../scripts/lib/audit/report-html';
import { readMetadataDir } from '../../scripts/lib/metadata/mdapi-reader';
import { artifactPath, launchChromium } from './lib/chromium';

// Chromium on a loaded 2-core machine: generous.
jest.setTimeout(120000);

const REPO = path.resolve(__dirname, '..', '..');
const FIXTURE = path.join(REPO, 'tests', 'cli', 'fixtures', 'legacy-mdapi');

let browser: Browser;

function writeReport(dir: string, name: string): string {
    const { model } = readMetadataDir(dir);
    const html = renderHtml(model, auditOrg(model), {
        description: `${path.relative(REPO, dir)} (mdapi format)`,
        commandTarget: `--source-dir ${path.relative(REPO, dir)}`,
        generatedAt: new Date('2026-01-05T09:30:00Z')
    });
    const file = artifactPath(name);
    fs.writeFileSync(file, html);
    return file;
}

/** Opens a report, failing (and recording) every request that is not the file itself. */
async function open(file: string): Promise<{ page: Page; requests: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url === pathToFileURL(file).href) return route.continue();
        requests.push(url);
        return route.abort();
    });
    await page.goto(pathToFileURL(file).href);
    return { page, requests };
}

beforeAll(async () => {
    browser = await launchChromium();
});
afterAll(async () => {
    await browser?.close();
});

describe('the audit HTML report in Chromium', () => {
    it('opens offline with the summary, charts and grouped findings with evidence and file', async () => {
        const { page, requests } = await open(writeReport(FIXTURE, 'audit-report.html'));
        await page.screenshot({ path: artifactPath('audit-report.png'), fullPage: true });
        expect(requests).toEqual([]);
        expect(await page.title()).toBe('PACT audit: tests/cli/fixtures/legacy-mdapi (mdapi format)');
        expect(await page.getByTestId('activity-controls').textContent()).toBe('15');
        expect(await page.getByTestId('people-ranking').textContent()).toBe('0');
        await expect(page.getByRole('heading', { name: 'What to do next' }).isVisible()).resolves.toBe(true);
        expect(await page.locator('ol.next li').first().textContent()).toContain('pact block --source-dir');

        // Charts: one bar per category, each with its count as text.
        const chart = page.getByRole('img', { name: 'Findings by category' });
        expect(await chart.locator('rect').count()).toBe(5);
        expect(await chart.locator('text.chart-value').allTextContents()).toEqual(['9', '3', '1', '1', '1']);

        // Grouped by category, then by object or folder; every finding with its evidence and file.
        const ticks = page.locator('section#tick-box');
        expect(await ticks.locator('h2').textContent()).toBe('Tick boxes that record an activity (9)');
        expect(await ticks.locator('details.group summary').allTextContents()).toEqual([
            'Activity (3)',
            'Contact (2)',
            'Lead (2)',
            'Account (1)',
            'Site_Visit__c (1)'
        ]);
        const callMade = ticks.locator('tr.finding', { hasText: 'Activity.Call_Made__c' });
        expect(await callMade.locator('td.file').textContent()).toBe('objects/Activity.object');
        expect(await callMade.locator('ul.evidence li').allTextContents()).toEqual([
            'its name says an activity was done: "call", "made"'
        ]);
        const report = page.locator('section#activity-report tr.finding');
        expect(await report.locator('td').first().textContent()).toBe('Sales_Activity/Calls_Per_Rep');
        expect(await report.locator('td.file').textContent()).toBe('reports/Sales_Activity/Calls_Per_Rep.report');
        await page.close();
    });

    it('narrows the findings with its filter box', async () => {
        const { page } = await open(writeReport(FIXTURE, 'audit-report.html'));
        const visible = () => page.locator('tr.finding:not(.hidden)').count();
        expect(await visible()).toBe(15);
        await page.getByLabel('Filter findings').fill('voicemail');
        expect(await visible()).toBe(1);
        expect(await page.locator('tr.finding:not(.hidden) td').first().textContent()).toBe(
            'Activity.Left_Voicemail__c'
        );
        expect(await page.locator('details.group:not(.hidden)').count()).toBe(1);
        await page.getByLabel('Filter findings').fill('');
        expect(await visible()).toBe(15);
        await page.close();
    });

    it('says plainly when there is nothing to retire (PACT itself)', async () => {
        const { page, requests } = await open(writeReport(path.join(REPO, 'force-app'), 'audit-report-pact.html'));
        expect(requests).toEqual([]);
        expect(await page.locator('p.headline').textContent()).toBe(
            'Nothing found: no activity controls, no people rankings.'
        );
        expect(await page.locator('tr.finding').count()).toBe(0);
        await page.close();
    });
});
