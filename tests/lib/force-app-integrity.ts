/**
 * PACT's metadata integrity checks. Each check is pure: it takes a package directory (force-app or
 * a fixture folder) and returns the problems it finds, so tests can prove every check fails on a
 * bad file as well as passing on the real package.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
    ForceApp,
    MetadataFile,
    Problem,
    XmlNode,
    arr,
    isTrue,
    memberName,
    metadataOfType,
    objectKnown,
    objectOf,
    readForceApp,
    resolveFieldPath,
    text
} from './force-app';

export type { Problem } from './force-app';

type Check = (app: ForceApp) => Problem[];

/** Only these permission sets may grant anything on coaching notes (rep reads, manager writes). */
export const COACHING_NOTE_SETS: Record<string, { create: boolean; edit: boolean }> = {
    PACT_Rep: { create: false, edit: false },
    PACT_Manager: { create: true, edit: true }
};

/** Standard tabs the PACT app (and any other app) may use. */
export const STANDARD_TABS = [
    'standard-home',
    'standard-Account',
    'standard-Contact',
    'standard-Opportunity',
    'standard-Case',
    'standard-report',
    'standard-Dashboard',
    'standard-Chatter',
    'standard-File'
];

/** List view columns for standard fields of custom objects, as Salesforce names them. */
export const LIST_VIEW_STANDARD_COLUMNS = ['NAME', 'CREATED_DATE', 'LAST_UPDATE', 'CREATEDBY_USER', 'UPDATEDBY_USER'];

/** Related lists that show logged calls and tasks: Open Activities and Activity History. */
export const ACTIVITY_RELATED_LISTS = ['RelatedActivityList', 'RelatedHistoryList'];
const ACTIVITY_RELATED_LIST_API_NAMES = ['OpenActivities', 'ActivityHistories'];
/** Actions that log calls, tasks and events. */
export const ACTIVITY_ACTIONS = ['LogACall', 'NewTask', 'NewEvent'];
/** The Lightning activity timeline component. */
const ACTIVITY_COMPONENTS = ['runtime_sales_activities:activityPanel'];
const CUSTOMER_OBJECTS = ['Account', 'Contact', 'Opportunity'];

/** Words a rep must never read in PACT (case-insensitive, whole words). */
export const FORBIDDEN_WORDS = /\b(CRM|SFA|activity logging)\b/i;

const COACHING_NOTE = 'Coaching_Note__c';

const problem = (check: string, file: string, message: string): Problem => ({ check, file, message });

// ---------------------------------------------------------------------------------------------
// Every field named in metadata exists.

function checkField(app: ForceApp, out: Problem[], file: string, object: string, field: string, where: string): void {
    if (!field) return;
    const issue = resolveFieldPath(app, object, field);
    if (issue) out.push(problem('field-exists', file, `${where} names ${object}.${field}: ${issue}`));
}

function layoutFields(app: ForceApp, m: MetadataFile, out: Problem[]): void {
    // Layout files are named "<Object>-<Layout Name>".
    const object = memberName(m.file).split('-')[0];
    if (!objectKnown(app, object)) {
        out.push(problem('field-exists', m.file, `layout for unknown object ${object}`));
        return;
    }
    for (const section of arr(m.root.layoutSections))
        for (const column of arr(section.layoutColumns))
            for (const item of arr(column.layoutItems))
                checkField(app, out, m.file, object, text(item.field), 'layout item');
    for (const related of arr(m.root.relatedLists)) {
        const name = text(related.relatedList);
        // Custom related lists are "<ChildObject>.<LookupField>"; standard ones (RelatedContactList)
        // use column names of their own that this check does not model.
        const [child, lookup] = name.split('.');
        if (!lookup) continue;
        checkField(app, out, m.file, child, lookup, `related list ${name}`);
        for (const column of arr(related.fields).map(text)) {
            if (LIST_VIEW_STANDARD_COLUMNS.includes(column)) continue;
            checkField(app, out, m.file, child, column, `related list ${name} column`);
        }
        checkField(app, out, m.file, child, text(related.sortField), `related list ${name} sort`);
    }
}

