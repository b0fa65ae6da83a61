import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { auditModel, auditOrg, checkboxVerdicts, findingJson, judgeCheckbox } from '../../scripts/lib/audit';
import { detectFormat, readMdapiDir, readMetadataDir } from '../../scripts/lib/metadata/mdapi-reader';
import { readSourceDir } from '../../scripts/lib/metadata/source-reader';
import { indexUserFields, userFieldIn } from '../../scripts/lib/integrity';
import { emptyModel, type FieldModel, type OrgModel } from '../../scripts/lib/metadata/model';
import { main } from '../../scripts/cli/main';
import { summarise } from '../../scripts/lib/audit/summary';
import { renderSummary } from '../../scripts/lib/audit/report-text';
import { MDAPI_FIXTURE, REPO, SOURCE_FIXTURE, memoryIo, runPact } from './helpers';

// Each run of the real command starts node and tsx: seconds on a busy 2-core machine.
jest.setTimeout(60000);

/** rule + component of every finding the legacy fixture must produce (both formats). */
const EXPECTED = [
    'low-card-checkbox Account.Visited_This_Quarter__c',
    'low-card-checkbox Activity.Call_Made__c',
    'low-card-checkbox Activity.Follow_Up_Done__c',
    'low-card-checkbox Activity.Left_Voicemail__c',
    'low-card-checkbox Contact.Quarterly_Check__c',
    'low-card-checkbox Contact.Touched_Base__c',
    'low-card-checkbox Lead.Contacted__c',
    'low-card-checkbox Lead.Demo_Given__c',
    'low-card-checkbox Site_Visit__c.Completed__c',
    'required-field-forces-activity Activity.Calls_This_Week__c',
    'validation-rule-forces-activity Opportunity.Activity_Before_Close',
    'validation-rule-forces-activity Opportunity.Call_Before_Proposal',
    'validation-rule-forces-activity Task.Call_Needs_Tick',
    'activity-report-per-person Sales_Activity/Calls_Per_Rep',
    'activity-dashboard-per-person Sales_Dashboards/Rep_Leaderboard'
];

/** Every tick box in the fixture and whether it is a low card. */
const CHECKBOXES: Record<string, boolean> = {
    'Account.Visited_This_Quarter__c': true,
    'Account.Active__c': false,
    'Account.Key_Account__c': false,
    'Activity.Call_Made__c': true,
    'Activity.Left_Voicemail__c': true,
    'Activity.Follow_Up_Done__c': true,
    'Activity.Billable__c': false,
    'Contact.Touched_Base__c': true,
    'Contact.Quarterly_Check__c': true,
    'Contact.Newsletter_Opt_Out__c': false,
    'Contact.Marketing_Consent__c': false,
    'Contact.Primary__c': false,
    'Lead.Demo_Given__c': true,
    'Lead.Contacted__c': true,
    'Lead.Do_Not_Email__c': false,
    'Opportunity.Executive_Sponsor_Engaged__c': false,
    'Opportunity.Private_Deal__c': false,
    'Site_Visit__c.Completed__c': true,
    'Invoice__c.Sent__c': false,
    'Invoice__c.Email_Verified__c': false
};

const summary = (model: OrgModel) =>
    auditModel(model)
        .map((f) => `${f.rule} ${f.component}`)
        .sort();

/** The model without file names, which legitimately differ between formats. */
function withoutFiles(model: OrgModel): unknown {
    return JSON.parse(JSON.stringify({ ...model, source: '' }, (key, value) => (key === 'file' ? undefined : value)));
}

