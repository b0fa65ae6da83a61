/**
 * A @salesforce/core Connection to the fake org from an access token (what `sf org login access-token`
 * makes, and what source-deploy-retrieve needs), with the CLI's state folders in a temporary home, so
 * tests neither read nor write the developer's real logins.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { OrgConnection } from '../../../scripts/lib/salesforce/connection';
import type { FakeOrg } from './server';

let home: string | undefined;

/** Points HOME at a fresh folder holding empty ~/.sfdx and ~/.sf state; returns it. */
export function useTemporaryHome(): string {
    if (home) return home;
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-home-'));
    // @salesforce/core creates alias.json when it is missing, but under jest the ENOENT it catches
    // comes from another realm and fails its `instanceof Error` test: create the files first.
    for (const dir of ['.sfdx', '.sf']) fs.mkdirSync(path.join(home, dir), { recursive: true });
    fs.writeFileSync(path.join(home, '.sfdx', 'alias.json'), '{"orgs":{}}');
    process.env.HOME = home;
    process.env.SF_DISABLE_TELEMETRY = 'true';
    process.env.SF_AUTOUPDATE_DISABLE = 'true';
    return home;
}

export async function coreConnection(fake: FakeOrg): Promise<OrgConnection> {
    useTemporaryHome();
    const { AuthInfo, Connection } = await import('@salesforce/core');
    const authInfo = await AuthInfo.create({
        accessTokenOptions: { accessToken: fake.accessToken, instanceUrl: fake.instanceUrl, loginUrl: fake.instanceUrl }
    });
    return (await Connection.create({ authInfo })) as unknown as OrgConnection;
}