function flowFields(app: ForceApp, m: MetadataFile, out: Problem[]): void {
    const trigger = text(m.root.start?.object);
    if (trigger) {
        for (const match of m.text.matchAll(/\$Record(?:__Prior)?\.([A-Za-z0-9_.]+)/g))
            checkField(app, out, m.file, trigger, match[1], '$Record reference');
    } else if (/\$Record/.test(m.text)) {
        out.push(problem('field-exists', m.file, 'uses $Record but its start element names no object'));
    }
    const lookups = new Map<string, string>();
    for (const kind of ['recordLookups', 'recordCreates', 'recordUpdates', 'recordDeletes']) {
        for (const element of arr(m.root[kind])) {
            const object = text(element.object);
            if (!object) continue;
            if (!objectKnown(app, object)) {
                out.push(
                    problem('field-exists', m.file, `${kind} ${text(element.name)} uses unknown object ${object}`)
                );
                continue;
            }
            if (kind === 'recordLookups') lookups.set(text(element.name), object);
            const where = `${kind} ${text(element.name)}`;
            for (const f of arr(element.filters)) checkField(app, out, m.file, object, text(f.field), where);
            for (const f of arr(element.inputAssignments)) checkField(app, out, m.file, object, text(f.field), where);
            for (const f of arr(element.outputAssignments)) checkField(app, out, m.file, object, text(f.field), where);
            for (const f of arr(element.queriedFields)) checkField(app, out, m.file, object, text(f), where);
            checkField(app, out, m.file, object, text(element.sortField), where);
        }
    }
    // References to a Get Records result, e.g. Get_Notification_Type.Id.
    for (const [name, object] of lookups) {
        for (const match of m.text.matchAll(new RegExp(`\\b${name}\\.([A-Za-z0-9_.]+)`, 'g')))
            checkField(app, out, m.file, object, match[1], `reference to ${name}`);
    }
}

function flexiPageFields(app: ForceApp, m: MetadataFile, out: Problem[]): void {
    const object = text(m.root.sobjectType);
    const items = [...m.text.matchAll(/<fieldItem>\s*Record\.([A-Za-z0-9_.]+)\s*<\/fieldItem>/g)].map((x) => x[1]);
    if (items.length && !object) {
        out.push(problem('field-exists', m.file, 'names record fields but has no sobjectType'));
        return;
    }
    for (const item of items) checkField(app, out, m.file, object, item, 'field item');
}

function quickActionFields(app: ForceApp, m: MetadataFile, out: Problem[]): void {
    // Object-specific actions are named "<Object>.<Action>"; the fields belong to the target object.
    const object = text(m.root.targetObject) || memberName(m.file).split('.')[0];
    if (!objectKnown(app, object)) {
        out.push(problem('field-exists', m.file, `quick action targets unknown object ${object}`));
        return;
    }
    for (const column of arr(m.root.quickActionLayout?.quickActionLayoutColumns))
        for (const item of arr(column?.quickActionLayoutItems))
            checkField(app, out, m.file, object, text(item.field), 'quick action field');
    for (const o of arr(m.root.fieldOverrides))
        checkField(app, out, m.file, object, text(o.field), 'quick action default');
    checkField(app, out, m.file, object, text(m.root.targetParentField), 'quick action parent field');
}

export const checkFieldsExist: Check = (app) => {
    const out: Problem[] = [];
    for (const m of app.metadata) {
        switch (m.type) {
            case 'Layout':
                layoutFields(app, m, out);
                break;
            case 'CompactLayout': {
                const object = objectOf(m.file) ?? '';
                for (const f of arr(m.root.fields)) checkField(app, out, m.file, object, text(f), 'compact layout');
                break;
            }
            case 'ListView': {
                const object = objectOf(m.file) ?? '';
                for (const column of arr(m.root.columns).map(text)) {
                    if (LIST_VIEW_STANDARD_COLUMNS.includes(column)) continue;
                    checkField(app, out, m.file, object, column, 'list view column');
                }
                for (const f of arr(m.root.filters))
                    checkField(app, out, m.file, object, text(f.field), 'list view filter');
                break;
            }
            case 'PermissionSet':
            case 'Profile':
                for (const p of arr(m.root.fieldPermissions)) {
                    const [object, ...rest] = text(p.field).split('.');
                    checkField(app, out, m.file, object, rest.join('.'), 'field permission');
                }
                for (const p of arr(m.root.objectPermissions)) {
                    const object = text(p.object);
                    if (!objectKnown(app, object))
                        out.push(problem('field-exists', m.file, `object permission names unknown object ${object}`));
                }
                break;
            case 'Flow':
                flowFields(app, m, out);
                break;
            case 'QuickAction':
                quickActionFields(app, m, out);
                break;
            case 'FlexiPage':
                flexiPageFields(app, m, out);
                break;
        }
    }
    return out;
};

