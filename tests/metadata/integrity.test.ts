/**
 * Metadata integrity of the PACT package: each check runs on the real force-app (no problems) and on
 * a small fixture package with one bad file (the check must catch it), so no check passes vacuously.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CHECKS, FORBIDDEN_WORDS, checkForceApp } from '../lib/force-app-integrity';
import { arr, readForceApp, text } from '../lib/force-app';

const repoRoot = path.resolve(__dirname, '..', '..');
const forceApp = path.join(repoRoot, 'force-app');

const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
const xml = (root: string, body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<${root} ${NS}>\n${body}\n</${root}>\n`;
const field = (name: string, type: string, extra = '') =>
    xml(
        'CustomField',
        `<fullName>${name}</fullName><label>${name.replace(/__c$/, '')}</label><type>${type}</type>${extra}`
    );
const objectPermission = (object: string, flags: Record<string, boolean>) =>
    `<objectPermissions><object>${object}</object>${Object.entries(flags)
        .map(([k, v]) => `<${k}>${v}</${k}>`)
        .join('')}</objectPermissions>`;
const fieldPermission = (f: string, editable: boolean) =>
    `<fieldPermissions><editable>${editable}</editable><field>${f}</field><readable>true</readable></fieldPermissions>`;
const label = (name: string, value: string) =>
    `<labels><fullName>${name}</fullName><categories>PACT</categories><language>en_US</language><protected>false</protected><shortDescription>${name}</shortDescription><value>${value}</value></labels>`;

/** A minimal package that passes every check: the base each negative fixture spoils with one file. */
const GOOD: Record<string, string> = {
    'main/default/objects/High_Card__c/High_Card__c.object-meta.xml': xml(
        'CustomObject',
        '<label>High Card</label><pluralLabel>High Cards</pluralLabel><nameField><label>Headline</label><type>Text</type></nameField><sharingModel>ControlledByParent</sharingModel>'
    ),
    'main/default/objects/High_Card__c/fields/Account__c.field-meta.xml': field(
        'Account__c',
        'MasterDetail',
        '<referenceTo>Account</referenceTo><relationshipName>High_Cards</relationshipName>'
    ),
    'main/default/objects/High_Card__c/fields/Kind__c.field-meta.xml': field(
        'Kind__c',
        'Picklist',
        '<inlineHelpText>What the customer did, e.g. a sofa delivery complaint.</inlineHelpText><valueSet><valueSetDefinition><value><fullName>Request</fullName><default>false</default><label>Request</label></value></valueSetDefinition></valueSet>'
    ),
    'main/default/objects/High_Card__c/listViews/All.listView-meta.xml': xml(
        'ListView',
        '<fullName>All</fullName><columns>NAME</columns><columns>Kind__c</columns><filterScope>Everything</filterScope><filters><field>Kind__c</field><operation>equals</operation><value>Request</value></filters><label>All High Cards</label>'
    ),
    'main/default/objects/High_Card__c/compactLayouts/PACT_High_Card.compactLayout-meta.xml': xml(
        'CompactLayout',
        '<fullName>PACT_High_Card</fullName><fields>Name</fields><fields>Kind__c</fields><fields>Account__c</fields><label>PACT High Card</label>'
    ),
    'main/default/objects/Account/fields/Customer_Alert__c.field-meta.xml': field('Customer_Alert__c', 'Text'),
    'main/default/objects/Coaching_Note__c/Coaching_Note__c.object-meta.xml': xml(
        'CustomObject',
        '<label>Coaching Note</label><pluralLabel>Coaching Notes</pluralLabel><enableReports>false</enableReports><enableSearch>false</enableSearch><sharingModel>Private</sharingModel>'
    ),
    'main/default/objects/Coaching_Note__c/fields/Note__c.field-meta.xml': field('Note__c', 'LongTextArea'),
    'main/default/labels/CustomLabels.labels-meta.xml': xml(
        'CustomLabels',
        label('PACT_Action_Needed_Title', 'A customer needs your action: {0}') +
            label('PACT_Composer_Title', 'New high card')
    ),
    'main/default/permissionsets/PACT_Rep.permissionset-meta.xml': xml(
        'PermissionSet',
        '<label>PACT Rep</label>' +
            fieldPermission('Coaching_Note__c.Note__c', false) +
            fieldPermission('High_Card__c.Kind__c', true) +
            objectPermission('Coaching_Note__c', { allowRead: true, viewAllRecords: false, modifyAllRecords: false }) +
            objectPermission('High_Card__c', { allowCreate: true, allowEdit: true, allowRead: true })
    ),
    'main/default/permissionsets/PACT_Manager.permissionset-meta.xml': xml(
        'PermissionSet',
        '<label>PACT Manager</label>' +
            fieldPermission('Coaching_Note__c.Note__c', true) +
            objectPermission('Coaching_Note__c', { allowCreate: true, allowEdit: true, allowRead: true })
    ),
    'main/default/permissionsets/PACT_Executive.permissionset-meta.xml': xml(
        'PermissionSet',
        '<label>PACT Executive</label>' +
            objectPermission('High_Card__c', { allowRead: true, viewAllRecords: true }) +
            objectPermission('Coaching_Note__c', { allowRead: false })
    ),
    'main/default/applications/PACT.app-meta.xml': xml(
        'CustomApplication',
        '<label>PACT</label><tabs>standard-home</tabs><tabs>standard-Account</tabs><tabs>High_Card__c</tabs><uiType>Lightning</uiType>'
    ),
    'main/default/tabs/High_Card__c.tab-meta.xml': xml(
        'CustomTab',
        '<customObject>true</customObject><motif>Custom35: Microphone</motif>'
    ),
    'main/default/layouts/Account-PACT Account Layout.layout-meta.xml': xml(
        'Layout',
        '<layoutSections><label>Customer Alert</label><layoutColumns><layoutItems><behavior>Edit</behavior><field>Customer_Alert__c</field></layoutItems><layoutItems><behavior>Required</behavior><field>Name</field></layoutItems></layoutColumns><style>OneColumn</style></layoutSections>' +
            '<relatedLists><fields>NAME</fields><fields>Kind__c</fields><relatedList>High_Card__c.Account__c</relatedList></relatedLists><relatedLists><relatedList>RelatedContactList</relatedList></relatedLists>'
    ),
    'main/default/flows/Notify.flow-meta.xml': xml(
        'Flow',
        '<apiVersion>66.0</apiVersion><formulas><name>Title</name><dataType>String</dataType><expression>SUBSTITUTE({!$Label.PACT_Action_Needed_Title}, "{0}", {!$Record.Name} &amp; {!$Record.Account__r.Name})</expression></formulas>' +
            '<recordLookups><name>Get_Type</name><object>CustomNotificationType</object><filters><field>DeveloperName</field><operator>EqualTo</operator><value><stringValue>PACT_Action_Needed</stringValue></value></filters><queriedFields>Id</queriedFields></recordLookups>' +
            '<recordCreates><name>Share</name><object>Coaching_Note__Share</object><inputAssignments><field>ParentId</field><value><elementReference>Get_Type.Id</elementReference></value></inputAssignments></recordCreates>' +
            '<start><object>High_Card__c</object><filterFormula>ISCHANGED({!$Record.Kind__c})</filterFormula><triggerType>RecordAfterSave</triggerType></start><status>Active</status>'
    ),
    'main/default/flexipages/High_Card_Record_Page.flexipage-meta.xml': xml(
        'FlexiPage',
        '<masterLabel>High Card</masterLabel><sobjectType>High_Card__c</sobjectType><flexiPageRegions><itemInstances><fieldInstance><fieldItem>Record.Kind__c</fieldItem></fieldInstance></itemInstances><name>main</name><type>Region</type></flexiPageRegions><type>RecordPage</type>'
    ),
    'main/default/quickActions/Account.New_High_Card.quickAction-meta.xml': xml(
        'QuickAction',
        '<label>New High Card</label><quickActionLayout><layoutSectionStyle>TwoColumnsLeftToRight</layoutSectionStyle><quickActionLayoutColumns><quickActionLayoutItems><emptySpace>false</emptySpace><field>Kind__c</field><uiBehavior>Required</uiBehavior></quickActionLayoutItems></quickActionLayoutColumns></quickActionLayout><targetObject>High_Card__c</targetObject><targetParentField>Account__c</targetParentField><type>Create</type>'
    ),
    'main/default/layouts/Contact-PACT Contact Layout.layout-meta.xml': xml(
        'Layout',
        '<platformActionList><actionListContext>Record</actionListContext><platformActionListItems><actionName>Account.New_High_Card</actionName><actionType>QuickAction</actionType><sortOrder>0</sortOrder></platformActionListItems><platformActionListItems><actionName>Edit</actionName><actionType>StandardButton</actionType><sortOrder>1</sortOrder></platformActionListItems></platformActionList>'
    ),
    'main/default/lwc/pactComposer/pactComposer.js':
        "import TITLE from '@salesforce/label/c.PACT_Composer_Title';\nexport default class X { title = TITLE; }\n"
};

