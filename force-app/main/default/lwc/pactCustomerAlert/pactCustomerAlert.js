import { LightningElement, api } from 'lwc';
import ALERT from '@salesforce/label/c.PACT_Briefing_Customer_Alert';

/**
 * The customer alert (Account.Customer_Alert__c): the one thing nobody who faces the customer may miss, in the
 * error style and announced as an alert. The briefing shows it first; on a phone the hub shows it above the composer.
 */
export default class PactCustomerAlert extends LightningElement {
    /** The alert as the account holds it (shown as text, in its own direction). */
    @api text;

    label = ALERT;
}
