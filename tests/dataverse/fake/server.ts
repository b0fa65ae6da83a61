/**
 * A local stand-in for a Dataverse environment's Web API (node:http on 127.0.0.1, random port) for
 * what `pact setup --dataverse` and `pact audit --dataverse` send through dynamics-web-api: metadata
 * reads and creates (EntityDefinitions, Attributes, RelationshipDefinitions,
 * GlobalOptionSetDefinitions), publishers, solutions, StageSolution, ImportSolutionAsync with its
 * asyncoperation, PublishAllXml and appmodules. Responses have the shapes the service answers
 * (learn.microsoft.com Web API reference and its error pages): 204 + OData-EntityId on a create,
 * {"error":{"code","message"}} bodies, 401 with WWW-Authenticate, 429 with Retry-After.
 * Faults are queued per request and used once; every request is recorded.
 */
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
    method: string;
    path: string;
    headers: http.IncomingHttpHeaders;
    body: unknown;
}

export interface Fault {
    /** Matches "METHOD path" (path without /api/data/v9.2/ and without the query). */
    match: RegExp;
    status: number;
    headers?: Record<string, string>;
    body?: unknown;
}

export interface FakeDataverse {
    url: string;
    token: string;
    requests: RecordedRequest[];
    /** What the environment has; tests may preload it (an environment set up before, Sales installed). */
    state: {
        entities: Map<string, { attributes: Set<string> }>;
        optionSets: Set<string>;
        relationships: Set<string>;
        publishers: { publisherid: string; uniquename: string; customizationprefix: string }[];
        solutions: { solutionid: string; uniquename: string }[];
        appmodules: { appmoduleid: string; uniquename: string }[];
        /** What the import job ends with. */
        importOutcome: { statuscode: 30 | 31; message?: string };
        /** Missing dependencies StageSolution reports. */
        missingComponents: Record<string, unknown>[];
        /** Rows for GET paths, e.g. "savedqueries" or "EntityDefinitions" (the audit's reads). */
        rows: Map<string, Record<string, unknown>[]>;
        /** Column security: "table.column" -> IsSecured. */
        secured: Map<string, boolean>;
        profiles: { fieldsecurityprofileid: string; name: string }[];
        permissions: Record<string, unknown>[];
        teams: { teamid: string; name: string; isdefault: boolean }[];
        /** "profileid|teamid" pairs (teamprofiles_association). */
        teamProfiles: Set<string>;
    };
    fail(fault: Fault): void;
    /** The requests that matched "METHOD path" (same form as Fault.match). */
    calls(pattern: RegExp): RecordedRequest[];
    close(): Promise<void>;
}