const tempDirs: string[] = [];

/** Writes the good package, with `changes` added or replacing files (null deletes), to a fresh temp dir. */
function fixture(changes: Record<string, string | null> = {}): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-integrity-'));
    tempDirs.push(dir);
    for (const [file, content] of Object.entries({ ...GOOD, ...changes })) {
        if (content === null) continue;
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), content);
    }
    return dir;
}

afterAll(() => {
    for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the checks on the real force-app', () => {
    it.each(Object.keys(CHECKS))('%s finds nothing', (check) => {
        expect(checkForceApp(forceApp, check)).toEqual([]);
    });

    it('reads the whole package (no unreadable files, the PACT objects and their fields)', () => {
        const app = readForceApp(forceApp);
        expect(app.unreadable).toEqual([]);
        for (const object of ['High_Card__c', 'Call_Plan__c', 'Coaching_Note__c'])
            expect(app.objects.get(object)?.fields.size).toBeGreaterThan(4);
        expect(app.objects.get('Account')?.fields.has('Customer_Alert__c')).toBe(true);
    });
});

describe('the good fixture package', () => {
    it('passes every check', () => {
        expect(checkForceApp(fixture())).toEqual([]);
    });
});

/** One bad change per case, the check that must catch it, and words its message must contain. */
const NEGATIVE: [string, string, Record<string, string | null>, RegExp][] = [
    [
        'a layout naming a field that does not exist',
        'field-exists',
        {
            'main/default/layouts/High_Card__c-High Card Layout.layout-meta.xml': xml(
                'Layout',
                '<layoutSections><label>Card</label><layoutColumns><layoutItems><behavior>Edit</behavior><field>Call_Count__c</field></layoutItems></layoutColumns><style>OneColumn</style></layoutSections>'
            )
        },
        /layout item names High_Card__c\.Call_Count__c/
    ],
    [
        'a related list column that does not exist',
        'field-exists',
        {
            'main/default/layouts/Account-PACT Account Layout.layout-meta.xml': xml(
                'Layout',
                '<relatedLists><fields>Visits__c</fields><relatedList>High_Card__c.Account__c</relatedList></relatedLists>'
            )
        },
        /High_Card__c\.Visits__c/
    ],
    [
        'a compact layout naming a missing field',
        'field-exists',
        {
            'main/default/objects/High_Card__c/compactLayouts/PACT_High_Card.compactLayout-meta.xml': xml(
                'CompactLayout',
                '<fullName>PACT_High_Card</fullName><fields>Name</fields><fields>Theme__c</fields><label>PACT High Card</label>'
            )
        },
        /compact layout names High_Card__c\.Theme__c/
    ],
    [
        'a list view filtering on a missing field',
        'field-exists',
        {
            'main/default/objects/High_Card__c/listViews/Old.listView-meta.xml': xml(
                'ListView',
                '<fullName>Old</fullName><columns>NAME</columns><filterScope>Everything</filterScope><filters><field>Status__c</field><operation>equals</operation><value>Open</value></filters><label>Old</label>'
            )
        },
        /list view filter names High_Card__c\.Status__c/
    ],
    [
        'a permission set granting a field that does not exist',
        'field-exists',
        {
            'main/default/permissionsets/PACT_Admin.permissionset-meta.xml': xml(
                'PermissionSet',
                '<label>PACT Admin</label>' + fieldPermission('High_Card__c.Calls_Made__c', true)
            )
        },
        /field permission names High_Card__c\.Calls_Made__c/
    ],
    [
        'a flow reading a missing $Record field',
        'field-exists',
        {
            'main/default/flows/Notify2.flow-meta.xml': xml(
                'Flow',
                '<start><object>High_Card__c</object><filterFormula>ISCHANGED({!$Record.Owner_Visits__c})</filterFormula></start>'
            )
        },
        /\$Record reference names High_Card__c\.Owner_Visits__c/
    ],
    [
        'a flow creating records with a field the object lacks',
        'field-exists',
        {
            'main/default/flows/Share2.flow-meta.xml': xml(
                'Flow',
                '<recordCreates><name>Share</name><object>Coaching_Note__Share</object><inputAssignments><field>AccessLvl</field><value><stringValue>Read</stringValue></value></inputAssignments></recordCreates>'
            )
        },
        /Coaching_Note__Share\.AccessLvl/
    ],
    [
        'a flexipage (added later by another area) naming a missing field',
        'field-exists',
        {
            'main/default/flexipages/Broken.flexipage-meta.xml': xml(
                'FlexiPage',
                '<masterLabel>Broken</masterLabel><sobjectType>High_Card__c</sobjectType><flexiPageRegions><itemInstances><fieldInstance><fieldItem>Record.Calls__c</fieldItem></fieldInstance></itemInstances><name>main</name><type>Region</type></flexiPageRegions><type>RecordPage</type>'
            )
        },
        /field item names High_Card__c\.Calls__c/
    ],
    [
        'a quick action with a field the target object lacks',
        'field-exists',
        {
            'main/default/quickActions/Account.Log_Visit.quickAction-meta.xml': xml(
                'QuickAction',
                '<label>Log Visit</label><quickActionLayout><quickActionLayoutColumns><quickActionLayoutItems><field>Visit_Count__c</field></quickActionLayoutItems></quickActionLayoutColumns></quickActionLayout><targetObject>High_Card__c</targetObject><type>Create</type>'
            )
        },
        /quick action field names High_Card__c\.Visit_Count__c/
    ],
    [
        'a layout offering a quick action that is not shipped',
        'actions-exist',
        {
            'main/default/layouts/Contact-PACT Contact Layout.layout-meta.xml': xml(
                'Layout',
                '<platformActionList><actionListContext>Record</actionListContext><platformActionListItems><actionName>Contact.New_High_Card</actionName><actionType>QuickAction</actionType><sortOrder>0</sortOrder></platformActionListItems></platformActionList>'
            )
        },
        /quick action Contact\.New_High_Card does not exist/
    ],
    [
        'a Contact layout offering Log a Call',
        'no-activity-lists',
        {
            'main/default/layouts/Contact-PACT Contact Layout.layout-meta.xml': xml(
                'Layout',
                '<platformActionList><actionListContext>Record</actionListContext><platformActionListItems><actionName>LogACall</actionName><actionType>QuickAction</actionType><sortOrder>0</sortOrder></platformActionListItems></platformActionList>'
            )
        },
        /Contact layout offers the LogACall action/
    ],
    [
        'a field permission on a master-detail field',
        'field-permission-deployable',
        {
            'main/default/permissionsets/PACT_Admin.permissionset-meta.xml': xml(
                'PermissionSet',
                '<label>PACT Admin</label>' + fieldPermission('High_Card__c.Account__c', true)
            )
        },
        /High_Card__c\.Account__c is master-detail/
    ],
    [
        'a field permission on a required field',
        'field-permission-deployable',
        {
            'main/default/objects/High_Card__c/fields/Kind__c.field-meta.xml': field(
                'Kind__c',
                'Picklist',
                '<required>true</required>'
            )
        },
        /High_Card__c\.Kind__c is required/
    ],
    [
        'a Checkbox field',
        'no-checkbox',
        { 'main/default/objects/High_Card__c/fields/Called__c.field-meta.xml': field('Called__c', 'Checkbox') },
        /High_Card__c\.Called__c is a Checkbox field/
    ],
    [
        'an executive permission set reading coaching notes',
        'coaching-note-privacy',
        {
            'main/default/permissionsets/PACT_Executive.permissionset-meta.xml': xml(
                'PermissionSet',
                '<label>PACT Executive</label>' + objectPermission('Coaching_Note__c', { allowRead: true })
            )
        },
        /PACT_Executive grants access to Coaching_Note__c/
    ],
    [
        'an admin permission set reading a coaching note field',
        'coaching-note-privacy',
        {
            'main/default/permissionsets/PACT_Admin.permissionset-meta.xml': xml(
                'PermissionSet',
                '<label>PACT Admin</label>' + fieldPermission('Coaching_Note__c.Note__c', false)
            )
        },
        /PACT_Admin grants field access to Coaching_Note__c\.Note__c/
    ],
    [
        'a manager permission set with view all on coaching notes',
        'coaching-note-privacy',
        {
            'main/default/permissionsets/PACT_Manager.permissionset-meta.xml': xml(
                'PermissionSet',
                '<label>PACT Manager</label>' +
                    objectPermission('Coaching_Note__c', { allowRead: true, allowEdit: true, viewAllRecords: true })
            )
        },
        /view all \/ modify all on Coaching_Note__c/
    ],
    [
        'a rep permission set that may edit coaching notes',
        'coaching-note-privacy',
        {
            'main/default/permissionsets/PACT_Rep.permissionset-meta.xml': xml(
                'PermissionSet',
                '<label>PACT Rep</label>' + objectPermission('Coaching_Note__c', { allowRead: true, allowEdit: true })
            )
        },
        /PACT_Rep may edit coaching notes/
    ],
    [
        'a list view on coaching notes',
        'coaching-note-privacy',
        {
            'main/default/objects/Coaching_Note__c/listViews/All.listView-meta.xml': xml(
                'ListView',
                '<fullName>All</fullName><columns>NAME</columns><filterScope>Everything</filterScope><label>All</label>'
            )
        },
        /a list view on coaching notes/
    ],
    [
        'coaching notes opened to reports',
        'coaching-note-privacy',
        {
            'main/default/objects/Coaching_Note__c/Coaching_Note__c.object-meta.xml': xml(
                'CustomObject',
                '<label>Coaching Note</label><enableReports>true</enableReports><enableSearch>false</enableSearch><sharingModel>Read</sharingModel>'
            )
        },
        /sharingModel is Read, not Private/
    ],
    [
        'a report type on coaching notes',
        'coaching-note-privacy',
        {
            'main/default/reportTypes/Notes.reportType-meta.xml': xml(
                'ReportType',
                '<baseObject>Coaching_Note__c</baseObject><category>other</category><deployed>true</deployed><label>Notes</label>'
            )
        },
        /ReportType mentions Coaching_Note__c/
    ],
    [
        'an LWC importing a label that does not exist',
        'label-exists',
        {
            'main/default/quickActions/Account.New_High_Card.quickAction-meta.xml': xml(
                'QuickAction',
                '<label>New High Card</label><quickActionLayout><layoutSectionStyle>TwoColumnsLeftToRight</layoutSectionStyle><quickActionLayoutColumns><quickActionLayoutItems><emptySpace>false</emptySpace><field>Kind__c</field><uiBehavior>Required</uiBehavior></quickActionLayoutItems></quickActionLayoutColumns></quickActionLayout><targetObject>High_Card__c</targetObject><targetParentField>Account__c</targetParentField><type>Create</type>'
            ),
            'main/default/layouts/Contact-PACT Contact Layout.layout-meta.xml': xml(
                'Layout',
                '<platformActionList><actionListContext>Record</actionListContext><platformActionListItems><actionName>Account.New_High_Card</actionName><actionType>QuickAction</actionType><sortOrder>0</sortOrder></platformActionListItems><platformActionListItems><actionName>Edit</actionName><actionType>StandardButton</actionType><sortOrder>1</sortOrder></platformActionListItems></platformActionList>'
            ),
            'main/default/lwc/pactComposer/pactComposer.js':
                "import TITLE from '@salesforce/label/c.PACT_Composer_Titel';\nexport default class X { title = TITLE; }\n"
        },
        /custom label PACT_Composer_Titel does not exist/
    ],
    [
        'a flow using a label that does not exist',
        'label-exists',
        {
            'main/default/flows/Notify3.flow-meta.xml': xml(
                'Flow',
                '<formulas><name>T</name><dataType>String</dataType><expression>{!$Label.PACT_Gone}</expression></formulas>'
            )
        },
        /custom label PACT_Gone does not exist/
    ],
    [
        'labels out of order',
        'labels-file',
        {
            'main/default/labels/CustomLabels.labels-meta.xml': xml(
                'CustomLabels',
                label('PACT_Composer_Title', 'New high card') + label('PACT_Action_Needed_Title', 'Act: {0}')
            )
        },
        /PACT_Action_Needed_Title is out of order/
    ],
    [
        'a field label saying CRM',
        'user-visible-words',
        {
            'main/default/objects/High_Card__c/fields/Legacy__c.field-meta.xml': field('Legacy__c', 'Text').replace(
                '<label>Legacy</label>',
                '<label>CRM Id</label>'
            )
        },
        /field label says "CRM"/
    ],
    [
        'a help text mentioning activity logging',
        'user-visible-words',
        {
            'main/default/objects/High_Card__c/fields/Kind__c.field-meta.xml': field(
                'Kind__c',
                'Picklist',
                '<inlineHelpText>Replaces Activity Logging.</inlineHelpText>'
            )
        },
        /help text says "Activity Logging"/
    ],
    [
        'a list view label saying SFA',
        'user-visible-words',
        {
            'main/default/objects/High_Card__c/listViews/All.listView-meta.xml': xml(
                'ListView',
                '<fullName>All</fullName><columns>NAME</columns><filterScope>Everything</filterScope><label>SFA cards</label>'
            )
        },
        /list view label says "SFA"/
    ],
    [
        'a layout section label saying CRM',
        'user-visible-words',
        {
            'main/default/layouts/Account-PACT Account Layout.layout-meta.xml': xml(
                'Layout',
                '<layoutSections><label>CRM data</label><style>OneColumn</style></layoutSections>'
            )
        },
        /layout section label says "CRM"/
    ],
    [
        'a custom label value saying crm',
        'user-visible-words',
        {
            'main/default/labels/CustomLabels.labels-meta.xml': xml(
                'CustomLabels',
                label('PACT_Action_Needed_Title', 'Open the crm: {0}') + label('PACT_Composer_Title', 'New high card')
            )
        },
        /label PACT_Action_Needed_Title says "crm"/
    ],
    [
        'an app tab that does not exist',
        'app-tabs',
        {
            'main/default/applications/PACT.app-meta.xml': xml(
                'CustomApplication',
                '<label>PACT</label><tabs>standard-home</tabs><tabs>Call_Plan__c</tabs><tabs>standard-Lead</tabs>'
            )
        },
        /tab Call_Plan__c does not exist/
    ],
    [
        'an object tab for an object the package lacks',
        'app-tabs',
        {
            'main/default/tabs/Visit__c.tab-meta.xml': xml(
                'CustomTab',
                '<customObject>true</customObject><motif>Custom18: Form</motif>'
            )
        },
        /tab Visit__c shows an object the package lacks/
    ],
    [
        'an Account layout with Open Activities',
        'no-activity-lists',
        {
            'main/default/layouts/Account-PACT Account Layout.layout-meta.xml': xml(
                'Layout',
                '<relatedLists><relatedList>RelatedContactList</relatedList></relatedLists><relatedLists><relatedList>RelatedActivityList</relatedList></relatedLists>'
            )
        },
        /Account layout shows RelatedActivityList/
    ],
    [
        'an Opportunity layout with Activity History',
        'no-activity-lists',
        {
            'main/default/layouts/Opportunity-PACT Opportunity Layout.layout-meta.xml': xml(
                'Layout',
                '<relatedLists><relatedList>RelatedHistoryList</relatedList></relatedLists>'
            )
        },
        /Opportunity layout shows RelatedHistoryList/
    ],
    [
        'an Account page with the activity timeline',
        'no-activity-lists',
        {
            'main/default/flexipages/Account_Page.flexipage-meta.xml': xml(
                'FlexiPage',
                '<masterLabel>Account</masterLabel><sobjectType>Account</sobjectType><flexiPageRegions><itemInstances><componentInstance><componentName>runtime_sales_activities:activityPanel</componentName></componentInstance></itemInstances><name>main</name><type>Region</type></flexiPageRegions><type>RecordPage</type>'
            )
        },
        /activity timeline/
    ]
];

