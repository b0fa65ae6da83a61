import { createElement } from 'lwc';
import PactCustomerHub from 'c/pactCustomerHub';
import { graphql } from 'lightning/graphql';
import { getRecord, createRecord } from 'lightning/uiRecordApi';
import { subscribe, unsubscribe } from 'lightning/messageService';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
// The composer inside the hub is driven as its own tests drive it.
import { chooseKind, type, save } from '../../pactHighCardComposer/__tests__/driver';

const customer = require('./data/customer.json');
const customerEmpty = require('./data/customerEmpty.json');

const ACCOUNT_ID = '001Dn00000AbCdEIAV';
const flush = () => new Promise((resolve) => process.nextTick(resolve));

/** The hub's query is the one whose variables carry the account; the timeline's stays off until asked. */
const isHubQuery = (config) => Boolean(config?.variables?.accountId);

/** Configs of every GraphQL wire that would send a request (variables defined), without emitting. */
function activeGraphqlConfigs() {
    const configs = [];
    graphql.emit(undefined, (config) => {
        if (config?.variables !== undefined) configs.push(config);
        return false;
    });
    return configs;
}

/** Creates the hub and waits until its wires have their configuration. */
async function createHub(props = { recordId: ACCOUNT_ID, objectApiName: 'Account' }) {
    const element = createElement('c-pact-customer-hub', { is: PactCustomerHub });
    Object.assign(element, props);
    document.body.appendChild(element);
    await flush();
    return element;
}

const child = (element, name) => element.shadowRoot.querySelector(name);

