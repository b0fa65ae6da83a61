import { parseSaveError } from 'c/pactSaveErrors';

const validationError = require('../../pactHighCardComposer/__tests__/data/createRecordValidationError.json');

describe('c/pactSaveErrors', () => {
    it('puts field errors next to their field and form errors above the button', () => {
        expect(parseSaveError(validationError)).toEqual({
            network: false,
            fieldErrors: {
                Details__c: ['Remove payment card numbers before saving. Payment data belongs in the billing system.']
            },
            formErrors: ['Cards for this customer are paused while the account is merged.']
        });
    });

    it('reads an array body and a plain message body', () => {
        expect(
            parseSaveError({
                status: 403,
                body: [{ errorCode: 'INSUFFICIENT_ACCESS', message: 'You do not have access to this account.' }]
            }).formErrors
        ).toEqual(['You do not have access to this account.']);
        expect(parseSaveError({ status: 500, body: { message: 'Service unavailable' } }).formErrors).toEqual([
            'Service unavailable'
        ]);
    });

    it('recognises a request that never reached the server', () => {
        expect(parseSaveError(new TypeError('Failed to fetch')).network).toBe(true);
        expect(parseSaveError({ status: 0 }).network).toBe(true);
        expect(parseSaveError(undefined).network).toBe(true);
    });

    it('falls back to the error message, never to an empty list', () => {
        expect(parseSaveError(new Error('Record locked by another save')).formErrors).toEqual([
            'Record locked by another save'
        ]);
    });
});