/** Salesforce rejects field permissions on required, master-detail and name fields. */
export const checkFieldPermissionsDeployable: Check = (app) => {
    const out: Problem[] = [];
    for (const m of [...metadataOfType(app, 'PermissionSet'), ...metadataOfType(app, 'Profile')]) {
        for (const p of arr(m.root.fieldPermissions)) {
            const [object, field] = text(p.field).split('.');
            const info = app.objects.get(object)?.fields.get(field);
            if (field === 'Name')
                out.push(problem('field-permission-deployable', m.file, `${text(p.field)} is a name field`));
            else if (info?.required)
                out.push(problem('field-permission-deployable', m.file, `${text(p.field)} is required`));
            else if (info?.type === 'MasterDetail')
                out.push(problem('field-permission-deployable', m.file, `${text(p.field)} is master-detail`));
        }
    }
    return out;
};

// ---------------------------------------------------------------------------------------------

/** PACT ships no tick boxes. */
export const checkNoCheckboxFields: Check = (app) => {
    const out: Problem[] = [];
    for (const object of app.objects.values())
        for (const field of object.fields.values())
            if (field.type === 'Checkbox')
                out.push(problem('no-checkbox', field.file, `${object.name}.${field.name} is a Checkbox field`));
    return out;
};

function granted(node: XmlNode, keys: string[]): boolean {
    return keys.some((k) => isTrue(node[k]));
}

/**
 * Coaching notes are between a rep and their manager: only PACT_Rep (read) and PACT_Manager (create,
 * read, edit) grant anything on them, never view all / modify all / delete; the object stays private,
 * unreportable and unsearchable, with no list views, tab or report type.
 */
export const checkCoachingNotePrivacy: Check = (app) => {
    const out: Problem[] = [];
    const check = 'coaching-note-privacy';
    for (const m of [...metadataOfType(app, 'PermissionSet'), ...metadataOfType(app, 'Profile')]) {
        const name = memberName(m.file);
        const allowed = m.type === 'PermissionSet' ? COACHING_NOTE_SETS[name] : undefined;
        for (const p of arr(m.root.objectPermissions)) {
            if (text(p.object) !== COACHING_NOTE) continue;
            const any = granted(p, [
                'allowCreate',
                'allowDelete',
                'allowEdit',
                'allowRead',
                'viewAllRecords',
                'modifyAllRecords'
            ]);
            if (!allowed) {
                if (any) out.push(problem(check, m.file, `${name} grants access to ${COACHING_NOTE}`));
                continue;
            }
            if (granted(p, ['viewAllRecords', 'modifyAllRecords']))
                out.push(problem(check, m.file, `${name} grants view all / modify all on ${COACHING_NOTE}`));
            if (isTrue(p.allowDelete)) out.push(problem(check, m.file, `${name} may delete coaching notes`));
            if (isTrue(p.allowCreate) && !allowed.create)
                out.push(problem(check, m.file, `${name} may create coaching notes`));
            if (isTrue(p.allowEdit) && !allowed.edit)
                out.push(problem(check, m.file, `${name} may edit coaching notes`));
        }
        for (const p of arr(m.root.fieldPermissions)) {
            if (!text(p.field).startsWith(`${COACHING_NOTE}.`)) continue;
            if (!allowed && granted(p, ['readable', 'editable']))
                out.push(problem(check, m.file, `${name} grants field access to ${text(p.field)}`));
            else if (allowed && isTrue(p.editable) && !allowed.edit)
                out.push(problem(check, m.file, `${name} may edit ${text(p.field)}`));
        }
        for (const t of arr(m.root.tabSettings))
            if (text(t.tab) === COACHING_NOTE) out.push(problem(check, m.file, `${name} shows a ${COACHING_NOTE} tab`));
    }
    const object = app.objects.get(COACHING_NOTE);
    if (object?.xml) {
        const xml = object.xml;
        if (text(xml.sharingModel) !== 'Private')
            out.push(problem(check, object.file!, `sharingModel is ${text(xml.sharingModel) || 'unset'}, not Private`));
        if (isTrue(xml.enableReports)) out.push(problem(check, object.file!, 'enableReports is true'));
        if (isTrue(xml.enableSearch)) out.push(problem(check, object.file!, 'enableSearch is true'));
        if (arr(xml.listViews).length) out.push(problem(check, object.file!, 'has inline list views'));
    }
    for (const m of app.metadata) {
        if (m.type === 'ListView' && objectOf(m.file) === COACHING_NOTE)
            out.push(problem(check, m.file, 'a list view on coaching notes'));
        if (m.type === 'CustomTab' && memberName(m.file) === COACHING_NOTE)
            out.push(problem(check, m.file, 'a tab for coaching notes'));
        if (['ReportType', 'Report', 'Dashboard'].includes(m.type) && m.text.includes(COACHING_NOTE))
            out.push(problem(check, m.file, `${m.type} mentions ${COACHING_NOTE}`));
    }
    return out;
};

