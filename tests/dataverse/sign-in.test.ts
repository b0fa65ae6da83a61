/**
 * Sign-in without a network: the secret never comes from the command line, and the token cache is a
 * per-environment file only its owner can read (like the sf CLI's logins).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TokenCacheContext } from '@azure/msal-node';
import { cacheFile, filePlugin, SECRET_VARIABLE, signIn } from '../../scripts/lib/dataverse/sign-in';

describe('Dataverse sign-in', () => {
    let dir: string;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-signin-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('asks for the client secret in an environment variable, with tenant and client id', () => {
        const start = (env: NodeJS.ProcessEnv) => () =>
            signIn({
                url: 'https://contoso.crm.dynamics.com',
                tenant: 'contoso.onmicrosoft.com',
                clientId: '00000000-0000-0000-0000-000000000001',
                clientCredentials: true,
                cacheDir: dir,
                say: () => undefined,
                env
            });
        expect(start({})).toThrow(SECRET_VARIABLE);
        expect(start({ [SECRET_VARIABLE]: 'from-the-environment' })).not.toThrow();
    });

    it('keeps one cache file per environment, readable by its owner only', async () => {
        const file = cacheFile(dir, 'https://contoso.crm.dynamics.com/');
        expect(path.basename(file)).toBe('contoso.crm.dynamics.com.json');
        const plugin = filePlugin(file);
        const written = { cacheHasChanged: true, tokenCache: { serialize: () => '{"Account":{}}' } };
        await plugin.afterCacheAccess(written as unknown as TokenCacheContext);
        expect(fs.statSync(file).mode & 0o777).toBe(0o600);
        let read = '';
        const reading = { tokenCache: { deserialize: (text: string) => (read = text) } };
        await plugin.beforeCacheAccess(reading as unknown as TokenCacheContext);
        expect(read).toBe('{"Account":{}}');
    });
});
