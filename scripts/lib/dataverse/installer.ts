/**
 * The steps `pact setup --dataverse URL` runs, in order. Each one says what it does, looks first at
 * what the environment already has and creates only what is missing, so a second run (after a
 * failure, or on an environment set up before) finishes the job without duplicates.
 *
 * Schema by Web API metadata operations (the supported path for tables, columns, relationships and
 * choices), then the solution zip (control, forms, views, charts, dashboard, roles, app): validated
 * with StageSolution before anything is imported, imported with ImportSolutionAsync, then published.
 */
import { createHash } from 'node:crypto';
import type { DynamicsWebApi } from 'dynamics-web-api';
import { alreadyExists, DataverseClient, DataverseError } from './client';
import { choiceBody, columnBody, relationshipBody, tableBody } from './metadata-requests';
import {
    CHOICES,
    EXISTING_TABLE_COLUMNS,
    PUBLISHER,
    RELATIONSHIPS,
    SOLUTION,
    TABLES,
    type Column,
    type Relationship
} from './schema';

export const APP_UNIQUE_NAME = 'pact_PACT';

export interface InstallContext {
    client: DataverseClient;
    /** The solution zip `npm run build` packs (pcf/out/solution/PACT.zip). */
    solutionZip: Buffer;
    /** Shows progress inside a step (a long import). */
    say: (line: string) => void;
    /** Waits between import-job polls; tests pass a no-op. */
    sleep?: (ms: number) => Promise<void>;
    /** Polls before an import counts as stuck. */
    maxPolls?: number;
    /** Filled by the steps for the ones after them. */
    facts: { publisherId?: string; salesInstalled?: boolean; appUrl?: string };
}

export interface InstallStep {
    id: string;
    title: string;
    /** Steps that depend on the zip run again when the zip changes (its hash is part of the id). */
    run(context: InstallContext): Promise<string>;
}

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** Creates what is missing of a list; says how many were created and how many were there. */
async function ensureAll<T>(
    items: T[],
    exists: (item: T) => Promise<boolean>,
    create: (item: T) => Promise<unknown>
): Promise<string> {
    let created = 0;
    let present = 0;
    for (const item of items) {
        if (await exists(item)) {
            present++;
            continue;
        }
        try {
            await create(item);
            created++;
        } catch (error) {
            // Created by an earlier run whose answer was lost (timeout): the server says so.
            if (
                error instanceof DataverseError &&
                alreadyExists({ status: error.status, code: error.code, message: error.message })
            )
                present++;
            else throw error;
        }
    }
    return `${created} created, ${present} already there`;
}

const found = (value: unknown) => value !== undefined;

async function entityExists(client: DataverseClient, logicalName: string): Promise<boolean> {
    return found(
        await client.find(`look up table ${logicalName}`, (api) =>
            api.retrieveEntity({ key: `LogicalName=${quote(logicalName)}`, select: ['LogicalName'] })
        )
    );
}

async function attributeExists(client: DataverseClient, table: string, column: string): Promise<boolean> {
    return found(
        await client.find(`look up column ${table}.${column}`, (api) =>
            api.retrieveAttribute({
                entityKey: `LogicalName=${quote(table)}`,
                attributeKey: `LogicalName=${quote(column)}`,
                select: ['LogicalName']
            })
        )
    );
}

/** The first row of a query (publishers, solutions, app modules), or undefined. */
type Row = Record<string, string | undefined>;
const single = async (
    client: DataverseClient,
    what: string,
    run: (api: DynamicsWebApi) => Promise<{ value: Row[] }>
): Promise<Row | undefined> => (await client.call(what, run)).value[0];

