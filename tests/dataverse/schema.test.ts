/**
 * The Dataverse schema mirrors the Salesforce objects field by field, its choices are the rulebook's,
 * and its Web API bodies have the shapes the metadata operations take.
 */
import * as path from 'node:path';
import { readForceApp } from '../lib/force-app';
import { choiceBody, columnBody, relationshipBody, tableBody } from '../../scripts/lib/dataverse/metadata-requests';
import {
    CHOICES,
    COACHING_NOTE,
    EXISTING_TABLE_COLUMNS,
    HIGH_CARD,
    PLAN,
    RELATIONSHIPS,
    TABLES,
    type Column,
    type Table
} from '../../scripts/lib/dataverse/schema';
import { OPTION_SETS } from '../../pcf/PactHighCards/components/model';

const app = readForceApp(path.resolve(__dirname, '../../force-app'));

/** Salesforce field API name -> the Dataverse column name PACT gives it. */
const dataverseName = (field: string): string =>
    `pact_${field
        .replace(/__c$/, '')
        .replace(/_/g, '')
        .toLowerCase()
        .replace(/^(account|contact|opportunity|plan|rep|manager)$/, '$1id')}`;

const MIRRORS: [Table, string, Record<string, string>][] = [
    [HIGH_CARD, 'High_Card__c', {}],
    [PLAN, 'Call_Plan__c', { Objective__c: 'pact_objective', Planned_For__c: 'pact_plannedfor' }],
    [COACHING_NOTE, 'Coaching_Note__c', {}]
];

describe('the Dataverse schema', () => {
    it.each(MIRRORS.map(([table, object, renamed]) => [table.name, object, table, renamed] as const))(
        'gives %s a column for every field of %s',
        (_name, object, table, renamed) => {
            const fields = app.objects.get(object)?.fields;
            expect(fields?.size).toBeGreaterThan(0);
            const columns = new Set([table.primary.name, ...table.columns.map((c) => c.name)]);
            const missing = [...(fields?.keys() ?? [])]
                .map((f) => renamed[f] ?? dataverseName(f))
                .filter((name) => !columns.has(name));
            expect(missing).toEqual([]);
        }
    );

    it('has the account alert column and no yes/no (tick box) column anywhere', () => {
        expect(EXISTING_TABLE_COLUMNS.map((c) => `${c.table}.${c.column.name}`)).toEqual([
            'account.pact_customeralert'
        ]);
        const kinds = [...TABLES.flatMap((t) => t.columns), ...EXISTING_TABLE_COLUMNS.map((c) => c.column)].map(
            (c: Column) => c.kind
        );
        expect(kinds.every((k) => ['text', 'memo', 'choice', 'date', 'lookup'].includes(k))).toBe(true);
    });

    it("uses the control's choice values, which come from the rulebook", () => {
        for (const key of Object.keys(OPTION_SETS) as (keyof typeof OPTION_SETS)[]) {
            expect({ name: CHOICES[key].name, labels: CHOICES[key].labels }).toEqual(OPTION_SETS[key]);
        }
        expect(choiceBody(CHOICES.kind).Options.map((o) => o.Value)).toEqual(
            OPTION_SETS.kind.labels.map((_, i) => 100000000 + i)
        );
    });

    it('writes Web API bodies: a table with its primary name, typed columns, lookups with their relationship', () => {
        const body = tableBody(HIGH_CARD);
        expect(body).toMatchObject({
            '@odata.type': 'Microsoft.Dynamics.CRM.EntityMetadata',
            SchemaName: 'pact_highcard',
            OwnershipType: 'UserOwned',
            IsQuickCreateEnabled: false
        });
        expect(body.Attributes).toEqual([
            expect.objectContaining({ IsPrimaryName: true, SchemaName: 'pact_name', MaxLength: 80 })
        ]);
        expect(columnBody({ kind: 'date', name: 'pact_occurredon', label: 'Occurred On' })).toMatchObject({
            '@odata.type': 'Microsoft.Dynamics.CRM.DateTimeAttributeMetadata',
            Format: 'DateOnly',
            DateTimeBehavior: { Value: 'DateOnly' }
        });
        expect(columnBody({ kind: 'choice', name: 'pact_kind', label: 'Kind', choice: CHOICES.kind })).toMatchObject({
            'GlobalOptionSet@odata.bind': "/GlobalOptionSetDefinitions(Name='pact_kind')"
        });
        const planLookup = RELATIONSHIPS.find(
            (r) => r.referencing === 'pact_highcard' && r.lookup.name === 'pact_planid'
        );
        expect(planLookup && relationshipBody(planLookup)).toMatchObject({
            ReferencedEntity: 'pact_plan',
            ReferencingEntity: 'pact_highcard',
            CascadeConfiguration: { Delete: 'RemoveLink', Assign: 'NoCascade' },
            Lookup: { SchemaName: 'pact_planid' }
        });
        // Coaching notes are not children of anything that would share them onwards.
        expect(
            RELATIONSHIPS.filter((r) => r.referencing === 'pact_coachingnote').every((r) => !r.lookup.parental)
        ).toBe(true);
    });
});
