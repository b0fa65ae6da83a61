/**
 * A local stand-in for a Salesforce org (node:http on 127.0.0.1, random port) that answers what the
 * live audit sends through jsforce: REST SOQL queries with nextRecordsUrl paging, and the Metadata
 * API SOAP calls retrieve / checkRetrieveStatus, whose zip is built from an mdapi file map. Faults
 * (expired session, request limit, server error) can be queued per call kind. Every request is
 * recorded, so tests and the benchmark count API calls where they arrive.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import JSZip from 'jszip';

export type CallKind =
    | 'query'
    | 'tooling'
    | 'retrieve'
    | 'checkRetrieveStatus'
    | 'deploy'
    | 'deployRecentValidation'
    | 'checkDeployStatus'
    | 'listMetadata'
    | 'readMetadata'
    | 'other';

/** A componentFailure the fake answers for matching components, as the Metadata API words them. */
export interface DeployProblem {
    /** "Type:fullName", or only a fullName; omitted: every component. */
    component?: string;
    problem: string;
    line?: number;
    column?: number;
    /** When it happens (default: at validation, so the quick deploy never runs). */
    phase?: 'validation' | 'deploy';
}

/** A flow as the Tooling API's FlowDefinition shows it. */
export interface FakeFlow {
    developerName: string;
    latestVersion: number;
    /** null: no active version (a production deploy without "Deploy processes and flows as active"). */
    activeVersion: number | null;
    /** Makes activation of this flow fail with this Tooling API error. */
    activationError?: { errorCode: string; message: string };
}

/** A profile: SOQL Name and Id, and its Metadata API fullName (System Administrator is "Admin"). */
export interface FakeProfile {
    id: string;
    name: string;
    fullName: string;
}

/** One deploy job as the org keeps it. */
export interface DeployJob {
    id: string;
    checkOnly: boolean;
    /** The validation a quick deploy came from. */
    quickOf?: string;
    files: Map<string, string>;
    components: { type: string; fullName: string; fileName: string }[];
    failures: { type: string; fullName: string; fileName: string; problem: DeployProblem }[];
    testLevel?: string;
    testFailures: { name: string; methodName: string; message: string }[];
    coverageWarning?: string;
}

export interface Fault {
    on: CallKind | 'any';
    kind: 'session' | 'limit' | 'server';
    /** How many matching calls fail (default 1). */
    times?: number;
}

export interface FakeOrgOptions {
    /** The org's metadata in mdapi layout: "objects/Account.object" -> XML. */
    files: Map<string, string>;
    /** Rows per query page (Salesforce: 2,000). */
    pageSize?: number;
    /** checkRetrieveStatus answers "InProgress" this many times before "Succeeded". */
    pollsBeforeDone?: number;
    /** Reports in private folders: listed by SOQL, not retrievable. */
    privateReports?: string[];
    faults?: Fault[];
    token?: string;
    /** Makes every deploy fail with this problem on each component (shorthand for deployProblems). */
    deployProblem?: string;
    deployProblems?: DeployProblem[];
    flows?: FakeFlow[];
    profiles?: FakeProfile[];
    /** The Organization row (SOQL) and FlowSettings.enableFlowDeployAsActiveEnabled (readMetadata). */
    organization?: { IsSandbox: boolean; OrganizationType: string; TrialExpirationDate: string | null };
    deployFlowsAsActive?: boolean;
    /** Declines every quick deploy (deployRecentValidation) with INVALID_ID_FIELD. */
    quickDeployRefused?: boolean;
    /** A coverage warning a validation that runs tests reports (and fails on), as the org's coverage gives it. */
    coverageWarning?: string;
    /** The org's own Apex tests that fail when a validation runs tests (RunLocalTests). */
    apexTestFailures?: { name: string; methodName: string; message: string }[];
}

export interface FakeOrg {
    instanceUrl: string;
    accessToken: string;
    calls: { kind: CallKind; method: string; url: string; status: number }[];
    /** Members requested by the last retrieve, by metadata type. */
    lastRetrieve?: Record<string, string[]>;
    /** The SOAP body of the last retrieve, as sent. */
    lastRetrieveBody?: string;
    /** Files of each zip sent to deploy() (check-only or not), with their content. */
    deployed: Map<string, string>[];
    /** Every deploy job, validations and quick deploys. */
    jobs: DeployJob[];
    /** Files that changed the org: a successful real deploy or quick deploy. */
    applied: Map<string, string>[];
    /** Flows as they are now (activation changes them). */
    flows: FakeFlow[];
    close(): Promise<void>;
}