export function installSteps(zipHash: string): InstallStep[] {
    const relationshipsToCreate = (context: InstallContext): Relationship[] =>
        RELATIONSHIPS.filter((r) => r.lookup.requires !== 'sales' || context.facts.salesInstalled);
    return [
        {
            id: 'connect',
            title: 'Connect and check who runs setup (WhoAmI)',
            async run({ client }) {
                const me = await client.call('WhoAmI', (api) =>
                    api.callFunction<{ UserId: string }>({ name: 'WhoAmI' })
                );
                return `signed in as user ${me.UserId}`;
            }
        },
        {
            id: `precheck:${zipHash}`,
            title: 'Validate the solution zip against this environment before changing anything (StageSolution)',
            async run({ client, solutionZip }) {
                const { missing, errors } = await stage(client, solutionZip);
                // PACT's own tables and columns are missing until the next steps create them; anything else
                // (another app's table, a platform component) stops setup before it changes the environment.
                const foreign = missing.filter((m) => !isPactComponent(m));
                if (foreign.length || errors.length) {
                    throw new DataverseError(
                        `The environment lacks what PACT needs; nothing was changed:\n${describeProblems(foreign, errors)}`
                    );
                }
                return missing.length
                    ? `valid; ${missing.length} PACT components are created by the next steps`
                    : 'valid, nothing missing';
            }
        },
        {
            id: 'publisher',
            title: `Publisher ${PUBLISHER.uniqueName} (prefix ${PUBLISHER.prefix}, choice values from ${PUBLISHER.optionValuePrefix}0000)`,
            async run(context) {
                const { client } = context;
                const existing = await single(client, 'look up the publisher', (api) =>
                    api.retrieveMultiple({
                        collection: 'publishers',
                        select: ['publisherid', 'customizationprefix'],
                        filter: `uniquename eq ${quote(PUBLISHER.uniqueName)}`
                    })
                );
                if (existing) {
                    if (existing.customizationprefix !== PUBLISHER.prefix) {
                        throw new DataverseError(
                            `Publisher ${PUBLISHER.uniqueName} exists with prefix "${existing.customizationprefix}", not "${PUBLISHER.prefix}": rename it or remove it first.`
                        );
                    }
                    context.facts.publisherId = existing.publisherid;
                    return 'already there';
                }
                const created = await client.call('create the publisher', (api) =>
                    api.create<Record<string, unknown>, { publisherid: string }>({
                        collection: 'publishers',
                        data: {
                            uniquename: PUBLISHER.uniqueName,
                            friendlyname: PUBLISHER.displayName,
                            customizationprefix: PUBLISHER.prefix,
                            customizationoptionvalueprefix: PUBLISHER.optionValuePrefix
                        },
                        returnRepresentation: true,
                        select: ['publisherid']
                    })
                );
                context.facts.publisherId = created.publisherid;
                return 'created';
            }
        },
        {
            id: 'solution',
            title: `Solution ${SOLUTION.uniqueName} (unmanaged), which holds everything PACT creates`,
            async run(context) {
                const { client } = context;
                const existing = await single(client, 'look up the solution', (api) =>
                    api.retrieveMultiple({
                        collection: 'solutions',
                        select: ['solutionid'],
                        filter: `uniquename eq ${quote(SOLUTION.uniqueName)}`
                    })
                );
                if (existing) return 'already there';
                if (!context.facts.publisherId) throw new DataverseError('The publisher step did not run first');
                await client.call('create the solution', (api) =>
                    api.create({
                        collection: 'solutions',
                        data: {
                            uniquename: SOLUTION.uniqueName,
                            friendlyname: SOLUTION.displayName,
                            version: SOLUTION.version,
                            'publisherid@odata.bind': `/publishers(${context.facts.publisherId})`
                        }
                    })
                );
                return 'created';
            }
        },
        {
            id: 'choices',
            title: `Global choices ${Object.values(CHOICES)
                .map((c) => c.name)
                .join(', ')}`,
            run: ({ client }) =>
                ensureAll(
                    Object.values(CHOICES),
                    async (set) =>
                        found(
                            await client.find(`look up choice ${set.name}`, (api) =>
                                api.retrieveGlobalOptionSet({ key: `Name=${quote(set.name)}`, select: ['Name'] })
                            )
                        ),
                    (set) =>
                        client.call(`create choice ${set.name}`, (api) =>
                            api.createGlobalOptionSet({ data: choiceBody(set) })
                        )
                )
        },
        {
            id: 'tables',
            title: `Tables ${TABLES.map((t) => t.name).join(', ')} (user-owned, each with its name column)`,
            run: ({ client }) =>
                ensureAll(
                    TABLES,
                    (table) => entityExists(client, table.name),
                    (table) =>
                        client.call(`create table ${table.name}`, (api) => api.createEntity({ data: tableBody(table) }))
                )
        },
        {
            id: 'columns',
            title: 'Columns (text, notes, choices, dates) and account.pact_customeralert',
            run: async ({ client }) => {
                const columns: { table: string; column: Exclude<Column, { kind: 'lookup' }> }[] = [
                    ...TABLES.flatMap((t) =>
                        t.columns
                            .filter((c): c is Exclude<Column, { kind: 'lookup' }> => c.kind !== 'lookup')
                            .map((column) => ({ table: t.name, column }))
                    ),
                    ...EXISTING_TABLE_COLUMNS.filter(
                        (c): c is { table: string; column: Exclude<Column, { kind: 'lookup' }> } =>
                            c.column.kind !== 'lookup'
                    )
                ];
                // Choice columns bind their global choice by its MetadataId.
                const choiceIds = new Map<string, string>();
                for (const set of new Set(
                    columns.flatMap(({ column }) => (column.kind === 'choice' ? [column.choice.name] : []))
                )) {
                    const found = await client.find(`look up choice ${set}`, (api) =>
                        api.retrieveGlobalOptionSet<{ MetadataId?: string }>({
                            key: `Name=${quote(set)}`,
                            select: ['MetadataId']
                        })
                    );
                    if (found?.MetadataId) choiceIds.set(set, found.MetadataId);
                }
                return ensureAll(
                    columns,
                    ({ table, column }) => attributeExists(client, table, column.name),
                    ({ table, column }) =>
                        client.call(`create column ${table}.${column.name}`, (api) =>
                            api.createAttribute({
                                entityKey: `LogicalName=${quote(table)}`,
                                data: columnBody(column, choiceIds)
                            })
                        )
                );
            }
        },
        {
            id: 'sales',
            title: 'Look for Dynamics 365 Sales (the opportunity lookups need it)',
            async run(context) {
                context.facts.salesInstalled = await entityExists(context.client, 'opportunity');
                return context.facts.salesInstalled
                    ? 'opportunity found: high cards and plans get an Opportunity lookup'
                    : 'not installed: the Opportunity lookups are left out (run setup again after installing Sales)';
            }
        },
        {
            id: 'relationships',
            title: 'Lookups and their relationships (account owns its high cards and plans; plan, contact, user)',
            run: (context) =>
                ensureAll(
                    relationshipsToCreate(context),
                    async (r) =>
                        found(
                            await context.client.find(`look up relationship ${r.schemaName}`, (api) =>
                                api.retrieveRelationship({
                                    key: `SchemaName=${quote(r.schemaName)}`,
                                    select: ['SchemaName']
                                })
                            )
                        ),
                    (r) =>
                        context.client.call(`create relationship ${r.schemaName}`, (api) =>
                            api.createRelationship({ data: relationshipBody(r) })
                        )
                )
        },
        {
            id: 'publish-schema',
            title: 'Publish the new tables and columns, so the solution can use them',
            async run({ client }) {
                await client.call('publish', (api) => api.callAction({ actionName: 'PublishAllXml' }));
                return 'published';
            }
        },
        {
            id: `stage:${zipHash}`,
            title: `Validate the solution zip before importing it (StageSolution: missing dependencies, schema)`,
            async run({ client, solutionZip }) {
                const { results, missing, errors } = await stage(client, solutionZip);
                if (missing.length || errors.length) {
                    throw new DataverseError(
                        `The environment cannot take the solution yet; nothing was imported:\n${describeProblems(missing, errors)}`
                    );
                }
                return `valid, no missing dependencies (${(results.SolutionDetails?.SolutionUniqueName as string) ?? SOLUTION.uniqueName} ${(results.SolutionDetails?.SolutionVersion as string) ?? ''})`.trim();
            }
        },
        {
            id: `import:${zipHash}`,
            title: 'Import the solution PACT (control, P.A.C.T. Account form, views, charts, dashboard, roles, app)',
            async run(context) {
                const { client, solutionZip } = context;
                const started = await client.call('ImportSolutionAsync', (api) =>
                    api.callAction<{ AsyncOperationId: string; ImportJobKey?: string }>({
                        actionName: 'ImportSolutionAsync',
                        action: {
                            CustomizationFile: solutionZip.toString('base64'),
                            OverwriteUnmanagedCustomizations: true,
                            PublishWorkflows: false
                        }
                    })
                );
                const sleep = context.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
                for (let poll = 0; poll < (context.maxPolls ?? 120); poll++) {
                    const job = await client.call('check the import', (api) =>
                        api.retrieve<{
                            statecode: number;
                            statuscode: number;
                            message?: string;
                            friendlymessage?: string;
                        }>({
                            collection: 'asyncoperations',
                            key: started.AsyncOperationId,
                            select: ['statecode', 'statuscode', 'message', 'friendlymessage']
                        })
                    );
                    // statecode 3 = Completed; statuscode 30 Succeeded, 31 Failed, 32 Canceled.
                    if (job.statecode === 3) {
                        if (job.statuscode === 30) return 'imported';
                        throw new DataverseError(
                            `The import failed (import job ${started.ImportJobKey ?? started.AsyncOperationId}): ${job.friendlymessage || job.message || `status ${job.statuscode}`}`
                        );
                    }
                    if (poll % 6 === 5) context.say('  still importing…');
                    await sleep(5000);
                }
                throw new DataverseError(
                    'The import is still running after 10 minutes; run setup again to check on it.'
                );
            }
        },
        {
            id: `publish:${zipHash}`,
            title: 'Publish all customizations (forms, views, app)',
            async run({ client }) {
                await client.call('publish', (api) => api.callAction({ actionName: 'PublishAllXml' }));
                return 'published';
            }
        },
        {
            id: 'app-url',
            title: 'Find the PACT app',
            async run(context) {
                const app = await single(context.client, 'look up the PACT app', (api) =>
                    api.retrieveMultiple({
                        collection: 'appmodules',
                        select: ['appmoduleid'],
                        filter: `uniquename eq ${quote(APP_UNIQUE_NAME)}`
                    })
                );
                if (!app)
                    throw new DataverseError(`The app ${APP_UNIQUE_NAME} is not in the environment after the import`);
                context.facts.appUrl = `${context.client.url}main.aspx?appid=${app.appmoduleid}`;
                return context.facts.appUrl;
            }
        }
    ];
}

