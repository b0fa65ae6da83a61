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

export type CallKind = 'query' | 'retrieve' | 'checkRetrieveStatus' | 'deploy' | 'checkDeployStatus' | 'other';

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
    /** Makes every deploy fail with this problem on each component. */
    deployProblem?: string;
}

export interface FakeOrg {
    instanceUrl: string;
    accessToken: string;
    calls: { kind: CallKind; method: string; url: string; status: number }[];
    /** Members requested by the last retrieve, by metadata type. */
    lastRetrieve?: Record<string, string[]>;
    /** The SOAP body of the last retrieve, as sent. */
    lastRetrieveBody?: string;
    /** Files of each deployed zip, with their content. */
    deployed: Map<string, string>[];
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

export async function startFakeOrg(options: FakeOrgOptions): Promise<FakeOrg> {
    const token = options.token ?? '00D000000000001!FAKE.SESSION';
    const pageSize = options.pageSize ?? 2000;
    const rows = analyticsRows(options);
    const cursors = new Map<string, Row[]>();
    const retrieves = new Map<string, { types: Record<string, string[]>; polls: number }>();
    const faults = (options.faults ?? []).map((f) => ({ ...f, left: f.times ?? 1 }));
    const calls: FakeOrg['calls'] = [];
    const org = { deployed: [] } as unknown as FakeOrg;

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
        const kind: CallKind =
            path.startsWith('/services/data/') && path.includes('/query')
                ? 'query'
                : soap && body.includes('<checkDeployStatus')
                  ? 'checkDeployStatus'
                  : soap && body.includes('<deploy>')
                    ? 'deploy'
                    : soap && body.includes('<checkRetrieveStatus')
                      ? 'checkRetrieveStatus'
                      : soap && body.includes('<retrieve')
                        ? 'retrieve'
                        : 'other';
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
            const records = rows[from];
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
            const id = `0Af${String(org.deployed.length).padStart(12, '0')}AAA`;
            return {
                kind,
                status: 200,
                type: 'text/xml',
                body: soapEnvelope(
                    `<deployResponse><result><done>false</done><id>${id}</id><state>Queued</state></result></deployResponse>`
                )
            };
        }
        if (kind === 'checkDeployStatus') {
            const id = /<asyncProcessId>([^<]*)<\/asyncProcessId>/.exec(body)?.[1] ?? '';
            const files = org.deployed[Number(id.slice(3, 15)) - 1] ?? new Map<string, string>();
            const rules = [...files].flatMap(([file, xml]) => {
                const object = /objects\/(.+)\.object$/.exec(file)?.[1];
                return object
                    ? [...xml.matchAll(/<validationRules>[\s\S]*?<fullName>([^<]+)</g)].map((m) => `${object}.${m[1]}`)
                    : [];
            });
            const problem = options.deployProblem;
            const details = rules
                .map((name) =>
                    problem
                        ? `<componentFailures><changed>false</changed><componentType>ValidationRule</componentType><created>false</created><deleted>false</deleted><fileName>objects/${name.split('.')[0]}.object</fileName><fullName>${name}</fullName><problem>${problem}</problem><problemType>Error</problemType><success>false</success></componentFailures>`
                        : `<componentSuccesses><changed>true</changed><componentType>ValidationRule</componentType><created>true</created><deleted>false</deleted><fileName>objects/${name.split('.')[0]}.object</fileName><fullName>${name}</fullName><success>true</success></componentSuccesses>`
                )
                .join('');
            const status = problem ? 'Failed' : 'Succeeded';
            return {
                kind,
                status: 200,
                type: 'text/xml',
                body: soapEnvelope(
                    `<checkDeployStatusResponse><result><checkOnly>false</checkOnly><details>${details}</details><done>true</done><id>${id}</id><ignoreWarnings>false</ignoreWarnings><numberComponentErrors>${problem ? rules.length : 0}</numberComponentErrors><numberComponentsDeployed>${problem ? 0 : rules.length}</numberComponentsDeployed><numberComponentsTotal>${rules.length}</numberComponentsTotal><numberTestErrors>0</numberTestErrors><numberTestsCompleted>0</numberTestsCompleted><numberTestsTotal>0</numberTestsTotal><rollbackOnError>true</rollbackOnError><runTestsEnabled>false</runTestsEnabled><status>${status}</status><success>${!problem}</success></result></checkDeployStatusResponse>`
                )
            };
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
