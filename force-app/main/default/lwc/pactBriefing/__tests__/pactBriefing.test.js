import { createElement } from 'lwc';
import PactBriefing from 'c/pactBriefing';
import PactCustomerHub from 'c/pactCustomerHub';
import { graphql } from 'lightning/graphql';

// The briefing shows what pactCustomerHub's one query returns; these are results of that query.
const customer = require('../../pactCustomerHub/__tests__/data/customer.json');
const customerEmpty = require('../../pactCustomerHub/__tests__/data/customerEmpty.json');

// Labels with placeholders get their real text, so the test sees the dates they carry.
jest.mock('@salesforce/label/c.PACT_Briefing_Closes', () => ({ default: 'closes {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.PACT_Briefing_Due', () => ({ default: 'due {0}' }), { virtual: true });

const flush = () => new Promise((resolve) => process.nextTick(resolve));

function createBriefing(result, props = {}) {
    const query = result.uiapi.query;
    const element = createElement('c-pact-briefing', { is: PactBriefing });
    Object.assign(element, {
        account: query.Account.edges[0]?.node,
        highCards: query.highCards,
        openActions: query.openActions,
        upcomingPlans: query.upcomingPlans,
        ...props
    });
    document.body.appendChild(element);
    return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const items = (element, section) =>
    [...element.shadowRoot.querySelectorAll(`.${section} li`)].map((li) => li.textContent.replace(/\s+/g, ' ').trim());

describe('c-pact-briefing', () => {
    afterEach(() => {
        jest.useRealTimers();
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        localStorage.clear();
    });

    it('renders from the GraphQL data the hub receives', async () => {
        const hub = createElement('c-pact-customer-hub', { is: PactCustomerHub });
        Object.assign(hub, { recordId: '001Dn00000AbCdEIAV', objectApiName: 'Account' });
        document.body.appendChild(hub);
        await flush();
        graphql.emit(customer, (config) => Boolean(config?.variables?.accountId));
        await flush();
        const briefing = hub.shadowRoot.querySelector('c-pact-briefing');
        expect($(briefing, 'h2').textContent.trim()).toMatch(/: Northwind Traders$/);
        expect($(briefing, '.pact-customer-alert').text).toBe('On credit hold - refer to accounts receivable');
    });

    it('puts the customer alert first, in the error style, announced as an alert', async () => {
        const element = createBriefing(customer);
        await flush();
        // c-pact-customer-alert (its own test checks the error style and role="alert").
        const alert = $(element, '.pact-customer-alert');
        expect(alert.shadowRoot.querySelector('[role="alert"]').classList).toContain('slds-alert_error');
        expect(alert.shadowRoot.querySelector('.pact-alert-text').textContent).toBe(
            'On credit hold - refer to accounts receivable'
        );
        expect(element.shadowRoot.querySelector('.slds-card__body').firstElementChild).toBe(alert);
    });

    it('names every case link, also a case without a number or a subject', async () => {
        const data = JSON.parse(JSON.stringify(customer));
        const [first, second] = data.uiapi.query.Account.edges[0].node.Cases.edges;
        first.node.CaseNumber = { value: null };
        second.node.CaseNumber = { value: null };
        second.node.Subject = { value: null };
        const element = createBriefing(data);
        await flush();
        const links = [...element.shadowRoot.querySelectorAll('.pact-cases a')].map((a) => a.textContent);
        expect(links).toEqual([first.node.Subject.value, 'c.PACT_Briefing_Case']);
        await expect(element).toBeAccessible();
    });

    it('lists open cases, open opportunities with stage and close date, and key contacts', async () => {
        const element = createBriefing(customer);
        await flush();
        expect(items(element, 'pact-cases')).toEqual([
            '00001042 Pallets delivered to the wrong dock · Working · High',
            '00001017 Invoice shows the old unit price · New · Medium'
        ]);
        expect(items(element, 'pact-opportunities')).toEqual([
            'Spring replenishment 2027 · Proposal/Price Quote · closes Jan 15, 2027',
            'Cold-chain pilot, two depots · Qualification · closes Mar 31, 2027'
        ]);
        const contacts = [...element.shadowRoot.querySelectorAll('.pact-contacts a')].map((a) =>
            a.getAttribute('href')
        );
        expect(contacts).toEqual([
            '/lightning/r/Contact/003Dn00000Q1w2gIAB/view',
            'mailto:ap@northwind.example',
            '/lightning/r/Contact/003Dn00000Q1w2eIAB/view',
            'tel:+1 555 0100',
            'mailto:purchasing@northwind.example',
            '/lightning/r/Contact/003Dn00000Q1w2fIAB/view',
            'tel:+1 555 0101'
        ]);
    });

    it('shows the three latest high cards, open actions with who and due date, and upcoming plans', async () => {
        // The rep's today (in their time zone): the action due on the 25th is overdue, the one due on the 27th not.
        jest.useFakeTimers({ doNotFake: ['nextTick'] }).setSystemTime(new Date('2026-11-26T18:00:00.000Z'));
        const element = createBriefing(customer);
        await flush();
        expect(items(element, 'pact-high-cards')).toEqual([
            // The kind in the composer's words (custom labels; in jest a label is its name).
            'c.PACT_Kind_Request Wants the spring order two weeks earlier · Nov 22, 2026 · Head of Purchasing',
            'c.PACT_Kind_Risk Will move volume unless we match the new price · Nov 18, 2026',
            'c.PACT_Kind_Praise Praised the new delivery windows · Nov 14, 2026 · Head of Purchasing'
        ]);
        expect(items(element, 'pact-actions')).toEqual([
            'Third late delivery this month · Service Lead · In Progress · due Nov 25, 2026 c.PACT_Action_Overdue',
            'Wants the spring order two weeks earlier · Key Account Manager · Open · due Nov 27, 2026',
            'Asked for <b>bold</b> invoices per site · Billing Specialist · Open'
        ]);
        // Overdue is said in words (a badge), not by colour alone.
        const overdue = [...element.shadowRoot.querySelectorAll('.pact-actions .pact-overdue')];
        expect(overdue.map((badge) => badge.closest('li').dataset.recordId)).toEqual([
            customer.uiapi.query.openActions.edges[0].node.Id
        ]);
        // Markup typed or pasted by a rep is shown as text, never parsed.
        expect(element.shadowRoot.querySelector('.pact-actions b')).toBeNull();
        expect(items(element, 'pact-plans')).toEqual([
            'Nov 26, 2026 · Learn whether the two-week earlier delivery is a must or a wish · Head of Purchasing',
            'Dec 8, 2026 · Agree the cold-chain pilot scope and the two depots'
        ]);
    });

    it('says what to do next in every empty section and shows no alert when there is none', async () => {
        const element = createBriefing(customerEmpty);
        await flush();
        expect($(element, '.pact-customer-alert')).toBeNull();
        const empties = [...element.shadowRoot.querySelectorAll('.pact-empty')].map((p) => p.textContent);
        expect(empties).toEqual([
            'c.PACT_Briefing_Open_Cases_Empty',
            'c.PACT_Briefing_Open_Opportunities_Empty',
            'c.PACT_Briefing_Latest_High_Cards_Empty',
            'c.PACT_Briefing_Open_Actions_Empty',
            'c.PACT_Briefing_Upcoming_Plans_Empty',
            'c.PACT_Briefing_Key_Contacts_Empty'
        ]);
    });

    it('treats a blank alert as no alert', async () => {
        const account = { ...customer.uiapi.query.Account.edges[0].node, Customer_Alert__c: { value: '   ' } };
        const element = createBriefing(customer, { account });
        await flush();
        expect($(element, '.pact-customer-alert')).toBeNull();
    });

    it('shows a loading state until the hub has data', async () => {
        const element = createElement('c-pact-briefing', { is: PactBriefing });
        element.loading = true;
        document.body.appendChild(element);
        await flush();
        expect($(element, '.pact-loading').textContent).toBe('c.PACT_Briefing_Loading');
        expect($(element, '.pact-sections')).toBeNull();
    });

    it('is accessible, with data and empty', async () => {
        const element = createBriefing(customer);
        await flush();
        await expect(element).toBeAccessible();
        document.body.removeChild(element);
        const empty = createBriefing(customerEmpty);
        await flush();
        await expect(empty).toBeAccessible();
    }, 30000);
});