const API = '66.0';
const ORG_ID = '00D000000000001AAA';

interface Row {
    [key: string]: unknown;
}

function idFor(prefix: string, n: number): string {
    return `${prefix}${String(n).padStart(12, '0')}AAA`;
}

/** Folder, Report and Dashboard rows as Salesforce returns them, derived from the file map. */
function analyticsRows(options: FakeOrgOptions) {
    const folders = new Map<string, Row>();
    const folderId = (name: string) => {
        if (!folders.has(name)) {
            folders.set(name, {
                attributes: { type: 'Folder' },
                Id: idFor('00l', folders.size + 1),
                DeveloperName: name,
                ParentId: null,
                NamespacePrefix: null
            });
        }
        return folders.get(name)!.Id as string;
    };
    const reports: Row[] = [];
    const dashboards: Row[] = [];
    for (const file of [...options.files.keys()].sort()) {
        const report = /^reports\/([^/]+)\/([^/]+)\.report$/.exec(file);
        if (report) {
            const OwnerId = report[1] === 'unfiled$public' ? ORG_ID : folderId(report[1]);
            reports.push({
                attributes: { type: 'Report' },
                Id: idFor('00O', reports.length + 1),
                DeveloperName: report[2],
                OwnerId,
                NamespacePrefix: null
            });
        }
        const dashboard = /^dashboards\/([^/]+)\/([^/]+)\.dashboard$/.exec(file);
        if (dashboard) {
            dashboards.push({
                attributes: { type: 'Dashboard' },
                Id: idFor('01Z', dashboards.length + 1),
                DeveloperName: dashboard[2],
                FolderId: folderId(dashboard[1]),
                NamespacePrefix: null
            });
        }
    }
    for (const name of options.privateReports ?? []) {
        reports.push({
            attributes: { type: 'Report' },
            Id: idFor('00O', reports.length + 1),
            DeveloperName: name,
            OwnerId: '005000000000001AAA',
            NamespacePrefix: null
        });
    }
    return { Folder: [...folders.values()], Report: reports, Dashboard: dashboards } as Record<string, Row[]>;
}