// ---------------------------------------------------------------------------------------------

/** Every $Label.X in metadata and every @salesforce/label/c.X in JavaScript exists. */
export const checkLabelReferences: Check = (app) => {
    const out: Problem[] = [];
    const report = (file: string, name: string) => {
        if (!app.labels.has(name)) out.push(problem('label-exists', file, `custom label ${name} does not exist`));
    };
    for (const m of app.metadata)
        for (const match of m.text.matchAll(/\$Label\.([A-Za-z0-9_]+)/g)) report(m.file, match[1]);
    for (const file of app.files.filter((f) => /\.(js|ts|html)$/.test(f))) {
        const source = fs.readFileSync(path.join(app.dir, file), 'utf8');
        for (const match of source.matchAll(/@salesforce\/label\/c\.([A-Za-z0-9_]+)/g)) report(file, match[1]);
    }
    return out;
};

/** The labels file: unique names, sorted by fullName, PACT_ prefix and category, en_US, unprotected. */
export const checkLabelsFile: Check = (app) => {
    const out: Problem[] = [];
    for (const m of metadataOfType(app, 'CustomLabels')) {
        const names = arr(m.root.labels).map((l) => text(l.fullName));
        names.forEach((name, i) => {
            if (i > 0 && names[i - 1].localeCompare(name, 'en') >= 0)
                out.push(problem('labels-file', m.file, `${name} is out of order or repeated (after ${names[i - 1]})`));
        });
        for (const label of arr(m.root.labels)) {
            const name = text(label.fullName);
            if (!name.startsWith('PACT_')) out.push(problem('labels-file', m.file, `${name} lacks the PACT_ prefix`));
            if (
                !text(label.categories)
                    .split(',')
                    .map((c) => c.trim())
                    .includes('PACT')
            )
                out.push(problem('labels-file', m.file, `${name} is not in category PACT`));
            if (text(label.language) !== 'en_US') out.push(problem('labels-file', m.file, `${name} is not en_US`));
            if (isTrue(label.protected)) out.push(problem('labels-file', m.file, `${name} is protected`));
            if (!text(label.value)) out.push(problem('labels-file', m.file, `${name} has no value`));
        }
    }
    return out;
};

// ---------------------------------------------------------------------------------------------

/** The strings of one metadata file that users read, each with what it is. */
function visibleStrings(m: MetadataFile): [string, string][] {
    const r = m.root;
    const s: [string, string][] = [];
    const add = (what: string, value: unknown) => {
        if (text(value)) s.push([what, text(value)]);
    };
    switch (m.type) {
        case 'CustomLabels':
            for (const l of arr(r.labels)) add(`label ${text(l.fullName)}`, l.value);
            break;
        case 'CustomField':
            add('field label', r.label);
            add('help text', r.inlineHelpText);
            for (const v of arr(r.valueSet?.valueSetDefinition?.value)) add('picklist value', v.label);
            break;
        case 'CustomObject':
            add('object label', r.label);
            add('plural label', r.pluralLabel);
            add('name field label', r.nameField?.label);
            add('name field help text', r.nameField?.inlineHelpText);
            for (const f of arr(r.fields)) {
                add('field label', f.label);
                add('help text', f.inlineHelpText);
            }
            break;
        case 'ValidationRule':
            add('error message', r.errorMessage);
            break;
        case 'ListView':
            add('list view label', r.label);
            break;
        case 'Layout':
            for (const section of arr(r.layoutSections)) add('layout section label', section.label);
            break;
        case 'CompactLayout':
            add('compact layout label', r.label);
            break;
        case 'CustomApplication':
            add('app label', r.label);
            add('app description', r.description);
            break;
        case 'CustomTab':
            add('tab label', r.label);
            add('tab description', r.description);
            break;
        case 'CustomNotificationType':
            add('notification type label', r.masterLabel);
            add('notification type name', r.customNotifTypeName);
            break;
        case 'PermissionSet':
            add('permission set label', r.label);
            break;
        case 'FlexiPage':
            add('page label', r.masterLabel);
            break;
        case 'QuickAction':
            add('action label', r.label);
            add('action success message', r.successMessage);
            break;
    }
    return s;
}

/** No user-visible string says "CRM", "SFA" or "activity logging". */
export const checkUserVisibleWords: Check = (app) => {
    const out: Problem[] = [];
    for (const m of app.metadata)
        for (const [what, value] of visibleStrings(m)) {
            const hit = value.match(FORBIDDEN_WORDS);
            if (hit) out.push(problem('user-visible-words', m.file, `${what} says "${hit[0]}": ${value}`));
        }
    return out;
};

