/**
 * Connections to a Salesforce org for the pact CLI, and the one place that decides which API
 * failures are worth retrying. Real aliases reuse the Salesforce CLI's stored logins through
 * @salesforce/core; tests and benchmarks inject an instance URL and access token instead.
 * Heavy libraries load lazily so that `pact audit --source-dir` starts fast.
 */
import type { Connection } from 'jsforce';

/** What the CLI needs from a jsforce Connection (@salesforce/core's Connection is one too). */
export type OrgConnection = Pick<Connection, 'request' | 'metadata' | 'instanceUrl' | 'version' | 'accessToken'>;

export type FailureKind = 'auth' | 'network' | 'limit' | 'server' | 'input';

/** A failure the CLI reports with exit code 2 and a sentence that says what to do. */
export class PactRunError extends Error {
    constructor(
        message: string,
        readonly kind: FailureKind
    ) {
        super(message);
        this.name = 'PactRunError';
    }
}

export const API_VERSION = '66.0';

/** Logs in with the Salesforce CLI's stored authorisation for an alias or username. */
export async function connectToAlias(alias: string): Promise<OrgConnection> {
    const { Org } = await import('@salesforce/core');
    try {
        const org = await Org.create({ aliasOrUsername: alias });
        const conn = org.getConnection();
        return conn as unknown as OrgConnection;
    } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new PactRunError(`no usable login for "${alias}" (${detail}): run sf org login web -a ${alias}`, 'auth');
    }
}

/** A connection from an instance URL and access token (tests, benchmarks, CI with a token). */
export async function connectWithToken(instanceUrl: string, accessToken: string): Promise<OrgConnection> {
    const { Connection: JsforceConnection } = await import('jsforce');
    return new JsforceConnection({ instanceUrl, accessToken, version: API_VERSION }) as unknown as OrgConnection;
}

export interface RetryPolicy {
    /** Attempts after the first one, for retryable failures only. */
    retries: number;
    /** First back-off; doubles each time. */
    baseDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 1000 };

interface ApiError {
    errorCode?: string;
    name?: string;
    code?: string;
    statusCode?: number;
    message?: string;
}

const NETWORK_CODES = ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE'];

/** Sorts an error thrown by jsforce (REST JSON errors, SOAP faults, socket errors) into what to do next. */
export function classify(error: unknown, alias: string): { retryable: boolean; failure: PactRunError } {
    if (error instanceof PactRunError) return { retryable: false, failure: error };
    const e = (error ?? {}) as ApiError;
    const code = `${e.errorCode ?? ''} ${e.name ?? ''} ${e.code ?? ''}`;
    const message = e.message ?? String(error);
    // A stored login whose refresh token was revoked fails the same way after @salesforce/core tries to refresh it.
    if (
        /INVALID_SESSION_ID|INVALID_AUTH_HEADER|ERROR_HTTP_401|invalid_grant/i.test(code) ||
        /INVALID_SESSION_ID|invalid_grant|expired access\/refresh token/i.test(message)
    ) {
        return {
            retryable: false,
            failure: new PactRunError(`session expired: run sf org login web -a ${alias}`, 'auth')
        };
    }
    if (/REQUEST_LIMIT_EXCEEDED/.test(code) || /REQUEST_LIMIT_EXCEEDED/.test(message)) {
        return {
            retryable: true,
            failure: new PactRunError(`the org's API request limit is reached (${message}): try again later`, 'limit')
        };
    }
    if (/INSUFFICIENT_ACCESS|API_DISABLED_FOR_ORG|API_CURRENTLY_DISABLED/.test(code)) {
        return {
            retryable: false,
            failure: new PactRunError(
                `this login may not read the org's setup (${message}): use an admin login`,
                'auth'
            )
        };
    }
    const network = NETWORK_CODES.find((c) => code.includes(c) || message.includes(c));
    if (network) {
        return {
            retryable: network !== 'ENOTFOUND',
            failure: new PactRunError(
                `cannot reach the org (${network}): check the network and the org's URL`,
                'network'
            )
        };
    }
    if (
        /ERROR_HTTP_5\d\d|SERVER_UNAVAILABLE|UNKNOWN_EXCEPTION/.test(code) ||
        /^5\d\d$/.test(String(e.statusCode ?? ''))
    ) {
        return {
            retryable: true,
            failure: new PactRunError(`Salesforce answered with a server error (${message.slice(0, 200)})`, 'server')
        };
    }
    return {
        retryable: false,
        failure: new PactRunError(`the org refused the request: ${message.slice(0, 300)}`, 'server')
    };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one API call, retrying server errors and request-limit answers with doubling back-off,
 * at most `policy.retries` times; anything else fails at once as a PactRunError.
 */
export async function withRetry<T>(
    call: () => Promise<T>,
    alias: string,
    policy: RetryPolicy = DEFAULT_RETRY,
    onRetry?: (attempt: number, failure: PactRunError) => void
): Promise<T> {
    for (let attempt = 0; ; attempt++) {
        try {
            return await call();
        } catch (error) {
            const { retryable, failure } = classify(error, alias);
            if (!retryable || attempt >= policy.retries) throw failure;
            onRetry?.(attempt + 1, failure);
            await sleep(policy.baseDelayMs * 2 ** attempt);
        }
    }
}
