/**
 * The local preview's record store and report evaluation: sample data loading (references, date
 * shift, persistence), writes checked like the org checks them (UI API error shapes, the rulebook as
 * validation rules), and the exec view's report groupings and filters.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { graphql } from 'graphql';
import { describeOrg } from '../../scripts/lib/graphql/describe';
import { extractQueries } from '../../scripts/lib/graphql/extract-queries';
import { buildUiApiSchemaFromDescribe } from '../../scripts/lib/graphql/uiapi-schema';
import { addDays, readOpenActions } from '../../scripts/lib/sample-data/open-actions';
import {
    PREVIEW_USERS,
    PreviewStore,
    RecordWriteError,
    RUNNING_USER_ID,
    type RuleChecker
} from '../../scripts/preview/store';
import { intervalRange, readReports, runReport, type ReportDefinition } from '../../scripts/preview/reports';
import { checkRecord, RULES } from '../../force-app/main/default/lwc/pactRules/pactRules.js';

const REPO = path.resolve(__dirname, '../..');
const org = describeOrg(path.join(REPO, 'force-app'));
const NOW = new Date('2026-11-23T10:00:00');
const message = (name: string) => RULES.find((r) => r.name === name)!.message;

let dir: string;

function writeSample(cards: Record<string, unknown>[]) {
    const sample = path.join(dir, 'sample');
    fs.mkdirSync(sample, { recursive: true });
    fs.writeFileSync(
        path.join(sample, 'plan.json'),
        JSON.stringify([
            { sobject: 'Account', saveRefs: true, resolveRefs: false, files: ['Account.json'] },
            { sobject: 'High_Card__c', saveRefs: false, resolveRefs: true, files: ['High_Card__c.json'] }
        ])
    );
    fs.writeFileSync(
        path.join(sample, 'Account.json'),
        JSON.stringify({
            records: [
                {
                    attributes: { type: 'Account', referenceId: 'Acc_Northwind' },
                    Name: 'Northwind Traders',
                    Customer_Alert__c: 'On credit hold - refer to accounts receivable'
                },
                { attributes: { type: 'Account', referenceId: 'Acc_Contoso' }, Name: 'Contoso Foods' }
            ]
        })
    );
    fs.writeFileSync(
        path.join(sample, 'High_Card__c.json'),
        JSON.stringify({
            records: cards.map((c, i) => ({ attributes: { type: 'High_Card__c', referenceId: `Card${i}` }, ...c }))
        })
    );
    return sample;
}

const newStore = (sample: string, clock = () => NOW) =>
    new PreviewStore(org, sample, path.join(dir, 'store.json'), checkRecord as unknown as RuleChecker, clock);

const CARDS = [
    {
        Name: 'Will move volume unless we match price',
        Account__c: '@Acc_Northwind',
        Kind__c: 'Competitor',
        Theme__c: 'Pricing',
        Details__c: 'Head of Purchasing: a competitor offered 5% less; they move 40% of volume unless we match.',
        Occurred_On__c: '2026-11-19'
    },
    {
        Name: 'Praised the new delivery windows',
        Account__c: '@Acc_Northwind',
        Kind__c: 'Praise',
        Theme__c: 'Delivery',
        Details__c: 'The warehouse lead said the new delivery windows saved them an hour every morning.',
        Occurred_On__c: '2026-09-02'
    },
    {
        Name: 'Invoices per site',
        Account__c: '@Acc_Contoso',
        Kind__c: 'Request',
        Theme__c: 'Billing',
        Details__c: 'Finance asked for one invoice per site from January, with the site code on every line.',
        Occurred_On__c: '2026-11-01'
    }
];

beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-store-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the preview store', () => {
    it('loads the sample plan, resolves references and moves dates so the newest card is today', () => {
        const store = newStore(writeSample(CARDS));
        expect(store.load()).toEqual({ source: 'sample', records: 4 + 2 + 3, shiftedDays: 4 });
        const northwind = store.list('Account').find((a) => a.Name === 'Northwind Traders')!;
        const cards = store.list('High_Card__c');
        expect(cards.filter((c) => c.Account__c === northwind.Id)).toHaveLength(2);
        expect(cards.map((c) => c.Occurred_On__c).sort()).toEqual(['2026-09-06', '2026-11-05', '2026-11-23']);
        expect(store.get(RUNNING_USER_ID)?.Name).toBe('Sales Rep');
    });

    it('keeps writes across a restart, and starts over when the sample data changes', () => {
        const sample = writeSample(CARDS);
        const first = newStore(sample);
        first.load();
        const account = first.list('Account')[0];
        first.create('High_Card__c', {
            Account__c: account.Id,
            Kind__c: 'Request',
            Details__c: 'They asked for a quote on 400 extra boxes before the budget freeze.',
            Name: 'Quote for 400 boxes'
        });
        const second = newStore(sample);
        expect(second.load().source).toBe('saved');
        expect(second.list('High_Card__c')).toHaveLength(4);
        writeSample(CARDS.slice(0, 2));
        const third = newStore(sample);
        expect(third.load().source).toBe('sample');
        expect(third.list('High_Card__c')).toHaveLength(2);
    });

    it('refuses a low card with the rulebook message in the UI API error shape', () => {
        const store = newStore(writeSample(CARDS));
        store.load();
        const account = store.list('Account')[0];
        let error: RecordWriteError | undefined;
        try {
            store.create('High_Card__c', {
                Account__c: account.Id,
                Kind__c: 'Feedback',
                Details__c: 'Called, left a voicemail'
            });
        } catch (e) {
            error = e as RecordWriteError;
        }
        expect(error).toBeInstanceOf(RecordWriteError);
        expect(error!.status).toBe(400);
        expect(error!.toBody()).toMatchObject({
            enhancedErrorType: 'RecordError',
            output: {
                errors: [],
                fieldErrors: {
                    Details__c: [
                        {
                            errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
                            field: 'Details__c',
                            fieldLabel: 'Details',
                            message: message('PACT_No_Low_Cards')
                        }
                    ]
                }
            }
        });
        expect(store.list('High_Card__c')).toHaveLength(3);
    });

    it('checks what the org checks before the rules: picklists, required parents, unknown fields', () => {
        const store = newStore(writeSample(CARDS));
        store.load();
        const account = store.list('Account')[0];
        const codes = (fields: Record<string, unknown>) => {
            try {
                store.create('High_Card__c', fields);
                return [];
            } catch (e) {
                const body = (e as RecordWriteError).toBody();
                return [
                    ...Object.values(body.output.fieldErrors).flatMap((list) =>
                        (list as { errorCode: string }[]).map((f) => f.errorCode)
                    ),
                    ...body.output.errors.map((f) => f.errorCode)
                ];
            }
        };
        const details = 'The buyer said the new pallets fit their racking, a first in three years.';
        expect(codes({ Account__c: account.Id, Kind__c: 'Gossip', Details__c: details })).toEqual([
            'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'
        ]);
        expect(codes({ Kind__c: 'Praise', Details__c: details })).toEqual(['REQUIRED_FIELD_MISSING']);
        expect(codes({ Account__c: account.Id, Kind__c: 'Praise', Details__c: details, Detials__c: 'x' })).toEqual([
            'INVALID_FIELD'
        ]);
        expect(
            codes({ Account__c: account.Id, Kind__c: 'Praise', Details__c: details, Occurred_On__c: '2026-12-01' })
        ).toEqual(['FIELD_CUSTOM_VALIDATION_EXCEPTION']);
        const saved = store.create('High_Card__c', {
            Account__c: account.Id.toLowerCase(),
            Kind__c: 'Praise',
            Details__c: details
        });
        expect(saved).toMatchObject({
            Account__c: account.Id,
            Occurred_On__c: '2026-11-23',
            Action_Status__c: 'Not Needed'
        });
    });

    it('numbers plans like the auto-number field and fails every write on request', () => {
        const store = newStore(writeSample(CARDS));
        store.load();
        const account = store.list('Account')[0];
        const plan = store.create('Call_Plan__c', {
            Account__c: account.Id,
            Objective__c: 'Agree the pilot scope for the night shift',
            Status__c: 'Planned'
        });
        expect(plan.Name).toBe('PLAN-00001');
        store.failWrites = 'server';
        expect(() => store.update(plan.Id, { Objective__c: 'Agree the pilot scope and the start date' })).toThrow(
            RecordWriteError
        );
        expect(store.get(plan.Id)?.Objective__c).toBe('Agree the pilot scope for the night shift');
    });

    it('reads and writes as the user the page runs as, over the same records, counters and failures', () => {
        const store = newStore(writeSample(CARDS));
        store.load();
        const account = store.list('Account')[0];
        const manager = PREVIEW_USERS.find((u) => u.Id !== RUNNING_USER_ID)!;
        expect(store.asUser(RUNNING_USER_ID)).toBe(store);
        const asManager = store.asUser(manager.Id);
        expect([store.userId, asManager.userId]).toEqual([RUNNING_USER_ID, manager.Id]);
        const first = asManager.create('Call_Plan__c', {
            Account__c: account.Id,
            Objective__c: 'Agree the pilot scope for the night shift',
            Status__c: 'Planned'
        });
        expect(first).toMatchObject({ Name: 'PLAN-00001', CreatedById: manager.Id, LastModifiedById: manager.Id });
        // The same store underneath: the rep sees the plan, numbering goes on, an update names who made it.
        expect(store.get(first.Id)).toBe(first);
        const second = store.create('Call_Plan__c', {
            Account__c: account.Id,
            Objective__c: 'Hear what the night shift needs before the pilot',
            Status__c: 'Planned'
        });
        expect(second).toMatchObject({ Name: 'PLAN-00002', CreatedById: RUNNING_USER_ID });
        expect(store.update(first.Id, { Status__c: 'Cancelled' }).LastModifiedById).toBe(RUNNING_USER_ID);
        store.failWrites = 'server';
        expect(() => asManager.update(first.Id, { Status__c: 'Planned' })).toThrow(RecordWriteError);
    });
});

describe('standard fields the platform derives', () => {
    it('closes a case whose status is Closed and an opportunity at a closed stage, as an org does', () => {
        const store = newStore(path.join(REPO, 'config', 'sample-data'));
        store.load();
        const cases = store.list('Case');
        expect(cases.length).toBeGreaterThan(0);
        for (const c of cases) expect(c.IsClosed).toBe(c.Status === 'Closed');
        for (const o of store.list('Opportunity'))
            expect([o.IsClosed, o.IsWon]).toEqual([
                String(o.StageName).startsWith('Closed'),
                o.StageName === 'Closed Won'
            ]);
        // Case numbers are the platform's too: every sample case has one, all different.
        expect(new Set(cases.map((c) => c.CaseNumber)).size).toBe(cases.length);
        expect(cases.every((c) => /^\d{8}$/.test(String(c.CaseNumber)))).toBe(true);
        const open = cases.find((c) => c.Status !== 'Closed')!;
        expect(store.update(String(open.Id), { Status: 'Closed' }).IsClosed).toBe(true);
    });
});

describe('the sample open actions in the preview', () => {
    const SAMPLE = path.join(REPO, 'config', 'sample-data');
    const { actions } = readOpenActions(SAMPLE);

    it('go to the sample rep, due relative to the shifted today, and pass the rulebook', () => {
        const store = newStore(SAMPLE);
        // The newest sample card happened on 21 November; the preview's today is the 23rd.
        expect(store.load()).toMatchObject({ source: 'sample', shiftedDays: 2 });
        const open = store
            .list('High_Card__c')
            .filter((c) => c.Action_Status__c === 'Open' || c.Action_Status__c === 'In Progress');
        expect(open.map((c) => c.Name).sort()).toEqual(actions.map((a) => a.name).sort());
        expect(store.get(RUNNING_USER_ID)?.Name).toBe('Sales Rep');
        for (const entry of actions) {
            const card = open.find((c) => c.Name === entry.name)!;
            expect([store.get(String(card.Account__c))?.Name, card.Needs_Action_By__c, card.Action_Status__c]).toEqual([
                entry.account,
                RUNNING_USER_ID,
                entry.status
            ]);
            expect(checkRecord('High_Card__c', card, { today: store.today() })).toEqual([]);
        }
        const due = Object.fromEntries(open.map((c) => [c.Name, c.Action_Due__c]));
        expect(due['Duplicate invoice blocks payments']).toBe('2026-11-21'); // two days overdue
        expect(due['Needs night noise under 45 dB']).toBe('2026-11-27'); // in four days
        // Every other card still has nobody to act.
        expect(store.list('High_Card__c').filter((c) => c.Needs_Action_By__c)).toHaveLength(actions.length);
    });

    it("are what My Week's query returns for the sample rep, soonest due first, and nobody else's", async () => {
        // Another day: the actions move with the preview's today.
        const store = newStore(SAMPLE, () => new Date('2027-03-01T09:00:00'));
        store.load();
        const [myWeek] = extractQueries(path.join(REPO, 'force-app', 'main', 'default', 'lwc'), REPO).filter((q) =>
            q.file.includes('pactMyWeek')
        );
        const waitingOn = async (userId: string) => {
            const result = await graphql({
                schema: buildUiApiSchemaFromDescribe(org),
                source: myWeek.query!,
                variableValues: { userId, from: '2027-03-01', until: '2027-03-14' },
                contextValue: { source: store }
            });
            expect(result.errors).toBeUndefined();
            const data = result.data as {
                uiapi: { query: { High_Card__c: { edges: { node: Record<string, { value: string }> }[] } } };
            };
            return data.uiapi.query.High_Card__c.edges.map((e) => [e.node.Name.value, e.node.Action_Due__c.value]);
        };
        const byDue = [...actions].sort((a, b) => a.dueInDays - b.dueInDays);
        expect(await waitingOn(RUNNING_USER_ID)).toEqual(
            byDue.map((a) => [a.name, addDays('2027-03-01', a.dueInDays)])
        );
        expect((await waitingOn(RUNNING_USER_ID))[0]).toEqual(['Duplicate invoice blocks payments', '2027-02-27']);
        expect(await waitingOn('005000000000002AAA')).toEqual([]);
    });

    it('starts over when the definition changes, and names an entry that does not match its card', () => {
        const sample = writeSample(CARDS);
        const entry = { card: 'Card2', name: 'Invoices per site', account: 'Contoso Foods', status: 'Open' };
        fs.writeFileSync(
            path.join(sample, 'open-actions.json'),
            JSON.stringify({ actions: [{ ...entry, dueInDays: 3 }] })
        );
        const first = newStore(sample);
        first.load();
        expect(first.list('High_Card__c').find((c) => c.Name === 'Invoices per site')).toMatchObject({
            Needs_Action_By__c: RUNNING_USER_ID,
            Action_Status__c: 'Open',
            Action_Due__c: '2026-11-26'
        });
        fs.writeFileSync(
            path.join(sample, 'open-actions.json'),
            JSON.stringify({ actions: [{ ...entry, dueInDays: -1 }] })
        );
        const second = newStore(sample);
        expect(second.load().source).toBe('sample');
        expect(second.list('High_Card__c').find((c) => c.Name === 'Invoices per site')?.Action_Due__c).toBe(
            '2026-11-22'
        );
        fs.writeFileSync(
            path.join(sample, 'open-actions.json'),
            JSON.stringify({ actions: [{ ...entry, account: 'Northwind Traders', dueInDays: 1 }] })
        );
        expect(() => newStore(sample).load()).toThrow(
            'Sample data open-actions.json: Card2 is "Invoices per site" at Contoso Foods, not "Invoices per site" at Northwind Traders'
        );
    });
});

describe('the exec view of the reports', () => {
    it('reads every bundled report with its object and groupings', () => {
        const reports = readReports(path.join(REPO, 'force-app'));
        for (const report of reports) {
            const object = org.objects.get(report.object);
            expect(object).toBeDefined();
            for (const grouping of report.groupings) {
                expect(object!.fields.map((f) => f.apiName)).toContain(grouping.field.split('.')[0]);
            }
        }
    });

    it('groups, filters and applies the time frame like the report would', () => {
        const store = newStore(writeSample(CARDS));
        store.load();
        const definition: ReportDefinition = {
            file: 'fixture',
            name: 'Competitor and praise by account, last 90 days',
            description: '',
            object: 'High_Card__c',
            groupings: [{ field: 'Account__c.Name' }, { field: 'Kind__c' }],
            filters: [{ field: 'Kind__c', operator: 'equals', value: 'Competitor,Praise,Request' }],
            timeFrame: { field: 'Occurred_On__c', interval: 'INTERVAL_LAST90' }
        };
        const result = runReport(definition, store, org);
        // Shifted dates: 11-23 (Competitor, Northwind), 11-05 (Request, Contoso), 09-06 (Praise, Northwind: 78 days ago).
        expect(result.total).toBe(3);
        expect(result.groups.map((g) => [g.label, g.total])).toEqual([
            ['Contoso Foods', 1],
            ['Northwind Traders', 2]
        ]);
        expect(result.secondaryKeys).toEqual(['Competitor', 'Praise', 'Request']);
        const thisMonth = runReport(
            { ...definition, timeFrame: { field: 'Occurred_On__c', interval: 'INTERVAL_THISMONTH' } },
            store,
            org
        );
        expect(thisMonth.total).toBe(2);
    });

    it('turns report intervals into calendar ranges', () => {
        expect(intervalRange('INTERVAL_CURRENTQ', '2026-11-23')).toEqual(['2026-10-01', '2026-12-31']);
        expect(intervalRange('INTERVAL_CURPREVQ', '2026-11-23')).toEqual(['2026-07-01', '2026-12-31']);
        expect(intervalRange('INTERVAL_PREVCURY', '2026-11-23')).toEqual(['2025-01-01', '2026-12-31']);
        expect(intervalRange('INTERVAL_LAST90', '2026-11-23')).toEqual(['2026-08-25', '2026-11-23']);
        expect(intervalRange('INTERVAL_CUSTOM', '2026-11-23')).toBeNull();
    });
});
