/**
 * What PACT needs in an org after its metadata is deployed, done through supported APIs only:
 * activate its flows (Tooling API FlowDefinition, read back to verify) and assign its page layouts
 * per profile (a Metadata API deploy of Profile layoutAssignments, validated first like any deploy).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { OrgConnection, PactRunError } from './connection';
import { validateThenDeploy, type DeployReport } from './deploy';

/**
 * Flows PACT ships. In production they arrive inactive unless "Deploy processes and flows as active"
 * is on, which then demands Apex flow test coverage (Tooling API FlowTestCoverage, Usage).
 */
export const PACT_FLOWS = ['PACT_Coaching_Note_Sharing', 'PACT_High_Card_Action_Needed'];

/** Layouts PACT ships, by Metadata API fullName ("Object-Layout Name"). */
export const PACT_LAYOUTS = [
    'Account-PACT Account Layout',
    'Contact-PACT Contact Layout',
    'Opportunity-PACT Opportunity Layout',
    'High_Card__c-High Card Layout',
    'Call_Plan__c-Plan Layout',
    'Coaching_Note__c-Coaching Note Layout'
];

/** Dynamic dashboards per org, by edition (Help, "Dynamic Dashboards" limits). */
export const DYNAMIC_DASHBOARD_CAPS: Record<string, number> = {
    Developer: 3,
    Enterprise: 5,
    Performance: 10,
    Unlimited: 10
};

/** What kind of org this is: production, or one made to try things in. */
export interface OrgKind {
    production: boolean;
    /** "production", "a sandbox", "a scratch or trial org" or "a developer org". */
    name: string;
}

/**
 * Reads the org's kind from Organization (IsSandbox, OrganizationType, TrialExpirationDate: scratch and trial
 * orgs have an expiration date): one query. Production is every org that is none of the others.
 */
export async function readOrgKind(conn: OrgConnection): Promise<OrgKind> {
    const soql = 'SELECT IsSandbox, OrganizationType, TrialExpirationDate FROM Organization';
    const org = await conn.request<{
        records: { IsSandbox: boolean; OrganizationType: string; TrialExpirationDate: string | null }[];
    }>(`/services/data/v${conn.version}/query?q=${encodeURIComponent(soql)}`);
    const row = org.records[0];
    if (!row) return { production: false, name: 'a developer org' };
    if (row.IsSandbox) return { production: false, name: 'a sandbox' };
    if (row.TrialExpirationDate) return { production: false, name: 'a scratch or trial org' };
    if (row.OrganizationType === 'Developer Edition') return { production: false, name: 'a developer org' };
    return { production: true, name: 'production' };
}

/** What kind of org this is, for flows: production orgs deploy flows inactive unless told otherwise. */
export interface OrgFlowCase {
    production: boolean;
    /** Setup > Process Automation Settings > "Deploy processes and flows as active" (FlowSettings). */
    deployAsActive: boolean;
    /** One sentence for the admin. */
    summary: string;
}

/** Reads the org's kind (readOrgKind) and FlowSettings.enableFlowDeployAsActiveEnabled: two calls. */
export async function readOrgFlowCase(conn: OrgConnection): Promise<OrgFlowCase> {
    const { production, name } = await readOrgKind(conn);
    const settings = (await conn.metadata.read('FlowSettings', 'Flow')) as unknown as {
        enableFlowDeployAsActiveEnabled?: boolean | string;
    };
    const deployAsActive = String(settings?.enableFlowDeployAsActiveEnabled) === 'true';
    const summary = !production
        ? `${name}: flows deploy as they are written (active)`
        : deployAsActive
          ? 'production with "Deploy processes and flows as active" on: the deploy would demand Apex flow test coverage, which PACT has none of'
          : 'production: flows arrive inactive and PACT activates them after the deploy';
    return { production, deployAsActive, summary };
}

