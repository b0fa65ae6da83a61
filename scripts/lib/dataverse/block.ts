/**
 * `pact block --dataverse URL`: stops new ticks in the low-card Yes/No columns the audit finds, with
 * Dataverse column security, which the server enforces on every write path (forms, Web API, SDK,
 * flows, imports). Each column becomes a secured column, and one field security profile, "PACT:
 * low-card ticks are read-only", allows read and refuses create and update; the profile is given to
 * every business unit's default team, so every user keeps reading the column and nobody but a System
 * Administrator can tick it (learn.microsoft.com "Column-level security"). Records are never read or
 * changed: only column definitions and security configuration.
 *
 * The rollback (rollback.json) is written before the first change: it names the profile to delete
 * and each column's IsSecured as it was, and `pact block --dataverse URL --rollback FILE` applies it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_LOW_CARD_CHECKBOX } from '../audit/activity-controls';
import type { Finding, OrgModel } from '../metadata/model';
import { DataverseClient, DataverseError } from './client';

export const PROFILE_NAME = 'PACT: low-card ticks are read-only';
/** fieldpermission access values: 4 allowed, 0 not allowed. */
const ALLOWED = 4;
const NOT_ALLOWED = 0;

export interface BlockedColumn {
    table: string;
    column: string;
    label: string;
}

export interface Rollback {
    /** Written by pact block; applied by pact block --dataverse URL --rollback FILE. */
    generatedBy: string;
    url: string;
    profile: string;
    /** The profile existed before this run (an earlier pact block): rolling back still removes it. */
    columns: (BlockedColumn & { wasSecured: boolean })[];
}

/** The low-card tick boxes among the audit's findings, as columns to secure. */
export function planColumnBlocks(findings: Finding[], model: OrgModel): BlockedColumn[] {
    return findings
        .filter((f) => f.rule === RULE_LOW_CARD_CHECKBOX)
        .map((f) => {
            const [table, column] = f.component.split('.');
            const field = model.objects.find((o) => o.name === table)?.fields.find((c) => c.name === column);
            return { table, column, label: field?.label ?? column, type: field?.type };
        })
        .filter((c) => c.type === 'Checkbox')
        .map(({ table, column, label }) => ({ table, column, label }))
        .sort((a, b) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`));
}

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;
const BOOLEAN = 'Microsoft.Dynamics.CRM.BooleanAttributeMetadata';

interface AttributeDefinition {
    MetadataId: string;
    LogicalName: string;
    IsSecured: boolean;
    [key: string]: unknown;
}

async function readColumn(client: DataverseClient, c: BlockedColumn): Promise<AttributeDefinition> {
    return client.call(`read column ${c.table}.${c.column}`, (api) =>
        api.retrieveAttribute<AttributeDefinition>({
            entityKey: `LogicalName=${quote(c.table)}`,
            attributeKey: `LogicalName=${quote(c.column)}`,
            castType: BOOLEAN
        })
    );
}

async function setSecured(client: DataverseClient, c: BlockedColumn, secured: boolean): Promise<void> {
    const definition = await readColumn(client, c);
    if (definition.IsSecured === secured) return;
    await client.call(`${secured ? 'secure' : 'unsecure'} column ${c.table}.${c.column}`, (api) =>
        api.updateAttribute({
            entityKey: `LogicalName=${quote(c.table)}`,
            castType: BOOLEAN,
            data: { ...definition, IsSecured: secured },
            mergeLabels: true
        })
    );
}

async function findProfile(client: DataverseClient): Promise<string | undefined> {
    const found = await client.call('look up the PACT field security profile', (api) =>
        api.retrieveMultiple<{ fieldsecurityprofileid: string }>({
            collection: 'fieldsecurityprofiles',
            select: ['fieldsecurityprofileid'],
            filter: `name eq ${quote(PROFILE_NAME)}`
        })
    );
    return found.value[0]?.fieldsecurityprofileid;
}

/** Reads each column's IsSecured (for the rollback) before anything changes. */
export async function prepareRollback(client: DataverseClient, columns: BlockedColumn[]): Promise<Rollback> {
    const withState: Rollback['columns'] = [];
    for (const c of columns) withState.push({ ...c, wasSecured: Boolean((await readColumn(client, c)).IsSecured) });
    return { generatedBy: 'pact block --dataverse', url: client.url, profile: PROFILE_NAME, columns: withState };
}

export function writeRollback(file: string, rollback: Rollback): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(rollback, null, 2)}\n`);
}

