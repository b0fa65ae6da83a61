/**
 * Writes a large org retrieve in mdapi format, as a real one looks: custom objects with fields,
 * validation rules, flows and workflows, thousands of reports in hundreds of folders (activity reports
 * per rep, activity reports by account, pipeline by owner, plain lists) and dashboards over them.
 * Sizes are those of real retrieves in the audit corpus (about 5 KB per report).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
const doc = (root: string, body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<${root} ${NS}>\n${body}</${root}>\n`;
const el = (tag: string, value: string | number) => `    <${tag}>${value}</${tag}>\n`;

function field(name: string, type: string, label: string, extra = ''): string {
    return `    <fields>\n${el('fullName', name)}${el('label', label)}${el('type', type)}${extra}    </fields>\n`;
}

const TICKS = [
    'Call_Made',
    'Visit_Logged',
    'Demo_Given',
    'Left_VM',
    'Active',
    'Approved',
    'Do_Not_Call',
    'Sync_To_ERP'
];

function object(i: number): string {
    const fields = [
        ...TICKS.map((t) => field(`${t}_${i}__c`, 'Checkbox', t.replace(/_/g, ' '), el('defaultValue', 'false'))),
        ...Array.from({ length: 40 }, (_, f) =>
            field(
                `Text_${f}__c`,
                'Text',
                `Text ${f}`,
                `${el('length', 80)}${el('description', 'Free text kept for the business, as entered by the team during onboarding.')}`
            )
        ),
        field(
            `Owner_Manager_${i}__c`,
            'Lookup',
            'Owner manager',
            `${el('referenceTo', 'User')}${el('relationshipName', `Owner_Manager_${i}`)}`
        )
    ].join('');
    const rules = Array.from(
        { length: 3 },
        (_, r) =>
            `    <validationRules>\n${el('fullName', `Rule_${r}`)}${el('active', 'true')}${el('errorConditionFormula', r === 0 ? `AND(ISPICKVAL(Stage__c, "Closed"), NOT(Call_Made_${i}__c))` : `ISBLANK(Text_${r}__c)`)}${el('errorMessage', 'Complete the record.')}    </validationRules>\n`
    ).join('');
    return doc('CustomObject', `${fields}${el('label', `Custom ${i}`)}${rules}`);
}

function report(r: number): string {
    const kind = r % 10;
    const columns = [
        'SUBJECT',
        'DUE_DATE',
        'PRIORITY',
        'STATUS',
        'TASK',
        'ACCOUNT',
        'CONTACT',
        'LEAD',
        'OPPORTUNITY',
        'CALLDURATIONINSECONDS',
        'DESCRIPTION',
        'LAST_UPDATE'
    ]
        .map((c) => `    <columns>\n        <field>${c}</field>\n    </columns>\n`)
        .join('');
    const grouping = kind < 3 ? 'ASSIGNED' : kind < 6 ? 'ACCOUNT' : kind < 8 ? 'FULL_NAME' : 'STATUS';
    const type = kind < 6 ? 'Activity' : kind < 8 ? 'Opportunity' : 'AccountList';
    const filters = Array.from(
        { length: 6 },
        (_, f) =>
            `        <criteriaItems>\n            <column>${f === 0 ? `Activity.Call_Made_${r % 300}__c` : `TEXT_${f}`}</column>\n            <isUnlocked>true</isUnlocked>\n            <operator>equals</operator>\n            <value>value ${f} for the centre and the region of this report</value>\n        </criteriaItems>\n`
    ).join('');
    const chart =
        kind % 2 === 0
            ? `    <chart>\n        <backgroundColor1>#FFFFFF</backgroundColor1>\n        <chartSummaries>\n            <axisBinding>y</axisBinding>\n            <column>RowCount</column>\n        </chartSummaries>\n        <chartType>HorizontalBar</chartType>\n        <groupingColumn>${grouping}</groupingColumn>\n        <location>CHART_BOTTOM</location>\n        <size>Medium</size>\n    </chart>\n`
            : '';
    return doc(
        'Report',
        `${chart}${columns}    <description>Weekly figures for the regional team, reviewed in the Monday meeting and shared with the centres.</description>\n    <filter>\n${filters}        <booleanFilter>1 AND 2 AND (3 OR 4) AND 5 AND 6</booleanFilter>\n    </filter>\n${el('format', 'Summary')}    <groupingsDown>\n        <dateGranularity>Day</dateGranularity>\n        <field>${grouping}</field>\n        <sortOrder>Asc</sortOrder>\n    </groupingsDown>\n    <groupingsDown>\n        <dateGranularity>Week</dateGranularity>\n        <field>DUE_DATE</field>\n        <sortOrder>Desc</sortOrder>\n    </groupingsDown>\n${el('name', `Report ${r}`)}    <params>\n        <name>closed</name>\n        <value>all</value>\n    </params>\n${el('reportType', type)}${el('scope', 'organization')}${el('showDetails', 'true')}${el('showGrandTotal', 'true')}${el('showSubTotals', 'true')}    <timeFrameFilter>\n        <dateColumn>DUE_DATE</dateColumn>\n        <interval>INTERVAL_CURRENT</interval>\n    </timeFrameFilter>\n`
    );
}

function dashboard(d: number, reports: number): string {
    const components = Array.from({ length: 8 }, (_, c) => {
        const r = ((d * 8 + c) % reports) + 1;
        return `        <components>\n            <autoselectColumnsFromReport>true</autoselectColumnsFromReport>\n            <componentType>Bar</componentType>\n            <groupingColumn>${c % 3 === 0 ? 'ASSIGNED' : 'ACCOUNT'}</groupingColumn>\n            <header>Component ${c}</header>\n            <report>Folder_${r % 250}/Report_${r}</report>\n        </components>\n`;
    }).join('');
    return doc(
        'Dashboard',
        `${el('backgroundEndColor', '#FFFFFF')}${el('dashboardType', 'SpecifiedUser')}    <leftSection>\n${el('columnSize', 'Medium')}${components}    </leftSection>\n${el('runningUser', 'ops@example.com')}${el('title', `Dashboard ${d}`)}`
    );
}

function flow(f: number): string {
    return doc(
        'Flow',
        `${el('label', `Sync ${f}`)}${el('processType', 'AutoLaunchedFlow')}    <recordUpdates>\n        <name>Update</name>\n        <inputAssignments>\n            <field>Sync_To_ERP_${f}__c</field>\n            <value>\n                <booleanValue>true</booleanValue>\n            </value>\n        </inputAssignments>\n        <inputReference>$Record</inputReference>\n    </recordUpdates>\n    <start>\n        <object>Custom_${f}__c</object>\n        <triggerType>RecordAfterSave</triggerType>\n    </start>\n${el('status', 'Active')}`
    );
}

export interface GeneratedOrg {
    dir: string;
    files: number;
    bytes: number;
    reports: number;
}

export function generateOrg(
    dir: string,
    options: { objects: number; reports: number; dashboards: number }
): GeneratedOrg {
    let files = 0;
    let bytes = 0;
    const put = (file: string, content: string) => {
        const target = path.join(dir, file);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, content);
        files++;
        bytes += Buffer.byteLength(content);
    };
    for (let i = 1; i <= options.objects; i++) {
        put(`objects/Custom_${i}__c.object`, object(i));
        put(`flows/Sync_${i}.flow`, flow(i));
    }
    for (let r = 1; r <= options.reports; r++) put(`reports/Folder_${r % 250}/Report_${r}.report`, report(r));
    for (let d = 1; d <= options.dashboards; d++)
        put(`dashboards/Dashboards_${d % 20}/Dashboard_${d}.dashboard`, dashboard(d, options.reports));
    put('package.xml', doc('Package', el('version', '66.0')));
    return { dir, files, bytes, reports: options.reports };
}
