/**
 * Reads a source-format directory (force-app style: objects/<Object>/fields/*.field-meta.xml,
 * reports/<Folder>/<Name>.report-meta.xml, dashboards/<Folder>/<Name>.dashboard-meta.xml,
 * reportTypes/*.reportType-meta.xml, ...) into the common OrgModel.
 *
 * The directory may be a package root (force-app), its main/default folder or a small fixture
 * folder: files are recognised by their suffix and their parent folders, wherever they sit.
 * Naming follows what Salesforce itself writes, so that the mdapi and live readers can fill the
 * model the same way:
 *  - objects, fields, validation rules, list views: API names (High_Card__c, Kind__c);
 *  - reports: folder-qualified developer name ("PACT_Customer_Voice/Feedback_By_Theme");
 *  - dashboards: folder-qualified developer name ("PACT_Customer_Voice_Dashboards/Customer_Voice");
 *  - report types: developer name without "__c" ("PACT_High_Cards"); a report refers to a custom
 *    report type as "PACT_High_Cards__c", and report type fields are "<table>$<field>"
 *    ("High_Card__c$Kind__c", "High_Card__c$Account__c.Name"), as report columns name them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
    AutomationModel,
    DashboardComponentModel,
    DashboardModel,
    FieldModel,
    ListViewModel,
    ObjectModel,
    OrgModel,
    ReportModel,
    ReportTypeModel,
    ValidationRuleModel,
    emptyModel,
    namespaceOf
} from './model';

/** A metadata file that cannot be read; names the file so the user can fix it. */
export class SourceReadError extends Error {
    constructor(
        readonly file: string,
        detail: string
    ) {
        super(`${file}: ${detail}`);
        this.name = 'SourceReadError';
    }
}

// Values stay strings ("true", "0") so that nothing is reinterpreted; the reader converts what it needs.
const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });

type Xml = Record<string, unknown>;

/** Every repeating element may come back as a single value or a list: always a list here. */
function list(value: unknown): Xml[] {
    if (value === undefined || value === null || value === '') return [];
    return (Array.isArray(value) ? value : [value]) as Xml[];
}

function text(value: unknown): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return undefined;
}

function texts(value: unknown): string[] {
    return list(value)
        .map((v) => text(v))
        .filter((v): v is string => v !== undefined && v !== '');
}

function bool(value: unknown): boolean | undefined {
    const t = text(value);
    return t === undefined ? undefined : t === 'true';
}

/** Only defined keys, so that models compare equal whichever reader built them. */
function compact<T extends object>(obj: T): T {
    for (const key of Object.keys(obj) as (keyof T)[]) {
        if (obj[key] === undefined) delete obj[key];
    }
    return obj;
}

