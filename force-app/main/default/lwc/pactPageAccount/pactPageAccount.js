/**
 * The customer of a record page that is not the Account's own: a contact's, an opportunity's or a case's account,
 * and a case's contact (the person the card is about unless the rep says otherwise). The page has loaded the
 * record already, so the getRecord that reads these fields is answered from the client cache.
 */
import { getFieldValue } from 'lightning/uiRecordApi';
import CONTACT_ACCOUNT_FIELD from '@salesforce/schema/Contact.AccountId';
import OPPORTUNITY_ACCOUNT_FIELD from '@salesforce/schema/Opportunity.AccountId';
import CASE_ACCOUNT_FIELD from '@salesforce/schema/Case.AccountId';
import CASE_CONTACT_FIELD from '@salesforce/schema/Case.ContactId';

const FIELDS = {
    Contact: { account: CONTACT_ACCOUNT_FIELD },
    Opportunity: { account: OPPORTUNITY_ACCOUNT_FIELD },
    Case: { account: CASE_ACCOUNT_FIELD, contact: CASE_CONTACT_FIELD }
};

/** The fields to read for a page of this object, or undefined when the page is an account's (or has none). */
export function pageAccountFields(objectApiName) {
    const fields = FIELDS[objectApiName];
    return fields ? [fields.account, fields.contact].filter(Boolean) : undefined;
}

/**
 * @param {string} objectApiName
 * @param {object} record the getRecord data
 * @returns {{ accountId: string, contactId: string }} '' where the record has none
 */
export function pageAccount(objectApiName, record) {
    const fields = FIELDS[objectApiName];
    const read = (field) => (field && record ? getFieldValue(record, field) : null) || '';
    return { accountId: read(fields?.account), contactId: read(fields?.contact) };
}
