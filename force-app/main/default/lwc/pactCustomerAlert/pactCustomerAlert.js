import { LightningElement, api } from 'lwc';
import ALERT from '@salesforce/label/c.PACT_Briefing_Customer_Alert';

/**
 * The customer alert (Account.Customer_Alert__c): the one thing nobody who faces the customer may miss, in the
 * error style and announced as an alert. The briefing shows it first; on a phone the hub shows it above the composer.
 * It is named by its icon's alternative text, not by a heading: placed above the composer's h2 on a phone, an h3
 * would break the page's heading order (axe heading-order), and role="alert" already makes it heard.
 */
export default class PactCustomerAlert extends LightningElement {
    /** The alert as the account holds it (shown as text, in its own direction). */
    @api text;

    label = ALERT;
}