export function readRollback(file: string): Rollback {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Rollback;
    if (parsed.generatedBy !== 'pact block --dataverse' || !Array.isArray(parsed.columns)) {
        throw new DataverseError(`${file} is not a rollback written by pact block --dataverse`);
    }
    return parsed;
}

/** Secures the columns and gives every user read-only access to them. Returns what it did. */
export async function applyColumnBlocks(
    client: DataverseClient,
    columns: BlockedColumn[],
    say: (line: string) => void
): Promise<void> {
    let profileId = await findProfile(client);
    if (!profileId) {
        const created = await client.call('create the PACT field security profile', (api) =>
            api.create<Record<string, unknown>, { fieldsecurityprofileid: string }>({
                collection: 'fieldsecurityprofiles',
                data: {
                    name: PROFILE_NAME,
                    description:
                        'Written by pact block: everyone reads the low-card tick boxes, nobody ticks them. Customer facts go into High Cards.'
                },
                returnRepresentation: true,
                select: ['fieldsecurityprofileid']
            })
        );
        profileId = created.fieldsecurityprofileid;
        say(`  created the field security profile "${PROFILE_NAME}"`);
    }
    for (const c of columns) {
        await setSecured(client, c, true);
        const existing = await client.call(`look up the permission on ${c.table}.${c.column}`, (api) =>
            api.retrieveMultiple({
                collection: 'fieldpermissions',
                select: ['fieldpermissionid'],
                filter: `_fieldsecurityprofileid_value eq ${profileId} and entityname eq ${quote(c.table)} and attributelogicalname eq ${quote(c.column)}`
            })
        );
        if (!existing.value.length) {
            await client.call(`allow read, refuse create and update on ${c.table}.${c.column}`, (api) =>
                api.create({
                    collection: 'fieldpermissions',
                    data: {
                        entityname: c.table,
                        attributelogicalname: c.column,
                        canread: ALLOWED,
                        cancreate: NOT_ALLOWED,
                        canupdate: NOT_ALLOWED,
                        'fieldsecurityprofileid@odata.bind': `/fieldsecurityprofiles(${profileId})`
                    }
                })
            );
        }
        say(`  ${c.table}.${c.column} ("${c.label}"): secured, read-only for everyone`);
    }
    // Every user is a member of their business unit's default team: the profile reaches them all.
    const teams = await client.call("find the business units' default teams", (api) =>
        api.retrieveMultiple<{ teamid: string; name: string }>({
            collection: 'teams',
            select: ['teamid', 'name'],
            filter: 'isdefault eq true'
        })
    );
    const linked = await client.call('look up the teams that have the profile', (api) =>
        api.retrieve<{ teamprofiles_association?: { teamid: string }[] }>({
            collection: 'fieldsecurityprofiles',
            key: profileId as string,
            select: ['fieldsecurityprofileid'],
            expand: [{ property: 'teamprofiles_association', select: ['teamid'] }]
        })
    );
    const has = new Set((linked.teamprofiles_association ?? []).map((t) => t.teamid));
    for (const team of teams.value.filter((t) => !has.has(t.teamid))) {
        try {
            await client.call(`give the profile to team ${team.name}`, (api) =>
                api.associate({
                    collection: 'fieldsecurityprofiles',
                    primaryKey: profileId as string,
                    relationshipName: 'teamprofiles_association',
                    relatedCollection: 'teams',
                    relatedKey: team.teamid
                })
            );
        } catch (error) {
            // Associated by an earlier run: Dataverse refuses a duplicate association.
            if (!(error instanceof DataverseError && /duplicate|already/i.test(error.message))) throw error;
        }
    }
    say(`  profile given to ${teams.value.length} default team(s), so every user keeps reading the columns`);
    await client.call('publish', (api) => api.callAction({ actionName: 'PublishAllXml' }));
}

/** Undoes applyColumnBlocks: the profile goes, each column is secured again only if it was before. */
export async function applyRollback(
    client: DataverseClient,
    rollback: Rollback,
    say: (line: string) => void
): Promise<void> {
    const profileId = await findProfile(client);
    if (profileId) {
        await client.call('delete the PACT field security profile', (api) =>
            api.deleteRecord({ collection: 'fieldsecurityprofiles', key: profileId })
        );
        say(`  deleted the field security profile "${rollback.profile}" (its permissions and team links go with it)`);
    }
    for (const c of rollback.columns) {
        await setSecured(client, c, c.wasSecured);
        say(`  ${c.table}.${c.column}: ${c.wasSecured ? 'stays secured (it was before)' : 'no longer secured'}`);
    }
    await client.call('publish', (api) => api.callAction({ actionName: 'PublishAllXml' }));
}
