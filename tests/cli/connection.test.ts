import { classify, PactRunError, withRetry } from '../../scripts/lib/salesforce/connection';

describe('which API failures the CLI retries', () => {
    const kind = (error: unknown) => {
        const { retryable, failure } = classify(error, 'acme');
        return [retryable, failure.kind, failure.message];
    };

    it('never retries an expired or revoked login, and says how to log in again', () => {
        const advice = 'session expired: run sf org login web -a acme';
        expect(kind({ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' })).toEqual([
            false,
            'auth',
            advice
        ]);
        expect(kind({ errorCode: 'sf:INVALID_SESSION_ID', message: 'INVALID_SESSION_ID: Illegal Session' })).toEqual([
            false,
            'auth',
            advice
        ]);
        expect(kind({ name: 'invalid_grant', message: 'expired access/refresh token' })).toEqual([
            false,
            'auth',
            advice
        ]);
    });

    it('retries request limits, server errors and dropped connections', () => {
        expect(
            kind({ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }).slice(0, 2)
        ).toEqual([true, 'limit']);
        expect(kind({ errorCode: 'UNKNOWN_EXCEPTION', message: 'An unexpected error occurred' }).slice(0, 2)).toEqual([
            true,
            'server'
        ]);
        expect(kind({ errorCode: 'ERROR_HTTP_503', message: 'Service Unavailable' }).slice(0, 2)).toEqual([
            true,
            'server'
        ]);
        expect(kind({ code: 'ECONNRESET', message: 'socket hang up' }).slice(0, 2)).toEqual([true, 'network']);
    });

    it('does not retry a host that does not exist, missing rights or a bad query', () => {
        expect(
            kind({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND acme.my.salesforce.com' }).slice(0, 2)
        ).toEqual([false, 'network']);
        expect(kind({ errorCode: 'INSUFFICIENT_ACCESS', message: 'no' }).slice(0, 2)).toEqual([false, 'auth']);
        expect(
            kind({ errorCode: 'INVALID_TYPE', message: "sObject type 'Report' is not supported." }).slice(0, 2)
        ).toEqual([false, 'server']);
    });

    it('withRetry stops after the bounded number of attempts', async () => {
        let attempts = 0;
        const failing = () => {
            attempts++;
            return Promise.reject({ errorCode: 'UNKNOWN_EXCEPTION', message: 'boom' });
        };
        await expect(withRetry(failing, 'acme', { retries: 3, baseDelayMs: 1 })).rejects.toBeInstanceOf(PactRunError);
        expect(attempts).toBe(4);
        attempts = 0;
        await expect(
            withRetry(
                () => (attempts++ === 0 ? Promise.reject({ errorCode: 'UNKNOWN_EXCEPTION' }) : Promise.resolve('ok')),
                'acme',
                {
                    retries: 3,
                    baseDelayMs: 1
                }
            )
        ).resolves.toBe('ok');
        expect(attempts).toBe(2);
    });
});
