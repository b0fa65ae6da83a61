/**
 * Sign-in to a Dataverse environment with @azure/msal-node, the way the sf CLI keeps logins: once
 * per environment, cached in the user's home folder (~/.pact/dataverse/<host>.json, readable by the
 * user only), refreshed silently afterwards.
 * - Device code (an admin at a terminal): the command prints a code to enter at microsoft.com/devicelogin.
 * - Client credentials (automation): an app registration that is an application user of the
 *   environment; the secret comes from the PACT_DATAVERSE_CLIENT_SECRET environment variable, never
 *   from the command line (which shell history and process lists keep).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
    ConfidentialClientApplication,
    PublicClientApplication,
    type ICachePlugin,
    type TokenCacheContext
} from '@azure/msal-node';
import { DataverseError, type TokenSource } from './client';

/**
 * Microsoft's sample app registration for Dataverse development and tests (a public client with
 * Dataverse user_impersonation; learn.microsoft.com "Quickstart: Web API sample"). Organisations
 * register their own and pass --client-id.
 */
export const SAMPLE_CLIENT_ID = '51f81489-12ee-4a9e-aaae-a2591f45987d';
export const SECRET_VARIABLE = 'PACT_DATAVERSE_CLIENT_SECRET';

export interface SignInOptions {
    url: string;
    tenant?: string;
    clientId?: string;
    /** Client credentials instead of device code. */
    clientCredentials?: boolean;
    /** Where tokens are cached; default ~/.pact/dataverse. */
    cacheDir?: string;
    /** Shows the device-code instructions to the admin. */
    say: (line: string) => void;
    env?: NodeJS.ProcessEnv;
}

export function cacheFile(cacheDir: string, url: string): string {
    return path.join(cacheDir, `${new URL(url).host.replace(/[^A-Za-z0-9_.-]/g, '_')}.json`);
}

/** msal's cache as one JSON file per environment, written with mode 0600. */
export function filePlugin(file: string): ICachePlugin {
    return {
        async beforeCacheAccess(context: TokenCacheContext) {
            if (fs.existsSync(file)) context.tokenCache.deserialize(fs.readFileSync(file, 'utf8'));
        },
        async afterCacheAccess(context: TokenCacheContext) {
            if (!context.cacheHasChanged) return;
            fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
            fs.writeFileSync(file, context.tokenCache.serialize(), { mode: 0o600 });
        }
    };
}

export function signIn(options: SignInOptions): TokenSource {
    const env = options.env ?? process.env;
    const resource = new URL(options.url).origin;
    const scopes = [`${resource}/.default`];
    const cacheDir = options.cacheDir ?? path.join(os.homedir(), '.pact', 'dataverse');
    const cachePlugin = filePlugin(cacheFile(cacheDir, options.url));
    const authority = `https://login.microsoftonline.com/${options.tenant ?? 'organizations'}`;

    if (options.clientCredentials) {
        const secret = env[SECRET_VARIABLE];
        if (!options.tenant || !options.clientId || !secret) {
            throw new DataverseError(
                `Client credentials need --tenant, --client-id and the secret in ${SECRET_VARIABLE} (never on the command line).`
            );
        }
        const app = new ConfidentialClientApplication({
            auth: { clientId: options.clientId, authority, clientSecret: secret },
            cache: { cachePlugin }
        });
        return {
            async token(fresh = false) {
                // After a 401 the cached token is not used again.
                const result = await app.acquireTokenByClientCredential({ scopes, skipCache: fresh });
                if (!result?.accessToken) throw new DataverseError('Sign-in gave no access token');
                return result.accessToken;
            }
        };
    }

    const app = new PublicClientApplication({
        auth: { clientId: options.clientId ?? SAMPLE_CLIENT_ID, authority },
        cache: { cachePlugin }
    });
    return {
        async token(fresh = false) {
            const [account] = await app.getTokenCache().getAllAccounts();
            if (account && !fresh) {
                try {
                    const cached = await app.acquireTokenSilent({ account, scopes });
                    if (cached?.accessToken) return cached.accessToken;
                } catch {
                    // Expired refresh token or consent needed: sign in again below.
                }
            }
            const result = await app.acquireTokenByDeviceCode({
                scopes,
                deviceCodeCallback: (response) => options.say(response.message)
            });
            if (!result?.accessToken) throw new DataverseError('Sign-in gave no access token');
            return result.accessToken;
        }
    };
}
