/**
 * The known-errors table: each entry matches the server's own words as a public source quotes them, and
 * says what to do. The texts below are copied from those sources (named per entry in known-errors.ts).
 */
import { KNOWN_ERRORS, knownError } from '../../scripts/lib/salesforce/known-errors';

const SERVER_TEXTS: [string, string][] = [
    ['Invalid scope:Mine, not allowed', 'invalid-scope-mine'],
    ['You reached the limit for dashboards run as the logged-in user.', 'dynamic-dashboard-cap'],
    ['LWC1702: Invalid LWC imported identifier "createElement" from "lwc"', 'lwc-test-file-in-bundle'],
    ['You cannot deploy to a required field: High_Card__c.Account__c', 'required-field-permission'],
    ['The Flow apiVersion can\'t be "67"', 'api-version-ahead'],
    ['Cannot find a user that matches any of the following usernames: admin@acme.example', 'unknown-user'],
    ['Cannot find folder:PACT_Customer_Voice', 'missing-folder'],
    ['In field: field - no CustomField named High_Card__c.Kind__c found', 'field-not-found'],
    ['Private is not a valid sharing model for X__c when Account sharing model is ReadWrite', 'sharing-model'],
    ['Not available for deploy for this organization', 'no-access'],
    [
        'Code coverage issue -- Average test coverage across all Apex Classes and Triggers is 74%, at least 75% test coverage is required.',
        'org-code-coverage'
    ]
];

describe('known deploy errors', () => {
    it.each(SERVER_TEXTS)('"%s" gets the fix %s', (text, id) => {
        expect(knownError(text)?.id).toBe(id);
    });

    it('every entry has a fix and a source, and ids are unique', () => {
        expect(new Set(KNOWN_ERRORS.map((e) => e.id)).size).toBe(KNOWN_ERRORS.length);
        for (const e of KNOWN_ERRORS) {
            expect(e.fix.length).toBeGreaterThan(30);
            expect(e.source).toMatch(/#\d+|deploy tip|Tooling API|Help/);
        }
    });

    it('an unknown problem gets no invented fix', () => {
        expect(knownError('UNKNOWN_EXCEPTION: An unexpected error occurred.')).toBeUndefined();
    });
});
