import { pageAccount, pageAccountFields } from 'c/pactPageAccount';

const record = (apiName, fields) => ({
    apiName,
    fields: Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, { value, displayValue: null }]))
});

describe('c/pactPageAccount', () => {
    it('reads the account of a contact, an opportunity and a case, and the contact of a case', () => {
        expect(pageAccountFields('Contact')).toEqual([{ objectApiName: 'Contact', fieldApiName: 'AccountId' }]);
        expect(pageAccountFields('Case')).toEqual([
            { objectApiName: 'Case', fieldApiName: 'AccountId' },
            { objectApiName: 'Case', fieldApiName: 'ContactId' }
        ]);
        expect(pageAccount('Opportunity', record('Opportunity', { AccountId: '001A' }))).toEqual({
            accountId: '001A',
            contactId: ''
        });
        expect(pageAccount('Case', record('Case', { AccountId: '001A', ContactId: '003B' }))).toEqual({
            accountId: '001A',
            contactId: '003B'
        });
    });

    it('has nothing to read on an account page or a page of another object, and copes with a blank account', () => {
        expect(pageAccountFields('Account')).toBeUndefined();
        expect(pageAccountFields(undefined)).toBeUndefined();
        expect(pageAccount('Contact', record('Contact', { AccountId: null }))).toEqual({
            accountId: '',
            contactId: ''
        });
        expect(pageAccount('Lead', record('Lead', {}))).toEqual({ accountId: '', contactId: '' });
    });
});