function restFault(kind: Fault['kind']): { status: number; body: string } {
    const [status, errorCode, message] =
        kind === 'session'
            ? [401, 'INVALID_SESSION_ID', 'Session expired or invalid']
            : kind === 'limit'
              ? [403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.']
              : [500, 'UNKNOWN_EXCEPTION', 'An unexpected error occurred. Please include this ErrorId: 1234-5678'];
    return { status, body: JSON.stringify([{ message, errorCode }]) };
}

function soapEnvelope(body: string): string {
    return (
        '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" ' +
        `xmlns="http://soap.sforce.com/2006/04/metadata"><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`
    );
}

function soapFault(kind: Fault['kind']): { status: number; body: string } {
    const [code, text] =
        kind === 'session'
            ? ['INVALID_SESSION_ID', 'INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session']
            : kind === 'limit'
              ? ['REQUEST_LIMIT_EXCEEDED', 'REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.']
              : ['UNKNOWN_EXCEPTION', 'UNKNOWN_EXCEPTION: An unexpected error occurred.'];
    return {
        status: 500,
        body: soapEnvelope(
            `<soapenv:Fault><faultcode>sf:${code}</faultcode><faultstring>${text}</faultstring></soapenv:Fault>`
        )
    };
}

function requestedTypes(body: string): Record<string, string[]> {
    const types: Record<string, string[]> = {};
    for (const match of body.matchAll(/<types>([\s\S]*?)<\/types>/g)) {
        const name = /<name>([^<]*)<\/name>/.exec(match[1])?.[1] ?? '';
        types[name] = [...match[1].matchAll(/<members>([^<]*)<\/members>/g)].map((m) =>
            m[1].replace(/&#x24;|&#36;/g, '$')
        );
    }
    return types;
}

function selectFiles(files: Map<string, string>, types: Record<string, string[]>): Map<string, string> {
    const selected = new Map<string, string>();
    const wants = (type: string, member: string, custom = false) => {
        const members = types[type] ?? [];
        return members.includes(member) || (members.includes('*') && (!custom || member.endsWith('__c')));
    };
    for (const [file, content] of files) {
        const object = /^objects\/(.+)\.object$/.exec(file);
        const report = /^reports\/(.+)\.report$/.exec(file);
        const dashboard = /^dashboards\/(.+)\.dashboard$/.exec(file);
        const reportType = /^reportTypes\/(.+)\.reportType$/.exec(file);
        if (
            (object && wants('CustomObject', object[1], true)) ||
            (report && wants('Report', report[1])) ||
            (dashboard && wants('Dashboard', dashboard[1])) ||
            (reportType && wants('ReportType', reportType[1]))
        ) {
            selected.set(file, content);
        }
    }
    return selected;
}

/** Metadata API SOAP calls by their body element; order matters ("<deploy>" after "<deployRecentValidation"). */
const SOAP_CALLS: [string, CallKind][] = [
    ['<deployRecentValidation', 'deployRecentValidation'],
    ['<listMetadata', 'listMetadata'],
    ['<readMetadata', 'readMetadata'],
    ['<checkDeployStatus', 'checkDeployStatus'],
    ['<deploy>', 'deploy'],
    ['<checkRetrieveStatus', 'checkRetrieveStatus'],
    ['<retrieve', 'retrieve']
];

function soapOk(kind: CallKind, element: string, result: string) {
    return {
        kind,
        status: 200,
        type: 'text/xml',
        body: soapEnvelope(`<${element}><result>${result}</result></${element}>`)
    };
}

const SUFFIX_TYPES: Record<string, string> = {
    object: 'CustomObject',
    layout: 'Layout',
    flow: 'Flow',
    profile: 'Profile',
    permissionset: 'PermissionSet',
    dashboard: 'Dashboard',
    report: 'Report',
    listView: 'ListView'
};

/** The components a zip's package.xml lists, each with the zip entry it came from. */
export function packageComponents(files: Map<string, string>): DeployJob['components'] {
    const manifest = files.get('package.xml') ?? '';
    const out: DeployJob['components'] = [];
    for (const [type, members] of Object.entries(requestedTypes(manifest))) {
        for (const fullName of members) {
            const parent = fullName.split('.')[0].split('/').pop() ?? fullName;
            const last = fullName.split('/').pop() ?? fullName;
            const fileName =
                [...files.keys()].find((f) => f !== 'package.xml' && f.replace(/\.[^./]+$/, '').endsWith(`/${last}`)) ??
                [...files.keys()].find(
                    (f) => f !== 'package.xml' && f.replace(/\.[^./]+$/, '').endsWith(`/${parent}`)
                ) ??
                'package.xml';
            out.push({ type, fullName, fileName });
        }
    }
    // Files whose type package.xml does not name (tests write zips by hand): one component per file.
    if (!manifest) {
        for (const file of files.keys()) {
            const m = /([^/]+)\.([A-Za-z]+)$/.exec(file);
            if (m) out.push({ type: SUFFIX_TYPES[m[2]] ?? m[2], fullName: m[1], fileName: file });
        }
    }
    return out;
}

function deployResultXml(job: DeployJob): string {
    const failed = job.failures.length > 0 || job.testFailures.length > 0 || Boolean(job.coverageWarning);
    const message = (c: DeployJob['components'][number], ok: boolean, p?: DeployProblem) =>
        ok
            ? `<componentSuccesses><changed>${!job.checkOnly}</changed><componentType>${c.type}</componentType><created>${!job.checkOnly}</created><createdDate>2026-01-01T00:00:00.000Z</createdDate><deleted>false</deleted><fileName>${c.fileName}</fileName><fullName>${c.fullName}</fullName><success>true</success></componentSuccesses>`
            : `<componentFailures><changed>false</changed><columnNumber>${p?.column ?? ''}</columnNumber><componentType>${c.type}</componentType><created>false</created><createdDate>2026-01-01T00:00:00.000Z</createdDate><deleted>false</deleted><fileName>${c.fileName}</fileName><fullName>${c.fullName}</fullName><lineNumber>${p?.line ?? ''}</lineNumber><problem>${escapeXml(p?.problem ?? '')}</problem><problemType>Error</problemType><success>false</success></componentFailures>`;
    const failures = job.failures.map((f) => message(f, false, f.problem));
    const successes = failed ? [] : job.components.map((c) => message(c, true));
    const total = job.components.length;
    const status = failed ? 'Failed' : 'Succeeded';
    const runTests = job.testLevel && job.testLevel !== 'NoTestRun';
    return (
        `<checkOnly>${job.checkOnly}</checkOnly><completedDate>2026-01-01T00:00:05.000Z</completedDate><createdBy>005000000000001</createdBy><createdByName>Admin</createdByName><createdDate>2026-01-01T00:00:00.000Z</createdDate>` +
        `<details>${[...failures, ...successes].join('')}${runTests ? runTestResultXml(job.testFailures, job.coverageWarning) : ''}</details>` +
        `<done>true</done><id>${job.id}</id><ignoreWarnings>false</ignoreWarnings><lastModifiedDate>2026-01-01T00:00:05.000Z</lastModifiedDate>` +
        `<numberComponentErrors>${job.failures.length}</numberComponentErrors><numberComponentsDeployed>${failed ? 0 : total}</numberComponentsDeployed><numberComponentsTotal>${total}</numberComponentsTotal>` +
        `<numberTestErrors>${job.testFailures.length}</numberTestErrors><numberTestsCompleted>0</numberTestsCompleted><numberTestsTotal>${job.testFailures.length}</numberTestsTotal><rollbackOnError>true</rollbackOnError><runTestsEnabled>${Boolean(runTests)}</runTestsEnabled>` +
        `<startDate>2026-01-01T00:00:01.000Z</startDate><status>${status}</status><success>${!failed}</success>`
    );
}

function runTestResultXml(failures: DeployJob['testFailures'], coverageWarning?: string): string {
    const warning = coverageWarning
        ? `<codeCoverageWarnings><id>00D000000000001AAA</id><message>${escapeXml(coverageWarning)}</message><namespace xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/></codeCoverageWarnings>`
        : '';
    const items = failures
        .map(
            (f, i) =>
                `<failures><id>01p00000000000${i}AAA</id><message>${escapeXml(f.message)}</message><methodName>${f.methodName}</methodName><name>${f.name}</name><namespace xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/><packageName>${f.name}</packageName><stackTrace>Class.${f.name}.${f.methodName}: line 12, column 1</stackTrace><time>31.0</time><type>Class</type></failures>`
        )
        .join('');
    return `<runTestResult>${warning}${items}<numFailures>${failures.length}</numFailures><numTestsRun>${failures.length}</numTestsRun><totalTime>31.0</totalTime></runTestResult>`;
}

const escapeXml = (value: string) =>
    value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export async function startFakeOrg(options: FakeOrgOptions): Promise<FakeOrg> {
    const token = options.token ?? '00D000000000001!FAKE.SESSION';
    const pageSize = options.pageSize ?? 2000;
    const rows = analyticsRows(options);
    const cursors = new Map<string, Row[]>();
    const retrieves = new Map<string, { types: Record<string, string[]>; polls: number }>();
    const faults = (options.faults ?? []).map((f) => ({ ...f, left: f.times ?? 1 }));
    const calls: FakeOrg['calls'] = [];
    const org = {
        deployed: [],
        jobs: [],
        applied: [],
        flows: (options.flows ?? []).map((f) => ({ ...f }))
    } as unknown as FakeOrg;
    const problems: DeployProblem[] = [
        ...(options.deployProblems ?? []),
        ...(options.deployProblem ? [{ problem: options.deployProblem }] : [])
    ];
    const profileRows = (options.profiles ?? []).map((p) => ({
        attributes: { type: 'Profile' },
        Id: p.id,
        Name: p.name
    }));
    const flowRows = () =>
        org.flows.map((f, i) => ({
            attributes: { type: 'FlowDefinition' },
            Id: idFor('300', i + 1),
            DeveloperName: f.developerName,
            ActiveVersion: f.activeVersion === null ? null : { VersionNumber: f.activeVersion },
            LatestVersion: { VersionNumber: f.latestVersion }
        }));
    /** Records a job; problems for its phase that match its components become componentFailures. */
    const planJob = (
        files: Map<string, string>,
        checkOnly: boolean,
        testLevel: string | undefined,
        all: DeployProblem[],
        phase: 'validation' | 'deploy' | undefined,
        quickOf?: string
    ): DeployJob => {
        const components = packageComponents(files);
        const applies = (p: DeployProblem) => (p.phase ?? 'validation') === phase || phase === undefined;
        const failures = components.flatMap((c) =>
            all
                .filter(applies)
                .filter((p) => !p.component || p.component === c.fullName || p.component === `${c.type}:${c.fullName}`)
                .map((problem) => ({ ...c, problem }))
        );
        const runsTests = Boolean(testLevel && testLevel !== 'NoTestRun');
        const job: DeployJob = {
            id: `0Af${String(org.jobs.length + 1).padStart(12, '0')}AAA`,
            checkOnly,
            quickOf,
            files,
            components,
            failures,
            testLevel,
            testFailures: runsTests ? (options.apexTestFailures ?? []) : [],
            coverageWarning: runsTests ? options.coverageWarning : undefined
        };
        org.jobs.push(job);
        if (!checkOnly && failures.length === 0 && job.testFailures.length === 0 && !job.coverageWarning) {
            org.applied.push(files);
        }
        return job;
    };

    const page = (records: Row[], offset: number, cursor: string) => {
        const slice = records.slice(offset, offset + pageSize);
        const done = offset + pageSize >= records.length;
        return {
            totalSize: records.length,
            done,
            records: slice,
            ...(done ? {} : { nextRecordsUrl: `/services/data/v${API}/query/${cursor}-${offset + pageSize}` })
        };
    };

    const handle = async (url: URL, method: string, body: string, headers: http.IncomingHttpHeaders) => {
        const path = url.pathname;
        const soap = path.startsWith('/services/Soap/m/');
        const kind: CallKind = path.includes('/tooling/')
            ? 'tooling'
            : path.startsWith('/services/data/') && path.includes('/query')
              ? 'query'
              : (soap && SOAP_CALLS.find(([element]) => body.includes(element))?.[1]) || 'other';
        const fault = faults.find((f) => f.left > 0 && (f.on === kind || f.on === 'any'));
        if (fault) {
            fault.left--;
            return {
                kind,
                ...(soap ? soapFault(fault.kind) : restFault(fault.kind)),
                type: soap ? 'text/xml' : 'application/json'
            };
        }
        const authorised = soap
            ? body.includes(`<sessionId>${token}</sessionId>`)
            : headers.authorization === `Bearer ${token}`;
        if (!authorised)
            return {
                kind,
                ...(soap ? soapFault('session') : restFault('session')),
                type: soap ? 'text/xml' : 'application/json'
            };

        if (kind === 'query') {
            const more = /\/query\/([^/]+)-(\d+)$/.exec(path);
            if (more) {
                const records = cursors.get(more[1]) ?? [];
                return {
                    kind,
                    status: 200,
                    type: 'application/json',
                    body: JSON.stringify(page(records, Number(more[2]), more[1]))
                };
            }
            const soql = url.searchParams.get('q') ?? '';
            const from = /\bFROM\s+(\w+)/i.exec(soql)?.[1] ?? '';
            const organization = options.organization
                ? [{ attributes: { type: 'Organization' }, Id: ORG_ID, ...options.organization }]
                : undefined;
            const records = from === 'Profile' ? profileRows : from === 'Organization' ? organization : rows[from];
            if (!records) {
                return {
                    kind,
                    status: 400,
                    type: 'application/json',
                    body: JSON.stringify([
                        { message: `sObject type '${from}' is not supported.`, errorCode: 'INVALID_TYPE' }
                    ])
                };
            }
            const cursor = `01gFAKE${cursors.size + 1}`;
            cursors.set(cursor, records);
            return { kind, status: 200, type: 'application/json', body: JSON.stringify(page(records, 0, cursor)) };
        }
        if (kind === 'retrieve') {
            const id = `09S${String(retrieves.size + 1).padStart(12, '0')}AAA`;
            const types = requestedTypes(body);
            org.lastRetrieve = types;
            org.lastRetrieveBody = body;
            retrieves.set(id, { types, polls: 0 });
            return {
                kind,
                status: 200,
                type: 'text/xml',
                body: soapEnvelope(
                    `<retrieveResponse><result><done>false</done><id>${id}</id><state>Queued</state></result></retrieveResponse>`
                )
            };
        }
        if (kind === 'checkRetrieveStatus') {
            const id = /<asyncProcessId>([^<]*)<\/asyncProcessId>/.exec(body)?.[1] ?? '';
            const job = retrieves.get(id);
            if (!job) return { kind, ...soapFault('server'), type: 'text/xml' };
            job.polls++;
            if (job.polls <= (options.pollsBeforeDone ?? 1) - 1) {
                return {
                    kind,
                    status: 200,
                    type: 'text/xml',
                    body: soapEnvelope(
                        `<checkRetrieveStatusResponse><result><done>false</done><id>${id}</id><status>InProgress</status><success>false</success></result></checkRetrieveStatusResponse>`
                    )
                };
            }
            const zip = new JSZip();
            for (const [file, content] of selectFiles(options.files, job.types)) zip.file(file, content);
            zip.file(
                'package.xml',
                '<?xml version="1.0" encoding="UTF-8"?><Package xmlns="http://soap.sforce.com/2006/04/metadata"><version>66.0</version></Package>'
            );
            const zipFile = await zip.generateAsync({ type: 'base64' });
            return {
                kind,
                status: 200,
                type: 'text/xml',
                body: soapEnvelope(
                    `<checkRetrieveStatusResponse><result><done>true</done><id>${id}</id><status>Succeeded</status><success>true</success><zipFile>${zipFile}</zipFile></result></checkRetrieveStatusResponse>`
                )
            };
        }
        if (kind === 'deploy') {
            const zip = await JSZip.loadAsync(/<ZipFile>([^<]*)<\/ZipFile>/.exec(body)?.[1] ?? '', { base64: true });
            const files = new Map<string, string>();
            for (const entry of Object.values(zip.files))
                if (!entry.dir) files.set(entry.name, await entry.async('string'));
            org.deployed.push(files);
            const checkOnly = /<checkOnly>true<\/checkOnly>/.test(body);
            const testLevel = /<testLevel>([^<]*)<\/testLevel>/.exec(body)?.[1];
            const job = planJob(files, checkOnly, testLevel, problems, checkOnly ? 'validation' : undefined);
            return soapOk(kind, 'deployResponse', `<done>false</done><id>${job.id}</id><state>Queued</state>`);
        }
        if (kind === 'deployRecentValidation') {
            const id = /<validationId>([^<]*)<\/validationId>/.exec(body)?.[1] ?? '';
            const validation = org.jobs.find((j) => j.id === id && j.checkOnly);
            if (
                options.quickDeployRefused ||
                !validation ||
                validation.failures.length > 0 ||
                validation.testFailures.length > 0 ||
                validation.coverageWarning
            ) {
                // The Metadata API's answer for an id that is not a successful recent validation.
                return {
                    kind,
                    status: 500,
                    type: 'text/xml',
                    body: soapEnvelope(
                        `<soapenv:Fault><faultcode>sf:INVALID_ID_FIELD</faultcode><faultstring>INVALID_ID_FIELD: The validation ID ${id} is invalid or hasn't been validated successfully.</faultstring></soapenv:Fault>`
                    )
                };
            }
            const job = planJob(validation.files, false, undefined, problems, 'deploy', id);
            return soapOk(kind, 'deployRecentValidationResponse', job.id);
        }
        if (kind === 'checkDeployStatus') {
            const id = /<asyncProcessId>([^<]*)<\/asyncProcessId>/.exec(body)?.[1] ?? '';
            const job = org.jobs.find((j) => j.id === id);
            if (!job) return { kind, ...soapFault('server'), type: 'text/xml' };
            return soapOk(kind, 'checkDeployStatusResponse', deployResultXml(job));
        }
        if (kind === 'listMetadata') {
            const type = /<type>([^<]*)<\/type>/.exec(body)?.[1] ?? '';
            const results = (type === 'Profile' ? (options.profiles ?? []) : [])
                .map(
                    (p) =>
                        `<result><createdById>005000000000001AAA</createdById><createdByName>Admin</createdByName><createdDate>2024-01-01T00:00:00.000Z</createdDate><fileName>profiles/${p.fullName}.profile</fileName><fullName>${p.fullName}</fullName><id>${p.id}</id><lastModifiedById>005000000000001AAA</lastModifiedById><lastModifiedByName>Admin</lastModifiedByName><lastModifiedDate>2024-01-01T00:00:00.000Z</lastModifiedDate><type>Profile</type></result>`
                )
                .join('');
            return {
                kind,
                status: 200,
                type: 'text/xml',
                body: soapEnvelope(`<listMetadataResponse>${results}</listMetadataResponse>`)
            };
        }
        if (kind === 'readMetadata') {
            const type = /<type>([^<]*)<\/type>/.exec(body)?.[1] ?? '';
            const record =
                type === 'FlowSettings'
                    ? `<records xsi:type="FlowSettings" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><fullName>Flow</fullName><enableFlowDeployAsActiveEnabled>${Boolean(options.deployFlowsAsActive)}</enableFlowDeployAsActiveEnabled></records>`
                    : '';
            return soapOk(kind, 'readMetadataResponse', record);
        }
        if (kind === 'tooling') {
            const json = (status: number, value: unknown) => ({
                kind,
                status,
                type: 'application/json',
                body: value === undefined ? '' : JSON.stringify(value)
            });
            if (method === 'GET' && path.endsWith('/tooling/query')) {
                const soql = url.searchParams.get('q') ?? '';
                if (!/FROM\s+FlowDefinition/i.test(soql))
                    return json(400, [
                        { message: `sObject type not supported here: ${soql}`, errorCode: 'INVALID_TYPE' }
                    ]);
                const names = [...soql.matchAll(/'([^']+)'/g)].map((m) => m[1]);
                const records = flowRows().filter((r) => names.length === 0 || names.includes(r.DeveloperName));
                return json(200, { size: records.length, totalSize: records.length, done: true, records });
            }
            const patch = /\/tooling\/sobjects\/FlowDefinition\/([^/]+)$/.exec(path);
            if (method === 'PATCH' && patch) {
                const index = flowRows().findIndex((r) => r.Id === patch[1]);
                const flow = org.flows[index];
                if (!flow)
                    return json(404, [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]);
                if (flow.activationError) return json(400, [flow.activationError]);
                const version = Number(JSON.parse(body || '{}').Metadata?.activeVersionNumber);
                flow.activeVersion = version > 0 ? version : null;
                return json(204, undefined);
            }
        }
        // What @salesforce/core asks when it builds a connection from an access token.
        const json = (value: unknown) => ({ kind, status: 200, type: 'application/json', body: JSON.stringify(value) });
        if (path === '/services/oauth2/userinfo') {
            return json({
                preferred_username: 'admin@example.com',
                organization_id: ORG_ID,
                user_id: '005000000000001AAA'
            });
        }
        if (/\/sobjects\/User\//.test(path)) return json({ Id: '005000000000001AAA', Username: 'admin@example.com' });
        if (path === '/services/data') return json([{ label: 'Spring', url: `/services/data/v${API}`, version: API }]);
        return {
            kind,
            status: 404,
            type: 'application/json',
            body: JSON.stringify([{ message: `no fake for ${method} ${path}`, errorCode: 'NOT_FOUND' }])
        };
    };

    const server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
            const url = new URL(req.url ?? '/', 'http://127.0.0.1');
            handle(url, req.method ?? 'GET', Buffer.concat(chunks).toString('utf8'), req.headers).then(
                (answer) => {
                    calls.push({
                        kind: answer.kind,
                        method: req.method ?? '',
                        url: req.url ?? '',
                        status: answer.status
                    });
                    res.writeHead(answer.status, { 'content-type': answer.type });
                    res.end(answer.body);
                },
                (error: Error) => {
                    res.writeHead(500, { 'content-type': 'text/plain' });
                    res.end(error.message);
                }
            );
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    Object.assign(org, {
        instanceUrl: `http://127.0.0.1:${port}`,
        accessToken: token,
        calls,
        close: () =>
            new Promise<void>((resolve) => {
                server.close(() => resolve());
                // jsforce keeps sockets alive; a test must not wait for them to time out.
                server.closeAllConnections();
            })
    });
    return org;
}
