// The integrity guard on the package itself (must find nothing) and on one small source-format
// fixture per rule (must find exactly what the fixture plants, nothing more).
import * as path from 'path';
import { checkIntegrity, checkCheckboxes, indexUserFields, userFieldIn } from '../../scripts/lib/integrity';
import { Finding, OrgModel, emptyModel } from '../../scripts/lib/metadata/model';
import { readSourceDir } from '../../scripts/lib/metadata/source-reader';

const repoRoot = path.resolve(__dirname, '..', '..');
const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

/** What a test pins down about a finding: the reason's wording may improve, these may not. */
const summary = (findings: Finding[]) =>
    findings.map(({ rule, component, componentType, object, file }) => ({
        rule,
        component,
        componentType,
        object,
        file
    }));

describe('integrity guard on force-app', () => {
    const model = readSourceDir(path.join(repoRoot, 'force-app'));

    it('reads the package it is guarding (an empty read would pass vacuously)', () => {
        expect(model.objects.map((o) => o.name)).toEqual(
            expect.arrayContaining(['High_Card__c', 'Call_Plan__c', 'Coaching_Note__c', 'Account'])
        );
        expect(model.reports.length).toBeGreaterThanOrEqual(7);
        expect(model.dashboards.length).toBeGreaterThanOrEqual(1);
        expect(model.reportTypes.length).toBeGreaterThanOrEqual(2);
    });

    it('finds nothing', () => {
        expect(checkIntegrity(model)).toEqual([]);
    });
});

describe('integrity guard on one fixture per rule', () => {
    const cases: [string, Omit<Finding, 'reason'>[]][] = [
        [
            'report-grouped-by-owner',
            [
                {
                    rule: 'report-groups-by-user',
                    component: 'Sales_Ops/Visits_Per_Rep_This_Month',
                    componentType: 'Report',
                    object: 'Customer_Visit__c',
                    file: 'reports/Sales_Ops/Visits_Per_Rep_This_Month.report-meta.xml'
                }
            ]
        ],
        [
            'activity-report',
            [
                {
                    rule: 'activity-report-type',
                    component: 'Tasks_With_Accounts',
                    componentType: 'ReportType',
                    object: 'Task',
                    file: 'reportTypes/Tasks_With_Accounts.reportType-meta.xml'
                },
                {
                    rule: 'activity-report-type',
                    component: 'Sales_Ops/Account_Touchpoints',
                    componentType: 'Report',
                    object: undefined,
                    file: 'reports/Sales_Ops/Account_Touchpoints.report-meta.xml'
                },
                {
                    rule: 'activity-report-type',
                    component: 'Sales_Ops/Accounts_Not_Visited_This_Month',
                    componentType: 'Report',
                    object: undefined,
                    file: 'reports/Sales_Ops/Accounts_Not_Visited_This_Month.report-meta.xml'
                },
                {
                    rule: 'activity-report-type',
                    component: 'Sales_Ops/Calls_Logged_Last_Week',
                    componentType: 'Report',
                    object: undefined,
                    file: 'reports/Sales_Ops/Calls_Logged_Last_Week.report-meta.xml'
                },
                {
                    rule: 'activity-report-type',
                    component: 'Sales_Ops/Open_Tasks_By_Account',
                    componentType: 'Report',
                    object: 'Task',
                    file: 'reports/Sales_Ops/Open_Tasks_By_Account.report-meta.xml'
                }
            ]
        ],
        [
            'report-filters-needs-action-by',
            [
                {
                    rule: 'report-filters-by-user',
                    component: 'Service_Desk/Cards_Waiting_On_The_Service_Lead',
                    componentType: 'Report',
                    object: 'High_Card__c',
                    file: 'reports/Service_Desk/Cards_Waiting_On_The_Service_Lead.report-meta.xml'
                }
            ]
        ],
        [
            'checkbox-field',
            [
                {
                    rule: 'low-card-checkbox',
                    component: 'Customer_Visit__c.Call_Made__c',
                    componentType: 'CustomField',
                    object: 'Customer_Visit__c',
                    file: 'objects/Customer_Visit__c/fields/Call_Made__c.field-meta.xml'
                }
            ]
        ],
        [
            'coaching-note-list-view',
            [
                {
                    rule: 'coaching-note-exposed',
                    component: 'Coaching_Note__c.All_Coaching_Notes',
                    componentType: 'ListView',
                    object: 'Coaching_Note__c',
                    file: 'objects/Coaching_Note__c/listViews/All_Coaching_Notes.listView-meta.xml'
                }
            ]
        ],
        [
            'dashboard-groups-by-createdby',
            [
                {
                    rule: 'dashboard-groups-by-user',
                    component: 'Leadership_Dashboards/Team_Pulse',
                    componentType: 'Dashboard',
                    object: undefined,
                    file: 'dashboards/Leadership_Dashboards/Team_Pulse.dashboard-meta.xml'
                }
            ]
        ]
    ];

    it.each(cases)('%s produces exactly the planted findings', (name, expected) => {
        const findings = checkIntegrity(readSourceDir(fixture(name)));
        expect(summary(findings)).toEqual(expected);
        for (const finding of findings) {
            // Every finding explains itself in plain words.
            expect(finding.reason.length).toBeGreaterThan(40);
        }
    });

    it('names the person column and the reason in the finding', () => {
        const [finding] = checkIntegrity(readSourceDir(fixture('report-filters-needs-action-by')));
        expect(finding.reason).toContain('High_Card__c$Needs_Action_By__c');
        expect(finding.reason).toMatch(/scoreboard/);
    });

    it('runs only the checks asked for', () => {
        const model = readSourceDir(fixture('checkbox-field'));
        expect(checkIntegrity(model, { checks: ['user-fields', 'coaching-notes'] })).toEqual([]);
        expect(checkIntegrity(model, { checks: ['checkboxes'] })).toHaveLength(1);
    });

    it('counts checkboxes only on the shipped objects when told which they are', () => {
        const model = readSourceDir(fixture('checkbox-field'));
        expect(checkCheckboxes(model, ['High_Card__c'])).toEqual([]);
        expect(checkCheckboxes(model, ['customer_visit__c'])).toHaveLength(1);
    });
});

