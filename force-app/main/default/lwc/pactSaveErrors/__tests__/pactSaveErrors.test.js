import { parseSaveError, serverMessage } from 'c/pactSaveErrors';

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

    describe('serverMessage', () => {
        const accessError = require('../../pactPlanner/__tests__/data/accessError.json');

        it("gives a failed save's specific messages, not the generic top line", () => {
            expect(serverMessage(accessError)).toBe(
                "You don't have permission to create High Card records for this account."
            );
            expect(serverMessage(validationError)).toBe(
                'Cards for this customer are paused while the account is merged. Remove payment card numbers before saving. Payment data belongs in the billing system.'
            );
        });

        it('joins the messages of a GraphQL error list and of an array body', () => {
            expect(
                serverMessage([
                    { message: 'Field Planned_For__c is not accessible to you.' },
                    { message: 'Request failed' }
                ])
            ).toBe('Field Planned_For__c is not accessible to you. Request failed');
            expect(serverMessage({ status: 403, body: [{ message: 'You do not have access to this account.' }] })).toBe(
                'You do not have access to this account.'
            );
        });

        it('falls back to the plain message, and says nothing for nothing', () => {
            expect(serverMessage({ body: { message: 'The record was deleted.' } })).toBe('The record was deleted.');
            expect(serverMessage(new TypeError('Failed to fetch'))).toBe('Failed to fetch');
            expect(serverMessage('Timed out')).toBe('Timed out');
            expect(serverMessage(undefined)).toBe('');
            expect(serverMessage([])).toBe('');
        });
    });
});
