/**
 * Platform rules: what a real Salesforce org enforces that the schema check (sfmeta-check) and the
 * integrity checks do not model. Each rule is a plain function over a source-format folder, with its
 * source (documentation page, release note, or a public issue that shows the server's error text), and
 * a "bad" example: the shape that broke (often PACT's own earlier file), which the rule must report.
 * tests/platform/conformance.test.ts applies every rule to force-app, to config/demo-legacy-org*, and to
 * what `pact block` writes; tests/platform/README.md lists them (a test keeps that list complete).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { arr, ForceApp, isTrue, metadataOfType, readForceApp, text, type XmlNode } from '../lib/force-app';
import { DYNAMIC_DASHBOARD_CAPS, PACT_FLOWS, PACT_LAYOUTS } from '../../scripts/lib/salesforce/pact-org';

export interface PlatformProblem {
    rule: string;
    file: string;
    message: string;
}

export interface PlatformRule {
    id: string;
    /** What the platform does, in one sentence. */
    rule: string;
    /** Where it is written down (URL, issue, release note). */
    source: string;
    /** Files (relative path -> content) that break the rule; check() must report each. */
    bad: Record<string, string>;
    check(app: ForceApp): PlatformProblem[];
}

const xml = (root: string, body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://soap.sforce.com/2006/04/metadata">${body}</${root}>\n`;

const problem = (rule: string, file: string, message: string): PlatformProblem => ({ rule, file, message });

/** Objects whose records have no owner: detail objects of a master-detail (sharingModel ControlledByParent). */
function ownerless(app: ForceApp, object: string): boolean {
    const info = app.objects.get(object);
    if (!info) return false;
    if (text(info.xml?.sharingModel) === 'ControlledByParent') return true;
    return [...info.fields.values()].some((f) => f.type === 'MasterDetail');
}

const objectFolder = (file: string) => /(?:^|\/)objects\/([^/]+)\//.exec(file)?.[1];

export const RULES: PlatformRule[] = [
    {
        id: 'listview-scope-mine-needs-owner',
        rule: 'A list view with filterScope Mine is refused on an object whose records have no owner (a master-detail child): "Invalid scope:Mine, not allowed".',
        source: 'forcedotcom/cli#3039 (error text); sfdx-hardis deploy tip "invalid-scope-mine"',
        bad: {
            'objects/Call_Plan__c/fields/Account__c.field-meta.xml': xml(
                'CustomField',
                '<fullName>Account__c</fullName><label>Account</label><referenceTo>Account</referenceTo><relationshipName>Plans</relationshipName><type>MasterDetail</type>'
            ),
            'objects/Call_Plan__c/listViews/My_Plans_This_Week.listView-meta.xml': xml(
                'ListView',
                '<fullName>My_Plans_This_Week</fullName><columns>NAME</columns><filterScope>Mine</filterScope><label>My plans this week</label>'
            )
        },
        check: (app) =>
            metadataOfType(app, 'ListView')
                .filter((m) => text(m.root.filterScope) === 'Mine' && ownerless(app, objectFolder(m.file) ?? ''))
                .map((m) =>
                    problem(
                        'listview-scope-mine-needs-owner',
                        m.file,
                        `filterScope Mine on ${objectFolder(m.file)}, whose records have no owner`
                    )
                )
    },
    {
        id: 'master-detail-read-is-enough',
        rule: 'writeRequiresMasterRead false means creating or editing a detail needs Read/Write on the master; PACT promises capture on every account a rep can read, so its details of Account say true.',
        source: 'Metadata API CustomField.writeRequiresMasterRead (https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/customfield.htm); Help "Considerations for Relationships" (sharing access required on the master)',
        bad: {
            'objects/High_Card__c/fields/Account__c.field-meta.xml': xml(
                'CustomField',
                '<fullName>Account__c</fullName><label>Account</label><referenceTo>Account</referenceTo><relationshipName>High_Cards</relationshipName><type>MasterDetail</type><writeRequiresMasterRead>false</writeRequiresMasterRead>'
            )
        },
        check: (app) =>
            [...app.objects.values()].flatMap((o) =>
                [...o.fields.values()]
                    .filter((f) => f.type === 'MasterDetail' && f.referenceTo.includes('Account'))
                    .filter((f) => {
                        const m = app.metadata.find((x) => x.file === f.file);
                        const node = m?.type === 'CustomField' ? m.root : undefined;
                        return !isTrue(node?.writeRequiresMasterRead);
                    })
                    .map((f) =>
                        problem(
                            'master-detail-read-is-enough',
                            f.file,
                            `${o.name}.${f.name}: writeRequiresMasterRead must be true`
                        )
                    )
            )
    },
    {
        id: 'flows-activated-after-deploy',
        rule: 'In production, an autolaunched or record-triggered flow deploys as active only with "Deploy processes and flows as active" and Apex flow test coverage; otherwise it arrives inactive. pact setup activates every shipped flow after the deploy (Tooling API FlowDefinition) and verifies it, so every flow must be on its list.',
        source: 'Tooling API FlowTestCoverage, Usage (https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/tooling_api_objects_flowtestcoverage.htm); Tooling API FlowDefinition (activate with the Metadata field)',
        bad: {
            'flows/Unlisted_Flow.flow-meta.xml': xml(
                'Flow',
                '<apiVersion>66.0</apiVersion><label>Unlisted</label><processType>AutoLaunchedFlow</processType><status>Active</status>'
            )
        },
        check: (app) =>
            metadataOfType(app, 'Flow')
                .filter((m) => !PACT_FLOWS.includes(path.posix.basename(m.file, '.flow-meta.xml')))
                .map((m) =>
                    problem(
                        'flows-activated-after-deploy',
                        m.file,
                        'not in PACT_FLOWS: pact setup would not activate it'
                    )
                )
    },
    {
        id: 'layouts-assigned-by-setup',
        rule: 'A deployed page layout is used only once it is assigned to a profile (Profile layoutAssignments); pact setup assigns every shipped layout, so every layout must be on its list.',
        source: 'Metadata API Profile.layoutAssignments (https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_profile.htm); Help "Assign Page Layouts to Profiles"',
        bad: {
            'layouts/Case-Unlisted Layout.layout-meta.xml': xml(
                'Layout',
                '<layoutSections><style>OneColumn</style></layoutSections>'
            )
        },
        check: (app) =>
            metadataOfType(app, 'Layout')
                .filter((m) => !PACT_LAYOUTS.includes(path.posix.basename(m.file, '.layout-meta.xml')))
                .map((m) =>
                    problem('layouts-assigned-by-setup', m.file, 'not in PACT_LAYOUTS: pact setup would not assign it')
                )
    },
    {
        id: 'create-action-has-required-fields',
        rule: "A Create quick action must put every required field (a Text record name is required) on its layout as Required or give it a predefined value, or the record won't save properly; a create without Name names the record with its Id.",
        source: 'Salesforce mobile app admin guide, "Using Predefined Values in Actions" (https://developer.salesforce.com/docs/atlas.en-us.salesforce1appadmin.meta/salesforce1appadmin/s1_admin_guide_actions_predef_values.htm)',
        bad: {
            'objects/High_Card__c/High_Card__c.object-meta.xml': xml(
                'CustomObject',
                '<label>High Card</label><nameField><label>Headline</label><type>Text</type></nameField><pluralLabel>High Cards</pluralLabel><sharingModel>ControlledByParent</sharingModel>'
            ),
            'quickActions/Account.New_High_Card.quickAction-meta.xml': xml(
                'QuickAction',
                '<label>New High Card</label><quickActionLayout><layoutSectionStyle>TwoColumnsLeftToRight</layoutSectionStyle><quickActionLayoutColumns><quickActionLayoutItems><field>Details__c</field><uiBehavior>Required</uiBehavior></quickActionLayoutItems></quickActionLayoutColumns></quickActionLayout><targetObject>High_Card__c</targetObject><type>Create</type>'
            )
        },
        check: (app) =>
            metadataOfType(app, 'QuickAction')
                .filter((m) => text(m.root.type) === 'Create')
                .flatMap((m) => {
                    const target = text(m.root.targetObject);
                    const info = app.objects.get(target);
                    const required = [
                        ...(text(info?.xml?.nameField?.type) === 'Text' ? ['Name'] : []),
                        ...[...(info?.fields.values() ?? [])]
                            .filter((f) => f.required && f.name !== text(m.root.targetParentField))
                            .map((f) => f.name)
                    ];
                    const items = arr(m.root.quickActionLayout?.quickActionLayoutColumns).flatMap((c: XmlNode) =>
                        arr(c?.quickActionLayoutItems)
                    );
                    const onLayout = new Set(
                        items
                            .filter((i: XmlNode) => text(i.uiBehavior) === 'Required')
                            .map((i: XmlNode) => text(i.field))
                    );
                    const predefined = new Set(arr(m.root.fieldOverrides).map((o: XmlNode) => text(o.field)));
                    return required
                        .filter((f) => !onLayout.has(f) && !predefined.has(f))
                        .map((f) =>
                            problem(
                                'create-action-has-required-fields',
                                m.file,
                                `${target}.${f} is required but not on the action layout`
                            )
                        );
                })
    },
    {
        id: 'dynamic-dashboards-within-cap',
        rule: `Dashboards run as the logged-in user count against an edition cap (${Object.entries(
            DYNAMIC_DASHBOARD_CAPS
        )
            .map(([e, n]) => `${e} ${n}`)
            .join(
                ', '
            )}); above it the deploy fails with "You reached the limit for dashboards run as the logged-in user." A package may ship at most the smallest cap, and pact setup explains the refusal.`,
        source: 'Help "Dynamic Dashboards" limits (https://help.salesforce.com/s/articleView?id=sf.dashboards_dynamic_limits.htm); jongpie/NebulaLogger#247 and SFDO-Community/GrantGuides#133 (error text); Help article 000385369',
        bad: Object.fromEntries(
            [1, 2, 3, 4].map((n) => [
                `dashboards/F/D${n}.dashboard-meta.xml`,
                xml('Dashboard', `<dashboardType>LoggedInUser</dashboardType><title>D${n}</title>`)
            ])
        ),
        check: (app) => {
            const dynamic = metadataOfType(app, 'Dashboard').filter(
                (m) => text(m.root.dashboardType) === 'LoggedInUser'
            );
            const cap = Math.min(...Object.values(DYNAMIC_DASHBOARD_CAPS));
            return dynamic.length > cap
                ? [
                      problem(
                          'dynamic-dashboards-within-cap',
                          dynamic[cap].file,
                          `${dynamic.length} dynamic dashboards, cap ${cap}`
                      )
                  ]
                : [];
        }
    },
    {
        id: 'no-named-users',
        rule: 'A package must not name users of one org (dashboard runningUser, folder shares to a User): "Cannot find a user that matches any of the following usernames" / "no User named ... found".',
        source: 'sfdx-hardis deploy tips "can-not-find-user" and "can-not-find-user-2" (error texts)',
        bad: {
            'dashboards/F/D.dashboard-meta.xml': xml(
                'Dashboard',
                '<dashboardType>SpecifiedUser</dashboardType><runningUser>admin@acme.example</runningUser><title>D</title>'
            )
        },
        check: (app) =>
            app.metadata.flatMap((m) => [
                ...(text(m.root.runningUser)
                    ? [problem('no-named-users', m.file, `runningUser ${text(m.root.runningUser)}`)]
                    : []),
                ...arr(m.root.folderShares)
                    .filter((share: XmlNode) => text(share.sharedToType) === 'User')
                    .map((share: XmlNode) =>
                        problem('no-named-users', m.file, `folder shared with user ${text(share.sharedTo)}`)
                    )
            ])
    },
    {
        id: 'no-field-permission-on-required',
        rule: 'Field permissions on a required, master-detail or name field are refused: "You cannot deploy to a required field".',
        source: 'sfdx-hardis deploy tip "custom-field-rights-mandatory" (error text)',
        bad: {
            'objects/High_Card__c/fields/Account__c.field-meta.xml': xml(
                'CustomField',
                '<fullName>Account__c</fullName><label>Account</label><referenceTo>Account</referenceTo><type>MasterDetail</type>'
            ),
            'permissionsets/P.permissionset-meta.xml': xml(
                'PermissionSet',
                '<fieldPermissions><editable>true</editable><field>High_Card__c.Account__c</field><readable>true</readable></fieldPermissions><label>P</label>'
            )
        },
        check: (app) =>
            [...metadataOfType(app, 'PermissionSet'), ...metadataOfType(app, 'Profile')].flatMap((m) =>
                arr(m.root.fieldPermissions)
                    .filter((p: XmlNode) => {
                        const [object, field] = text(p.field).split('.');
                        const info = app.objects.get(object)?.fields.get(field);
                        return field === 'Name' || info?.required || info?.type === 'MasterDetail';
                    })
                    .map((p: XmlNode) => problem('no-field-permission-on-required', m.file, text(p.field)))
            )
    },
    {
        id: 'detail-sharing-controlled-by-parent',
        rule: 'An object with a master-detail field must use sharingModel (and externalSharingModel) ControlledByParent: "... is not a valid sharing model for ... when ... sharing model is ...".',
        source: 'sfdx-hardis deploy tip "not-valid-sharing-model" (error text); Help "Object Relationships Overview" (detail records inherit sharing)',
        bad: {
            'objects/X__c/X__c.object-meta.xml': xml(
                'CustomObject',
                '<label>X</label><pluralLabel>Xs</pluralLabel><sharingModel>ReadWrite</sharingModel>'
            ),
            'objects/X__c/fields/Account__c.field-meta.xml': xml(
                'CustomField',
                '<fullName>Account__c</fullName><label>Account</label><referenceTo>Account</referenceTo><type>MasterDetail</type>'
            )
        },
        check: (app) =>
            [...app.objects.values()]
                .filter((o) => o.xml && [...o.fields.values()].some((f) => f.type === 'MasterDetail'))
                .filter(
                    (o) =>
                        text(o.xml.sharingModel) !== 'ControlledByParent' ||
                        !['', 'ControlledByParent'].includes(text(o.xml.externalSharingModel))
                )
                .map((o) =>
                    problem('detail-sharing-controlled-by-parent', o.file!, `${o.name} has a master-detail field`)
                )
    },
    {
        id: 'long-text-needs-visible-lines',
        rule: 'A LongTextArea or Html field needs visibleLines and a length of 256 to 131,072: "Must specify \'visibleLines\' for a CustomField of type LongTextArea".',
        source: 'Metadata API CustomField (visibleLines, length) https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/customfield.htm; Help "Custom Field Types" (131,072 characters)',
        bad: {
            'objects/X__c/fields/Note__c.field-meta.xml': xml(
                'CustomField',
                '<fullName>Note__c</fullName><label>Note</label><length>32000</length><type>LongTextArea</type>'
            )
        },
        check: (app) =>
            metadataOfType(app, 'CustomField')
                .filter((m) => ['LongTextArea', 'Html'].includes(text(m.root.type)))
                .filter((m) => {
                    const length = Number(text(m.root.length));
                    return !text(m.root.visibleLines) || !(length >= 256 && length <= 131072);
                })
                .map((m) =>
                    problem('long-text-needs-visible-lines', m.file, 'visibleLines missing or length out of range')
                )
    },
    {
        id: 'api-names-fit',
        rule: 'Custom object and field API names have at most 40 characters before __c, start with a letter, and have no double or trailing underscore; labels at most 40 characters.',
        source: 'Metadata API CustomField.fullName and CustomObject (https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/customfield.htm)',
        bad: {
            'objects/X__c/fields/This_Field_Name_Is_Far_Too_Long_For_Salesforce__c.field-meta.xml': xml(
                'CustomField',
                '<fullName>This_Field_Name_Is_Far_Too_Long_For_Salesforce__c</fullName><label>Long</label><type>Text</type><length>10</length>'
            )
        },
        check: (app) =>
            [...app.objects.values()].flatMap((o) =>
                [...o.fields.values()]
                    .filter((f) => f.name.endsWith('__c'))
                    .filter((f) => {
                        const base = f.name.slice(0, -3);
                        return (
                            base.length > 40 ||
                            !/^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*[A-Za-z0-9]$/.test(base) ||
                            (f.label ?? '').length > 40
                        );
                    })
                    .map((f) => problem('api-names-fit', f.file, `${o.name}.${f.name}`))
            )
    },
    {
        id: 'activity-fields-on-activity',
        rule: 'Custom fields of tasks and events are defined once on Activity (objects/Activity/fields); a CustomField under Task or Event is refused. Validation rules, in turn, belong to Task and Event.',
        source: 'Help "Activity Custom Fields" (shared by tasks and events); Metadata API CustomObject: Activity fields are deployed as Activity.Field__c',
        bad: {
            'objects/Task/fields/Call_Made__c.field-meta.xml': xml(
                'CustomField',
                '<fullName>Call_Made__c</fullName><label>Call Made</label><type>Checkbox</type><defaultValue>false</defaultValue>'
            )
        },
        check: (app) =>
            metadataOfType(app, 'CustomField')
                .filter((m) => ['Task', 'Event'].includes(objectFolder(m.file) ?? ''))
                .map((m) => problem('activity-fields-on-activity', m.file, 'define it under objects/Activity/fields'))
    },
    {
        id: 'reports-in-shipped-folders',
        rule: 'A report or dashboard deploys only into a folder the org has or the same deploy creates: "Cannot find folder".',
        source: 'sfdx-hardis deploy tip "can-not-find-folder" (error text)',
        bad: {
            'reports/Missing_Folder/R.report-meta.xml': xml(
                'Report',
                '<format>Tabular</format><name>R</name><reportType>X</reportType>'
            )
        },
        check: (app) =>
            [...metadataOfType(app, 'Report'), ...metadataOfType(app, 'Dashboard')]
                .filter((m) => {
                    const folder = path.posix.dirname(m.file);
                    const exists = app.files.some((f) =>
                        new RegExp(
                            `^${folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(report|dashboard)Folder-meta\\.xml$`
                        ).test(f)
                    );
                    return !exists && !folder.endsWith('unfiled$public');
                })
                .map((m) =>
                    problem(
                        'reports-in-shipped-folders',
                        m.file,
                        `no folder metadata for ${path.posix.dirname(m.file)}`
                    )
                )
    },
    {
        id: 'custom-labels-fit',
        rule: 'A custom label value has at most 1,000 characters and its name at most 80; a longer one is refused.',
        source: 'Metadata API CustomLabels (https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_customlabels.htm); Help "Custom Labels" (1,000 characters)',
        bad: {
            'labels/CustomLabels.labels-meta.xml': xml(
                'CustomLabels',
                `<labels><fullName>Too_Long</fullName><language>en_US</language><protected>false</protected><shortDescription>x</shortDescription><value>${'x'.repeat(1001)}</value></labels>`
            )
        },
        check: (app) =>
            metadataOfType(app, 'CustomLabels').flatMap((m) =>
                arr(m.root.labels)
                    .filter((l: XmlNode) => text(l.value).length > 1000 || text(l.fullName).length > 80)
                    .map((l: XmlNode) => problem('custom-labels-fit', m.file, text(l.fullName)))
            )
    },
    {
        id: 'api-version-not-ahead',
        rule: 'A component whose apiVersion is newer than the org\'s release is refused ("The ... apiVersion can\'t be ..."): no flow or bundle may be ahead of sourceApiVersion.',
        source: 'sfdx-hardis deploy tip "api-version-error" (error text)',
        bad: {
            'flows/F.flow-meta.xml': xml('Flow', '<apiVersion>99.0</apiVersion><label>F</label><status>Draft</status>')
        },
        check: (app) => {
            const project = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'sfdx-project.json'), 'utf8'));
            const max = Number(project.sourceApiVersion);
            return app.metadata
                .filter((m) => Number(text(m.root.apiVersion)) > max)
                .map((m) => problem('api-version-not-ahead', m.file, `apiVersion ${text(m.root.apiVersion)} > ${max}`));
        }
    },
    {
        id: 'coaching-notes-private',
        rule: 'Coaching notes: sharingModel and externalSharingModel Private (the strongest default). Grant Access Using Hierarchies has no Metadata API element (CustomObject, v66), so it cannot be deployed off; pact setup and the README tell the admin to untick it.',
        source: 'Help "Controlling Access Using Hierarchies" (custom objects can turn it off in Sharing Settings); Help "Set Your Organization-Wide Sharing Defaults"; Metadata API CustomObject field list',
        bad: {
            'objects/Coaching_Note__c/Coaching_Note__c.object-meta.xml': xml(
                'CustomObject',
                '<label>Coaching Note</label><pluralLabel>Coaching Notes</pluralLabel><sharingModel>Read</sharingModel>'
            )
        },
        check: (app) => {
            const note = app.objects.get('Coaching_Note__c');
            if (!note?.xml) return [];
            return text(note.xml.sharingModel) === 'Private' && text(note.xml.externalSharingModel) === 'Private'
                ? []
                : [
                      problem(
                          'coaching-notes-private',
                          note.file!,
                          'sharingModel and externalSharingModel must be Private'
                      )
                  ];
        }
    },
    {
        id: 'coaching-privacy-words-true',
        rule: 'With Grant Access Using Hierarchies on (the default), users above the owner and above everyone a note is shared with read it, and View All Data reads every record: no label, promise or help text may say that only the rep and manager can open a coaching note unless it names those exceptions.',
        source: 'Help "Controlling Access Using Hierarchies" and "Set Your Organization-Wide Sharing Defaults" ("users with View All and Modify All ... can still access records they don\'t own")',
        bad: {
            'labels/CustomLabels.labels-meta.xml': xml(
                'CustomLabels',
                '<labels><fullName>PACT_Charter_Detail_5</fullName><language>en_US</language><protected>false</protected><shortDescription>x</shortDescription><value>Coaching notes are private to the rep and their manager: they are not in reports or search, and nobody else can open them.</value></labels>'
            )
        },
        check: (app) => {
            const promise =
                /nobody else|no one else|only (you|they) and (your|their) manager|only they, their manager/i;
            const texts = [
                ...metadataOfType(app, 'CustomLabels').flatMap((m) =>
                    arr(m.root.labels)
                        .filter((l: XmlNode) => /coach|charter/i.test(text(l.fullName)))
                        .map((l: XmlNode) => ({ file: m.file, name: text(l.fullName), words: text(l.value) }))
                ),
                ...app.metadata
                    .filter((m) => m.type === 'CustomMetadata' || objectFolder(m.file) === 'Coaching_Note__c')
                    .map((m) => ({ file: m.file, name: path.posix.basename(m.file), words: m.text }))
            ];
            return (
                texts
                    // "Only you and your manager" is true through PACT when the same text names the exceptions.
                    .filter((t) => promise.test(t.words) && !(/hierarch/i.test(t.words) && /admin/i.test(t.words)))
                    .map((t) =>
                        problem(
                            'coaching-privacy-words-true',
                            t.file,
                            `${t.name} promises more privacy than the platform gives`
                        )
                    )
            );
        }
    },
    {
        id: 'object-permission-dependencies',
        rule: 'Object permissions depend on each other: Create, Edit and View All need Read; Delete needs Edit; Modify All needs Delete and View All. A permission set that breaks this is refused ("Permission ... depends on permission(s): ...").',
        source: 'Help "Object Permissions" (dependencies between Read, Create, Edit, Delete, View All, Modify All); Metadata API PermissionSet.objectPermissions',
        bad: {
            'permissionsets/P.permissionset-meta.xml': xml(
                'PermissionSet',
                '<label>P</label><objectPermissions><allowCreate>false</allowCreate><allowDelete>false</allowDelete><allowEdit>true</allowEdit><allowRead>true</allowRead><modifyAllRecords>true</modifyAllRecords><object>High_Card__c</object><viewAllRecords>false</viewAllRecords></objectPermissions>'
            )
        },
        check: (app) =>
            [...metadataOfType(app, 'PermissionSet'), ...metadataOfType(app, 'Profile')].flatMap((m) =>
                arr(m.root.objectPermissions).flatMap((o: XmlNode) => {
                    const has = (k: string) => isTrue(o[k]);
                    const needs: [string, string[]][] = [
                        ['allowCreate', ['allowRead']],
                        ['allowEdit', ['allowRead']],
                        ['viewAllRecords', ['allowRead']],
                        ['allowDelete', ['allowRead', 'allowEdit']],
                        ['modifyAllRecords', ['allowRead', 'allowEdit', 'allowDelete', 'viewAllRecords']]
                    ];
                    return needs
                        .filter(([p, deps]) => has(p) && deps.some((d) => !has(d)))
                        .map(([p, deps]) =>
                            problem(
                                'object-permission-dependencies',
                                m.file,
                                `${text(o.object)}: ${p} needs ${deps.join(', ')}`
                            )
                        );
                })
            )
    },
    {
        id: 'field-permission-edit-needs-read',
        rule: 'A field permission that is editable must be readable too.',
        source: 'Metadata API PermissionSet.fieldPermissions (editable, readable); Help "Field-Level Security"',
        bad: {
            'permissionsets/P.permissionset-meta.xml': xml(
                'PermissionSet',
                '<fieldPermissions><editable>true</editable><field>High_Card__c.Theme__c</field><readable>false</readable></fieldPermissions><label>P</label>'
            )
        },
        check: (app) =>
            [...metadataOfType(app, 'PermissionSet'), ...metadataOfType(app, 'Profile')].flatMap((m) =>
                arr(m.root.fieldPermissions)
                    .filter((f: XmlNode) => isTrue(f.editable) && !isTrue(f.readable))
                    .map((f: XmlNode) => problem('field-permission-edit-needs-read', m.file, text(f.field)))
            )
    },
    {
        id: 'page-components-exposed-for-page',
        rule: 'A Lightning page may place a custom component only if its bundle has isExposed true and a target for that page type (lightning__RecordPage, lightning__HomePage, lightning__AppPage) and, on a record page, lists the page object when it restricts objects.',
        source: 'LWC Developer Guide, "XML Configuration File Elements" (isExposed, targets, targetConfig objects); Metadata API FlexiPage',
        bad: {
            'lwc/pactX/pactX.js-meta.xml': xml(
                'LightningComponentBundle',
                '<apiVersion>66.0</apiVersion><isExposed>true</isExposed><targets><target>lightning__RecordPage</target></targets><targetConfigs><targetConfig><objects><object>Account</object></objects></targetConfig></targetConfigs>'
            ),
            'flexipages/Case_Page.flexipage-meta.xml': xml(
                'FlexiPage',
                '<flexiPageRegions><itemInstances><componentInstance><componentName>c:pactX</componentName></componentInstance></itemInstances><name>main</name><type>Region</type></flexiPageRegions><masterLabel>Case</masterLabel><sobjectType>Case</sobjectType><type>RecordPage</type>'
            )
        },
        check: (app) => {
            const targets: Record<string, string> = {
                RecordPage: 'lightning__RecordPage',
                HomePage: 'lightning__HomePage',
                AppPage: 'lightning__AppPage'
            };
            const bundles = new Map(
                metadataOfType(app, 'LightningComponentBundle').map((m) => [
                    path.posix.basename(m.file, '.js-meta.xml'),
                    m.root
                ])
            );
            const components = (node: XmlNode): string[] =>
                typeof node !== 'object' || node === null
                    ? []
                    : Object.entries(node).flatMap(([k, v]) =>
                          k === 'componentName' ? arr(v).map(text) : arr(v).flatMap(components)
                      );
            return metadataOfType(app, 'FlexiPage').flatMap((m) => {
                const target = targets[text(m.root.type)];
                const object = text(m.root.sobjectType);
                return [...new Set(components(m.root).filter((c) => c.startsWith('c:')))].flatMap((c) => {
                    const bundle = bundles.get(c.slice(2));
                    if (!bundle)
                        return [problem('page-components-exposed-for-page', m.file, `${c} is not in the package`)];
                    const listed = arr(bundle.targets?.target).map(text);
                    const objects = arr(bundle.targetConfigs?.targetConfig).flatMap((t: XmlNode) =>
                        arr(t?.objects?.object).map(text)
                    );
                    const why = !isTrue(bundle.isExposed)
                        ? 'isExposed is not true'
                        : target && !listed.includes(target)
                          ? `no target ${target}`
                          : target === 'lightning__RecordPage' && objects.length && !objects.includes(object)
                            ? `not offered on ${object}`
                            : '';
                    return why ? [problem('page-components-exposed-for-page', m.file, `${c}: ${why}`)] : [];
                });
            });
        }
    },
    {
        id: 'report-type-object-reportable',
        rule: 'A custom report type can be built on a custom object only if the object allows reports (enableReports).',
        source: 'Help "Create a Custom Report Type" (objects must have "Allow Reports" selected); Metadata API CustomObject.enableReports',
        bad: {
            'objects/X__c/X__c.object-meta.xml': xml(
                'CustomObject',
                '<enableReports>false</enableReports><label>X</label><pluralLabel>Xs</pluralLabel><sharingModel>Private</sharingModel>'
            ),
            'reportTypes/X.reportType-meta.xml': xml(
                'ReportType',
                '<baseObject>X__c</baseObject><category>other</category><deployed>true</deployed><label>X</label>'
            )
        },
        check: (app) =>
            metadataOfType(app, 'ReportType').flatMap((m) => {
                const object = app.objects.get(text(m.root.baseObject));
                return object?.xml && !isTrue(object.xml.enableReports)
                    ? [problem('report-type-object-reportable', m.file, `${object.name} does not allow reports`)]
                    : [];
            })
    },
    {
        id: 'dashboard-components-max',
        rule: 'A dashboard holds at most 20 components.',
        source: 'Help "Dashboard Limits" / "Salesforce Reports and Dashboards Limits" (20 components per dashboard)',
        bad: {
            'dashboards/F/D.dashboard-meta.xml': xml(
                'Dashboard',
                `<dashboardGridLayout>${'<dashboardGridComponents><colSpan>1</colSpan><columnIndex>0</columnIndex><dashboardComponent><componentType>Bar</componentType></dashboardComponent><rowIndex>0</rowIndex><rowSpan>1</rowSpan></dashboardGridComponents>'.repeat(21)}</dashboardGridLayout><dashboardType>LoggedInUser</dashboardType><title>D</title>`
            )
        },
        check: (app) =>
            metadataOfType(app, 'Dashboard')
                .filter((m) => arr(m.root.dashboardGridLayout?.dashboardGridComponents).length > 20)
                .map((m) => problem('dashboard-components-max', m.file, 'more than 20 components'))
    },
    {
        id: 'custom-metadata-fields-exist',
        rule: 'A custom metadata record may set only fields its type defines ("no CustomField named ... found").',
        source: 'Metadata API CustomMetadata (values.field); sfdx-hardis deploy tip "custom-metadata-not-found" (error text family)',
        bad: {
            'objects/PACT_Promise__mdt/PACT_Promise__mdt.object-meta.xml': xml(
                'CustomObject',
                '<label>Promise</label><pluralLabel>Promises</pluralLabel>'
            ),
            'customMetadata/PACT_Promise.X.md-meta.xml': xml(
                'CustomMetadata',
                '<label>X</label><values><field>Missing__c</field><value>1</value></values>'
            )
        },
        check: (app) =>
            metadataOfType(app, 'CustomMetadata').flatMap((m) => {
                const type = `${path.posix.basename(m.file).split('.')[0]}__mdt`;
                const fields = app.objects.get(type)?.fields;
                return arr(m.root.values)
                    .map((v: XmlNode) => text(v.field))
                    .filter((f: string) => !fields?.has(f))
                    .map((f: string) => problem('custom-metadata-fields-exist', m.file, `${type}.${f} does not exist`));
            })
    },
    {
        id: 'report-type-shipped',
        rule: 'A report on a custom report type names it with __c (PACT_High_Cards__c); the report type must exist in the org or in the same deploy: "invalid report type".',
        source: 'Metadata API Report.reportType (custom report types: API name with __c); sfdx-hardis deploy tip "invalid-report-type" (error text)',
        bad: {
            'reports/F/R.report-meta.xml': xml(
                'Report',
                '<format>Tabular</format><name>R</name><reportType>Missing_Type__c</reportType>'
            )
        },
        check: (app) => {
            const shipped = new Set(
                metadataOfType(app, 'ReportType').map((m) => path.posix.basename(m.file, '.reportType-meta.xml'))
            );
            return metadataOfType(app, 'Report')
                .filter(
                    (m) => text(m.root.reportType).endsWith('__c') && !shipped.has(text(m.root.reportType).slice(0, -3))
                )
                .map((m) =>
                    problem(
                        'report-type-shipped',
                        m.file,
                        `report type ${text(m.root.reportType)} is not in the package`
                    )
                );
        }
    },
    {
        id: 'app-overrides-name-shipped-pages',
        rule: "An app's Lightning page override (actionOverrides type Flexipage) must name a page in the package whose type and object fit: a record page of that object for View.",
        source: 'Metadata API CustomApplication.actionOverrides (AppActionOverride: content, pageOrSobjectType, formFactor); Help "Assign Lightning Pages as App Defaults"',
        bad: {
            'applications/A.app-meta.xml': xml(
                'CustomApplication',
                '<actionOverrides><actionName>View</actionName><content>Missing_Page</content><formFactor>Large</formFactor><skipRecordTypeSelect>false</skipRecordTypeSelect><type>Flexipage</type><pageOrSobjectType>Account</pageOrSobjectType></actionOverrides><label>A</label>'
            )
        },
        check: (app) => {
            const pages = new Map(
                metadataOfType(app, 'FlexiPage').map((m) => [
                    path.posix.basename(m.file, '.flexipage-meta.xml'),
                    m.root
                ])
            );
            return metadataOfType(app, 'CustomApplication').flatMap((m) =>
                arr(m.root.actionOverrides)
                    .filter((o: XmlNode) => text(o.type) === 'Flexipage')
                    .flatMap((o: XmlNode) => {
                        const page = pages.get(text(o.content));
                        const object = text(o.pageOrSobjectType);
                        const why = !page
                            ? `${text(o.content)} is not in the package`
                            : text(o.actionName) === 'View' &&
                                (text(page.type) !== 'RecordPage' || text(page.sobjectType) !== object)
                              ? `${text(o.content)} is not a record page of ${object}`
                              : '';
                        return why ? [problem('app-overrides-name-shipped-pages', m.file, why)] : [];
                    })
            );
        }
    },
    {
        id: 'object-tabs-name-objects',
        rule: 'A custom object tab is named after its object (tabs/High_Card__c.tab) and needs that object in the org or the same deploy.',
        source: 'Metadata API CustomTab (customObject; the fullName of an object tab is the object name)',
        bad: {
            'tabs/Missing__c.tab-meta.xml': xml(
                'CustomTab',
                '<customObject>true</customObject><motif>Custom20: Airplane</motif>'
            )
        },
        check: (app) =>
            metadataOfType(app, 'CustomTab')
                .filter((m) => isTrue(m.root.customObject))
                .filter((m) => !app.objects.get(path.posix.basename(m.file, '.tab-meta.xml'))?.xml)
                .map((m) => problem('object-tabs-name-objects', m.file, 'no such object in the package'))
    },
    {
        id: 'notification-type-has-channel',
        rule: 'A custom notification type must be delivered somewhere: desktop, mobile, or both.',
        source: 'Metadata API CustomNotificationType (desktop, mobile); Help "Create Custom Notification Types" (choose the supported channels)',
        bad: {
            'notificationtypes/N.notiftype-meta.xml': xml(
                'CustomNotificationType',
                '<customNotifTypeName>N</customNotifTypeName><desktop>false</desktop><masterLabel>N</masterLabel><mobile>false</mobile>'
            )
        },
        check: (app) =>
            metadataOfType(app, 'CustomNotificationType')
                .filter((m) => !isTrue(m.root.desktop) && !isTrue(m.root.mobile))
                .map((m) => problem('notification-type-has-channel', m.file, 'neither desktop nor mobile'))
    },
    {
        id: 'layout-required-only-on-writable',
        rule: 'A page layout cannot mark a read-only field (formula, auto number, roll-up summary) Required: "Field:... must not be Required".',
        source: 'sfdx-hardis deploy tip "field-must-not-be-required" (error text)',
        bad: {
            'objects/X__c/fields/Score__c.field-meta.xml': xml(
                'CustomField',
                '<fullName>Score__c</fullName><formula>1</formula><label>Score</label><type>Number</type><precision>3</precision><scale>0</scale>'
            ),
            'layouts/X__c-X Layout.layout-meta.xml': xml(
                'Layout',
                '<layoutSections><layoutColumns><layoutItems><behavior>Required</behavior><field>Score__c</field></layoutItems></layoutColumns><style>OneColumn</style></layoutSections>'
            )
        },
        check: (app) =>
            metadataOfType(app, 'Layout').flatMap((m) => {
                const object = path.posix.basename(m.file).split('-')[0];
                const items = arr(m.root.layoutSections)
                    .flatMap((s: XmlNode) => arr(s?.layoutColumns))
                    .flatMap((c: XmlNode) => arr(c?.layoutItems));
                return items
                    .filter((i: XmlNode) => text(i.behavior) === 'Required')
                    .filter((i: XmlNode) => {
                        const field = app.metadata.find(
                            (f) =>
                                f.type === 'CustomField' &&
                                objectFolder(f.file) === object &&
                                path.posix.basename(f.file, '.field-meta.xml') === text(i.field)
                        );
                        return (
                            field &&
                            (text(field.root.formula) || ['AutoNumber', 'Summary'].includes(text(field.root.type)))
                        );
                    })
                    .map((i: XmlNode) =>
                        problem('layout-required-only-on-writable', m.file, `${object}.${text(i.field)} is read-only`)
                    );
            })
    },
    {
        id: 'permission-set-names-shipped-tabs-and-apps',
        rule: 'A permission set may grant only custom tabs and apps that exist in the org or the same deploy: "In field: tab - no CustomTab named ... found" / "no CustomApplication named ... found".',
        source: 'Metadata API PermissionSet.tabSettings and applicationVisibilities; sfdx-hardis deploy tips "custom-object-not-found" / "missing-quick-action" (the "In field: ... no ... named ... found" family)',
        bad: {
            'permissionsets/P.permissionset-meta.xml': xml(
                'PermissionSet',
                '<applicationVisibilities><application>Missing_App</application><visible>true</visible></applicationVisibilities><label>P</label><tabSettings><tab>Missing__c</tab><visibility>Visible</visibility></tabSettings>'
            )
        },
        check: (app) => {
            const tabs = new Set(
                metadataOfType(app, 'CustomTab').map((m) => path.posix.basename(m.file, '.tab-meta.xml'))
            );
            const apps = new Set(
                metadataOfType(app, 'CustomApplication').map((m) => path.posix.basename(m.file, '.app-meta.xml'))
            );
            return metadataOfType(app, 'PermissionSet').flatMap((m) => [
                ...arr(m.root.tabSettings)
                    .map((t: XmlNode) => text(t.tab))
                    .filter((t: string) => t.endsWith('__c') && !tabs.has(t))
                    .map((t: string) => problem('permission-set-names-shipped-tabs-and-apps', m.file, `tab ${t}`)),
                ...arr(m.root.applicationVisibilities)
                    .map((a: XmlNode) => text(a.application))
                    .filter((a: string) => !a.includes('__') && !apps.has(a))
                    .map((a: string) => problem('permission-set-names-shipped-tabs-and-apps', m.file, `app ${a}`))
            ]);
        }
    },
    {
        id: 'validation-rule-cross-object',
        rule: "A validation rule may read a parent's fields across a lookup or master-detail (Rep__r.ManagerId; Account.Owner.FirstName and Account.OwnerId are valid, a bare object is not), the relationship being a lookup field of the rule's own object; an object's formulas may reference at most 10 other objects.",
        source: 'Help "What Is a Cross-Object Formula?" (https://help.salesforce.com/HTViewHelpDoc?id=customize_cross_object.htm: "everywhere formulas are used except when creating default values"); Knowledge Article 000006372 "Understanding Spanning Relationships" (validation rules count; "You have reached the maximum number of 10 object references")',
        bad: {
            'objects/Coaching_Note__c/validationRules/Coach_Reports.validationRule-meta.xml': xml(
                'ValidationRule',
                '<fullName>Coach_Reports</fullName><active>true</active><errorConditionFormula>Coach__r.ManagerId &lt;&gt; Manager__c</errorConditionFormula><errorMessage>No.</errorMessage>'
            )
        },
        check: (app) => {
            const problems: PlatformProblem[] = [];
            const spanned = new Map<string, Set<string>>();
            for (const m of metadataOfType(app, 'ValidationRule')) {
                const object = objectFolder(m.file) ?? '';
                const formula = text(m.root.errorConditionFormula);
                for (const [, relationship] of formula.matchAll(/\b(\w+)__r\./g)) {
                    const field = app.objects.get(object)?.fields.get(`${relationship}__c`);
                    if (!field || !['Lookup', 'MasterDetail'].includes(field.type)) {
                        problems.push(
                            problem(
                                'validation-rule-cross-object',
                                m.file,
                                `${relationship}__r needs a lookup or master-detail field ${object}.${relationship}__c`
                            )
                        );
                    }
                    spanned.set(object, (spanned.get(object) ?? new Set()).add(relationship));
                }
            }
            for (const [object, relationships] of spanned) {
                if (relationships.size > 10) {
                    problems.push(
                        problem(
                            'validation-rule-cross-object',
                            `objects/${object}`,
                            `${relationships.size} object references across ${object}'s validation rules; at most 10`
                        )
                    );
                }
            }
            return problems;
        }
    }
];

