import { createElement } from 'lwc';
import PactCustomerAlert from 'c/pactCustomerAlert';

describe('c-pact-customer-alert', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    });

    it('shows the alert as text, in the error style, announced as an alert and named for screen readers', async () => {
        const element = createElement('c-pact-customer-alert', { is: PactCustomerAlert });
        element.text = 'On credit hold - <b>refer</b> to accounts receivable';
        document.body.appendChild(element);
        await Promise.resolve();
        const alert = element.shadowRoot.querySelector('[role="alert"]');
        expect(alert.classList).toContain('slds-alert_error');
        expect(element.shadowRoot.querySelector('.pact-alert-text').textContent).toBe(
            'On credit hold - <b>refer</b> to accounts receivable'
        );
        expect(element.shadowRoot.querySelector('b')).toBeNull();
        expect(element.shadowRoot.querySelector('lightning-icon').alternativeText).toBe(
            'c.PACT_Briefing_Customer_Alert'
        );
        // No heading of its own: above the composer's h2 on a phone, an h3 would break the heading order.
        expect(element.shadowRoot.querySelector('h1, h2, h3, h4, h5, h6')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
