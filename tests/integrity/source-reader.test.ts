// The source-format reader: what it builds from realistic files, and how it fails on bad ones.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SourceReadError, readSourceDir } from '../../scripts/lib/metadata/source-reader';

const repoRoot = path.resolve(__dirname, '..', '..');
const fixture = (name: string) => path.join(__dirname, 'fixtures', name);

describe('readSourceDir on force-app', () => {
    const model = readSourceDir(path.join(repoRoot, 'force-app'));
    const object = (name: string) => model.objects.find((o) => o.name === name);

    it('reads objects with their fields, lookups and validation rules, paths relative to the directory', () => {
        const highCard = object('High_Card__c');
        expect(highCard?.label).toBe('High Card');
        expect(highCard?.file).toBe('main/default/objects/High_Card__c/High_Card__c.object-meta.xml');
        const needsActionBy = highCard?.fields.find((f) => f.name === 'Needs_Action_By__c');
        expect(needsActionBy).toMatchObject({ type: 'Lookup', referenceTo: ['User'], label: 'Needs Action By' });
        expect(highCard?.fields.find((f) => f.name === 'Account__c')).toMatchObject({
            type: 'MasterDetail',
            referenceTo: ['Account']
        });
        const noLowCards = highCard?.validationRules.find((r) => r.name === 'PACT_No_Low_Cards');
        expect(noLowCards?.active).toBe(true);
        expect(noLowCards?.errorConditionFormula).not.toBe('');
    });

    it('keeps a standard object that only gains fields (Account.Customer_Alert__c)', () => {
        const account = object('Account');
        expect(account?.label).toBeUndefined();
        expect(account?.fields.map((f) => f.name)).toEqual(['Customer_Alert__c']);
    });

    it('names reports and dashboards by folder, report types by developer name, with report-style fields', () => {
        const report = model.reports.find((r) => r.name === 'PACT_Customer_Voice/Competitor_News_Last_90_Days');
        expect(report).toMatchObject({
            file: 'main/default/reports/PACT_Customer_Voice/Competitor_News_Last_90_Days.report-meta.xml',
            label: 'Competitor news, last 90 days',
            reportType: 'PACT_High_Cards__c',
            format: 'Summary',
            groupings: [{ field: 'High_Card__c$Account__c.Name', dateGranularity: 'Day', sortOrder: 'Asc' }],
            filters: [{ column: 'High_Card__c$Kind__c', operator: 'equals', value: 'Competitor' }],
            timeFrameFilter: { dateColumn: 'High_Card__c$Occurred_On__c', interval: 'INTERVAL_LAST90' },
            sortColumn: 'High_Card__c$Occurred_On__c',
            chartSummaries: ['RowCount'],
            chartGroupings: ['High_Card__c$Account__c.Name']
        });
        const dashboard = model.dashboards.find((d) => d.name === 'PACT_Customer_Voice_Dashboards/Customer_Voice');
        expect(dashboard?.dashboardType).toBe('LoggedInUser');
        expect(dashboard?.reports).toContain('PACT_Customer_Voice/Competitor_News_Last_90_Days');
        const type = model.reportTypes.find((t) => t.name === 'PACT_High_Cards');
        expect(type?.baseObject).toBe('High_Card__c');
        expect(type?.fields).toEqual(expect.arrayContaining(['High_Card__c$Kind__c', 'High_Card__c$Account__c.Name']));
    });
});

describe('readSourceDir on fixtures', () => {
    it('reads list views with their columns and filter scope', () => {
        const model = readSourceDir(fixture('coaching-note-list-view'));
        const notes = model.objects.find((o) => o.name === 'Coaching_Note__c');
        expect(notes?.listViews).toEqual([
            {
                file: 'objects/Coaching_Note__c/listViews/All_Coaching_Notes.listView-meta.xml',
                name: 'All_Coaching_Notes',
                label: 'All Coaching Notes',
                columns: ['NAME', 'Rep__c', 'Reason__c', 'Note__c'],
                filters: []
            }
        ]);
    });

    it('reads dashboard component groupings and custom report type joins', () => {
        const model = readSourceDir(fixture('dashboard-groups-by-createdby'));
        expect(model.dashboards).toEqual([
            {
                file: 'dashboards/Leadership_Dashboards/Team_Pulse.dashboard-meta.xml',
                name: 'Leadership_Dashboards/Team_Pulse',
                label: 'Team Pulse',
                dashboardType: 'SpecifiedUser',
                runningUser: 'sales.director@example.com',
                reports: ['Leadership/Cards_By_Theme'],
                groupings: ['High_Card__c$CreatedBy'],
                // Each component keeps its own report and groupings, so the audit can judge them together.
                components: [
                    {
                        report: 'Leadership/Cards_By_Theme',
                        groupings: ['High_Card__c$CreatedBy'],
                        title: 'Cards per rep',
                        type: 'Bar'
                    }
                ]
            }
        ]);
    });

    it('merges the blocks of a joined report into it, keeping their report types', () => {
        const model = readSourceDir(fixture('activity-report'));
        const joined = model.reports.find((r) => r.name === 'Sales_Ops/Account_Touchpoints');
        expect(joined).toMatchObject({
            reportType: 'Opportunity',
            format: 'MultiBlock',
            blockReportTypes: ['Opportunity', 'Activity'],
            columns: [
                { field: 'OPPORTUNITY_NAME' },
                { field: 'STAGE_NAME' },
                { field: 'SUBJECT' },
                { field: 'DUE_DATE' }
            ],
            groupings: [{ field: 'ACCOUNT_NAME', dateGranularity: 'Day', sortOrder: 'Asc' }]
        });
    });

    it('reads a checkbox field with its default', () => {
        const model = readSourceDir(fixture('checkbox-field'));
        const visit = model.objects.find((o) => o.name === 'Customer_Visit__c');
        expect(visit?.fields.find((f) => f.name === 'Call_Made__c')).toEqual({
            file: 'objects/Customer_Visit__c/fields/Call_Made__c.field-meta.xml',
            name: 'Call_Made__c',
            type: 'Checkbox',
            label: 'Call Made',
            description: 'Tick when the follow-up call was made.',
            defaultValue: 'false'
        });
    });
});

describe('readSourceDir on bad input', () => {
    let dir: string;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-reader-'));
        fs.mkdirSync(path.join(dir, 'reports', 'Ops'), { recursive: true });
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('names the file and the line of malformed XML', () => {
        fs.writeFileSync(
            path.join(dir, 'reports', 'Ops', 'Broken.report-meta.xml'),
            '<?xml version="1.0"?>\n<Report>\n  <columns><field>X</columns>\n</Report>\n'
        );
        expect(() => readSourceDir(dir)).toThrow(SourceReadError);
        expect(() => readSourceDir(dir)).toThrow(
            /^reports\/Ops\/Broken\.report-meta\.xml: not well-formed XML \(line 3/
        );
    });

    it('names the file whose root element is not what its suffix promises', () => {
        fs.writeFileSync(
            path.join(dir, 'reports', 'Ops', 'Odd.report-meta.xml'),
            '<Dashboard><title>x</title></Dashboard>'
        );
        expect(() => readSourceDir(dir)).toThrow(
            'reports/Ops/Odd.report-meta.xml: expected a <Report> root element, found <Dashboard>'
        );
    });

    it('refuses a path that is not a directory', () => {
        expect(() => readSourceDir(path.join(dir, 'missing'))).toThrow(/not a directory/);
    });
});