/** Every tab an app lists exists: a known standard tab or a tab file in the package. */
export const checkAppTabs: Check = (app) => {
    const out: Problem[] = [];
    const customTabs = new Set<string>();
    for (const m of metadataOfType(app, 'CustomTab')) {
        const tab = memberName(m.file);
        // An object tab is named after its object, which must ship too.
        if (isTrue(m.root.customObject) && !objectKnown(app, tab))
            out.push(problem('app-tabs', m.file, `tab ${tab} shows an object the package lacks`));
        else customTabs.add(tab);
    }
    for (const m of metadataOfType(app, 'CustomApplication')) {
        const tabs = [...arr(m.root.tabs).map(text), text(m.root.defaultLandingTab)].filter(Boolean);
        for (const tab of tabs) {
            const ok = tab.startsWith('standard-') ? STANDARD_TABS.includes(tab) : customTabs.has(tab);
            if (!ok) out.push(problem('app-tabs', m.file, `tab ${tab} does not exist`));
        }
    }
    return out;
};

/** Account, Contact and Opportunity pages show no Open Activities / Activity History, offer no Log a Call. */
export const checkNoActivityLists: Check = (app) => {
    const out: Problem[] = [];
    for (const m of metadataOfType(app, 'Layout')) {
        const object = memberName(m.file).split('-')[0];
        if (!CUSTOMER_OBJECTS.includes(object)) continue;
        for (const related of arr(m.root.relatedLists).map((x) => text(x.relatedList)))
            if (ACTIVITY_RELATED_LISTS.includes(related))
                out.push(problem('no-activity-lists', m.file, `${object} layout shows ${related}`));
        for (const action of layoutActions(m))
            if (ACTIVITY_ACTIONS.includes(action.name))
                out.push(problem('no-activity-lists', m.file, `${object} layout offers the ${action.name} action`));
    }
    for (const m of metadataOfType(app, 'FlexiPage')) {
        for (const name of ACTIVITY_RELATED_LIST_API_NAMES)
            if (new RegExp(`<stringValue>\\s*${name}\\s*</stringValue>|<value>\\s*${name}\\s*</value>`).test(m.text))
                out.push(problem('no-activity-lists', m.file, `page shows the ${name} related list`));
        for (const component of ACTIVITY_COMPONENTS)
            if (m.text.includes(`<componentName>${component}</componentName>`))
                out.push(problem('no-activity-lists', m.file, `page shows the activity timeline (${component})`));
    }
    return out;
};

/** Actions a layout offers, as "<type> <name>". */
function layoutActions(m: MetadataFile): { type: string; name: string }[] {
    return [
        ...arr(m.root.platformActionList?.platformActionListItems).map((i) => ({
            type: text(i.actionType),
            name: text(i.actionName)
        })),
        ...arr(m.root.quickActionList?.quickActionListItems).map((i) => ({
            type: 'QuickAction',
            name: text(i.quickActionName)
        }))
    ];
}

/** Every object-specific quick action a layout offers ("Account.New_High_Card") ships in quickActions/. */
export const checkLayoutActions: Check = (app) => {
    const out: Problem[] = [];
    const shipped = new Set(metadataOfType(app, 'QuickAction').map((m) => memberName(m.file)));
    for (const m of metadataOfType(app, 'Layout'))
        for (const action of layoutActions(m))
            if (action.type === 'QuickAction' && action.name.includes('.') && !shipped.has(action.name))
                out.push(problem('actions-exist', m.file, `quick action ${action.name} does not exist`));
    return out;
};

export const CHECKS: Record<string, Check> = {
    'field-exists': checkFieldsExist,
    'field-permission-deployable': checkFieldPermissionsDeployable,
    'no-checkbox': checkNoCheckboxFields,
    'coaching-note-privacy': checkCoachingNotePrivacy,
    'label-exists': checkLabelReferences,
    'labels-file': checkLabelsFile,
    'user-visible-words': checkUserVisibleWords,
    'app-tabs': checkAppTabs,
    'no-activity-lists': checkNoActivityLists,
    'actions-exist': checkLayoutActions
};

/** Runs one check (by id) or all of them on a directory; unreadable files are always reported. */
export function checkForceApp(dir: string, only?: string): Problem[] {
    const app = readForceApp(dir);
    const checks = only ? [CHECKS[only]] : Object.values(CHECKS);
    if (checks.some((c) => !c)) throw new Error(`unknown check ${only}; known: ${Object.keys(CHECKS).join(', ')}`);
    return [...app.unreadable, ...checks.flatMap((check) => check(app))];
}
