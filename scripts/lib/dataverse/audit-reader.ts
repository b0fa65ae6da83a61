/**
 * Fills the audit's common model (scripts/lib/metadata/model.ts) from Dataverse, so the one audit
 * engine judges a Dynamics 365 environment the way it judges a Salesforce org. Two sources, one set
 * of translators:
 * - an exported solution zip (offline): customizations.xml, plus the workflow XAML / flow JSON files;
 * - a live environment through the Web API: a bounded number of calls (tables with their columns in
 *   one request, lookup targets per table, then views, charts, dashboards and processes in one each).
 * Readers describe; they never judge (the engine decides tiers and evidence).
 *
 * Translation: a Yes/No (Boolean) column is a 'Checkbox'; lookups, owner and customer columns are
 * 'Lookup' with their targets ('User' for systemuser and team, so the engine sees a person); a view is a
 * report on its table (scope 'user' when it filters eq-userid), a chart is a report grouped by its
 * groupby attributes, a dashboard lists the charts and views it shows; workflows, business rules and
 * cloud flows are automations with the columns they set.
 */
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import type { DataverseClient } from './client';
import {
    emptyModel,
    type AutomationModel,
    type DashboardModel,
    type FieldModel,
    type ObjectModel,
    type OrgModel,
    type ReportModel
} from '../metadata/model';

type Xml = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ARRAYS = new Set([
    'Entity',
    'attribute',
    'savedquery',
    'visualization',
    'Dashboard',
    'Workflow',
    'EntityRelationship',
    'cell',
    'row',
    'condition',
    'filter',
    'link-entity',
    'section',
    'column',
    'tab',
    'displayname',
    'Description',
    'LocalizedName'
]);
const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (name) => ARRAYS.has(name)
});
const list = <T = Xml>(value: T | T[] | undefined | null): T[] =>
    value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
const str = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** Columns every table has that name a person (system columns exports leave out). */
const PERSON_COLUMNS = ['ownerid', 'owninguser', 'createdby', 'modifiedby', 'createdonbehalfby', 'modifiedonbehalfby'];
const PERSON_TABLES = new Set(['systemuser', 'team']);

const personTargets = (targets: string[]) => targets.map((t) => (PERSON_TABLES.has(t.toLowerCase()) ? 'User' : t));

/** Dataverse column type (export Type, or Web API AttributeType) -> the model's Salesforce type names. */
export function fieldType(type: string): string {
    switch (type.toLowerCase()) {
        case 'bit':
        case 'boolean':
            return 'Checkbox';
        case 'lookup':
        case 'owner':
        case 'customer':
        case 'partylist':
            return 'Lookup';
        case 'picklist':
        case 'state':
        case 'status':
            return 'Picklist';
        case 'multiselectpicklist':
            return 'MultiselectPicklist';
        case 'datetime':
            return 'DateTime';
        case 'ntext':
        case 'memo':
            return 'LongTextArea';
        case 'int':
        case 'integer':
        case 'bigint':
        case 'decimal':
        case 'float':
        case 'double':
            return 'Number';
        case 'money':
            return 'Currency';
        default:
            return 'Text';
    }
}

function withPersonColumns(object: ObjectModel): ObjectModel {
    const present = new Set(object.fields.map((f) => f.name));
    const added = PERSON_COLUMNS.filter((name) => !present.has(name)).map((name): FieldModel => ({
        file: object.file,
        name,
        type: 'Lookup',
        referenceTo: ['User']
    }));
    return { ...object, fields: [...object.fields, ...added] };
}

// ------------------------------------------------------------------------------------------------
// Views, charts, dashboards: the same XML text whether it comes from a zip or from the Web API.

interface FetchCondition {
    attribute: string;
    operator: string;
    value?: string;
}