describe('c-pact-customer-hub', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        localStorage.clear();
        createRecord.mockReset();
    });

    it('loads the briefing and the first timeline page with exactly one GraphQL query on an account page', async () => {
        const element = await createHub();
        await flush();
        const active = activeGraphqlConfigs();
        expect(active).toHaveLength(1);
        expect(active[0].variables).toEqual({ accountId: ACCOUNT_ID });

        graphql.emit(customer, isHubQuery);
        await flush();
        const briefing = child(element, 'c-pact-briefing');
        const timeline = child(element, 'c-pact-timeline');
        expect(briefing.account.Name.value).toBe('Northwind Traders');
        expect(briefing.highCards).toEqual(customer.uiapi.query.highCards);
        expect(briefing.openActions.edges).toHaveLength(3);
        expect(briefing.upcomingPlans.edges).toHaveLength(2);
        expect(timeline.firstPage.edges).toHaveLength(20);
        expect(timeline.hubManaged).toBe(true);
        // Rendering the data must not switch on another query.
        expect(activeGraphqlConfigs()).toHaveLength(1);
    });

    it('feeds the composer the account, its contacts and its open opportunities', async () => {
        const element = await createHub();
        graphql.emit(customer, isHubQuery);
        await flush();
        const composer = child(element, 'c-pact-high-card-composer');
        expect(composer.accountId).toBe(ACCOUNT_ID);
        expect(composer.contacts).toEqual([
            { value: '003Dn00000Q1w2gIAB', label: 'Accounts Payable Clerk (Accounts Payable)' },
            { value: '003Dn00000Q1w2eIAB', label: 'Head of Purchasing' },
            { value: '003Dn00000Q1w2fIAB', label: 'Warehouse Manager' }
        ]);
        expect(composer.opportunities).toEqual([
            { value: '006Dn00000R5t6yIAB', label: 'Spring replenishment 2027' },
            { value: '006Dn00000R5t6zIAB', label: 'Cold-chain pilot, two depots' }
        ]);
    });

    it('refreshes its one query after a save instead of reloading the page', async () => {
        const refresh = jest.fn().mockResolvedValue(undefined);
        const element = await createHub();
        graphql.emit(customer, isHubQuery, refresh);
        await flush();
        child(element, 'c-pact-high-card-composer').dispatchEvent(
            new CustomEvent('highcardsaved', { detail: { recordId: 'a01Dn00000HcQk1IAF' } })
        );
        await flush();
        expect(refresh).toHaveBeenCalledTimes(1);
        expect(activeGraphqlConfigs()).toHaveLength(1);
    });

    it('refreshes when a card (quick action, planner outcome, a composer on its own) or a plan is saved for this customer', async () => {
        const refresh = jest.fn().mockResolvedValue(undefined);
        subscribe.mockClear();
        const element = await createHub();
        graphql.emit(customer, isHubQuery, refresh);
        await flush();
        expect(subscribe.mock.calls.map((call) => call[1])).toEqual(['PACT_High_Card_Saved__c', 'PACT_Plan_Saved__c']);
        const [onCard, onPlan] = subscribe.mock.calls.map((call) => call[2]);
        onCard({ recordId: 'a01Dn00000HcQk1IAF', accountId: '001Dn00000ZzYyXIAV' });
        onPlan({ recordId: 'a02Dn00000PlAn1IAF', accountId: '001Dn00000ZzYyXIAV' });
        expect(refresh).not.toHaveBeenCalled();
        onCard({ recordId: 'a01Dn00000HcQk1IAF', accountId: ACCOUNT_ID });
        await flush();
        expect(refresh).toHaveBeenCalledTimes(1);
        // A new plan shows in the briefing's planned conversations: the same one query again.
        onPlan({ recordId: 'a02Dn00000PlAn1IAF', accountId: ACCOUNT_ID });
        await flush();
        expect(refresh).toHaveBeenCalledTimes(2);
        unsubscribe.mockClear();
        const subscriptions = subscribe.mock.results.map((result) => result.value);
        document.body.removeChild(element);
        expect(unsubscribe.mock.calls.map((call) => call[0])).toEqual(subscriptions);
    });

    it('refreshes with the page view (RefreshView API), e.g. after the New High Card quick action', async () => {
        const refresh = jest.fn().mockResolvedValue(undefined);
        registerRefreshHandler.mockClear();
        const element = await createHub();
        graphql.emit(customer, isHubQuery, refresh);
        await flush();
        expect(registerRefreshHandler).toHaveBeenCalledTimes(1);
        const [context, handler] = registerRefreshHandler.mock.calls[0];
        expect(context).toBeTruthy();
        // The page asks; the hub fetches its one query again and lets the refresh go on down the page.
        await expect(handler()).resolves.toBe(true);
        expect(refresh).toHaveBeenCalledTimes(1);
        const id = registerRefreshHandler.mock.results[0].value;
        document.body.removeChild(element);
        expect(unregisterRefreshHandler).toHaveBeenCalledWith(id);
    });

    it('brings the saved card into view in the timeline', async () => {
        const element = await createHub();
        graphql.emit(customer, isHubQuery, jest.fn().mockResolvedValue(undefined));
        await flush();
        const timeline = child(element, 'c-pact-timeline');
        const revealed = [];
        timeline.revealCard = (id) => revealed.push(id);
        child(element, 'c-pact-high-card-composer').dispatchEvent(
            new CustomEvent('highcardsaved', { detail: { recordId: 'a01Dn00000HcQk1IAF' } })
        );
        await flush();
        expect(revealed).toEqual(['a01Dn00000HcQk1IAF']);
    });

    it('starts with a skip link to the composer, and focus() goes to the kind too', async () => {
        const element = await createHub();
        graphql.emit(customer, isHubQuery);
        await flush();
        const first = element.shadowRoot.querySelector('a, button, [tabindex="0"]');
        expect(first.className).toBe('pact-skip-to-composer');
        expect(first.textContent).toBe('c.PACT_Hub_Skip_To_Composer');
        const composer = child(element, 'c-pact-high-card-composer');
        const kind = () => composer.shadowRoot.querySelector('c-pact-choice-group[data-field="Kind__c"]');
        const click = new MouseEvent('click', { bubbles: true, cancelable: true });
        first.dispatchEvent(click);
        expect(click.defaultPrevented).toBe(true);
        expect(element.shadowRoot.activeElement).toBe(composer);
        expect(composer.shadowRoot.activeElement).toBe(kind());
        document.body.focus();
        element.focus();
        expect(composer.shadowRoot.activeElement).toBe(kind());
    });

    it("briefs a support agent on a case page with the case's customer and names the case's contact on the card", async () => {
        const CASE_ID = '500Dn00000CaSe1IAB';
        const CONTACT_ID = '003Dn00000Q1w2eIAB';
        const element = await createHub({ recordId: CASE_ID, objectApiName: 'Case' });
        await flush();
        expect(activeGraphqlConfigs()).toHaveLength(0);
        expect(getRecord.getLastConfig()).toEqual({
            recordId: CASE_ID,
            fields: [
                { objectApiName: 'Case', fieldApiName: 'AccountId' },
                { objectApiName: 'Case', fieldApiName: 'ContactId' }
            ]
        });
        getRecord.emit({
            apiName: 'Case',
            id: CASE_ID,
            fields: {
                AccountId: { value: ACCOUNT_ID, displayValue: null },
                ContactId: { value: CONTACT_ID, displayValue: null }
            }
        });
        await flush();
        expect(activeGraphqlConfigs()[0].variables).toEqual({ accountId: ACCOUNT_ID });
        graphql.emit(customer, isHubQuery);
        await flush();
        const briefing = child(element, 'c-pact-briefing');
        expect(briefing.account.Cases.edges.length).toBeGreaterThan(0);
        const composer = child(element, 'c-pact-high-card-composer');
        expect(composer.accountId).toBe(ACCOUNT_ID);
        expect(composer.defaultContactId).toBe(CONTACT_ID);

        createRecord.mockResolvedValue({ id: 'a01Dn00000HcQk1IAF' });
        chooseKind(composer, 'Complaint');
        type(
            composer,
            'lightning-textarea.pact-details',
            'Third late delivery this month; wants a call from logistics.'
        );
        await save(composer);
        expect(createRecord.mock.calls[0][0].fields).toMatchObject({
            Account__c: ACCOUNT_ID,
            Contact__c: CONTACT_ID,
            Kind__c: 'Complaint'
        });
    });

    it('passes an empty customer through for the children to show their empty states', async () => {
        const element = await createHub();
        graphql.emit(customerEmpty, isHubQuery);
        await flush();
        const briefing = child(element, 'c-pact-briefing');
        expect(briefing.account.Customer_Alert__c.value).toBeNull();
        expect(child(element, 'c-pact-timeline').firstPage.edges).toEqual([]);
        expect(child(element, 'c-pact-high-card-composer').contacts).toEqual([]);
    });

    it('shows what went wrong when the query fails', async () => {
        const element = await createHub();
        graphql.emitErrors([{ message: 'Insufficient access to High_Card__c' }], isHubQuery);
        await flush();
        const alert = element.shadowRoot.querySelector('.pact-load-error');
        expect(alert.getAttribute('role')).toBe('alert');
        expect(alert.textContent).toContain('c.PACT_Hub_Load_Failed');
        expect(alert.textContent).toContain('Insufficient access to High_Card__c');
        expect(child(element, 'c-pact-briefing').loading).toBe(false);
    });

    it("uses a contact's account on a contact page and waits for it before querying", async () => {
        const element = await createHub({ recordId: '003Dn00000Q1w2eIAB', objectApiName: 'Contact' });
        await flush();
        expect(activeGraphqlConfigs()).toHaveLength(0);
        expect(getRecord.getLastConfig()).toEqual({
            recordId: '003Dn00000Q1w2eIAB',
            fields: [{ objectApiName: 'Contact', fieldApiName: 'AccountId' }]
        });
        getRecord.emit({
            apiName: 'Contact',
            id: '003Dn00000Q1w2eIAB',
            fields: { AccountId: { value: ACCOUNT_ID, displayValue: null } }
        });
        await flush();
        const active = activeGraphqlConfigs();
        expect(active).toHaveLength(1);
        expect(active[0].variables).toEqual({ accountId: ACCOUNT_ID });
        expect(child(element, 'c-pact-high-card-composer').recordId).toBe('003Dn00000Q1w2eIAB');
    });

    it('says what to do when an opportunity has no account', async () => {
        const element = await createHub({ recordId: '006Dn00000R5t6yIAB', objectApiName: 'Opportunity' });
        getRecord.emit({
            apiName: 'Opportunity',
            id: '006Dn00000R5t6yIAB',
            fields: { AccountId: { value: null, displayValue: null } }
        });
        await flush();
        expect(element.shadowRoot.querySelector('.pact-no-account').textContent).toBe('c.PACT_Hub_No_Account');
        expect(child(element, 'c-pact-briefing')).toBeNull();
        expect(activeGraphqlConfigs()).toHaveLength(0);
    });

    it('shows the briefing before the composer on a desktop', async () => {
        const element = await createHub();
        const order = [
            ...element.shadowRoot.querySelectorAll('c-pact-high-card-composer, c-pact-briefing, c-pact-timeline')
        ].map((node) => node.tagName.toLowerCase());
        expect(order).toEqual(['c-pact-briefing', 'c-pact-high-card-composer', 'c-pact-timeline']);
    });

    it('is accessible', async () => {
        const element = await createHub();
        graphql.emit(customer, isHubQuery);
        await flush();
        await expect(element).toBeAccessible();
    }, 30000); // axe walks the whole page of 20 cards; CI machines are slow
});