/** Refuses, before any deploy, the one case that cannot work: production deploying flows as active. */
export function assertFlowsCanDeploy(flowCase: OrgFlowCase): void {
    if (flowCase.production && flowCase.deployAsActive) {
        throw new PactRunError(
            `this org is ${flowCase.summary}. Nothing was deployed.\n` +
                '  fix: Setup > Process Automation Settings: untick "Deploy processes and flows as active", run the same command ' +
                'again (pact setup activates the flows after the deploy), then tick it again if you need it.',
            'input'
        );
    }
}

export interface FlowState {
    name: string;
    id: string;
    active: number | null;
    latest: number;
}

const soqlList = (names: string[]) => names.map((n) => `'${n.replace(/'/g, "\\'")}'`).join(', ');

/** Reads the flows' definitions (one Tooling API query). */
export async function readFlows(conn: OrgConnection, names = PACT_FLOWS): Promise<FlowState[]> {
    const q = `SELECT Id, DeveloperName, ActiveVersion.VersionNumber, LatestVersion.VersionNumber FROM FlowDefinition WHERE DeveloperName IN (${soqlList(names)})`;
    const result = await conn.request<{
        records: {
            Id: string;
            DeveloperName: string;
            ActiveVersion: { VersionNumber: number } | null;
            LatestVersion: { VersionNumber: number } | null;
        }[];
    }>(`/services/data/v${conn.version}/tooling/query?q=${encodeURIComponent(q)}`);
    return result.records.map((r) => ({
        name: r.DeveloperName,
        id: r.Id,
        active: r.ActiveVersion?.VersionNumber ?? null,
        latest: r.LatestVersion?.VersionNumber ?? 0
    }));
}

export interface FlowActivation {
    /** Already active at the latest version: the org deployed them as active (scratch, sandbox, dev). */
    alreadyActive: string[];
    activated: string[];
}

/**
 * Activates the latest version of each flow that is not active, then reads them again: resolves only
 * when every flow runs its latest version; otherwise throws naming the ones that do not, with the
 * server's words.
 */
export async function activateFlows(conn: OrgConnection, names = PACT_FLOWS): Promise<FlowActivation> {
    const before = await readFlows(conn, names);
    const missing = names.filter((n) => !before.some((f) => f.name === n));
    if (missing.length) {
        throw new PactRunError(`the org has no flow ${missing.join(', ')}: deploy force-app first`, 'input');
    }
    const refusals: string[] = [];
    const toActivate = before.filter((f) => f.active !== f.latest);
    for (const flow of toActivate) {
        try {
            await conn.request({
                method: 'PATCH',
                url: `/services/data/v${conn.version}/tooling/sobjects/FlowDefinition/${flow.id}`,
                body: JSON.stringify({ Metadata: { activeVersionNumber: flow.latest } }),
                headers: { 'content-type': 'application/json' }
            });
        } catch (error) {
            const e = error as { errorCode?: string; message?: string };
            refusals.push(`${flow.name}: ${e.errorCode ? `${e.errorCode}: ` : ''}${e.message ?? String(error)}`);
        }
    }
    const after = await readFlows(conn, names);
    const inactive = after.filter((f) => f.active !== f.latest);
    if (inactive.length) {
        throw new PactRunError(
            `flow(s) still inactive after activation: ${inactive.map((f) => f.name).join(', ')}` +
                (refusals.length ? `\n  server: ${refusals.join('\n  server: ')}` : '') +
                '\n  fix: activate them in Setup > Flows (open each, Activate), then run the same command again.' +
                ' Until PACT_Coaching_Note_Sharing is active, reps do not see the coaching notes written for them and nobody else gains access.',
            'server'
        );
    }
    return {
        alreadyActive: before.filter((f) => f.active === f.latest).map((f) => f.name),
        activated: toActivate.map((f) => f.name)
    };
}

export interface ProfileRef {
    name: string;
    fullName: string;
}

/**
 * Profiles of internal users (SOQL UserType = 'Standard'), with the Metadata API fullName each one
 * deploys under (System Administrator is "Admin", Standard User "Standard"): two calls, matched by Id.
 */