function conditionsOf(entity: Xml): FetchCondition[] {
    const out: FetchCondition[] = [];
    const walkFilter = (filter: Xml) => {
        for (const c of list(filter.condition)) {
            out.push({ attribute: str(c['@attribute']), operator: str(c['@operator']), value: c['@value'] });
        }
        list(filter.filter).forEach(walkFilter);
    };
    list(entity.filter).forEach(walkFilter);
    return out;
}

/** A view (savedquery) as a report on its table. */
export function viewReport(
    table: string,
    name: string,
    fetchXml: string,
    layoutXml: string,
    file: string
): ReportModel | undefined {
    const fetch = parser.parse(fetchXml)?.fetch;
    const entity = fetch?.entity;
    if (!entity) return undefined;
    const grid = parser.parse(layoutXml || '<grid/>')?.grid;
    const cells = list(grid?.row)
        .flatMap((r: Xml) => list(r.cell))
        .map((c: Xml) => str(c['@name']))
        .filter(Boolean);
    const conditions = conditionsOf(entity);
    const attributes = list(entity.attribute);
    const grouped = attributes.filter((a: Xml) => a['@groupby'] === 'true');
    return {
        file,
        name: `${table}/${name}`,
        label: name,
        reportType: table,
        baseObject: table,
        scope: conditions.some((c) => /^eq-user(id|teams|orteams)$/.test(c.operator)) ? 'user' : 'organization',
        columns: (cells.length ? cells : attributes.map((a: Xml) => str(a['@name']))).map((field) => ({ field })),
        groupings: grouped.map((a: Xml) => ({ field: str(a['@name']), dateGranularity: a['@dategrouping'] })),
        filters: conditions.map((c) => ({ column: c.attribute, operator: c.operator, value: c.value })),
        sortColumn: list(entity.order)[0]?.['@attribute']
    };
}

/** A chart (savedqueryvisualization) as a report grouped by its category and series attributes. */
export function chartReport(
    table: string,
    name: string,
    dataDescription: string,
    file: string
): ReportModel | undefined {
    const definition = parser.parse(dataDescription)?.datadefinition;
    const fetch = list(definition?.fetchcollection?.fetch)[0];
    const entity = fetch?.entity;
    if (!entity) return undefined;
    const attributes = list(entity.attribute);
    const groups = attributes.filter((a: Xml) => a['@groupby'] === 'true');
    const aggregates = attributes.filter((a: Xml) => a['@aggregate']);
    return {
        file,
        name: `${table}/${name}`,
        label: name,
        reportType: table,
        baseObject: table,
        format: 'Chart',
        columns: aggregates.map((a: Xml) => ({ field: str(a['@name']), aggregates: [str(a['@aggregate'])] })),
        groupings: groups.map((a: Xml) => ({ field: str(a['@name']), dateGranularity: a['@dategrouping'] })),
        chartGroupings: groups.map((a: Xml) => str(a['@name'])),
        chartSummaries: aggregates.map((a: Xml) => `${str(a['@aggregate'])}:${str(a['@name'])}`),
        filters: conditionsOf(entity).map((c) => ({ column: c.attribute, operator: c.operator, value: c.value }))
    };
}

const bare = (id: unknown) => str(id).replace(/[{}]/g, '').toLowerCase();

/** A dashboard's chart and grid cells, each naming the chart or view it shows. */
export function dashboardModel(
    name: string,
    formXml: string,
    reportById: Map<string, string>,
    file: string
): DashboardModel {
    const form = parser.parse(formXml)?.form ?? parser.parse(formXml)?.forms?.form;
    const components: NonNullable<DashboardModel['components']> = [];
    for (const tab of list(form?.tabs?.tab)) {
        for (const column of list(tab.columns?.column)) {
            for (const section of list(column.sections?.section)) {
                for (const row of list(section.rows?.row)) {
                    for (const cell of list(row.cell)) {
                        const p = cell.control?.parameters ?? {};
                        const chart = p.ChartGridMode === 'Chart' ? reportById.get(bare(p.VisualizationId)) : undefined;
                        const view = reportById.get(bare(p.ViewId));
                        const report = chart ?? view;
                        if (report) {
                            components.push({
                                report,
                                groupings: [],
                                type: chart ? 'Chart' : 'Table',
                                title: list(cell.labels?.label)[0]?.['@description']
                            });
                        }
                    }
                }
            }
        }
    }
    return {
        file,
        name,
        label: name,
        reports: [...new Set(components.map((c) => c.report))],
        groupings: [],
        components
    };
}