describe('pact audit on a legacy org folder', () => {
    const source = readSourceDir(SOURCE_FIXTURE);
    const mdapi = readMdapiDir(MDAPI_FIXTURE);

    it('detects each format', () => {
        expect(detectFormat(SOURCE_FIXTURE)).toBe('source');
        expect(detectFormat(MDAPI_FIXTURE)).toBe('mdapi');
        expect(readMetadataDir(MDAPI_FIXTURE).format).toBe('mdapi');
    });

    it('finds exactly the activity controls, in source format', () => {
        expect(summary(source)).toEqual([...EXPECTED].sort());
    });

    it('reads the mdapi conversion of the same org into the same model', () => {
        expect(withoutFiles(mdapi)).toEqual(withoutFiles(source));
        expect(summary(mdapi)).toEqual([...EXPECTED].sort());
    });

    it('points every finding at the file it came from', () => {
        const bySource = new Map(auditModel(source).map((f) => [`${f.rule} ${f.component}`, f.file]));
        const byMdapi = new Map(auditModel(mdapi).map((f) => [`${f.rule} ${f.component}`, f.file]));
        expect(bySource.get('low-card-checkbox Activity.Call_Made__c')).toBe(
            'main/default/objects/Activity/fields/Call_Made__c.field-meta.xml'
        );
        expect(byMdapi.get('low-card-checkbox Activity.Call_Made__c')).toBe('objects/Activity.object');
        expect(byMdapi.get('validation-rule-forces-activity Task.Call_Needs_Tick')).toBe('objects/Task.object');
        expect(byMdapi.get('activity-report-per-person Sales_Activity/Calls_Per_Rep')).toBe(
            'reports/Sales_Activity/Calls_Per_Rep.report'
        );
        for (const file of bySource.values()) expect(fs.existsSync(path.join(SOURCE_FIXTURE, file))).toBe(true);
        for (const file of byMdapi.values()) expect(fs.existsSync(path.join(MDAPI_FIXTURE, file))).toBe(true);
    });

    it('judges every tick box: low cards flagged, opt-outs, consent and record states not', () => {
        const verdicts = Object.fromEntries(
            checkboxVerdicts(source).map((v) => [`${v.object}.${v.field.name}`, v.lowCard])
        );
        expect(verdicts).toEqual(CHECKBOXES);
    });

    it('says why, naming where the activity words are', () => {
        const reasons = Object.fromEntries(auditModel(source).map((f) => [`${f.rule} ${f.component}`, f.reason]));
        expect(reasons['low-card-checkbox Contact.Quarterly_Check__c']).toMatch(/"phoned", "visited" in its help text/);
        expect(reasons['low-card-checkbox Contact.Touched_Base__c']).toMatch(/"touched base".* in its name/);
        expect(reasons['low-card-checkbox Site_Visit__c.Completed__c']).toContain('on an object about "visit"');
        // Worded for the customer's report, not for PACT's own package.
        expect(reasons['activity-report-per-person Sales_Activity/Calls_Per_Rep']).toMatch(
            /^Report "Calls per rep" \(Sales_Activity\/Calls_Per_Rep\) counts activities per person: .*ASSIGNED/
        );
        expect(Object.values(reasons).join(' ')).not.toContain('customer words sorted by rep');
        expect(reasons['validation-rule-forces-activity Opportunity.Activity_Before_Close']).toContain(
            'LastActivityDate'
        );
        expect(reasons['validation-rule-forces-activity Task.Call_Needs_Tick']).toContain('Call_Made__c');
        expect(reasons['required-field-forces-activity Activity.Calls_This_Week__c']).toMatch(/Required Number field/);
    });

    it("words its evidence for an admin: the report builder's column label, and what the words say", () => {
        const evidence = Object.fromEntries(auditModel(source).map((f) => [f.component, f.evidence ?? []]));
        // ASSIGNED is the "Assigned" column of a Tasks and Events report; the API name stays for --json readers.
        expect(evidence['Sales_Activity/Calls_Per_Rep']).toContain('per person: "Assigned" (ASSIGNED)');
        expect(evidence['Activity.Call_Made__c']).toEqual(['its name says an activity was done: "call", "made"']);
        expect(evidence['Site_Visit__c.Completed__c'][0]).toMatch(
            /^its name, on an object about "visit", names an activity: "completed"$/
        );
        expect(Object.values(evidence).flat().join(' ')).not.toMatch(/(strong|medium|weak) evidence/);
    });

    it('leaves inactive rules, rules with activity words only in text, and plain date rules alone', () => {
        const components = auditModel(source).map((f) => f.component);
        expect(components).not.toContain('Opportunity.Old_Visit_Rule');
        expect(components).not.toContain('Task.Subject_Not_Call_Only');
        expect(components).not.toContain('Opportunity.Close_Date_Not_In_Past');
        expect(components).not.toContain('Activity.Outcome_Summary__c');
        expect(components).not.toContain('Account_Reports/Accounts_By_Industry');
        expect(components).not.toContain('Account_Reports/Opportunities_By_Account');
        expect(components).not.toContain('Sales_Dashboards/Pipeline_By_Account');
        // An activity report grouped only by account counts nobody.
        expect(components).not.toContain('Sales_Activity/Visits_By_Account');
    });

    it('gives every finding a tier, a category and its evidence, and every benign component its reason', () => {
        const { findings, benign } = auditOrg(source);
        for (const f of findings) {
            expect(['activity-control', 'people-ranking']).toContain(f.tier);
            expect(f.category).toEqual(expect.any(String));
            expect(f.evidence?.length).toBeGreaterThan(0);
        }
        const why = Object.fromEntries(benign.map((b) => [b.component, b.reason]));
        expect(why['Sales_Activity/Visits_By_Account']).toBe(
            'benign: an activity report grouped only by ACCOUNT, counting no person'
        );
        expect(why['Contact.Newsletter_Opt_Out__c']).toMatch(/opt-out/);
        expect(why['Invoice__c.Sent__c']).toBe('benign: its description says automation sets it');
    });

    it('treats the standard opt-out tick boxes as benign even though they say "call" and "email"', () => {
        for (const [name, label] of [
            ['DoNotCall', 'Do Not Call'],
            ['HasOptedOutOfEmail', 'Email Opt Out'],
            ['IsClosed', 'Closed'],
            ['IsWon', 'Won'],
            ['IsPrivate', 'Private'],
            ['IsReminderSet', 'Reminder Set'],
            ['HasOpenActivity', 'Has Open Activity'],
            ['HasOverdueTask', 'Has Overdue Task']
        ]) {
            expect(judgeCheckbox('Contact', { file: 'x', name, label, type: 'Checkbox' }).lowCard).toBe(false);
        }
        expect(judgeCheckbox('Task', { file: 'x', name: 'Attempted_Call__c', type: 'Checkbox' }).lowCard).toBe(true);
        expect(judgeCheckbox('Contact', { file: 'x', name: 'Email_Sent__c', type: 'Checkbox' }).lowCard).toBe(true);
    });

    it("flags any tick box added to PACT's own objects, whatever its name (the integrity guard's rule)", () => {
        const pact = readSourceDir(path.join(REPO, 'force-app'));
        const highCard = pact.objects.find((o) => o.name === 'High_Card__c');
        highCard?.fields.push({ file: 'x.field-meta.xml', name: 'Approved__c', label: 'Approved', type: 'Checkbox' });
        expect(auditModel(pact).map((f) => `${f.rule} ${f.component}`)).toEqual([
            'low-card-checkbox High_Card__c.Approved__c'
        ]);
        expect(auditModel(pact)[0]).toMatchObject({
            tier: 'activity-control',
            category: 'pact-integrity',
            evidence: ['An object PACT ships has a Checkbox field.']
        });
    });

    it('finds nothing in PACT itself', () => {
        expect(auditModel(readSourceDir(path.join(REPO, 'force-app')))).toEqual([]);
    });
});

