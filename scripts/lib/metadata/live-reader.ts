/**
 * Reads a live org into the common OrgModel with a bounded number of API calls, whatever the
 * org's size:
 *  1-3. three SOQL queries (run together) name the report folders, reports and dashboards, so the
 *       retrieve can list them (reports have no wildcard); 2,000 rows per page, nextRecordsUrl followed;
 *  4.   one Metadata API retrieve of every custom object plus the activity-facing standard objects
 *       (fields, validation rules, list views), those reports and dashboards, every report type, and
 *       every flow and workflow (who sets a tick box), so the evidence costs no extra call;
 *  5.   checkRetrieveStatus until done (usually once or twice);
 * then the zip is read by the mdapi reader. Per-object describes or Tooling queries would cost one
 * call per object: FieldDefinition/EntityParticle must be filtered by EntityDefinition, and the Tooling
 * API returns a field's or rule's Metadata only one record per query.
 */
import type { OrgModel } from './model';
import { readMdapiFiles } from './mdapi-reader';
import {
    API_VERSION,
    DEFAULT_RETRY,
    OrgConnection,
    PactRunError,
    RetryPolicy,
    withRetry
} from '../salesforce/connection';
import { ACTIVITY_FACING_OBJECTS } from '../audit/activity-controls';

/** The Metadata API refuses a retrieve of more than 10,000 components. */
const MAX_RETRIEVE_MEMBERS = 10000;
/** Components the model reads; anything else in the zip is ignored. */
const READ_SUFFIXES = ['.object', '.report', '.dashboard', '.reportType', '.flow', '.workflow'];

export interface LiveReadOptions {
    /** The alias the user gave: shown in messages and as every finding's file ("org:ALIAS"). */
    alias: string;
    retry?: RetryPolicy;
    /** First wait between retrieve status checks; grows by half each time, up to 10 s. */
    pollIntervalMs?: number;
    /** Gives up on a retrieve after this long. */
    retrieveTimeoutMs?: number;
    onProgress?: (message: string) => void;
}

export interface LiveReadStats {
    /** HTTP requests sent, retries included. */
    calls: number;
    queries: number;
    retrieves: number;
    polls: number;
    /** Reports in users' private folders: listed, but the Metadata API cannot retrieve them. */
    privateReports: number;
}

interface QueryResult<T> {
    done: boolean;
    records: T[];
    nextRecordsUrl?: string;
}

interface FolderRow {
    Id: string;
    DeveloperName: string | null;
    ParentId?: string | null;
    NamespacePrefix?: string | null;
}
interface ReportRow {
    Id: string;
    DeveloperName: string;
    OwnerId: string;
    NamespacePrefix?: string | null;
}
interface DashboardRow {
    Id: string;
    DeveloperName: string;
    FolderId: string;
    NamespacePrefix?: string | null;
}

