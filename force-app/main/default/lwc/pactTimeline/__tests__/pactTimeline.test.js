import { createElement } from 'lwc';
import PactTimeline from 'c/pactTimeline';
import { graphql } from 'lightning/graphql';
import { subscribe } from 'lightning/messageService';

// The first page is what pactCustomerHub's query returns; later pages and filters are this component's own query.
const customer = require('../../pactCustomerHub/__tests__/data/customer.json');
const page2 = require('./data/highCardsPage2.json');
const complaints = require('./data/highCardsComplaints.json');
const none = require('./data/highCardsNone.json');

const ACCOUNT_ID = '001Dn00000AbCdEIAV';
const FIRST_PAGE = customer.uiapi.query.highCards;
const flush = () => new Promise((resolve) => process.nextTick(resolve));

/** Emits only to the timeline's own query, and only while it is switched on. */
const isTimelineQuery = (config) => Boolean(config?.variables?.where);

function timelineConfigs() {
    const configs = [];
    graphql.emit(undefined, (config) => {
        if (config?.variables !== undefined) configs.push(config);
        return false;
    });
    return configs;
}

async function createTimeline(props = { accountId: ACCOUNT_ID, hubManaged: true, firstPage: FIRST_PAGE }) {
    const element = createElement('c-pact-timeline', { is: PactTimeline });
    Object.assign(element, props);
    document.body.appendChild(element);
    await flush();
    return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const headlines = (element) =>
    [...element.shadowRoot.querySelectorAll('.pact-headline')].map((h) => h.textContent.trim());
const choose = (element, selector, value) =>
    $(element, selector).dispatchEvent(new CustomEvent('change', { detail: { value } }));

describe('c-pact-timeline', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        localStorage.clear();
    });

    it("shows the hub's first page, newest first, without a query of its own", async () => {
        const element = await createTimeline();
        expect(timelineConfigs()).toEqual([]);
        const names = headlines(element);
        expect(names).toHaveLength(20);
        expect(names.slice(0, 3)).toEqual([
            'Wants the spring order two weeks earlier',
            'Will move volume unless we match the new price',
            'Praised the new delivery windows'
        ]);
        expect($(element, 'lightning-button.pact-show-more')).not.toBeNull();
    });

    it('shows kind, theme, sentiment, details, contact and who needs to act on each card', async () => {
        const element = await createTimeline();
        const first = $(element, '.pact-card');
        // In the words of the composer's buttons and the filters (custom labels; in jest a label is its name).
        expect(first.querySelector('.pact-kind').textContent).toBe('c.PACT_Kind_Request');
        expect(first.querySelector('.pact-theme').textContent).toBe('c.PACT_Theme_Delivery');
        expect(first.textContent).toContain('c.PACT_Sentiment_Neutral');
        expect(first.querySelector('.pact-details').textContent).toBe(
            'Head of Purchasing asked whether we can deliver the spring order two weeks earlier than planned, because their new store opens on 1 March.'
        );
        expect(first.querySelector('.pact-contact').textContent).toBe('Head of Purchasing');
        expect(first.querySelector('.pact-action').textContent).toContain('Key Account Manager');
        expect(first.querySelector('.pact-action-status').textContent).toBe('Open');
        // Dates in the rep's locale, one format (pactFormat), not the server's displayValue.
        expect(first.querySelector('.pact-due-date').textContent).toBe('Nov 27, 2026');
        expect(first.querySelector('.pact-occurred').textContent).toBe('Nov 22, 2026');
        // "Not needed" is not repeated on cards that need nothing.
        const second = element.shadowRoot.querySelectorAll('.pact-card')[1];
        expect(second.querySelector('.pact-action')).toBeNull();
    });

    it('marks an open action past its due date as overdue, in words', async () => {
        jest.useFakeTimers({ doNotFake: ['nextTick'] }).setSystemTime(new Date('2026-11-28T18:00:00.000Z'));
        try {
            const element = await createTimeline();
            const first = $(element, '.pact-card');
            expect(first.querySelector('.pact-action-due').textContent).toBe('Nov 27, 2026 c.PACT_Action_Overdue');
            expect(first.querySelector('.pact-overdue')).not.toBeNull();
            // Resolved is not overdue, whatever the date.
            const firstPage = JSON.parse(JSON.stringify(FIRST_PAGE));
            firstPage.edges[0].node.Action_Status__c = { value: 'Resolved', displayValue: 'Resolved' };
            element.firstPage = firstPage;
            await flush();
            expect($(element, '.pact-card').querySelector('.pact-overdue')).toBeNull();
        } finally {
            jest.useRealTimers();
        }
    });

    it('brings the card just saved into view once it is on the page', async () => {
        const scrolled = [];
        const original = HTMLElement.prototype.scrollIntoView;
        HTMLElement.prototype.scrollIntoView = function scrollIntoView(options) {
            scrolled.push([this.dataset.recordId, options]);
        };
        try {
            const element = await createTimeline();
            const newId = 'a01Dn00000NewCdIAF';
            element.revealCard(newId);
            expect(scrolled).toEqual([]);
            const firstPage = JSON.parse(JSON.stringify(FIRST_PAGE));
            firstPage.edges.unshift({ node: { ...firstPage.edges[0].node, Id: newId } });
            element.firstPage = firstPage;
            await flush();
            expect(scrolled).toEqual([[newId, { block: 'nearest', behavior: 'smooth' }]]);
            // Once only: later renders leave the scroll position to the rep.
            element.firstPage = JSON.parse(JSON.stringify(firstPage));
            await flush();
            expect(scrolled).toHaveLength(1);
        } finally {
            HTMLElement.prototype.scrollIntoView = original;
        }
    });

    it('says who needs to act only when somebody is named; a status alone is labelled as the action', async () => {
        const firstPage = JSON.parse(JSON.stringify(FIRST_PAGE));
        const node = firstPage.edges[0].node;
        node.Needs_Action_By__r = null;
        node.Action_Status__c = { value: 'Resolved', displayValue: 'Resolved' };
        const element = await createTimeline({ accountId: ACCOUNT_ID, hubManaged: true, firstPage });
        const first = $(element, '.pact-card');
        expect(first.querySelector('.pact-action-status').textContent).toBe('Resolved');
        const terms = [...first.querySelectorAll('dt')].map((dt) => dt.textContent);
        expect(terms).toContain('c.PACT_Timeline_Action');
        expect(terms).not.toContain('c.PACT_Timeline_Needs_Action_By');
        // With a name, the term says who needs to act.
        const named = await createTimeline();
        const namedTerms = [...$(named, '.pact-card').querySelectorAll('dt')].map((dt) => dt.textContent);
        expect(namedTerms).toContain('c.PACT_Timeline_Needs_Action_By');
    });

    it('renders emoji, right-to-left text and pasted markup as the text it is', async () => {
        const element = await createTimeline();
        const cards = [...element.shadowRoot.querySelectorAll('.pact-card')];
        expect(cards[2].querySelector('.pact-details').textContent).toContain('🎉');
        const rtl = cards[3].querySelector('.pact-details');
        expect(rtl.getAttribute('dir')).toBe('auto');
        expect(rtl.textContent).toContain('الشحنة تأخرت');
        const pasted = cards[4];
        expect(pasted.querySelector('.pact-details').textContent).toContain('<script>alert("x")</script>');
        expect(pasted.querySelector('script, b')).toBeNull();
    });

    it('loads the next 20 with "Show more" through the cursor and appends them', async () => {
        const element = await createTimeline();
        $(element, 'lightning-button.pact-show-more').click();
        await flush();
        const [config] = timelineConfigs();
        expect(config.variables).toEqual({
            where: { and: [{ Account__c: { eq: ACCOUNT_ID } }] },
            after: FIRST_PAGE.pageInfo.endCursor
        });
        graphql.emit(page2, isTimelineQuery);
        await flush();
        expect(headlines(element)).toHaveLength(23);
        expect(headlines(element)[20]).toBe(page2.uiapi.query.High_Card__c.edges[0].node.Name.value);
        expect($(element, 'lightning-button.pact-show-more')).toBeNull();
    });

    it('filters by kind and theme with its own query, and goes back to the first page when cleared', async () => {
        const element = await createTimeline();
        choose(element, 'lightning-combobox.pact-filter-kind', 'Complaint');
        await flush();
        expect(timelineConfigs()[0].variables).toEqual({
            where: { and: [{ Account__c: { eq: ACCOUNT_ID } }, { Kind__c: { eq: 'Complaint' } }] },
            after: null
        });
        graphql.emit(complaints, isTimelineQuery);
        await flush();
        const kinds = [...element.shadowRoot.querySelectorAll('.pact-kind')].map((k) => k.textContent);
        expect(kinds.length).toBeGreaterThan(0);
        expect(new Set(kinds)).toEqual(new Set(['c.PACT_Kind_Complaint']));

        choose(element, 'lightning-combobox.pact-filter-theme', 'Billing');
        await flush();
        expect(timelineConfigs()[0].variables.where.and).toEqual([
            { Account__c: { eq: ACCOUNT_ID } },
            { Kind__c: { eq: 'Complaint' } },
            { Theme__c: { eq: 'Billing' } }
        ]);
        graphql.emit(none, isTimelineQuery);
        await flush();
        expect(headlines(element)).toEqual([]);
        expect($(element, '.pact-empty').textContent).toBe('c.PACT_Timeline_Empty_Filtered');

        choose(element, 'lightning-combobox.pact-filter-kind', '');
        choose(element, 'lightning-combobox.pact-filter-theme', '');
        await flush();
        expect(timelineConfigs()).toEqual([]);
        expect(headlines(element)).toHaveLength(20);
    });

    it('says what to do when the customer has no high cards', async () => {
        const element = await createTimeline({
            accountId: ACCOUNT_ID,
            hubManaged: true,
            firstPage: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } }
        });
        expect($(element, '.pact-empty').textContent).toBe('c.PACT_Timeline_Empty');
        expect($(element, 'lightning-button.pact-show-more')).toBeNull();
    });

    it('shows what went wrong when a page fails to load, and keeps what it shows', async () => {
        const element = await createTimeline();
        $(element, 'lightning-button.pact-show-more').click();
        await flush();
        graphql.emitErrors([{ message: 'Request timed out' }], isTimelineQuery);
        await flush();
        const alert = $(element, '.pact-error');
        expect(alert.getAttribute('role')).toBe('alert');
        expect(alert.textContent).toContain('c.PACT_Timeline_Load_Failed');
        expect(alert.textContent).toContain('Request timed out');
        expect(headlines(element)).toHaveLength(20);
    });

    it('loads its own first page when placed on an account page without the hub', async () => {
        const element = await createTimeline({ recordId: ACCOUNT_ID, objectApiName: 'Account' });
        expect(timelineConfigs()[0].variables).toEqual({
            where: { and: [{ Account__c: { eq: ACCOUNT_ID } }] },
            after: null
        });
        expect($(element, '.pact-empty')).toBeNull();
        graphql.emit({ uiapi: { query: { High_Card__c: FIRST_PAGE } } }, isTimelineQuery);
        await flush();
        expect(headlines(element)).toHaveLength(20);
    });

    it('after a save, refreshes a filtered view and hands a paged view back to the hub', async () => {
        const refresh = jest.fn().mockResolvedValue(undefined);
        const element = await createTimeline();
        await element.refresh(); // nothing of its own to refresh: the hub refreshes the first page
        expect(timelineConfigs()).toEqual([]);

        choose(element, 'lightning-combobox.pact-filter-kind', 'Complaint');
        await flush();
        graphql.emit(complaints, isTimelineQuery, refresh);
        await flush();
        await element.refresh();
        expect(refresh).toHaveBeenCalledTimes(1);

        choose(element, 'lightning-combobox.pact-filter-kind', '');
        await flush();
        $(element, 'lightning-button.pact-show-more').click();
        await flush();
        graphql.emit(page2, isTimelineQuery, refresh);
        await flush();
        expect(headlines(element)).toHaveLength(23);
        await element.refresh();
        await flush();
        expect(timelineConfigs()).toEqual([]);
        expect(headlines(element)).toHaveLength(20);
    });

    it('on its own, takes a paged view back to a fresh first page after a save', async () => {
        const refresh = jest.fn().mockResolvedValue(undefined);
        const element = await createTimeline({ recordId: ACCOUNT_ID, objectApiName: 'Account' });
        graphql.emit({ uiapi: { query: { High_Card__c: FIRST_PAGE } } }, isTimelineQuery, refresh);
        await flush();
        $(element, 'lightning-button.pact-show-more').click();
        await flush();
        graphql.emit(page2, isTimelineQuery, refresh);
        await flush();
        await element.refresh();
        await flush();
        expect(timelineConfigs()[0].variables.after).toBeNull();
        graphql.emit({ uiapi: { query: { High_Card__c: FIRST_PAGE } } }, isTimelineQuery, refresh);
        await flush();
        // The first page may come from the client cache, so it is fetched again once it is shown.
        expect(refresh).toHaveBeenCalledTimes(1);
        expect(headlines(element)).toHaveLength(20);
    });

    it('on its own, shows a card saved elsewhere on the page; inside the hub it leaves that to the hub', async () => {
        const refresh = jest.fn().mockResolvedValue(undefined);
        subscribe.mockClear();
        await createTimeline();
        expect(subscribe).not.toHaveBeenCalled();

        await createTimeline({ recordId: ACCOUNT_ID, objectApiName: 'Account' });
        graphql.emit({ uiapi: { query: { High_Card__c: FIRST_PAGE } } }, isTimelineQuery, refresh);
        await flush();
        expect(subscribe).toHaveBeenCalledTimes(1);
        const onMessage = subscribe.mock.calls[0][2];
        onMessage({ recordId: 'a01Dn00000HcQk1IAF', accountId: '001Dn00000ZzYyXIAV' });
        expect(refresh).not.toHaveBeenCalled();
        onMessage({ recordId: 'a01Dn00000HcQk1IAF', accountId: ACCOUNT_ID });
        expect(refresh).toHaveBeenCalledTimes(1);
    });

    it('is accessible', async () => {
        const element = await createTimeline();
        await expect(element).toBeAccessible();
    }, 30000);
});
