/**
 * Record-page figures for the rep's components (printed as a table, never asserted):
 *  1. GraphQL wires and requests on Account page load (goal: 1 request for briefing + first timeline page)
 *  2. key presses (goal: <= 6 besides the words) and clicks (goal: <= 3) to save a typical high card
 *  3. timeline render time for accounts with 20 / 200 / 2,000 cards (goal: flat, because it pages)
 */
import { createElement } from 'lwc';
import PactCustomerHub from 'c/pactCustomerHub';
import PactHighCardComposer from 'c/pactHighCardComposer';
import PactTimeline from 'c/pactTimeline';
import { graphql } from 'lightning/graphql';
import { createRecord } from 'lightning/uiRecordApi';

const customer = require('../../../force-app/main/default/lwc/pactCustomerHub/__tests__/data/customer.json');

const ACCOUNT_ID = '001Dn00000AbCdEIAV';
const PAGE_SIZE = 20; // the `first:` of both queries
const RUNS = 5;
/** Rendering every card at once is only a comparison; 2,000 cards take seconds, so fewer runs. */
const runsWithoutPaging = (total) => (total > 200 ? 1 : 3);
const rows = [];
const flush = () => new Promise((resolve) => process.nextTick(resolve));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Every GraphQL wire on the page with its config; a wire with undefined variables sends no request. */
function graphqlWires() {
    const configs = [];
    graphql.emit(undefined, (config) => {
        configs.push(config);
        return false;
    });
    return { instances: configs.length, requests: configs.filter((c) => c?.variables !== undefined).length };
}

/** A high-card connection as the API returns it for an account with `total` cards, `first` at a time. */
function connection(total, first) {
    const template = customer.uiapi.query.highCards.edges;
    const edges = [];
    for (let i = 0; i < Math.min(total, first); i++) {
        const { node } = template[i % template.length];
        edges.push({ node: { ...node, Id: `a01Dn${String(i).padStart(8, '0')}IAF` } });
    }
    return { edges, pageInfo: { hasNextPage: total > first, endCursor: total > first ? 'djE6MTk=' : null } };
}

async function renderTimeline(page) {
    const element = createElement('c-pact-timeline', { is: PactTimeline });
    Object.assign(element, { accountId: ACCOUNT_ID, hubManaged: true, firstPage: page });
    const start = performance.now();
    document.body.appendChild(element);
    await flush();
    const ms = performance.now() - start;
    const cards = element.shadowRoot.querySelectorAll('.pact-card').length;
    document.body.removeChild(element);
    return { ms, cards };
}