describe('each check catches a bad file', () => {
    it.each(NEGATIVE)('%s (%s)', (_what, check, changes, message) => {
        const problems = checkForceApp(fixture(changes), check);
        expect(problems.map((p) => p.message)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
        expect(problems.every((p) => p.check === check)).toBe(true);
    });

    it('covers every check with at least one bad fixture', () => {
        expect(new Set(NEGATIVE.map(([, check]) => check))).toEqual(new Set(Object.keys(CHECKS)));
    });

    it('reports malformed XML by file instead of skipping it', () => {
        const dir = fixture({
            'main/default/layouts/Contact-Broken.layout-meta.xml': '<Layout><relatedLists></Layout>'
        });
        expect(checkForceApp(dir)).toEqual([
            expect.objectContaining({ check: 'readable', file: 'main/default/layouts/Contact-Broken.layout-meta.xml' })
        ]);
    });

    it('matches forbidden words as whole words only', () => {
        expect(['CRM', 'the crm tool', 'SFA', 'no Activity Logging here'].every((s) => FORBIDDEN_WORDS.test(s))).toBe(
            true
        );
        expect(['Sofa delivery', 'SFAX', 'scrum', 'activity log'].some((s) => FORBIDDEN_WORDS.test(s))).toBe(false);
    });
});

// What the brief asks of PACT's own permission sets, app, list views and flows.
describe('PACT access and automation as designed', () => {
    const app = readForceApp(forceApp);
    const byName = (type: string, name: string) => {
        const m = app.metadata.find((x) => x.type === type && path.posix.basename(x.file).startsWith(`${name}.`));
        if (!m) throw new Error(`${type} ${name} is missing`);
        return m.root;
    };
    const objectAccess = (set: string, object: string) =>
        arr(byName('PermissionSet', set).objectPermissions).find((p) => text(p.object) === object) ?? {};

    it('gives nobody but admins delete, view all or modify all on high cards and plans, executives view all', () => {
        for (const object of ['High_Card__c', 'Call_Plan__c']) {
            for (const set of ['PACT_Rep', 'PACT_Manager']) {
                const p = objectAccess(set, object);
                expect([set, text(p.allowCreate), text(p.allowRead), text(p.allowEdit)]).toEqual([
                    set,
                    'true',
                    'true',
                    'true'
                ]);
                expect([set, text(p.allowDelete), text(p.viewAllRecords), text(p.modifyAllRecords)]).toEqual([
                    set,
                    'false',
                    'false',
                    'false'
                ]);
            }
            expect(text(objectAccess('PACT_Executive', object).viewAllRecords)).toBe('true');
            expect(text(objectAccess('PACT_Executive', object).allowEdit)).toBe('false');
            expect(text(objectAccess('PACT_Admin', object).modifyAllRecords)).toBe('true');
        }
    });

    it('lets managers and admins maintain the customer alert, reps and executives read it', () => {
        const alert = (set: string) =>
            arr(byName('PermissionSet', set).fieldPermissions).find(
                (p) => text(p.field) === 'Account.Customer_Alert__c'
            );
        expect(
            ['PACT_Rep', 'PACT_Manager', 'PACT_Executive', 'PACT_Admin'].map((s) => text(alert(s)?.editable))
        ).toEqual(['false', 'true', 'false', 'true']);
    });

    it('lists the PACT app tabs in order, Lightning, phone and desktop', () => {
        const pact = byName('CustomApplication', 'PACT');
        expect(arr(pact.tabs).map(text)).toEqual([
            'standard-home',
            'standard-Account',
            'High_Card__c',
            'Call_Plan__c',
            'standard-Contact',
            'standard-Opportunity',
            // Support agents face the customer too: the PACT Case page is assigned in this app.
            'standard-Case',
            'standard-report',
            'standard-Dashboard'
        ]);
        expect([text(pact.uiType), text(pact.navType), arr(pact.formFactors).map(text)]).toEqual([
            'Lightning',
            'Standard',
            ['Small', 'Large']
        ]);
    });

    it('filters the list views as named', () => {
        const filters = (object: string, view: string) => {
            const m = app.metadata.find(
                (x) => x.file === `main/default/objects/${object}/listViews/${view}.listView-meta.xml`
            );
            return [
                text(m?.root.filterScope),
                ...arr(m?.root.filters).map((f) => `${text(f.field)} ${text(f.operation)} ${text(f.value)}`)
            ];
        };
        expect(filters('High_Card__c', 'Open_Customer_Requests')).toEqual([
            'Everything',
            'Kind__c equals Request,Commitment',
            'Action_Status__c equals Open,In Progress'
        ]);
        expect(filters('High_Card__c', 'Recent_Competitor_News')).toEqual([
            'Everything',
            'Kind__c equals Competitor',
            'Occurred_On__c equals LAST_N_DAYS:90'
        ]);
        // Plans are details of the account and have no owner: "Mine" is refused (tests/platform/rules.ts).
        expect(filters('Call_Plan__c', 'Plans_This_Week')).toEqual([
            'Everything',
            'Planned_For__c equals THIS_WEEK',
            'Status__c equals Planned'
        ]);
    });

    it('notifies Needs Action By through the shipped notification type, without risking the save', () => {
        const flow = byName('Flow', 'PACT_High_Card_Action_Needed');
        expect([
            text(flow.apiVersion),
            text(flow.status),
            text(flow.start.object),
            text(flow.start.triggerType)
        ]).toEqual(['66.0', 'Active', 'High_Card__c', 'RecordAfterSave']);
        expect(text(flow.start.filterFormula)).toMatch(/ISNEW\(\).*ISCHANGED\(\{!\$Record\.Needs_Action_By__c\}\)/);
        const lookup = arr(flow.recordLookups)[0];
        expect(text(lookup.filters.value.stringValue)).toBe('PACT_Action_Needed');
        expect(app.files).toContain('main/default/notificationtypes/PACT_Action_Needed.notiftype-meta.xml');
        const send = arr(flow.actionCalls)[0];
        const inputs = Object.fromEntries(
            arr(send.inputParameters).map((p) => [text(p.name), text(p.value.elementReference)])
        );
        expect(inputs).toEqual({
            customNotifTypeId: 'Get_Notification_Type.Id',
            recipientIds: 'Recipients',
            title: 'NotificationTitle',
            body: 'NotificationBody',
            targetId: '$Record.Id'
        });
        // A failure to notify must not roll back the rep's card.
        expect(text(send.faultConnector?.targetReference)).not.toBe('');
    });

    it('shares each coaching note with its manager (edit) and rep (read) only', () => {
        const flow = byName('Flow', 'PACT_Coaching_Note_Sharing');
        expect([text(flow.apiVersion), text(flow.status), text(flow.start.object)]).toEqual([
            '66.0',
            'Active',
            'Coaching_Note__c'
        ]);
        const shares = arr(flow.recordCreates).map((c) => {
            const values = Object.fromEntries(
                arr(c.inputAssignments).map((a) => [
                    text(a.field),
                    text(a.value.stringValue) || text(a.value.elementReference)
                ])
            );
            return [text(c.object), values.UserOrGroupId, values.AccessLevel, values.RowCause, values.ParentId];
        });
        expect(shares).toEqual([
            ['Coaching_Note__Share', '$Record.Manager__c', 'Edit', 'Manual', '$Record.Id'],
            ['Coaching_Note__Share', '$Record.Rep__c', 'Read', 'Manual', '$Record.Id']
        ]);
        // Each share is skipped for the owner: a share to the owner fails.
        for (const decision of arr(flow.decisions).filter((d) => /Needs_Share$/.test(text(d.name))))
            expect(arr(decision.rules.conditions).map((c) => text(c.rightValue.elementReference))).toContain(
                '$Record.OwnerId'
            );
    });
});
