/**
 * The Dataverse Web API client PACT uses: dynamics-web-api (the maintained Web API client) with a
 * token from sign-in.ts, plus what the library leaves to its caller: waiting out service protection
 * limits (429 with Retry-After, learn.microsoft.com "Service protection API limits"), one fresh
 * sign-in after a 401, and errors that say which call failed and what the server answered.
 */
import { DynamicsWebApi, type RequestError } from 'dynamics-web-api';

export class DataverseError extends Error {
    constructor(
        message: string,
        readonly status?: number,
        readonly code?: string
    ) {
        super(message);
        this.name = 'DataverseError';
    }
}

export interface TokenSource {
    /** An access token for the environment; `fresh` asks for a new one instead of the cached one. */
    token(fresh?: boolean): Promise<string>;
}

export interface ClientOptions {
    /** Environment URL, e.g. https://contoso.crm.dynamics.com */
    url: string;
    tokens: TokenSource;
    /** Attempts for one call when the service says "too many requests" (429) or is busy (503). */
    maxAttempts?: number;
    /** Waits this long instead of Retry-After (tests); never longer than Retry-After says. */
    sleep?: (ms: number) => Promise<void>;
    /** Every request goes into this solution (MSCRM.SolutionUniqueName), so the solution holds the schema. */
    solutionUniqueName?: string;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Normalises an environment URL to https://host/ (no path), the form the Web API base needs. */
export function environmentUrl(url: string): string {
    let parsed: URL;
    try {
        parsed = new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`);
    } catch {
        throw new DataverseError(`"${url}" is not an environment URL (for example https://contoso.crm.dynamics.com)`);
    }
    return `${parsed.protocol}//${parsed.host}/`;
}

export const isStatus = (error: unknown, ...statuses: number[]): boolean =>
    typeof (error as RequestError)?.status === 'number' && statuses.includes((error as RequestError).status as number);

/** Dataverse error codes that mean "this component already exists" on a metadata create. */
const ALREADY_EXISTS = new Set(['0x80047013', '0x80044363', '0x8004431a', '0x80048403', '0x80040237']);

/** A create that failed because the thing is already there: 412 (If-None-Match) or a duplicate code. */
export function alreadyExists(error: unknown): boolean {
    const e = error as RequestError;
    if (isStatus(e, 412)) return true;
    const code = String(e?.code ?? '').toLowerCase();
    return ALREADY_EXISTS.has(code) || /already exists|is not unique|duplicate/i.test(String(e?.message ?? ''));
}

function retryAfterMs(error: RequestError): number {
    const headers = (error.headers ?? {}) as Record<string, string>;
    const value = headers['retry-after'] ?? headers['Retry-After'];
    const seconds = Number(value);
    return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 5000;
}

export class DataverseClient {
    readonly url: string;
    readonly api: DynamicsWebApi;
    private readonly options: Required<Omit<ClientOptions, 'solutionUniqueName'>> & { solutionUniqueName?: string };
    private freshToken = false;
    /** Waits the client made because of 429/503, in ms (shown to the admin; asserted by tests). */
    readonly waits: number[] = [];

    constructor(options: ClientOptions) {
        this.url = environmentUrl(options.url);
        this.options = { maxAttempts: 5, sleep: defaultSleep, ...options, url: this.url };
        this.api = new DynamicsWebApi({
            serverUrl: this.url,
            dataApi: { version: '9.2' },
            headers: options.solutionUniqueName ? { 'MSCRM.SolutionUniqueName': options.solutionUniqueName } : {},
            onTokenRefresh: async () => {
                const fresh = this.freshToken;
                this.freshToken = false;
                return this.options.tokens.token(fresh);
            }
        });
    }

    /** Runs one Web API call; `what` names it in errors ("create table pact_plan"). */
    async call<T>(what: string, run: (api: DynamicsWebApi) => Promise<T>): Promise<T> {
        let signedInAgain = false;
        for (let attempt = 1; ; attempt++) {
            try {
                return await run(this.api);
            } catch (error) {
                const e = error as RequestError;
                if (isStatus(e, 429, 503) && attempt < this.options.maxAttempts) {
                    const wait = retryAfterMs(e);
                    this.waits.push(wait);
                    await this.options.sleep(wait);
                    continue;
                }
                if (isStatus(e, 401) && !signedInAgain) {
                    signedInAgain = true;
                    this.freshToken = true;
                    continue;
                }
                throw this.explain(what, e);
            }
        }
    }

    /** Like call, but a 404 means "not there" and gives undefined. */
    async find<T>(what: string, run: (api: DynamicsWebApi) => Promise<T>): Promise<T | undefined> {
        try {
            return await this.call(what, run);
        } catch (error) {
            if (error instanceof DataverseError && error.status === 404) return undefined;
            throw error;
        }
    }

    private explain(what: string, e: RequestError): DataverseError {
        if (e instanceof DataverseError) return e;
        const status = e?.status;
        const server = e?.message ? `: ${e.message}` : '';
        if (status === 401) {
            return new DataverseError(
                `${what}: ${this.url} refused the sign-in (401)${server}. Check that the account or app is a user of this environment, then run the command again to sign in.`,
                401,
                e.code
            );
        }
        if (status === 403) {
            return new DataverseError(
                `${what}: not allowed (403)${server}. Setup needs the System Administrator or System Customizer role.`,
                403,
                e.code
            );
        }
        if (status === 429 || status === 503) {
            return new DataverseError(
                `${what}: the service is still busy after ${this.options.maxAttempts} attempts (${status})${server}. Run the command again later; it resumes.`,
                status,
                e.code
            );
        }
        return new DataverseError(`${what} failed${status ? ` (${status})` : ''}${server}`, status, e?.code);
    }
}
