import { createElement } from 'lwc';
import PactCustomerHub from 'c/pactCustomerHub';
import { graphql } from 'lightning/graphql';

jest.mock('@salesforce/client/formFactor', () => ({ default: 'Small' }), { virtual: true });

const customer = require('./data/customer.json');
const flush = () => new Promise((resolve) => process.nextTick(resolve));

describe('c-pact-customer-hub on a phone', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        localStorage.clear();
    });

    it('puts the customer alert first, the composer next, then the briefing and the timeline, with one query', async () => {
        const element = createElement('c-pact-customer-hub', { is: PactCustomerHub });
        Object.assign(element, { recordId: '001Dn00000AbCdEIAV', objectApiName: 'Account' });
        document.body.appendChild(element);
        await flush();
        graphql.emit(customer, (config) => Boolean(config?.variables?.accountId));
        await flush();
        const order = [
            ...element.shadowRoot.querySelectorAll(
                '.pact-hub-alert, c-pact-high-card-composer, c-pact-briefing, c-pact-timeline'
            )
        ].map((child) => child.tagName.toLowerCase());
        expect(order).toEqual([
            'c-pact-customer-alert',
            'c-pact-high-card-composer',
            'c-pact-briefing',
            'c-pact-timeline'
        ]);
        const alert = element.shadowRoot.querySelector('.pact-hub-alert');
        expect(alert.shadowRoot.querySelector('[role="alert"]')).not.toBeNull();
        expect(alert.text).toBe(customer.uiapi.query.Account.edges[0].node.Customer_Alert__c.value.trim());
        // Said once: the briefing leaves it out on the phone.
        const briefing = element.shadowRoot.querySelector('c-pact-briefing');
        expect(briefing.hideAlert).toBe(true);
        expect(briefing.shadowRoot.querySelector('.pact-customer-alert')).toBeNull();
        let requests = 0;
        graphql.emit(undefined, (config) => {
            if (config?.variables !== undefined) requests++;
            return false;
        });
        expect(requests).toBe(1);
    });

    it('keeps the composer in view after a save instead of scrolling to the timeline screens below', async () => {
        const element = createElement('c-pact-customer-hub', { is: PactCustomerHub });
        Object.assign(element, { recordId: '001Dn00000AbCdEIAV', objectApiName: 'Account' });
        document.body.appendChild(element);
        await flush();
        graphql.emit(customer, (config) => Boolean(config?.variables?.accountId), jest.fn().mockResolvedValue());
        await flush();
        const timeline = element.shadowRoot.querySelector('c-pact-timeline');
        const revealed = [];
        timeline.revealCard = (id) => revealed.push(id);
        element.shadowRoot
            .querySelector('c-pact-high-card-composer')
            .dispatchEvent(new CustomEvent('highcardsaved', { detail: { recordId: 'a01Dn00000HcQk1IAF' } }));
        await flush();
        expect(revealed).toEqual([]);
    });
});