function parseFile(absolute: string, relative: string, rootElement: string): Xml {
    const xml = fs.readFileSync(absolute, 'utf8');
    const valid = XMLValidator.validate(xml);
    if (valid !== true) {
        throw new SourceReadError(relative, `not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
    }
    const doc = parser.parse(xml) as Xml;
    const root = doc[rootElement];
    if (root === undefined) {
        const found = Object.keys(doc).filter((k) => !k.startsWith('?'));
        throw new SourceReadError(relative, `expected a <${rootElement}> root element, found <${found.join('>, <')}>`);
    }
    return (root === '' ? {} : root) as Xml;
}

function walk(dir: string): string[] {
    const out: string[] = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) out.push(...walk(full));
        else if (entry.isFile() && entry.name.endsWith('-meta.xml')) out.push(full);
    }
    return out.sort();
}

const SUFFIXES = {
    object: '.object-meta.xml',
    field: '.field-meta.xml',
    validationRule: '.validationRule-meta.xml',
    listView: '.listView-meta.xml',
    report: '.report-meta.xml',
    dashboard: '.dashboard-meta.xml',
    reportType: '.reportType-meta.xml',
    flow: '.flow-meta.xml',
    workflow: '.workflow-meta.xml'
};

/** objects/<Object>/<kind>/<Name><suffix>  or  objects/<Object>/<Object>.object-meta.xml */
function objectNameOf(parts: string[], depthFromEnd: number): string | undefined {
    const index = parts.length - depthFromEnd;
    if (index < 1 || parts[index - 1] !== 'objects') return undefined;
    return parts[index];
}

/** reports/Folder/Sub/Name.report-meta.xml -> "Folder/Sub/Name" */
function folderQualifiedName(parts: string[], folderRoot: string, suffix: string): string {
    const start = parts.lastIndexOf(folderRoot);
    const tail = start >= 0 ? parts.slice(start + 1) : parts.slice(-2);
    const last = tail.length - 1;
    tail[last] = tail[last].slice(0, -suffix.length);
    return tail.join('/');
}

function readField(root: Xml, file: string, fallbackName: string): FieldModel {
    const name = text(root.fullName) ?? fallbackName;
    return compact({
        file,
        name,
        // A standard field's override (e.g. Account/fields/Name) has no <type>.
        type: text(root.type) ?? 'Unknown',
        label: text(root.label),
        description: text(root.description),
        inlineHelpText: text(root.inlineHelpText),
        required: bool(root.required),
        referenceTo: root.referenceTo === undefined ? undefined : texts(root.referenceTo),
        defaultValue: text(root.defaultValue),
        formula: text(root.formula),
        managedBy: namespaceOf(name)
    });
}

function readValidationRule(root: Xml, file: string, fallbackName: string): ValidationRuleModel {
    return compact({
        file,
        name: text(root.fullName) ?? fallbackName,
        active: bool(root.active) ?? false,
        errorConditionFormula: text(root.errorConditionFormula) ?? '',
        errorMessage: text(root.errorMessage),
        description: text(root.description)
    });
}

function readListView(root: Xml, file: string, fallbackName: string): ListViewModel {
    return compact({
        file,
        name: text(root.fullName) ?? fallbackName,
        label: text(root.label),
        columns: texts(root.columns),
        filters: list(root.filters).map((f) =>
            compact({ field: text(f.field) ?? '', operation: text(f.operation), value: text(f.value) })
        )
    });
}

function readReport(root: Xml, file: string, name: string): ReportModel {
    const chart = (root.chart ?? {}) as Xml;
    const timeFrame = root.timeFrameFilter as Xml | undefined;
    const filters = list((root.filter as Xml | undefined)?.criteriaItems).map((c) =>
        compact({ column: text(c.column) ?? '', operator: text(c.operator), value: text(c.value) })
    );
    // A joined (MultiBlock) report keeps each block's report type, columns, groupings and filters
    // inside <block>: they count as the report's own, so no check can miss them.
    const blocks = list(root.block).map((b) => readReport(b, file, name));
    return compact({
        file,
        name,
        label: text(root.name),
        description: text(root.description),
        reportType: text(root.reportType) ?? '',
        scope: text(root.scope),
        format: text(root.format),
        blockReportTypes: blocks.length ? blocks.map((b) => b.reportType).filter((t) => t !== '') : undefined,
        columns: [
            ...list(root.columns).map((c) =>
                compact({
                    field: text(c.field) ?? '',
                    aggregates: c.aggregateTypes === undefined ? undefined : texts(c.aggregateTypes)
                })
            ),
            ...blocks.flatMap((b) => b.columns)
        ],
        groupings: [
            ...[...list(root.groupingsDown), ...list(root.groupingsAcross)].map((g) =>
                compact({
                    field: text(g.field) ?? '',
                    dateGranularity: text(g.dateGranularity),
                    sortOrder: text(g.sortOrder)
                })
            ),
            ...blocks.flatMap((b) => b.groupings)
        ],
        filters: [...filters, ...blocks.flatMap((b) => b.filters)],
        timeFrameFilter: timeFrame
            ? compact({ dateColumn: text(timeFrame.dateColumn) ?? '', interval: text(timeFrame.interval) ?? '' })
            : undefined,
        sortColumn: text(root.sortColumn),
        chartSummaries:
            root.chart === undefined ? undefined : list(chart.chartSummaries).map((s) => text(s.column) ?? ''),
        chartGroupings:
            root.chart === undefined
                ? undefined
                : [text(chart.groupingColumn), text(chart.secondaryGroupingColumn)].filter(
                      (g): g is string => g !== undefined && g !== ''
                  ),
        crossFilters:
            root.crossFilters === undefined
                ? undefined
                : list(root.crossFilters).map((c) => ({
                      relatedTable: text(c.relatedTable) ?? '',
                      operation: text(c.operation) ?? ''
                  })),
        buckets:
            root.buckets === undefined
                ? undefined
                : list(root.buckets).map((b) => ({
                      name: text(b.developerName) ?? '',
                      sourceColumn: text(b.sourceColumnName) ?? ''
                  }))
    });
}

function dashboardComponents(root: Xml): Xml[] {
    const sections = [root.leftSection, root.middleSection, root.rightSection] as (Xml | undefined)[];
    const fromSections = sections.flatMap((s) => list(s?.components));
    const grid = root.dashboardGridLayout as Xml | undefined;
    const fromGrid = list(grid?.dashboardGridComponents).flatMap((g) => list(g.dashboardComponent));
    return [...fromSections, ...fromGrid];
}

function readDashboard(root: Xml, file: string, name: string): DashboardModel {
    const components = dashboardComponents(root);
    const reports = [...new Set(components.map((c) => text(c.report)).filter((r): r is string => !!r))];
    const groupings = components.flatMap((c) => {
        const sortProps = c.groupingSortProperties as Xml | undefined;
        return [
            ...texts(c.groupingColumn),
            ...list(c.dashboardTableColumn).map((t) => text(t.column) ?? ''),
            ...list(sortProps?.groupingSorts).map((s) => text(s.sortColumn) ?? '')
        ];
    });
    const filters = components.flatMap((c) => list(c.dashboardFilterColumns).map((f) => text(f.column) ?? ''));
    const perComponent: DashboardComponentModel[] = components
        .filter((c) => text(c.report))
        .map((c) => {
            const sortProps = c.groupingSortProperties as Xml | undefined;
            return compact({
                report: text(c.report) as string,
                groupings: [
                    ...texts(c.groupingColumn),
                    ...list(sortProps?.groupingSorts).map((s) => text(s.sortColumn) ?? '')
                ].filter((g) => g !== '' && g !== 'RowCount'),
                type: text(c.componentType),
                title: text(c.header) ?? text(c.title)
            });
        });
    return compact({
        file,
        name,
        label: text(root.title),
        description: text(root.description),
        dashboardType: text(root.dashboardType),
        runningUser: text(root.runningUser),
        reports,
        // Sorting by the value ("RowCount") is not a field: only field names count.
        groupings: [...new Set(groupings.filter((g) => g !== '' && g !== 'RowCount'))],
        filters: filters.length ? [...new Set(filters.filter((f) => f !== ''))] : undefined,
        components: perComponent.length ? perComponent : undefined
    });
}

/** A value given as <value><stringValue>..</stringValue></value> or <booleanValue>, as text. */
function flowValue(value: unknown): string | undefined {
    const v = value as Xml | undefined;
    if (!v || typeof v !== 'object') return undefined;
    return text(v.booleanValue) ?? text(v.stringValue) ?? text(v.numberValue) ?? text(v.elementReference);
}

/** The fields a flow (or a Process Builder process, processType Workflow) writes. */
function readFlow(root: Xml, file: string, name: string): AutomationModel {
    const start = (root.start ?? {}) as Xml;
    const processObject = list(root.processMetadataValues).find((m) => text(m.name) === 'ObjectType');
    const object = text(start.object) ?? flowValue(processObject?.value);
    const sets: AutomationModel['sets'] = [];
    for (const element of [...list(root.recordUpdates), ...list(root.recordCreates)]) {
        const target = text(element.object) ?? object ?? '';
        for (const a of list(element.inputAssignments)) {
            const field = text(a.field);
            if (field) sets.push(compact({ object: target, field, value: flowValue(a.value) }));
        }
    }
    for (const assignment of list(root.assignments)) {
        for (const item of list(assignment.assignmentItems)) {
            const ref = /^\$Record\.([A-Za-z0-9_]+)$/.exec(text(item.assignToReference) ?? '');
            if (ref) sets.push(compact({ object: object ?? '', field: ref[1], value: flowValue(item.value) }));
        }
    }
    const status = text(root.status);
    return compact({
        file,
        kind: text(root.processType) === 'Workflow' ? 'process' : 'flow',
        name,
        label: text(root.label),
        // Before API 44 a flow file had no status; an active version is what a retrieve returns by default.
        active: status === undefined || status === 'Active',
        object,
        sets
    }) as AutomationModel;
}

/** Workflow field updates of one object (workflows/Account.workflow-meta.xml), active when an active rule uses them. */
function readWorkflow(root: Xml, file: string, object: string): AutomationModel[] {
    const used = new Set(
        list(root.rules)
            .filter((r) => bool(r.active) !== false)
            .flatMap((r) => [...list(r.actions), ...list(r.workflowTimeTriggers).flatMap((t) => list(t.actions))])
            .filter((a) => text(a.type) === 'FieldUpdate')
            .map((a) => text(a.name) ?? '')
    );
    return list(root.fieldUpdates).map((u) => {
        const name = text(u.fullName) ?? '';
        const field = text(u.field) ?? '';
        return compact({
            file,
            kind: 'workflow-field-update',
            name: `${object}.${name}`,
            label: text(u.name),
            active: used.has(name),
            object,
            sets: [compact({ object, field, value: text(u.literalValue) ?? text(u.formula) })]
        }) as AutomationModel;
    });
}

/**
 * Reads one whole-file component (report, dashboard, report type, flow, workflow) into the model.
 * `sourcePath` is its path in source format (names come from it); `file` is what findings show;
 * `parse` returns its root element. Shared by the mdapi reader, so both formats name things alike.
 * Returns false when the path is no such component.
 */
export function readWholeFile(
    model: OrgModel,
    automations: AutomationModel[],
    sourcePath: string,
    file: string,
    parse: (rootElement: string) => Xml
): boolean {
    const parts = sourcePath.split('/');
    const base = parts[parts.length - 1];
    const stem = (suffix: string) => base.slice(0, -suffix.length);
    if (base.endsWith(SUFFIXES.report)) {
        model.reports.push(readReport(parse('Report'), file, folderQualifiedName(parts, 'reports', SUFFIXES.report)));
    } else if (base.endsWith(SUFFIXES.dashboard)) {
        model.dashboards.push(
            readDashboard(parse('Dashboard'), file, folderQualifiedName(parts, 'dashboards', SUFFIXES.dashboard))
        );
    } else if (base.endsWith(SUFFIXES.reportType)) {
        model.reportTypes.push(readReportType(parse('ReportType'), file, stem(SUFFIXES.reportType)));
    } else if (base.endsWith(SUFFIXES.flow)) {
        automations.push(readFlow(parse('Flow'), file, stem(SUFFIXES.flow)));
    } else if (base.endsWith(SUFFIXES.workflow)) {
        automations.push(...readWorkflow(parse('Workflow'), file, stem(SUFFIXES.workflow)));
    } else return false;
    return true;
}

/**
 * An object read from one mdapi-format CustomObject element (objects/Account.object), with the same
 * parsing as source format's separate files, so both formats give the same model. Children are
 * sorted by name, as source format's files are read.
 */
export function objectFromMdapi(name: string, root: Xml, file: string): ObjectModel {
    const children = (element: string) =>
        list(root[element]).map((item) => {
            const childName = text(item.fullName);
            if (!childName) throw new SourceReadError(file, `a <${element}> element has no <fullName>`);
            return item;
        });
    const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    const obj: ObjectModel = {
        file,
        name,
        fields: children('fields')
            .map((f) => readField(f, file, ''))
            .sort(byName),
        validationRules: children('validationRules')
            .map((r) => readValidationRule(r, file, ''))
            .sort(byName),
        listViews: children('listViews')
            .map((v) => readListView(v, file, ''))
            .sort(byName)
    };
    const label = text(root.label);
    if (label !== undefined) obj.label = label;
    return obj;
}

function collectJoins(join: Xml | undefined, prefix: string, out: string[]): void {
    if (!join) return;
    const relationship = text(join.relationship);
    if (!relationship) return;
    const pathName = `${prefix}.${relationship}`;
    out.push(pathName);
    collectJoins(join.join as Xml | undefined, pathName, out);
}

function readReportType(root: Xml, file: string, name: string): ReportTypeModel {
    const baseObject = text(root.baseObject) ?? '';
    const joins: string[] = [];
    collectJoins(root.join as Xml | undefined, baseObject, joins);
    const fields = list(root.sections).flatMap((s) =>
        list(s.columns).map((c) => `${text(c.table) ?? baseObject}$${text(c.field) ?? ''}`)
    );
    return compact({
        file,
        name,
        label: text(root.label),
        baseObject,
        joins: joins.length ? joins : undefined,
        fields
    });
}

/**
 * Reads every metadata file the checks need under `dir`. Throws SourceReadError naming the
 * file when one is not well-formed or has the wrong root element.
 */
export function readSourceDir(dir: string, onProgress?: (message: string) => void): OrgModel {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
        throw new SourceReadError(dir, 'not a directory');
    }
    const model = emptyModel(dir);
    const automations: AutomationModel[] = [];
    const objects = new Map<string, ObjectModel>();
    const objectFor = (name: string, file: string): ObjectModel => {
        let obj = objects.get(name);
        if (!obj) {
            // A folder with only fields (e.g. Account/fields/Customer_Alert__c) extends a standard object.
            obj = { file, name, fields: [], validationRules: [], listViews: [] };
            objects.set(name, obj);
        }
        return obj;
    };

    const files = walk(dir);
    for (const [index, absolute] of files.entries()) {
        // A retrieve of a large org holds tens of thousands of files: say how far the read is.
        if (onProgress && index % 500 === 0) onProgress(`reading metadata files: ${index} of ${files.length}`);
        const file = path.relative(dir, absolute).split(path.sep).join('/');
        const parts = file.split('/');
        const base = parts[parts.length - 1];
        const stem = (suffix: string) => base.slice(0, -suffix.length);

        if (base.endsWith(SUFFIXES.object)) {
            const objectName = objectNameOf(parts, 2) ?? stem(SUFFIXES.object);
            const root = parseFile(absolute, file, 'CustomObject');
            const obj = objectFor(objectName, file);
            obj.file = file;
            const label = text(root.label);
            if (label !== undefined) obj.label = label;
        } else if (base.endsWith(SUFFIXES.field) && parts[parts.length - 2] === 'fields') {
            const objectName = objectNameOf(parts, 3);
            if (!objectName) continue;
            const root = parseFile(absolute, file, 'CustomField');
            objectFor(objectName, file).fields.push(readField(root, file, stem(SUFFIXES.field)));
        } else if (base.endsWith(SUFFIXES.validationRule) && parts[parts.length - 2] === 'validationRules') {
            const objectName = objectNameOf(parts, 3);
            if (!objectName) continue;
            const root = parseFile(absolute, file, 'ValidationRule');
            objectFor(objectName, file).validationRules.push(
                readValidationRule(root, file, stem(SUFFIXES.validationRule))
            );
        } else if (base.endsWith(SUFFIXES.listView) && parts[parts.length - 2] === 'listViews') {
            const objectName = objectNameOf(parts, 3);
            if (!objectName) continue;
            const root = parseFile(absolute, file, 'ListView');
            objectFor(objectName, file).listViews.push(readListView(root, file, stem(SUFFIXES.listView)));
        } else {
            readWholeFile(model, automations, file, file, (rootElement) => parseFile(absolute, file, rootElement));
        }
    }
    model.automations = automations;
    model.objects = [...objects.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return model;
}