describe('record page benchmarks', () => {
    afterEach(() => localStorage.clear());

    afterAll(() => {
        const width = Math.max(...rows.map((r) => r[0].length));
        const lines = rows.map(([what, value, goal]) => `${what.padEnd(width)}  ${String(value).padStart(9)}  ${goal}`);
        process.stdout.write(`\n${'measure'.padEnd(width)}  ${'value'.padStart(9)}  goal\n${lines.join('\n')}\n\n`);
    });

    it('GraphQL on Account page load', async () => {
        // The test adapter keeps one idle instance of its own before any component exists.
        const baseline = graphqlWires();
        const hub = createElement('c-pact-customer-hub', { is: PactCustomerHub });
        Object.assign(hub, { recordId: ACCOUNT_ID, objectApiName: 'Account' });
        document.body.appendChild(hub);
        await flush();
        graphql.emit(customer, (config) => Boolean(config?.variables?.accountId));
        await flush();
        const { instances, requests } = graphqlWires();
        rows.push([
            'GraphQL wires on the Account page',
            instances - baseline.instances,
            'hub + timeline (idle until asked)'
        ]);
        rows.push(['GraphQL requests on Account page load', requests - baseline.requests, '1']);
        document.body.removeChild(hub);
    });

    /** A composer on an account page, with createRecord answering, and helpers into its shadow roots. */
    async function composerOnPage() {
        createRecord.mockReset();
        createRecord.mockResolvedValue({ id: 'a01Dn00000HcQk1IAF' });
        const composer = createElement('c-pact-high-card-composer', { is: PactHighCardComposer });
        Object.assign(composer, { recordId: ACCOUNT_ID, objectApiName: 'Account' });
        document.body.appendChild(composer);
        await flush();
        const $ = (selector) => composer.shadowRoot.querySelector(selector);
        const kindGroup = () => $('c-pact-choice-group[data-field="Kind__c"]');
        return { composer, $, kindGroup };
    }

    const WORDS = 'Head of Purchasing asked whether we can deliver the spring order two weeks earlier.';
    const typeWords = ($) =>
        $('lightning-textarea').dispatchEvent(new CustomEvent('change', { detail: { value: WORDS } }));
    const key = (target, init) =>
        target.dispatchEvent(
            new KeyboardEvent('keydown', { bubbles: true, composed: true, cancelable: true, ...init })
        );

    it('key presses to save a typical high card', async () => {
        const { composer, $, kindGroup } = await composerOnPage();
        // What a keyboard user presses, in order (the words themselves are not counted); the count stops as soon
        // as the card reaches the server. jsdom has no Tab: that step moves the focus as the browser does.
        const steps = [
            () => key(document.body, { key: 'H', code: 'KeyH', altKey: true, shiftKey: true }), // to the kind
            () => key(kindGroup().shadowRoot.activeElement, { key: 'ArrowRight' }), // Feedback -> Request
            () => $('lightning-textarea').focus(), // Tab to the words
            () => {
                typeWords($);
                key($('lightning-textarea'), { key: 'Enter', ctrlKey: true }); // Ctrl+Enter saves
            }
        ];
        let presses = 0;
        for (const step of steps) {
            step();
            presses++;
            await flush();
            if (createRecord.mock.calls.length) break;
        }
        const saved =
            createRecord.mock.calls.length === 1 && createRecord.mock.calls[0][0].fields.Kind__c === 'Request';
        rows.push([
            'key presses to save a high card (besides the words)',
            saved ? presses : 'not saved',
            '<= 6 (Alt+Shift+H, arrow or initial, Tab, Ctrl+Enter)'
        ]);
        document.body.removeChild(composer);
    });

    it('clicks to save a typical high card', async () => {
        const { composer, $, kindGroup } = await composerOnPage();
        const steps = [
            () => kindGroup().shadowRoot.querySelector('button[data-value="Request"]').click(),
            () => {
                $('lightning-textarea').click(); // into the words
                typeWords($);
            },
            () => $('lightning-button.pact-save').click()
        ];
        let clicks = 0;
        for (const step of steps) {
            step();
            clicks++;
            await flush();
            if (createRecord.mock.calls.length) break;
        }
        rows.push([
            'clicks to save a high card',
            createRecord.mock.calls.length ? clicks : 'not saved',
            '<= 3 (kind, words, Save)'
        ]);
        document.body.removeChild(composer);
    });

    it('timeline render time by cards on the account', async () => {
        const sizes = [20, 200, 2000];
        // Warm-up: compile the templates and let the JIT settle before measuring.
        for (let run = 0; run < 3; run++) await renderTimeline(connection(20, PAGE_SIZE));
        // Round-robin over the sizes, so warm-up and machine load do not favour one of them.
        const paged = new Map(sizes.map((total) => [total, []]));
        const shown = new Map();
        for (let run = 0; run < RUNS; run++) {
            for (const total of sizes) {
                const result = await renderTimeline(connection(total, PAGE_SIZE));
                paged.get(total).push(result.ms);
                shown.set(total, result.cards);
            }
        }
        for (const total of sizes) {
            const all = [];
            for (let run = 0; run < runsWithoutPaging(total); run++) {
                all.push((await renderTimeline(connection(total, total))).ms);
            }
            const count = total.toLocaleString('en-US');
            rows.push([
                `timeline, ${count} cards: ${shown.get(total)} rendered (ms)`,
                median(paged.get(total)).toFixed(1),
                'flat'
            ]);
            rows.push([
                `  same account without paging: ${count} rendered (ms)`,
                median(all).toFixed(1),
                'for comparison'
            ]);
        }
    });
});
