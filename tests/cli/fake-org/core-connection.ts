/**
 * A @salesforce/core Connection to the fake org from an access token (what `sf org login access-token`
 * makes, and what source-deploy-retrieve needs), built so that nothing is written to the CLI's state folder.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { API_VERSION, type OrgConnection } from '../../../scripts/lib/salesforce/connection';
import type { FakeOrg } from './server';

/**
 * @salesforce/core reads ~/.sfdx/alias.json and creates it when missing, but under jest the ENOENT it
 * catches comes from another realm and fails its `instanceof Error` test. An empty alias file is what the
 * CLI itself writes on first use; an existing one is left alone.
 */
function ensureAliasFile(): void {
    const file = path.join(os.homedir(), '.sfdx', 'alias.json');
    if (fs.existsSync(file)) return;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{"orgs":{}}');
}

export async function coreConnection(fake: FakeOrg): Promise<OrgConnection> {
    ensureAliasFile();
    const { AuthInfo, Connection } = await import('@salesforce/core');
    // The org's edition, namespace and API version come with the token, as a stored login would have them:
    // then neither AuthInfo (determineOrg) nor Connection (the API version cache) saves an auth file, which
    // would take a file lock whose 10-second stale timer can crash a busy test run (proper-lockfile ECOMPROMISED).
    const accessTokenOptions = {
        accessToken: fake.accessToken,
        instanceUrl: fake.instanceUrl,
        loginUrl: fake.instanceUrl,
        orgEdition: 'Developer Edition',
        namespacePrefix: null,
        instanceApiVersion: API_VERSION,
        instanceApiVersionLastRetrieved: new Date().toLocaleString()
    };
    const authInfo = await AuthInfo.create({ accessTokenOptions: accessTokenOptions as never });
    const conn = await Connection.create({ authInfo, connectionOptions: { version: API_VERSION } });
    return conn as unknown as OrgConnection;
}