type MissingComponent = NonNullable<StageResults['MissingSolutionComponents']>[number];
type ValidationResult = NonNullable<StageResults['SolutionValidationResults']>[number];

async function stage(client: DataverseClient, zip: Buffer) {
    const staged = await client.call('StageSolution', (api) =>
        api.callAction<{ StageSolutionResults: StageResults }>({
            actionName: 'StageSolution',
            action: { CustomizationFile: zip.toString('base64') }
        })
    );
    const results = staged.StageSolutionResults ?? {};
    return {
        results,
        missing: results.MissingSolutionComponents ?? [],
        errors: (results.SolutionValidationResults ?? []).filter(
            (r) => String(r.SolutionValidationResultType) === 'Error'
        )
    };
}

/** A table, column or relationship PACT's own schema steps create (publisher prefix pact_). */
const isPactComponent = (m: MissingComponent) => /(^|[ ._])pact_/i.test(`${m.RequiredComponentSchemaName ?? ''}`);

const describeProblems = (missing: MissingComponent[], errors: ValidationResult[]) =>
    [
        ...missing.map(
            (m) =>
                `  missing: ${m.RequiredComponentSchemaName ?? m.RequiredComponentId} (type ${m.RequiredComponentType}) from ${m.RequiredSolutionName ?? 'another solution'}`
        ),
        ...errors.map((e) => `  invalid: ${e.Message}`)
    ].join('\n');

interface StageResults {
    MissingSolutionComponents?: {
        RequiredComponentSchemaName?: string;
        RequiredComponentId?: string;
        RequiredComponentType?: number;
        RequiredSolutionName?: string;
    }[];
    SolutionValidationResults?: { SolutionValidationResultType: string | number; Message: string }[];
    SolutionDetails?: Record<string, unknown>;
}

export const zipHash = (zip: Buffer): string => createHash('sha256').update(zip).digest('hex').slice(0, 12);