interface RetrieveStatus {
    done: boolean | string;
    id: string;
    status?: string;
    success?: boolean | string;
    errorMessage?: string;
    zipFile?: string;
    messages?: { fileName?: string; problem?: string } | { fileName?: string; problem?: string }[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const qualified = (row: { DeveloperName: string | null; NamespacePrefix?: string | null }) =>
    row.NamespacePrefix ? `${row.NamespacePrefix}__${row.DeveloperName}` : (row.DeveloperName ?? '');

export class LiveOrgReader {
    readonly stats: LiveReadStats = { calls: 0, queries: 0, retrieves: 0, polls: 0, privateReports: 0 };
    private readonly retry: RetryPolicy;

    constructor(
        private readonly conn: OrgConnection,
        private readonly options: LiveReadOptions
    ) {
        this.retry = options.retry ?? DEFAULT_RETRY;
    }

    private call<T>(run: () => Promise<T>): Promise<T> {
        return withRetry(
            () => {
                this.stats.calls++;
                return run();
            },
            this.options.alias,
            this.retry,
            (attempt, failure) => this.options.onProgress?.(`retry ${attempt} after: ${failure.message}`)
        );
    }

    /** Every row of a SOQL query, page by page. jsforce's own retries are off: withRetry decides. */
    async queryAll<T>(soql: string): Promise<T[]> {
        const version = this.conn.version || API_VERSION;
        let url: string | undefined = `/services/data/v${version}/query?q=${encodeURIComponent(soql)}`;
        const rows: T[] = [];
        while (url) {
            const pageUrl: string = url;
            const page = await this.call(() =>
                this.conn.request<QueryResult<T>>({ method: 'GET', url: pageUrl }, {
                    retry: { maxRetries: 0 }
                } as never)
            );
            this.stats.queries++;
            rows.push(...page.records);
            url = page.done ? undefined : page.nextRecordsUrl;
        }
        return rows;
    }

    /** Folder developer names as the Metadata API wants them: "Parent/Child" for nested folders. */
    private folderPaths(folders: FolderRow[]): Map<string, string> {
        const byId = new Map(folders.map((f) => [f.Id, f]));
        const paths = new Map<string, string>();
        const pathOf = (folder: FolderRow, depth = 0): string => {
            const parent = folder.ParentId ? byId.get(folder.ParentId) : undefined;
            const own = qualified(folder);
            return parent && depth < 10 ? `${pathOf(parent, depth + 1)}/${own}` : own;
        };
        for (const folder of folders) if (folder.DeveloperName) paths.set(folder.Id, pathOf(folder));
        return paths;
    }

    async listAnalytics(): Promise<{ reports: string[]; dashboards: string[]; skippedPrivate: number }> {
        const [folders, reports, dashboards] = await Promise.all([
            this.queryAll<FolderRow>(
                "SELECT Id, DeveloperName, ParentId, NamespacePrefix FROM Folder WHERE Type IN ('Report', 'Dashboard')"
            ),
            this.queryAll<ReportRow>('SELECT Id, DeveloperName, OwnerId, NamespacePrefix FROM Report'),
            this.queryAll<DashboardRow>('SELECT Id, DeveloperName, FolderId, NamespacePrefix FROM Dashboard')
        ]);
        const paths = this.folderPaths(folders);
        // Reports in the unfiled public folder belong to the org (00D...); in a private folder to a user (005...),
        // and the Metadata API cannot retrieve those.
        const folderOf = (ownerId: string) => (ownerId.startsWith('00D') ? 'unfiled$public' : paths.get(ownerId));
        let skippedPrivate = 0;
        const reportNames: string[] = [];
        for (const report of reports) {
            const folder = folderOf(report.OwnerId);
            if (folder) reportNames.push(`${folder}/${qualified(report)}`);
            else skippedPrivate++;
        }
        const dashboardNames = dashboards
            .filter((d) => paths.has(d.FolderId))
            .map((d) => `${paths.get(d.FolderId)}/${qualified(d)}`);
        return { reports: reportNames.sort(), dashboards: dashboardNames.sort(), skippedPrivate };
    }

    private async retrieveOnce(types: { members: string[]; name: string }[]): Promise<Map<string, string>> {
        const request = { apiVersion: this.conn.version || API_VERSION, singlePackage: true, unpackaged: { types } };
        const started = await this.call(
            () => this.conn.metadata._invoke('retrieve', { request }) as Promise<{ id: string }>
        );
        this.stats.retrieves++;
        const deadline = Date.now() + (this.options.retrieveTimeoutMs ?? 10 * 60 * 1000);
        let wait = this.options.pollIntervalMs ?? 1000;
        for (;;) {
            await sleep(wait);
            const status = await this.call(
                () =>
                    this.conn.metadata._invoke('checkRetrieveStatus', {
                        asyncProcessId: started.id,
                        includeZip: true
                    }) as Promise<RetrieveStatus>
            );
            this.stats.polls++;
            if (String(status.done) === 'true') {
                if (status.status !== 'Succeeded' || !status.zipFile) {
                    throw new PactRunError(
                        `the org could not export its setup: ${status.errorMessage ?? status.status ?? 'no zip file'}`,
                        'server'
                    );
                }
                return unzip(status.zipFile);
            }
            if (Date.now() > deadline) {
                throw new PactRunError(
                    `the org's metadata export ${started.id} did not finish in time: try again`,
                    'server'
                );
            }
            this.options.onProgress?.(`waiting for the org's metadata export (${status.status ?? 'InProgress'})`);
            wait = Math.min(wait * 1.5, 10000);
        }
    }

    async read(): Promise<OrgModel> {
        const progress = this.options.onProgress ?? (() => undefined);
        progress('listing report folders, reports and dashboards');
        const { reports, dashboards, skippedPrivate } = await this.listAnalytics();
        this.stats.privateReports = skippedPrivate;
        const objects = ['*', ...ACTIVITY_FACING_OBJECTS];
        const analytics = [
            ...reports.map((member) => ({ name: 'Report', member })),
            ...dashboards.map((member) => ({ name: 'Dashboard', member }))
        ];
        const fixed = objects.length + 3;
        const files = new Map<string, string>();
        // One retrieve in practice; a huge analytics library is split to stay under the component limit.
        const batches = Math.max(1, Math.ceil(analytics.length / (MAX_RETRIEVE_MEMBERS - fixed)));
        const size = Math.ceil(analytics.length / batches);
        for (let b = 0; b < batches; b++) {
            const slice = analytics.slice(b * size, (b + 1) * size);
            // Element order matters to the SOAP API: members before name, as in package.xml.
            const types = [
                ...(b === 0
                    ? [
                          { members: objects, name: 'CustomObject' },
                          { members: ['*'], name: 'ReportType' },
                          // Who sets a tick box: flows, processes and workflow field updates, in the same retrieve.
                          { members: ['*'], name: 'Flow' },
                          { members: ['*'], name: 'Workflow' }
                      ]
                    : []),
                { members: slice.filter((a) => a.name === 'Report').map((a) => a.member), name: 'Report' },
                { members: slice.filter((a) => a.name === 'Dashboard').map((a) => a.member), name: 'Dashboard' }
            ].filter((t) => t.members.length > 0);
            progress(
                batches > 1
                    ? `exporting the org's setup (part ${b + 1} of ${batches})`
                    : `exporting objects, ${reports.length} reports and ${dashboards.length} dashboards`
            );
            for (const [name, content] of await this.retrieveOnce(types)) files.set(name, content);
        }
        progress(`reading ${files.size} metadata files`);
        const label = `org:${this.options.alias}`;
        return readMdapiFiles(files, label, () => label);
    }
}

/** The components the model reads, by their path inside the package ("objects/Task.object"). */
async function unzip(base64: string): Promise<Map<string, string>> {
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(base64, { base64: true });
    const files = new Map<string, string>();
    for (const entry of Object.values(zip.files)) {
        if (entry.dir || !READ_SUFFIXES.some((s) => entry.name.endsWith(s))) continue;
        // singlePackage zips have no "unpackaged/" root; older ones do.
        const name = entry.name.replace(/^unpackaged\//, '');
        files.set(name, await entry.async('string'));
    }
    return files;
}

export async function readLiveOrg(
    conn: OrgConnection,
    options: LiveReadOptions
): Promise<{ model: OrgModel; stats: LiveReadStats }> {
    const reader = new LiveOrgReader(conn, options);
    const model = await reader.read();
    return { model, stats: reader.stats };
}