const BASE = '/api/data/v9.2/';
/** A stable MetadataId for a column, as the service gives every column one. */
const metadataId = (column: string) => {
    const hex = Buffer.from(column).toString('hex').padEnd(32, '0').slice(0, 32);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
const error = (code: string, message: string) => ({ error: { code, message } });

export async function startFakeDataverse(): Promise<FakeDataverse> {
    const token = 'fake-dataverse-token';
    const requests: RecordedRequest[] = [];
    const faults: Fault[] = [];
    const state: FakeDataverse['state'] = {
        entities: new Map([
            [
                'account',
                {
                    attributes: new Set([
                        'accountid',
                        'name',
                        'telephone1',
                        'websiteurl',
                        'primarycontactid',
                        'ownerid'
                    ])
                }
            ],
            ['contact', { attributes: new Set(['contactid', 'fullname']) }],
            ['systemuser', { attributes: new Set(['systemuserid', 'fullname']) }]
        ]),
        optionSets: new Set(),
        relationships: new Set(),
        publishers: [],
        solutions: [],
        appmodules: [],
        importOutcome: { statuscode: 30 },
        missingComponents: [],
        rows: new Map(),
        secured: new Map(),
        profiles: [],
        permissions: [],
        teams: [
            { teamid: '55555555-5555-5555-5555-555555555555', name: 'Contoso', isdefault: true },
            { teamid: '66666666-6666-6666-6666-666666666666', name: 'Contoso Europe', isdefault: true }
        ],
        teamProfiles: new Set()
    };
    const asyncOperations = new Map<
        string,
        { statecode: number; statuscode: number; message?: string; polls: number }
    >();
    let origin = '';

    const server = http.createServer((req, res) => {
        let raw = '';
        req.on('data', (chunk) => (raw += chunk));
        req.on('end', () => {
            const url = new URL(req.url ?? '/', 'http://localhost');
            const rel = decodeURIComponent(
                url.pathname.startsWith(BASE) ? url.pathname.slice(BASE.length) : url.pathname
            );
            let body: unknown = undefined;
            try {
                body = raw ? JSON.parse(raw) : undefined;
            } catch {
                body = raw;
            }
            requests.push({ method: req.method ?? '', path: rel + url.search, headers: req.headers, body });
            const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
                const text = payload === undefined ? '' : JSON.stringify(payload);
                res.writeHead(status, {
                    'OData-Version': '4.0',
                    ...(text ? { 'Content-Type': 'application/json; odata.metadata=minimal' } : {}),
                    ...headers
                });
                res.end(text);
            };
            const key = `${req.method} ${rel}`;
            const faultIndex = faults.findIndex((f) => f.match.test(key));
            if (faultIndex >= 0) {
                const [fault] = faults.splice(faultIndex, 1);
                send(fault.status, fault.body, fault.headers);
                return;
            }
            if (req.headers.authorization !== `Bearer ${token}`) {
                send(401, undefined, {
                    'WWW-Authenticate': `Bearer authorization_uri=https://login.microsoftonline.com/common/oauth2/authorize, resource_id=${origin}/`
                });
                return;
            }
            const created = (set: string, id = randomUUID()) =>
                send(204, undefined, { 'OData-EntityId': `${origin}${BASE}${set}(${id})` });
            const notFound = (what: string) => send(404, error('0x80060888', `Could not find ${what}.`));
            const list = (value: unknown[]) => send(200, { '@odata.context': `${origin}${BASE}$metadata`, value });
            const filterValue = () => /eq '([^']*)'/.exec(url.searchParams.get('$filter') ?? '')?.[1];
            let m: RegExpExecArray | null;

            // Collections a test preloads (the audit's reads: EntityDefinitions, savedqueries, ...).
            if (req.method === 'GET' && state.rows.has(rel)) return list(state.rows.get(rel) ?? []);
            // Column security (pact block --dataverse).
            if (
                (m =
                    /^GET EntityDefinitions\(LogicalName='([^']+)'\)\/Attributes\(LogicalName='([^']+)'\)\/Microsoft\.Dynamics\.CRM\.BooleanAttributeMetadata$/.exec(
                        key
                    ))
            ) {
                const id = `${m[1]}.${m[2]}`;
                if (!state.secured.has(id)) return notFound(`attribute ${m[2]} on ${m[1]}`);
                return send(200, {
                    '@odata.type': '#Microsoft.Dynamics.CRM.BooleanAttributeMetadata',
                    MetadataId: metadataId(id),
                    LogicalName: m[2],
                    SchemaName: m[2],
                    IsSecured: state.secured.get(id)
                });
            }
            if (
                (m =
                    /^PUT EntityDefinitions\(LogicalName='([^']+)'\)\/Attributes\(([0-9a-f-]+)\)\/Microsoft\.Dynamics\.CRM\.BooleanAttributeMetadata$/.exec(
                        key
                    ))
            ) {
                const id = [...state.secured.keys()].find((k) => metadataId(k) === m![2] && k.startsWith(`${m![1]}.`));
                if (!id) return notFound(`attribute ${m[2]}`);
                state.secured.set(id, Boolean((body as { IsSecured: boolean }).IsSecured));
                return send(204);
            }
            if (key === 'GET fieldsecurityprofiles')
                return list(state.profiles.filter((p) => p.name === filterValue()));
            if (key === 'POST fieldsecurityprofiles') {
                const row = { fieldsecurityprofileid: randomUUID(), name: (body as { name: string }).name };
                state.profiles.push(row);
                return send(201, row);
            }
            if ((m = /^DELETE fieldsecurityprofiles\(([0-9a-f-]+)\)$/.exec(key))) {
                const id = m[1];
                state.profiles = state.profiles.filter((p) => p.fieldsecurityprofileid !== id);
                state.permissions = state.permissions.filter((p) => p.profile !== id);
                state.teamProfiles = new Set([...state.teamProfiles].filter((t) => !t.startsWith(`${id}|`)));
                return send(204);
            }
            if ((m = /^GET fieldsecurityprofiles\(([0-9a-f-]+)\)$/.exec(key))) {
                const id = m[1];
                const profile = state.profiles.find((p) => p.fieldsecurityprofileid === id);
                if (!profile) return notFound(`fieldsecurityprofile ${id}`);
                const teams = [...state.teamProfiles]
                    .filter((t) => t.startsWith(`${id}|`))
                    .map((t) => ({ teamid: t.split('|')[1] }));
                return send(200, { ...profile, teamprofiles_association: teams });
            }
            if (key === 'GET fieldpermissions') {
                const f = url.searchParams.get('$filter') ?? '';
                return list(
                    state.permissions.filter(
                        (p) =>
                            f.includes(String(p.profile)) &&
                            f.includes(`'${p.entityname}'`) &&
                            f.includes(`'${p.attributelogicalname}'`)
                    )
                );
            }
            if (key === 'POST fieldpermissions') {
                const b = body as Record<string, unknown>;
                const profile = /\(([0-9a-f-]+)\)/.exec(String(b['fieldsecurityprofileid@odata.bind']))?.[1];
                state.permissions.push({ ...b, profile, fieldpermissionid: randomUUID() });
                return created('fieldpermissions');
            }
            if (key === 'GET teams') return list(state.teams.filter((t) => t.isdefault));
            if ((m = /^POST fieldsecurityprofiles\(([0-9a-f-]+)\)\/teamprofiles_association\/\$ref$/.exec(key))) {
                const team = /teams\(([0-9a-f-]+)\)/.exec(String((body as Record<string, unknown>)['@odata.id']))?.[1];
                const pair = `${m[1]}|${team}`;
                if (state.teamProfiles.has(pair)) return send(400, error('0x80040237', 'Cannot insert duplicate key.'));
                state.teamProfiles.add(pair);
                return send(204);
            }
            if (key === 'GET WhoAmI()' || key === 'GET WhoAmI') {
                return send(200, {
                    BusinessUnitId: '11111111-1111-1111-1111-111111111111',
                    UserId: '22222222-2222-2222-2222-222222222222',
                    OrganizationId: '33333333-3333-3333-3333-333333333333'
                });
            }
            if (
                (m = /^GET EntityDefinitions\(LogicalName='([^']+)'\)\/Attributes\(LogicalName='([^']+)'\)$/.exec(key))
            ) {
                const entity = state.entities.get(m[1]);
                return entity?.attributes.has(m[2])
                    ? send(200, { LogicalName: m[2] })
                    : notFound(`attribute ${m[2]} on ${m[1]}`);
            }
            if ((m = /^GET EntityDefinitions\(LogicalName='([^']+)'\)$/.exec(key))) {
                return state.entities.has(m[1])
                    ? send(200, { LogicalName: m[1] })
                    : notFound(`entity with LogicalName = ${m[1]}`);
            }
            if (key === 'POST EntityDefinitions') {
                const b = body as { SchemaName: string; Attributes: { SchemaName: string }[] };
                const name = b.SchemaName.toLowerCase();
                if (state.entities.has(name))
                    return send(400, error('0x80047013', `An entity with the name ${name} already exists.`));
                state.entities.set(name, {
                    attributes: new Set([`${name}id`, ...b.Attributes.map((a) => a.SchemaName.toLowerCase())])
                });
                return created('EntityDefinitions');
            }
            if ((m = /^POST EntityDefinitions\(LogicalName='([^']+)'\)\/Attributes$/.exec(key))) {
                const entity = state.entities.get(m[1]);
                if (!entity) return notFound(`entity with LogicalName = ${m[1]}`);
                const name = (body as { SchemaName: string }).SchemaName.toLowerCase();
                if (entity.attributes.has(name))
                    return send(400, error('0x80044363', `An attribute named ${name} already exists.`));
                entity.attributes.add(name);
                return created(`EntityDefinitions(LogicalName='${m[1]}')/Attributes`);
            }
            if ((m = /^GET RelationshipDefinitions\(SchemaName='([^']+)'\)$/.exec(key))) {
                return state.relationships.has(m[1])
                    ? send(200, { SchemaName: m[1] })
                    : notFound(`relationship ${m[1]}`);
            }
            if (key === 'POST RelationshipDefinitions') {
                const b = body as {
                    SchemaName: string;
                    ReferencingEntity: string;
                    ReferencedEntity: string;
                    Lookup: { SchemaName: string };
                };
                if (!state.entities.has(b.ReferencedEntity))
                    return notFound(`entity with LogicalName = ${b.ReferencedEntity}`);
                state.relationships.add(b.SchemaName);
                state.entities.get(b.ReferencingEntity)?.attributes.add(b.Lookup.SchemaName.toLowerCase());
                return created('RelationshipDefinitions');
            }
            if ((m = /^GET GlobalOptionSetDefinitions\(Name='([^']+)'\)$/.exec(key))) {
                return state.optionSets.has(m[1])
                    ? send(200, { Name: m[1], MetadataId: metadataId(`optionset.${m[1]}`) })
                    : notFound(`option set ${m[1]}`);
            }
            if (key === 'POST GlobalOptionSetDefinitions') {
                state.optionSets.add((body as { Name: string }).Name);
                return created('GlobalOptionSetDefinitions');
            }
            if (key === 'GET publishers') return list(state.publishers.filter((p) => p.uniquename === filterValue()));
            if (key === 'POST publishers') {
                const b = body as { uniquename: string; customizationprefix: string };
                const row = {
                    publisherid: randomUUID(),
                    uniquename: b.uniquename,
                    customizationprefix: b.customizationprefix
                };
                state.publishers.push(row);
                return send(201, row);
            }
            if (key === 'GET solutions') return list(state.solutions.filter((s) => s.uniquename === filterValue()));
            if (key === 'POST solutions') {
                state.solutions.push({
                    solutionid: randomUUID(),
                    uniquename: (body as { uniquename: string }).uniquename
                });
                return created('solutions');
            }
            if (key === 'POST PublishAllXml') return send(204);
            if (key === 'POST StageSolution') {
                return send(200, {
                    '@odata.context': `${origin}${BASE}$metadata#Microsoft.Dynamics.CRM.StageSolutionResponse`,
                    StageSolutionResults: {
                        StageSolutionUploadId: randomUUID(),
                        StageSolutionStatus: 0,
                        SolutionValidationResults: [],
                        // Before setup creates PACT's tables, the zip's forms and views miss them.
                        MissingSolutionComponents: [
                            ...['pact_plan', 'pact_highcard', 'pact_coachingnote']
                                .filter((t) => !state.entities.has(t))
                                .map((t) => ({
                                    RequiredComponentSchemaName: t,
                                    RequiredComponentType: 1,
                                    RequiredSolutionName: 'Active'
                                })),
                            ...state.missingComponents
                        ],
                        SolutionDetails: { SolutionUniqueName: 'PACT', SolutionVersion: '0.2.0.0', IsManaged: false }
                    }
                });
            }
            if (key === 'POST ImportSolutionAsync') {
                const id = randomUUID();
                asyncOperations.set(id, { statecode: 0, statuscode: 20, polls: 0 });
                return send(200, {
                    '@odata.context': `${origin}${BASE}$metadata#Microsoft.Dynamics.CRM.ImportSolutionAsyncResponse`,
                    AsyncOperationId: id,
                    ImportJobKey: randomUUID()
                });
            }
            if ((m = /^GET asyncoperations\(([^)]+)\)$/.exec(key))) {
                const op = asyncOperations.get(m[1]);
                if (!op) return notFound(`asyncoperation ${m[1]}`);
                // In progress on the first poll, then finished the way the test asked.
                if (op.polls++ >= 1) {
                    op.statecode = 3;
                    op.statuscode = state.importOutcome.statuscode;
                    op.message = state.importOutcome.message;
                    if (op.statuscode === 30 && !state.appmodules.length) {
                        state.appmodules.push({
                            appmoduleid: '44444444-4444-4444-4444-444444444444',
                            uniquename: 'pact_PACT'
                        });
                    }
                }
                return send(200, {
                    asyncoperationid: m[1],
                    statecode: op.statecode,
                    statuscode: op.statuscode,
                    message: op.message ?? null,
                    friendlymessage: op.message ?? null
                });
            }
            if (key === 'GET appmodules') return list(state.appmodules.filter((a) => a.uniquename === filterValue()));
            return send(501, error('0x80040216', `The fake Web API does not answer ${key}`));
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
        url: origin,
        token,
        requests,
        state,
        fail: (fault) => faults.push(fault),
        calls: (pattern) => requests.filter((r) => pattern.test(`${r.method} ${r.path.split('?')[0]}`)),
        close: () => new Promise((resolve) => server.close(() => resolve()))
    };
}

/** The recorded bodies of the service's refusals, for tests to queue. */
export const RECORDED = {
    unauthorized: (url: string): Omit<Fault, 'match'> => ({
        status: 401,
        headers: {
            'WWW-Authenticate': `Bearer authorization_uri=https://login.microsoftonline.com/common/oauth2/authorize, resource_id=${url}/`
        }
    }),
    tooManyRequests: (seconds: number): Omit<Fault, 'match'> => ({
        status: 429,
        headers: { 'Retry-After': String(seconds) },
        body: error('0x80072322', 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.')
    }),
    alreadyExists: (): Omit<Fault, 'match'> => ({
        status: 412,
        body: error('0x80060892', 'A record with matching key values already exists.')
    })
};