describe('pact audit, the command', () => {
    it('exits 1 with one JSON object per finding (tier, category, component, file, evidence, ...)', () => {
        const result = runPact(['audit', '--source-dir', path.relative(REPO, MDAPI_FIXTURE), '--json']);
        expect(result.status).toBe(1);
        const findings = JSON.parse(result.stdout) as Record<string, string | string[]>[];
        expect(findings.map((f) => `${f.rule} ${f.component}`).sort()).toEqual([...EXPECTED].sort());
        for (const finding of findings) {
            expect(Object.keys(finding).sort()).toEqual([
                'category',
                'component',
                'evidence',
                'file',
                'object',
                'reason',
                'rule',
                'tier'
            ]);
            expect(finding.reason.length).toBeGreaterThan(30);
        }
        expect(findings).toEqual(auditModel(readMdapiDir(MDAPI_FIXTURE)).map(findingJson));
    });

    it('prints the summary first, then the findings grouped by category and object or folder', () => {
        const result = runPact(['audit', '--source-dir', path.relative(REPO, SOURCE_FIXTURE)]);
        expect(result.status).toBe(1);
        const lines = result.stdout.split('\n');
        expect(lines[0]).toBe(
            'PACT audit of tests/cli/fixtures/legacy-source (source format): 15 activity controls, 0 people-ranking notes'
        );
        expect(result.stdout).toMatch(/Tick boxes that record an activity\s+9\n/);
        expect(result.stdout).toContain('Next\n  1. pact block --source-dir tests/cli/fixtures/legacy-source');
        const summaryEnd = result.stdout.indexOf('== Tick boxes');
        expect(summaryEnd).toBeGreaterThan(result.stdout.indexOf('Most activity controls'));
        expect(result.stdout.slice(summaryEnd)).toMatch(
            /\nActivity \(3\)\n {2}Activity\.Call_Made__c {2}\[main\/default\/objects\/Activity\/fields\/Call_Made__c\.field-meta\.xml\]\n/
        );
        expect(result.stdout).toContain('\nSales_Activity (1)\n  Sales_Activity/Calls_Per_Rep');
        expect(result.stderr).toBe('');
    });

    it('says with --verbose why each component was left alone', () => {
        const result = runPact(['audit', '--source-dir', path.relative(REPO, SOURCE_FIXTURE), '--verbose']);
        expect(result.stdout).toContain('== Left alone (15) ==');
        expect(result.stdout).toMatch(/\n\nTick boxes \(11\)\n[^]*\n\nReports \(3\)\n[^]*\n\nDashboards \(1\)\n/);
        expect(result.stdout).toContain("  Lead.Do_Not_Email__c: records the customer's wish not to be contacted\n");
        expect(result.stdout).toContain(
            '  Sales_Activity/Visits_By_Account: an activity report grouped only by ACCOUNT, counting no person\n'
        );
    });

    it('writes one self-contained HTML report with --format html --output FILE', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-html-'));
        const file = path.join(dir, 'audit.html');
        const result = runPact([
            'audit',
            '--source-dir',
            path.relative(REPO, MDAPI_FIXTURE),
            '--format',
            'html',
            '--output',
            file
        ]);
        expect([result.status, result.stdout]).toEqual([1, expect.stringContaining(`Report written to ${file}`)]);
        expect(result.stdout).toContain('15 activity controls, 0 people-ranking notes. Report written to');
        const html = fs.readFileSync(file, 'utf8');
        expect(html).toMatch(/^<!DOCTYPE html>\n<!-- Generated by pact audit/);
        expect(html).not.toContain('class=""');
        // Nothing to fetch: no external script, style, image or font.
        expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
        expect(html).toContain('objects/Activity.object');
        expect(runPact(['audit', '--source-dir', 'force-app', '--format', 'html']).stderr).toContain(
            'add --output FILE'
        );
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it('exits 0 on PACT itself', () => {
        const result = runPact(['audit', '--source-dir', 'force-app']);
        expect([result.status, result.stdout]).toEqual([0, expect.stringContaining('nothing found')]);
        const verbose = runPact(['audit', '--source-dir', 'force-app', '--verbose']);
        expect(verbose.status).toBe(0);
        expect(verbose.stdout).toMatch(
            /^PACT audit of force-app \(source format\): 0 activity controls, 0 people-ranking notes\nJudged [^\n]+\n\n== Left alone \(\d+\) ==\n/
        );
    });

    it('exits 2 with the reason when the folder is missing, empty or holds broken XML', () => {
        const missing = runPact(['audit', '--source-dir', 'no-such-folder']);
        expect([missing.status, missing.stdout]).toEqual([2, '']);
        expect(missing.stderr).toMatch(/cannot read no-such-folder: .*not a directory/);
        // The folder as the admin typed it, not the machine's full path to it.
        expect(missing.stderr).toBe('pact audit: cannot read no-such-folder: not a directory\n');

        const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-empty-'));
        const none = runPact(['audit', '--source-dir', empty]);
        expect([none.status, none.stderr]).toEqual([2, expect.stringContaining('no Salesforce metadata found')]);

        const broken = path.join(empty, 'objects', 'Task');
        fs.mkdirSync(path.join(broken, 'fields'), { recursive: true });
        fs.writeFileSync(
            path.join(broken, 'fields', 'Call_Made__c.field-meta.xml'),
            '<CustomField><type>Checkbox</type>'
        );
        const bad = runPact(['audit', '--source-dir', empty, '--json']);
        expect([bad.status, bad.stdout]).toEqual([2, '']);
        expect(bad.stderr).toMatch(/Call_Made__c\.field-meta\.xml: not well-formed XML/);
        fs.rmSync(empty, { recursive: true, force: true });
    });

    it('exits 2 on wrong arguments', () => {
        expect(runPact(['audit']).status).toBe(2);
        expect(runPact(['audit', '--source-dir', 'force-app', '--target-org', 'x']).stderr).toContain('exactly one');
        expect(runPact(['audit', '--frobnicate']).stderr).toContain("Unknown option '--frobnicate'");
        expect(runPact(['audit', '--source-dir', 'force-app', '--format', 'pdf']).stderr).toContain(
            '--format is text, json or html, not "pdf"'
        );
    });
});

describe('pact, the command', () => {
    it('prints its usage, and exits 2 on an unknown command', () => {
        const help = runPact(['--help']);
        expect([help.status, help.stdout]).toEqual([
            0,
            expect.stringContaining('pact audit  (--source-dir DIR | --target-org ALIAS)')
        ]);
        const unknown = runPact(['audti']);
        expect([unknown.status, unknown.stderr]).toEqual([2, expect.stringContaining('pact: unknown command "audti"')]);
    });
});

describe('tick boxes judged by evidence', () => {
    const tick = (name: string, extra: Partial<FieldModel> = {}): FieldModel => ({
        file: `objects/Lead/fields/${name}.field-meta.xml`,
        name,
        type: 'Checkbox',
        ...extra
    });
    const verdict = (object: string, field: FieldModel, model?: OrgModel) => {
        const m = model ?? {
            ...emptyModel('test'),
            objects: [{ file: 'x', name: object, fields: [field], validationRules: [], listViews: [] }]
        };
        return checkboxVerdicts(m).find((v) => v.field.name === field.name)!;
    };

    it('reads shorthand and inflections: appt, VM, F/U, demo booked', () => {
        for (const name of ['Appt_Set__c', 'Left_VM__c', 'F_U_Done__c', 'MDR_Demo_Booked__c', 'Spoke_With_DM__c']) {
            expect([name, verdict('Lead', tick(name)).lowCard]).toEqual([name, true]);
        }
        expect(verdict('Lead', tick('X', { label: 'F/U Done' })).evidence[0]).toContain('"follow up"');
    });

    it('leaves preferences, interests, segments, switches and automation flags alone', () => {
        for (const [name, why] of [
            ['BMOC_Daytime_VM__c', /contact preference/],
            ['Partner_Demo_Interest__c', /interest/],
            ['No_Touch_Account__c', /segment/],
            ['Send_Handoff_Email__c', /starts an automation/],
            ['Meeting_Division_Updated_Manually__c', /automation flag/],
            ['call_made_from_groudon__c', /system that sets it/],
            // The shorthand spelled out, and its words spelled in full, read the same.
            ['Best_Method_Of_Contact_Evening_VM__c', /contact preference/]
        ] as const) {
            expect(verdict('Lead', tick(name)).reason).toMatch(why);
        }
        // On an object a system or the team keeps, the reason reads as a sentence whatever the word.
        expect(verdict('QA_Errors__c', tick('Call_Made__c')).reason).toBe(
            'benign: QA_Errors__c, named for "errors", holds records a system or the team keeps, not a rep\'s work'
        );
        // A description that says automation triggers it, in any words ("Flow-triggered", "triggers a workflow").
        for (const description of [
            'Flow-triggered: set when the visit record is approved',
            'This triggers a workflow'
        ]) {
            const field = tick('Visit_Approved__c', { label: 'Visit Approved', description });
            expect(verdict('Lead', field).reason).toMatch(/automation sets it/);
        }
    });

    it('says who sets it: a flow, a process or a workflow field update is not a rep ticking', () => {
        const field = tick('Call_Completed__c', { label: 'Call Completed' });
        const model: OrgModel = {
            ...emptyModel('test'),
            objects: [{ file: 'x', name: 'Lead', fields: [field], validationRules: [], listViews: [] }],
            automations: [
                {
                    file: 'flows/Dialer_Sync.flow-meta.xml',
                    kind: 'flow',
                    name: 'Dialer_Sync',
                    label: 'Dialer sync',
                    active: true,
                    object: 'Lead',
                    sets: [{ object: 'Lead', field: 'Call_Completed__c', value: 'true' }]
                }
            ]
        };
        const v = verdict('Lead', field, model);
        expect([v.lowCard, v.reason]).toEqual([false, "benign: set by flow Dialer sync: automated, not a rep's tick"]);
        expect(v.evidence).toContain('set by flow Dialer sync');
    });

    it('treats a managed package tick box as set by its package', () => {
        const v = verdict('Lead', tick('dialer__Call_Made__c'));
        expect([v.lowCard, v.reason]).toEqual([
            false,
            'benign: belongs to the managed package "dialer", which sets it'
        ]);
    });

    it('flags a formula tick that reads an activity subject or a call count, not one that computes something else', () => {
        expect(verdict('Task', tick('Is_Reply__c', { formula: 'CONTAINS(Subject, "Reply")' })).lowCard).toBe(true);
        expect(verdict('Opportunity', tick('Has_Connects__c', { formula: 'Connects__c > 0' })).reason).toMatch(
            /^Formula tick box Opportunity.Has_Connects__c turns activities into a count: its formula reads Connects__c/
        );
        expect(verdict('Opportunity', tick('Big_Deal__c', { formula: 'Amount > 100000' })).lowCard).toBe(false);
        expect(verdict('Contact', tick('Stale__c', { formula: 'TODAY() - LastActivityDate > 14' })).lowCard).toBe(
            false
        );
    });

    it("reads a grouping by the owner's team or role as no person, and by the owner's name or manager as one", () => {
        const index = indexUserFields(emptyModel('test'));
        expect(userFieldIn('Account$Owner.Team__c', index)).toBeUndefined();
        expect(userFieldIn('Account.Owner.UserRole.Name', index)).toBeUndefined();
        expect(userFieldIn('Account$Owner.Name', index)).toBe('Owner');
        expect(userFieldIn('Account.Activities$Owner', index)).toBe('Owner');
        expect(userFieldIn('Account$Owner.Manager', index)).toBe('Owner');
    });

    it('lifts a weak hint when an activity report per person counts the box', () => {
        const field = tick('Completed__c', { label: 'Completed' });
        const alone = verdict('Lead', field);
        expect(alone.lowCard).toBe(false);
        const model: OrgModel = {
            ...emptyModel('test'),
            objects: [{ file: 'x', name: 'Lead', fields: [field], validationRules: [], listViews: [] }],
            reports: [
                {
                    file: 'reports/Ops/Completed_By_Rep.report-meta.xml',
                    name: 'Ops/Completed_By_Rep',
                    reportType: 'LeadActivity',
                    columns: [{ field: 'SUBJECT' }],
                    groupings: [{ field: 'ASSIGNED' }],
                    filters: [{ column: 'Lead.Completed__c', operator: 'equals', value: '1' }]
                }
            ]
        };
        const lifted = auditOrg(model).findings.find((f) => f.component === 'Lead.Completed__c');
        expect(lifted?.evidence).toContain('read by activity reports per person: Ops/Completed_By_Rep');
    });

    it('reads who sets a field from flows and workflow field updates on disk, in both formats', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-flows-'));
        const write = (file: string, xml: string) => {
            fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
            fs.writeFileSync(path.join(dir, file), `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`);
        };
        const ns = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
        write(
            'flows/Mark_Called.flow-meta.xml',
            `<Flow ${ns}><label>Mark called</label><processType>AutoLaunchedFlow</processType><status>Active</status>` +
                `<start><object>Lead</object><triggerType>RecordBeforeSave</triggerType></start>` +
                `<assignments><name>Set</name><assignmentItems><assignToReference>$Record.Called__c</assignToReference>` +
                `<operator>Assign</operator><value><booleanValue>true</booleanValue></value></assignmentItems></assignments></Flow>`
        );
        write(
            'workflows/Lead.workflow-meta.xml',
            `<Workflow ${ns}><fieldUpdates><fullName>Tick_Emailed</fullName><field>Emailed__c</field><literalValue>1</literalValue>` +
                `<name>Tick emailed</name><operation>Literal</operation></fieldUpdates>` +
                `<rules><fullName>On_Email</fullName><actions><name>Tick_Emailed</name><type>FieldUpdate</type></actions>` +
                `<active>true</active></rules></Workflow>`
        );
        const model = readSourceDir(dir);
        expect(
            model.automations?.map((a) => [a.kind, a.name, a.active, a.sets.map((s) => `${s.object}.${s.field}`)])
        ).toEqual([
            ['flow', 'Mark_Called', true, ['Lead.Called__c']],
            ['workflow-field-update', 'Lead.Tick_Emailed', true, ['Lead.Emailed__c']]
        ]);
        fs.rmSync(dir, { recursive: true, force: true });
    });
});