/** The rules covered by their own test files (they need SDR, Java, or the fake org). */
export const RULES_TESTED_ELSEWHERE: { id: string; rule: string; source: string; test: string }[] = [
    {
        id: 'no-tests-in-lwc-bundles',
        rule: 'Files that are not metadata (__tests__, JSON fixtures, jsconfig) must not reach an LWC bundle: the server rejects a bundle file that imports createElement from lwc (LWC1702) and rolls the deploy back.',
        source: 'trailheadapps/lwc-recipes#48; salesforce/sfdx-lwc-jest#157; Salesforce DX guide "Exclude Source When Syncing or Converting" (.forceignore)',
        test: 'tests/platform/forceignore.test.ts'
    },
    {
        id: 'regex-runs-on-java',
        rule: "REGEX in a validation rule runs on Java's java.util.regex: every generated pattern must survive inputs up to 32,000 characters, and each formula fit 3,900 characters and 4,000 bytes.",
        source: 'Help "Formula Operators and Functions: REGEX" (Java regular expression syntax); Help "Formula Field Limits" (3,900 characters, 4,000 bytes compiled)',
        test: 'tests/platform/regex-java.test.ts (rulebook engineer, issue 11)'
    },
    {
        id: 'validate-then-quick-deploy',
        rule: 'A check-only deploy (checkOnly) changes nothing; deployRecentValidation quick-deploys a validation whose tests ran; every componentFailure names its file, line and problem.',
        source: 'Metadata API deploy() DeployOptions.checkOnly and deployRecentValidation() (https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_deployRecentValidation.htm); DeployMessage',
        test: 'tests/platform/deploy.test.ts'
    },
    {
        id: 'known-deploy-errors',
        rule: "The server's words for the errors PACT can meet get a plain fix (known-errors table, each with its source).",
        source: 'scripts/lib/salesforce/known-errors.ts (sources per entry)',
        test: 'tests/platform/known-errors.test.ts'
    },
    {
        id: 'flow-activation-verified',
        rule: 'Flows are activated after the deploy with the Tooling API (FlowDefinition Metadata.activeVersionNumber) and read back; setup fails the step if one stays inactive.',
        source: 'Tooling API FlowDefinition (https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/tooling_api_objects_flowdefinition.htm)',
        test: 'tests/platform/pact-org.test.ts'
    },
    {
        id: 'ci-workflow',
        rule: 'The scratch-org CI workflow is valid YAML, runs only when the Dev Hub secret exists, and validates before it deploys.',
        source: 'GitHub Actions workflow syntax (https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions); sf CLI reference (project deploy validate / quick)',
        test: 'tests/platform/ci-workflow.test.ts'
    }
];

export function checkFolder(dir: string): PlatformProblem[] {
    const app = readForceApp(dir);
    return RULES.flatMap((r) => r.check(app));
}