/** Columns a workflow's XAML or a cloud flow's JSON writes (SetEntityProperty Attribute / item/<column>). */
export function columnsSet(definition: string): string[] {
    const found = new Set<string>();
    for (const m of definition.matchAll(/SetEntityProperty[^>]*Attribute="([a-z0-9_]+)"/gi))
        found.add(m[1].toLowerCase());
    for (const m of definition.matchAll(/"item\/([a-z0-9_]+)"\s*:/gi)) found.add(m[1].toLowerCase());
    return [...found];
}

/** Columns a business rule reads (its conditions name them as Attribute="..."). */
const columnsRead = (xaml: string): string[] => [
    ...new Set([...xaml.matchAll(/Attribute(?:Name)?="([a-z0-9_]+)"/gi)].map((m) => m[1].toLowerCase()))
];

// ------------------------------------------------------------------------------------------------
// Offline: an exported solution zip.

export async function readDataverseSolution(zipData: Buffer, file: string): Promise<OrgModel> {
    const zip = await JSZip.loadAsync(zipData);
    const entry = Object.keys(zip.files).find((n) => n.toLowerCase() === 'customizations.xml');
    if (!entry) throw new Error(`${file} is not a Dataverse solution: it has no customizations.xml`);
    const custom = parser.parse(await zip.files[entry].async('string')).ImportExportXml ?? {};
    const solutionEntry = Object.keys(zip.files).find((n) => n.toLowerCase() === 'solution.xml');
    const manifest = solutionEntry
        ? parser.parse(await zip.files[solutionEntry].async('string')).ImportExportXml?.SolutionManifest
        : undefined;
    const managedBy = str(manifest?.Managed) === '1' ? str(manifest?.UniqueName) : undefined;
    const model = emptyModel(file);

    const lookupTargets = new Map<string, string[]>();
    for (const r of list(custom.EntityRelationships?.EntityRelationship)) {
        const key = `${str(r.ReferencingEntityName).toLowerCase()}.${str(r.ReferencingAttributeName).toLowerCase()}`;
        lookupTargets.set(key, [...(lookupTargets.get(key) ?? []), str(r.ReferencedEntityName).toLowerCase()]);
    }
    const reportById = new Map<string, string>();
    for (const e of list(custom.Entities?.Entity)) {
        const table = str(e.EntityInfo?.entity?.['@Name'] ?? e.Name?.['#text'] ?? e.Name).toLowerCase();
        // Exports write <IsActivity>1</IsActivity> in <entity> for an activity table, custom ones too
        // (CustomizationsSolution.xsd EntityInfoType: TrueFalse01Type); older exports may leave it out.
        const isActivity = str(e.EntityInfo?.entity?.IsActivity);
        const fields: FieldModel[] = list(e.EntityInfo?.entity?.attributes?.attribute).map((a: Xml) => {
            const name = str(a.LogicalName ?? a['@PhysicalName']).toLowerCase();
            const type = fieldType(str(a.Type));
            const description = list(a.Descriptions?.Description)[0]?.['@description'];
            const calculated = ['1', '2'].includes(str(a.SourceType)) || Boolean(a.FormulaDefinitionFileName);
            return {
                file: `${file}:customizations.xml`,
                name,
                type,
                label: list(a.displaynames?.displayname)[0]?.['@description'],
                ...(description ? { description } : {}),
                required: ['required', 'systemrequired'].includes(str(a.RequiredLevel).toLowerCase()),
                ...(type === 'Lookup'
                    ? {
                          referenceTo: personTargets(
                              lookupTargets.get(`${table}.${name}`) ?? (name === 'ownerid' ? ['systemuser'] : [])
                          )
                      }
                    : {}),
                ...(calculated ? { formula: str(a.FormulaDefinitionFileName) || 'calculated column' } : {}),
                ...(managedBy && str(a.IsCustomField) === '1' ? { managedBy } : {})
            };
        });
        model.objects.push(
            withPersonColumns({
                file: `${file}:customizations.xml`,
                name: table,
                label: e.Name?.['@LocalizedName'],
                ...(isActivity === '1' || isActivity === '0' ? { activity: isActivity === '1' } : {}),
                fields,
                validationRules: [],
                listViews: []
            })
        );
        for (const q of list(e.SavedQueries?.savedqueries?.savedquery)) {
            if (str(q.isquickfindquery) === '1') continue;
            const name = list(q.LocalizedNames?.LocalizedName)[0]?.['@description'] ?? str(q.savedqueryid);
            const fetch = q.fetchxml?.fetch;
            if (!fetch) continue;
            const xmlText = (node: Xml, tag: string) => new XMLBuilderLite().build(tag, node);
            const report = viewReport(
                table,
                name,
                xmlText(fetch, 'fetch'),
                xmlText(q.layoutxml?.grid ?? {}, 'grid'),
                `${file}:customizations.xml`
            );
            if (report) {
                model.reports.push(report);
                reportById.set(bare(q.savedqueryid), report.name);
            }
        }
        for (const v of list(e.Visualizations?.visualization)) {
            const name = list(v.LocalizedNames?.LocalizedName)[0]?.['@description'] ?? str(v.savedqueryvisualizationid);
            const report = chartReport(table, name, str(v.datadescription), `${file}:customizations.xml`);
            if (report) {
                model.reports.push(report);
                reportById.set(bare(v.savedqueryvisualizationid), report.name);
            }
        }
    }
    for (const d of list(custom.Dashboards?.Dashboard)) {
        const name = list(d.LocalizedNames?.LocalizedName)[0]?.['@description'] ?? str(d.FormId);
        const form = d.FormXml?.forms?.form;
        if (!form) continue;
        model.dashboards.push(
            dashboardModel(name, new XMLBuilderLite().build('form', form), reportById, `${file}:customizations.xml`)
        );
    }
    for (const w of list(custom.Workflows?.Workflow)) {
        const category = str(w.Category);
        const definitionFile = str(w.XamlFileName || w.JsonFileName).replace(/^\//, '');
        const definitionEntry = Object.keys(zip.files).find((n) => n.toLowerCase() === definitionFile.toLowerCase());
        const definition = definitionEntry ? await zip.files[definitionEntry].async('string') : '';
        addProcess(model, {
            name: str(w['@Name']),
            category,
            table: str(w.PrimaryEntity).toLowerCase(),
            active: str(w.StateCode) === '1',
            definition,
            file: `${file}:${definitionFile || 'customizations.xml'}`
        });
    }
    return model;
}

/** A process (classic workflow 0, business rule 2, cloud flow 5) into the model. */
function addProcess(
    model: OrgModel,
    p: { name: string; category: string; table: string; active: boolean; definition: string; file: string }
): void {
    if (p.category === '2') {
        // A business rule that shows an error or makes columns required demands those columns.
        const object = model.objects.find((o) => o.name === p.table);
        if (object && /SetMessage|SetFieldRequiredLevel|ShowError/i.test(p.definition)) {
            object.validationRules.push({
                file: p.file,
                name: p.name,
                active: p.active,
                errorConditionFormula: columnsRead(p.definition).join(' '),
                description: 'Dataverse business rule'
            });
        }
        return;
    }
    const kind: AutomationModel['kind'] = p.category === '5' ? 'flow' : 'workflow-field-update';
    const sets = columnsSet(p.definition).map((field) => ({ object: p.table, field }));
    if (p.category !== '0' && p.category !== '5') return;
    (model.automations ??= []).push({ file: p.file, kind, name: p.name, active: p.active, object: p.table, sets });
}

/** Re-serialises a parsed node (the parser's @-attribute form) as XML text for the shared translators. */
class XMLBuilderLite {
    build(tag: string, node: Xml): string {
        if (node === null || node === undefined || typeof node !== 'object') return `<${tag}>${str(node)}</${tag}>`;
        const attributes = Object.entries(node)
            .filter(([k]) => k.startsWith('@'))
            .map(
                ([k, v]) =>
                    ` ${k.slice(1)}="${str(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`
            )
            .join('');
        const children = Object.entries(node)
            .filter(([k]) => !k.startsWith('@') && k !== '#text')
            .flatMap(([k, v]) => list(v).map((child) => this.build(k, child)))
            .join('');
        return `<${tag}${attributes}>${children}</${tag}>`;
    }
}

// ------------------------------------------------------------------------------------------------
// Live: a Dataverse environment through the Web API.

/** The tables the audit reads: every activity table, the customer tables, and custom activity tables. */
export const AUDITED_TABLES = ['account', 'contact', 'lead', 'opportunity'];

interface EntityRow {
    LogicalName: string;
    IsActivity?: boolean;
    DisplayName?: { UserLocalizedLabel?: { Label?: string } | null };
    Attributes?: {
        LogicalName: string;
        AttributeType: string;
        DisplayName?: { UserLocalizedLabel?: { Label?: string } | null };
        Description?: { UserLocalizedLabel?: { Label?: string } | null };
        RequiredLevel?: { Value?: string };
        SourceType?: number | null;
        IsManaged?: boolean;
        IsCustomAttribute?: boolean;
    }[];
}

const labelOf = (value?: { UserLocalizedLabel?: { Label?: string } | null }) =>
    value?.UserLocalizedLabel?.Label ?? undefined;
const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

export interface LiveReadStats {
    calls: number;
}

export async function readDataverseEnvironment(
    client: DataverseClient,
    onProgress: (message: string) => void = () => undefined
): Promise<{ model: OrgModel; stats: LiveReadStats }> {
    const stats: LiveReadStats = { calls: 0 };
    const call = <T>(what: string, run: Parameters<DataverseClient['call']>[1]) => {
        stats.calls++;
        onProgress(what);
        return client.call(what, run) as Promise<T>;
    };
    const file = `dataverse:${new URL(client.url).host}`;
    const model = emptyModel(file);

    const entities = await call<{ value: EntityRow[] }>('read the tables and their columns', (api) =>
        api.retrieveEntities({
            select: ['LogicalName', 'IsActivity', 'DisplayName'],
            filter: `IsActivity eq true or ${AUDITED_TABLES.map((t) => `LogicalName eq ${quote(t)}`).join(' or ')}`,
            expand: [
                {
                    property: 'Attributes',
                    select: [
                        'LogicalName',
                        'AttributeType',
                        'DisplayName',
                        'Description',
                        'RequiredLevel',
                        'SourceType',
                        'IsManaged',
                        'IsCustomAttribute'
                    ]
                }
            ]
        })
    );
    for (const entity of entities.value) {
        const table = entity.LogicalName;
        const lookups = await call<{ value: { LogicalName: string; Targets?: string[] }[] }>(
            `read the lookups of ${table}`,
            (api) =>
                api.retrieveAttributes({
                    entityKey: `LogicalName=${quote(table)}`,
                    castType: 'Microsoft.Dynamics.CRM.LookupAttributeMetadata',
                    select: ['LogicalName', 'Targets']
                })
        );
        const targets = new Map(lookups.value.map((l) => [l.LogicalName, l.Targets ?? []]));
        const fields: FieldModel[] = (entity.Attributes ?? []).map((a) => {
            const type = fieldType(a.AttributeType);
            const description = labelOf(a.Description);
            return {
                file,
                name: a.LogicalName,
                type,
                label: labelOf(a.DisplayName),
                ...(description ? { description } : {}),
                required: ['ApplicationRequired', 'SystemRequired'].includes(a.RequiredLevel?.Value ?? ''),
                ...(type === 'Lookup'
                    ? {
                          referenceTo: personTargets(
                              targets.get(a.LogicalName) ?? (a.AttributeType === 'Owner' ? ['systemuser'] : [])
                          )
                      }
                    : {}),
                ...(a.SourceType === 1 || a.SourceType === 2 ? { formula: 'calculated column' } : {}),
                ...(a.IsManaged && a.IsCustomAttribute ? { managedBy: 'a managed solution' } : {})
            };
        });
        model.objects.push(
            withPersonColumns({
                file,
                name: table,
                label: labelOf(entity.DisplayName),
                ...(typeof entity.IsActivity === 'boolean' ? { activity: entity.IsActivity } : {}),
                fields,
                validationRules: [],
                listViews: []
            })
        );
    }
    const tables = model.objects.map((o) => o.name);
    const inTables = (column: string) => tables.map((t) => `${column} eq ${quote(t)}`).join(' or ');
    const reportById = new Map<string, string>();

    const views = await call<{ value: Xml[] }>('read the views', (api) =>
        api.retrieveMultiple({
            collection: 'savedqueries',
            select: [
                'savedqueryid',
                'name',
                'returnedtypecode',
                'fetchxml',
                'layoutxml',
                'querytype',
                'isquickfindquery'
            ],
            filter: `(${inTables('returnedtypecode')}) and isquickfindquery eq false`
        })
    );
    for (const v of views.value) {
        const report = viewReport(str(v.returnedtypecode), str(v.name), str(v.fetchxml), str(v.layoutxml), file);
        if (report) {
            model.reports.push(report);
            reportById.set(bare(v.savedqueryid), report.name);
        }
    }
    const charts = await call<{ value: Xml[] }>('read the charts', (api) =>
        api.retrieveMultiple({
            collection: 'savedqueryvisualizations',
            select: ['savedqueryvisualizationid', 'name', 'primaryentitytypecode', 'datadescription'],
            filter: inTables('primaryentitytypecode')
        })
    );
    for (const c of charts.value) {
        const report = chartReport(str(c.primaryentitytypecode), str(c.name), str(c.datadescription), file);
        if (report) {
            model.reports.push(report);
            reportById.set(bare(c.savedqueryvisualizationid), report.name);
        }
    }
    const dashboards = await call<{ value: Xml[] }>('read the dashboards', (api) =>
        api.retrieveMultiple({ collection: 'systemforms', select: ['formid', 'name', 'formxml'], filter: 'type eq 0' })
    );
    for (const d of dashboards.value)
        model.dashboards.push(dashboardModel(str(d.name), str(d.formxml), reportById, file));
    const processes = await call<{ value: Xml[] }>('read the workflows, business rules and flows', (api) =>
        api.retrieveMultiple({
            collection: 'workflows',
            select: ['name', 'category', 'primaryentity', 'statecode', 'xaml', 'clientdata'],
            filter: `(category eq 0 or category eq 2 or category eq 5) and type eq 1 and (${inTables('primaryentity')})`
        })
    );
    for (const p of processes.value) {
        addProcess(model, {
            name: str(p.name),
            category: str(p.category),
            table: str(p.primaryentity),
            active: Number(p.statecode) === 1,
            definition: `${str(p.xaml)}${str(p.clientdata)}`,
            file
        });
    }
    return { model, stats };
}