describe('pact audit in process', () => {
    const ns = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
    function orgWithOnlyARanking(): string {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-ranking-'));
        const file = path.join(dir, 'reports', 'Sales', 'Won_By_Owner.report-meta.xml');
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(
            file,
            `<?xml version="1.0" encoding="UTF-8"?>\n<Report ${ns}><columns><aggregateTypes>Sum</aggregateTypes><field>AMOUNT</field></columns>` +
                `<format>Summary</format><groupingsDown><dateGranularity>Day</dateGranularity><field>FULL_NAME</field><sortOrder>Asc</sortOrder></groupingsDown>` +
                `<name>Won by owner</name><reportType>Opportunity</reportType><scope>organization</scope></Report>`
        );
        return dir;
    }

    it('reports a people ranking as a note, and exits 0 when there is no activity control', async () => {
        const dir = orgWithOnlyARanking();
        const { io, stdout } = memoryIo();
        expect(await main(['audit', '--source-dir', dir], io)).toBe(0);
        expect(stdout()).toContain('0 activity controls, 1 people-ranking note');
        expect(stdout()).toContain('== Reports that rank people (1) ==');
        expect(stdout()).toContain('  Sales (1): Won_By_Owner\n');
        const json = memoryIo();
        expect(await main(['audit', '--source-dir', dir, '--json'], json.io)).toBe(0);
        expect(JSON.parse(json.stdout())).toMatchObject([
            {
                tier: 'people-ranking',
                category: 'people-ranking-report',
                component: 'Sales/Won_By_Owner',
                // The report builder's label, with the column's API name beside it.
                evidence: ['per person: "Opportunity owner" (FULL_NAME)']
            }
        ]);
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it('says what to do next in commands that run as printed, for each kind of source', async () => {
        const { io, stdout } = memoryIo();
        await main(['audit', '--source-dir', 'config/demo-legacy-org'], io);
        expect(stdout()).toContain(
            'Next\n  1. pact block --source-dir config/demo-legacy-org writes validation rules that stop new ticks in ' +
                'the 5 tick boxes (a dry run; add --apply --target-org ALIAS to deploy them).\n' +
                '  2. Deactivate the 1 validation rule that forces activity entry (Setup > Object Manager > Validation Rules).\n' +
                '  3. Retire or regroup the 1 activity report (by account, not by person); start with the folder Sales_Activity.\n'
        );
        const model = readMetadataDir(path.join(REPO, 'config', 'demo-legacy-org')).model;
        const next = (target: string) => summarise(model, auditOrg(model), target).next;
        expect(next('--target-org acme')[0]).toContain('pact block --target-org acme writes');
        expect(next('--target-org acme')[0]).toContain('(a dry run; add --apply to deploy them)');
        // pact block secures Dataverse columns in an environment; a solution zip cannot be changed.
        expect(next('--dataverse https://acme.crm.dynamics.com')[0]).toBe(
            'pact block --dataverse https://acme.crm.dynamics.com secures the 5 tick boxes so that nobody can tick them ' +
                '(a dry run; add --apply to make the change).'
        );
        expect(next('--dataverse-solution legacy.zip')[0]).toContain(
            'pact block --dataverse URL (the environment this solution came from)'
        );
        expect(next('--dataverse-solution legacy.zip')[1]).toContain('Deactivate the 1 business rule that forces');
        // Dataverse words: tables, business rules, and views named after their table rather than folders.
        expect(next('--dataverse-solution legacy.zip')[2]).toContain('; start with the views on Sales_Activity.');
        const dataverse = summarise(model, auditOrg(model), '--dataverse-solution legacy.zip');
        const text = renderSummary(dataverse, 'legacy.zip (Dataverse solution)');
        expect(text).toContain(', 1 business rule, ');
        expect(text).toMatch(/\n {2}Tables {6}Activity \(3\)/);
        expect(text).toMatch(/\n {2}Views on {4}Sales_Activity \(1\)/);
    });

    it("counts as judged the tick boxes it judged: not those of settings or of PACT's own objects", () => {
        const object = (name: string, fields: FieldModel[]) => ({
            file: name,
            name,
            fields,
            validationRules: [],
            listViews: []
        });
        const box = (name: string): FieldModel => ({ file: name, name, type: 'Checkbox' });
        const model: OrgModel = {
            ...emptyModel('test'),
            objects: [
                object('Lead', [box('Call_Made__c'), box('Do_Not_Call__c')]),
                object('Dialer_Setting__mdt', [box('Enabled__c')])
            ]
        };
        const result = auditOrg(model);
        expect(summarise(model, result, '--source-dir x').judged.tickBoxes).toBe(2);
        expect(result.findings.length + result.benign.length).toBe(2);
    });

    it('says in a sentence why an activity list that counts no person is left alone', () => {
        const model: OrgModel = {
            ...emptyModel('test'),
            reports: [
                {
                    file: 'reports/Service/Open_Tasks.report',
                    name: 'Service/Open_Tasks',
                    reportType: 'Task',
                    format: 'Tabular',
                    columns: [{ field: 'SUBJECT' }, { field: 'ACCOUNT' }],
                    groupings: [],
                    filters: []
                }
            ]
        };
        expect(auditOrg(model).benign).toMatchObject([
            {
                category: 'report',
                component: 'Service/Open_Tasks',
                reason: 'benign: an activity report with no grouping (a list), counting no person'
            }
        ]);
    });

    it('shows reading progress on a terminal only', async () => {
        const tty = memoryIo({ stderrIsTTY: true });
        await main(['audit', '--source-dir', path.relative(REPO, SOURCE_FIXTURE)], tty.io);
        expect(tty.stderr()).toContain('reading metadata files: 0 of');
        expect(tty.stderr()).toContain('judging 8 objects, 4 reports and 2 dashboards');
        const piped = memoryIo();
        await main(['audit', '--source-dir', path.relative(REPO, SOURCE_FIXTURE)], piped.io);
        expect(piped.stderr()).toBe('');
    });
});