describe('userFieldIn', () => {
    const model: OrgModel = emptyModel('test');
    model.objects.push(
        {
            file: 'objects/Territory__c/Territory__c.object-meta.xml',
            name: 'Territory__c',
            fields: [
                { file: 'f', name: 'Territory_Manager__c', type: 'Lookup', referenceTo: ['User'] },
                { file: 'f', name: 'Region__c', type: 'Lookup', referenceTo: ['Region__c'] }
            ],
            validationRules: [],
            listViews: []
        },
        {
            file: 'objects/Region__c/Region__c.object-meta.xml',
            name: 'Region__c',
            fields: [{ file: 'f', name: 'Region_Lead__c', type: 'Lookup', referenceTo: ['User'] }],
            validationRules: [],
            listViews: []
        }
    );
    const index = indexUserFields(model);

    it.each([
        ['OWNER', 'OWNER'],
        ['CREATED_BY', 'CREATED_BY'],
        ['ASSIGNED', 'ASSIGNED'],
        ['CUST_OWNER_NAME', 'CUST_OWNER_NAME'],
        ['CUST_LAST_UPDATE_NAME', 'CUST_LAST_UPDATE_NAME'],
        ['FULL_NAME', 'FULL_NAME'],
        ['Account.Owner.Name', 'Owner'],
        ['High_Card__c$CreatedBy.Name', 'CreatedBy'],
        ['High_Card__c$Account__c.OwnerId', 'OwnerId'],
        ['High_Card__c$Needs_Action_By__c', 'Needs_Action_By__c'],
        ['High_Card__c.Needs_Action_By__c', 'Needs_Action_By__c'],
        ['High_Card__c$Needs_Action_By__r.Name', 'Needs_Action_By__r'],
        ['Territory__c$Territory_Manager__c', 'Territory_Manager__c'],
        ['Territory__c.Territory_Manager__c', 'Territory_Manager__c'],
        ['Territory__c$Region__c.Region_Lead__c', 'Region_Lead__c'],
        ['Account.Territories__r$Territory_Manager__c.Name', 'Territory_Manager__c']
    ])('%s names a person (%s)', (column, segment) => {
        expect(userFieldIn(column, index)).toBe(segment);
    });

    it.each([
        'High_Card__c$Kind__c',
        'High_Card__c$Account__c.Name',
        'High_Card__c$Occurred_On__c',
        'Territory__c$Region__c',
        'Territory__c$Region__c.Name',
        'ACCOUNT.NAME',
        'OWNER_ROLE',
        'CREATED_DATE',
        'LAST_UPDATE',
        'High_Card__c$CreatedDate',
        'High_Card__c$LastModifiedDate',
        'CUST_NAME',
        'RowCount',
        ''
    ])('%s names no person', (column) => {
        expect(userFieldIn(column, index)).toBeUndefined();
    });
});
