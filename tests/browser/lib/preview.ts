/**
 * The local preview for browser tests: starts `npm start`'s server on a free port with its own store file
 * (a developer's preview data is never touched), talks to its API, and gives the page-side helpers every
 * preview test needs (wait for the components, the focused element through shadow roots, real key presses
 * counted, axe-core, console errors). Waits are for states, never fixed sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { artifactPath } from './chromium';

export const REPO = path.resolve(__dirname, '../../..');

/** The screens the preview tests use: a laptop, and a phone as Chromium emulates one (390 x 844, touch). */
export const DESKTOP = { width: 1280, height: 1000 };
export const PHONE: BrowserContextOptions = {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2
};

const README_SHOTS = path.join(REPO, 'tests', 'screenshots');

/**
 * test-artifacts/preview-<name>.png on every run (the whole page unless `fullPage: false`); for a page the README
 * shows (`readme`), with PACT_UPDATE_SCREENSHOTS=1 also tests/screenshots/preview-<name>.png, the first screen
 * only, to keep the committed PNGs small.
 */
export async function shoot(page: Page, name: string, { fullPage = true, readme = false } = {}) {
    await page.screenshot({ path: artifactPath(`preview-${name}.png`), fullPage });
    if (readme && process.env.PACT_UPDATE_SCREENSHOTS === '1') {
        fs.mkdirSync(README_SHOTS, { recursive: true });
        await page.screenshot({ path: path.join(README_SHOTS, `preview-${name}.png`) });
    }
}

/** jest ignores testTimeout in a project's config: each test says how long a loaded 2-core machine may take. */
export const TEST_TIMEOUT = 240_000;
/** Starting the preview builds the components when the cache is cold (about 30 s; far more on a loaded box). */
export const START_TIMEOUT = 400_000;

export interface Preview {
    baseUrl: string;
    /** Everything the server printed (shown when a start fails). */
    output(): string;
    stop(): Promise<void>;
}

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

/** Starts the preview (scripts/preview/start.ts) as `npm start` does, and resolves once it says "Ready". */
export async function startPreview(): Promise<Preview> {
    const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-preview-test-'));
    const port = await freePort();
    let output = '';
    const child: ChildProcess = spawn(
        path.join(REPO, 'node_modules', '.bin', 'tsx'),
        ['scripts/preview/start.ts', '--port', String(port)],
        {
            cwd: REPO,
            env: { ...process.env, PACT_PREVIEW_STORE: path.join(storeDir, 'store.json') },
            stdio: ['ignore', 'pipe', 'pipe']
        }
    );
    const stop = async () => {
        if (child.exitCode === null) {
            child.kill('SIGTERM');
            await new Promise((resolve) => child.once('exit', resolve));
        }
        fs.rmSync(storeDir, { recursive: true, force: true });
    };
    try {
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
        if (!output.includes(`PACT preview: http://localhost:${port}/`))
            throw new Error(`The preview did not print its URL:\n${output}`);
    } catch (error) {
        await stop();
        throw error;
    }
    return { baseUrl: `http://127.0.0.1:${port}`, output: () => output, stop };
}

/** The preview's HTTP API (GraphQL, UI API writes, test hooks). */
export function previewApi(baseUrl: string) {
    async function api(method: string, route: string, body?: unknown, user?: string) {
        const response = await fetch(`${baseUrl}${route}`, {
            method,
            headers: { 'Content-Type': 'application/json', ...(user ? { 'X-Pact-User': user } : {}) },
            body: body === undefined ? undefined : JSON.stringify(body)
        });
        const text = await response.text();
        return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
    }
    async function query<T>(source: string, variables?: Record<string, unknown>): Promise<T> {
        const { body } = await api('POST', '/__preview/graphql', { query: source, variables });
        if (body.errors) throw new Error(body.errors.map((e: { message: string }) => e.message).join('; '));
        return body.data as T;
    }
    return { api, query };
}

export interface AccountNode {
    Id: string;
    Name: { value: string };
    Customer_Alert__c: { value: string | null };
}

type Query = ReturnType<typeof previewApi>['query'];

/** The first sample account (by name) with a customer alert. */
export async function accountWithAlert(query: Query): Promise<AccountNode> {
    const data = await query<{ uiapi: { query: { Account: { edges: { node: AccountNode }[] } } } }>(
        `{ uiapi { query { Account(where: { Customer_Alert__c: { ne: null } }, orderBy: { Name: { order: ASC } }, first: 1) {
            edges { node { Id Name { value } Customer_Alert__c { value } } } } } } }`
    );
    const node = data.uiapi.query.Account.edges[0]?.node;
    if (!node) throw new Error('The sample data (config/sample-data) has no account with a Customer_Alert__c');
    return node;
}