export async function internalProfiles(conn: OrgConnection): Promise<ProfileRef[]> {
    const soql = "SELECT Id, Name FROM Profile WHERE UserType = 'Standard' ORDER BY Name";
    const rows = await conn.request<{ records: { Id: string; Name: string }[] }>(
        `/services/data/v${conn.version}/query?q=${encodeURIComponent(soql)}`
    );
    const listed = await conn.metadata.list({ type: 'Profile' });
    const byId = new Map((Array.isArray(listed) ? listed : [listed]).map((p) => [p.id.slice(0, 15), p.fullName]));
    return rows.records
        .map((r) => ({ name: r.Name, fullName: byId.get(r.Id.slice(0, 15)) ?? '' }))
        .filter((p) => p.fullName);
}

const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Source-format profile files that hold only PACT's layout assignments (a deploy changes nothing else). */
export function layoutAssignmentFiles(profiles: ProfileRef[], layouts = PACT_LAYOUTS): Map<string, string> {
    const body = layouts
        .map((l) => `    <layoutAssignments>\n        <layout>${escapeXml(l)}</layout>\n    </layoutAssignments>\n`)
        .join('');
    return new Map(
        profiles.map((p) => [
            `profiles/${p.fullName}.profile-meta.xml`,
            `<?xml version="1.0" encoding="UTF-8"?>\n<Profile xmlns="http://soap.sforce.com/2006/04/metadata">\n${body}</Profile>\n`
        ])
    );
}

/** Chooses profiles by name or fullName ("all" = every internal profile); unknown names are an input error. */
export function chooseProfiles(available: ProfileRef[], wanted: string): ProfileRef[] {
    if (wanted === 'all') return available;
    const names = wanted
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean);
    const unknown = names.filter((n) => !available.some((p) => p.name === n || p.fullName === n));
    if (unknown.length) {
        throw new PactRunError(
            `no internal profile ${unknown.map((n) => `"${n}"`).join(', ')}; the org has: ${available.map((p) => p.name).join(', ')}`,
            'input'
        );
    }
    return available.filter((p) => names.includes(p.name) || names.includes(p.fullName));
}

/** Assigns PACT's layouts to the profiles, validated first like every PACT deploy. */
export async function assignLayouts(conn: OrgConnection, profiles: ProfileRef[]): Promise<DeployReport> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-layouts-'));
    try {
        for (const [file, content] of layoutAssignmentFiles(profiles)) {
            fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
            fs.writeFileSync(path.join(dir, file), content);
        }
        return await validateThenDeploy(dir, conn);
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

function searchUp(from: string, name: string): string | undefined {
    for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, name))) return path.join(dir, name);
        if (path.dirname(dir) === dir) return undefined;
    }
}

/**
 * A copy of a package folder whose dynamic dashboards run as `username` instead (the fallback when
 * the org has used its dynamic-dashboard cap). The caller removes the copy.
 */
export function withDashboardRunningUser(dir: string, username: string): string {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-deploy-'));
    const root = path.join(copy, path.basename(dir));
    // SDR reads the nearest .forceignore above a folder: the copy keeps the project's.
    const ignore = searchUp(dir, '.forceignore');
    if (ignore) fs.copyFileSync(ignore, path.join(copy, '.forceignore'));
    fs.cpSync(dir, root, { recursive: true, filter: (source) => path.basename(source) !== '__tests__' });
    for (const file of fs.readdirSync(root, { recursive: true }) as string[]) {
        if (!file.endsWith('.dashboard-meta.xml')) continue;
        const full = path.join(root, file);
        const xml = fs.readFileSync(full, 'utf8');
        fs.writeFileSync(
            full,
            xml.replace(
                '<dashboardType>LoggedInUser</dashboardType>',
                `<dashboardType>SpecifiedUser</dashboardType>\n    <runningUser>${escapeXml(username)}</runningUser>`
            )
        );
    }
    return root;
}