export async function highCardCount(query: Query, accountId: string): Promise<number> {
    const data = await query<{ uiapi: { query: { High_Card__c: { totalCount: number } } } }>(
        `query c($id: ID) { uiapi { query { High_Card__c(where: { Account__c: { eq: $id } }) { totalCount } } } }`,
        { id: accountId }
    );
    return data.uiapi.query.High_Card__c.totalCount;
}

export interface SavedCard {
    Id: string;
    Kind__c: { value: string };
    Details__c: { value: string };
    Name: { value: string };
}

export async function newestCard(query: Query, accountId: string): Promise<SavedCard> {
    const data = await query<{ uiapi: { query: { High_Card__c: { edges: { node: SavedCard }[] } } } }>(
        `query n($id: ID) { uiapi { query { High_Card__c(where: { Account__c: { eq: $id } },
            orderBy: { CreatedDate: { order: DESC } }, first: 1) { edges { node { Id Kind__c { value } Details__c { value } Name { value } } } } } } }`,
        { id: accountId }
    );
    return data.uiapi.query.High_Card__c.edges[0].node;
}

/** Reads until the value satisfies `ok` (the page and the server answer asynchronously). */
export async function eventually<T>(
    read: () => Promise<T>,
    ok: (value: T) => boolean,
    what: string,
    timeout = 30_000
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

export const textOf = (locator: Locator) => async () => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ');

/** Opens a preview page and waits until its components are mounted. */
export async function openPage(page: Page, url: string, readySelector?: string) {
    await page.goto(url);
    await page.waitForSelector('html[data-pact-ready="true"]', { timeout: 90_000 });
    if (readySelector) await page.locator(readySelector).first().waitFor({ timeout: 60_000 });
}

/** The focused element, looking through shadow roots (synthetic shadow retargets focus to hosts). */
export async function focused(page: Page) {
    return page.evaluate(() => {
        let element: Element | null = document.activeElement;
        const hosts: string[] = [];
        while (element?.shadowRoot?.activeElement) {
            hosts.push(element.localName);
            element = element.shadowRoot.activeElement;
        }
        return {
            hosts,
            tag: element?.localName ?? '',
            role: element?.getAttribute('role') ?? '',
            name: (element?.getAttribute('aria-label') || element?.textContent || '').trim().replace(/\s+/g, ' '),
            value: (element as HTMLInputElement | null)?.value ?? ''
        };
    });
}

/**
 * Every real key press of a flow, as a rep makes them: Tab, Enter, an arrow, a typed initial, Ctrl+Enter
 * each count one. The words a rep types are not presses of the interface and are counted apart.
 */
export function keyCounter(page: Page) {
    const counts = { presses: 0, typedCharacters: 0, log: [] as string[] };
    return {
        counts,
        async press(key: string) {
            counts.presses++;
            counts.log.push(key);
            await page.keyboard.press(key);
        },
        async typeWords(text: string) {
            counts.typedCharacters += text.length;
            await page.keyboard.type(text);
        }
    };
}

/** Clicks counted the same way for the mouse path. */
export function clickCounter() {
    const counts = { clicks: 0 };
    return {
        counts,
        async click(locator: Locator) {
            counts.clicks++;
            await locator.click();
        }
    };
}

export interface AxeViolation {
    id: string;
    impact: string | null;
    help: string;
    nodes: string[];
}

/**
 * Runs axe-core (node_modules/axe-core, injected into the page) over the whole page. axe sees into the
 * components' (synthetic) shadow roots. Returns every violation with its elements.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
    const hasAxe = await page.evaluate(() => 'axe' in window);
    if (!hasAxe) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    return page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResults> } }).axe;
        interface AxeResults {
            violations: {
                id: string;
                impact: string | null;
                help: string;
                nodes: { target: unknown[]; html: string }[];
            }[];
        }
        const results = await axe.run(document, { resultTypes: ['violations'] });
        return results.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.html.slice(0, 160)}`)
        }));
    });
}

/** The violations a test fails on: serious and critical. */
export const blocking = (violations: AxeViolation[]) =>
    violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/** Collects the page's console errors and uncaught exceptions from the moment it is called. */
export function consoleErrors(page: Page): string[] {
    const errors: string[] = [];
    page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(`Uncaught: ${error.message}`));
    return errors;
}

/** How far the page is wider than its viewport (0 when nothing overflows sideways). */
export async function horizontalOverflow(page: Page): Promise<number> {
    return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
