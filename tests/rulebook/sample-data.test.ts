// The sample data (config/sample-data, `sf data tree import --plan` format) must load cleanly:
// every reference resolves, every value fits the data model, and every high card and plan
// passes the rulebook as of the day the sample was written.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
    ACTION_STATUSES,
    LIMITS,
    OPEN_ACTION_STATUSES,
    checkHighCard,
    checkPlan
} from '../../force-app/main/default/lwc/pactRules/pactRules.js';
import {
    addDays,
    openActionValues,
    parseOpenActions,
    readOpenActions
} from '../../scripts/lib/sample-data/open-actions';
import { OBJECTS_DIR, PICKLISTS, REPO_ROOT } from './support';

const SAMPLE_DIR = path.join(REPO_ROOT, 'config', 'sample-data');
const SAMPLE_TODAY = '2026-11-23';

interface SampleRecord {
    attributes: { type: string; referenceId: string };
    [field: string]: unknown;
}
interface PlanStep {
    sobject: string;
    saveRefs: boolean;
    resolveRefs: boolean;
    files: string[];
}

const plan: PlanStep[] = JSON.parse(fs.readFileSync(path.join(SAMPLE_DIR, 'plan.json'), 'utf8'));
const steps = plan.map((step) => ({
    ...step,
    records: step.files.flatMap(
        (file) =>
            (JSON.parse(fs.readFileSync(path.join(SAMPLE_DIR, file), 'utf8')) as { records: SampleRecord[] }).records
    )
}));
const all = steps.flatMap((step) => step.records);
const byRef = new Map(all.map((record) => [record.attributes.referenceId, record]));
const ofType = (type: string) => all.filter((record) => record.attributes.type === type);
const ref = (value: unknown) => byRef.get(String(value).replace(/^@/, ''));
/** Drops the import's bookkeeping so the record looks like what a rep saves. */
const values = (record: SampleRecord) =>
    Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'attributes'));

/** Standard fields the sample sets, with the object each reference field points to. */
const STANDARD_FIELDS: Record<string, Record<string, string | null>> = {
    Account: { Name: null, Industry: null, Type: null, BillingCity: null, BillingCountry: null, Description: null },
    Contact: { LastName: null, Title: null, Email: null, AccountId: 'Account' },
    Opportunity: { Name: null, AccountId: 'Account', StageName: null, CloseDate: null, Amount: null },
    Case: {
        AccountId: 'Account',
        ContactId: 'Contact',
        Subject: null,
        Status: null,
        Priority: null,
        Origin: null,
        Description: null
    },
    Call_Plan__c: {},
    High_Card__c: { Name: null }
};

/** Target object of a custom reference field, read from the data model. */
function customReferenceTarget(object: string, field: string): string | null {
    const file = path.join(OBJECTS_DIR, object, 'fields', `${field}.field-meta.xml`);
    if (!fs.existsSync(file)) throw new Error(`${object}.${field} is not a field of the data model`);
    return /<referenceTo>([^<]+)<\/referenceTo>/.exec(fs.readFileSync(file, 'utf8'))?.[1] ?? null;
}

describe('sample data plan', () => {
    it('imports parents before children, each file holding records of its step', () => {
        expect(plan.map((step) => step.sobject)).toEqual([
            'Account',
            'Contact',
            'Opportunity',
            'Case',
            'Call_Plan__c',
            'High_Card__c'
        ]);
        for (const step of steps) {
            expect(step.records.length).toBeGreaterThan(0);
            expect(step.records.filter((record) => record.attributes.type !== step.sobject)).toEqual([]);
        }
    });

    it('has unique reference ids', () => {
        expect(byRef.size).toBe(all.length);
    });

    it('resolves every reference to an earlier record of the right object, on the same account', () => {
        const seen = new Set<string>();
        const problems: string[] = [];
        for (const step of steps) {
            for (const record of step.records) {
                const type = record.attributes.type;
                for (const [field, value] of Object.entries(values(record))) {
                    const target =
                        field in STANDARD_FIELDS[type]
                            ? STANDARD_FIELDS[type][field]
                            : customReferenceTarget(type, field);
                    if (!target) {
                        if (typeof value === 'string' && value.startsWith('@'))
                            problems.push(`${field} is not a reference`);
                        continue;
                    }
                    const parent = ref(value);
                    if (!parent || !seen.has(parent.attributes.referenceId)) {
                        problems.push(`${record.attributes.referenceId}.${field}: ${value} is not imported before it`);
                    } else if (parent.attributes.type !== target) {
                        problems.push(
                            `${record.attributes.referenceId}.${field}: ${value} is a ${parent.attributes.type}`
                        );
                    } else if (target !== 'Account') {
                        const ownAccount = record.AccountId ?? record.Account__c;
                        const parentAccount = parent.AccountId ?? parent.Account__c;
                        if (ownAccount !== parentAccount) {
                            problems.push(
                                `${record.attributes.referenceId}.${field}: ${value} belongs to another account`
                            );
                        }
                    }
                }
            }
            for (const record of step.records) seen.add(record.attributes.referenceId);
        }
        expect(problems).toEqual([]);
    });

    it('uses only fields that exist', () => {
        const unknown = all.flatMap((record) =>
            Object.keys(values(record))
                .filter((field) => !(field in STANDARD_FIELDS[record.attributes.type]))
                .filter(
                    (field) =>
                        !fs.existsSync(
                            path.join(OBJECTS_DIR, record.attributes.type, 'fields', `${field}.field-meta.xml`)
                        )
                )
                .map((field) => `${record.attributes.type}.${field}`)
        );
        expect(unknown).toEqual([]);
    });

    it('uses picklist values of the data model', () => {
        for (const [key, allowed] of Object.entries(PICKLISTS)) {
            const [object, field] = key.split('.');
            const used = ofType(object)
                .map((record) => record[field])
                .filter((value) => value !== undefined);
            expect(used.filter((value) => !allowed.some((entry) => entry.value === value))).toEqual([]);
        }
    });
});

describe('sample accounts, contacts, opportunities and cases', () => {
    it('has 12 accounts in varied industries, some with a customer alert', () => {
        const accounts = ofType('Account');
        expect(accounts).toHaveLength(12);
        expect(new Set(accounts.map((account) => account.Industry)).size).toBeGreaterThanOrEqual(10);
        const alerts = accounts.filter((account) => account.Customer_Alert__c);
        expect(alerts.length).toBeGreaterThanOrEqual(2);
        expect(alerts.length).toBeLessThanOrEqual(3);
        for (const account of alerts) expect(String(account.Customer_Alert__c).length).toBeLessThanOrEqual(255);
    });

    it('names contacts by their role', () => {
        const contacts = ofType('Contact');
        expect(contacts.length).toBeGreaterThanOrEqual(18);
        for (const contact of contacts) {
            expect(contact.FirstName).toBeUndefined();
            expect(contact.LastName).toBe(contact.Title);
            expect(String(contact.Email)).toMatch(/^[a-z.]+@[a-z-]+\.example$/);
        }
    });

    it('closes opportunities between December 2026 and March 2027', () => {
        const opportunities = ofType('Opportunity');
        expect(opportunities.length).toBeGreaterThanOrEqual(10);
        for (const opportunity of opportunities) {
            expect(String(opportunity.CloseDate) >= '2026-12-01' && String(opportunity.CloseDate) <= '2027-03-31').toBe(
                true
            );
        }
    });

    it('has open and closed cases', () => {
        const statuses = ofType('Case').map((record) => record.Status);
        expect(statuses).toContain('Closed');
        expect(statuses.filter((status) => status !== 'Closed').length).toBeGreaterThanOrEqual(3);
    });
});

describe('sample high cards', () => {
    const cards = ofType('High_Card__c');

    it.each(cards.map((card) => [card.attributes.referenceId, card] as const))(
        '%s passes the rulebook',
        (_ref, card) => {
            expect(checkHighCard(values(card), { today: SAMPLE_TODAY })).toEqual([]);
            expect(String(card.Occurred_On__c) < SAMPLE_TODAY).toBe(true);
            expect(String(card.Name).length).toBeLessThanOrEqual(LIMITS.headlineMax);
        }
    );

    it('covers every kind, theme and sentiment', () => {
        for (const field of ['Kind__c', 'Theme__c', 'Sentiment__c']) {
            const used = new Set(cards.map((card) => card[field]));
            expect(
                [...PICKLISTS[`High_Card__c.${field}`].map((entry) => entry.value)].filter((v) => !used.has(v))
            ).toEqual([]);
        }
        expect(cards.length).toBeGreaterThanOrEqual(35);
    });

    it('has no open actions in the import files, because an import cannot name the user who acts', () => {
        expect(
            cards.filter((card) => card.Needs_Action_By__c !== undefined || card.Action_Due__c !== undefined)
        ).toEqual([]);
        const statuses = new Set(cards.map((card) => card.Action_Status__c).filter(Boolean));
        expect([...statuses].filter((status) => OPEN_ACTION_STATUSES.includes(String(status)))).toEqual([]);
        expect([...statuses].sort()).toEqual(
            ACTION_STATUSES.map((status) => status.value)
                .filter((status) => !OPEN_ACTION_STATUSES.includes(status))
                .sort()
        );
    });
});

describe('sample open actions (open-actions.json, applied after the import)', () => {
    const definition = JSON.parse(fs.readFileSync(path.join(SAMPLE_DIR, 'open-actions.json'), 'utf8'));
    const { actions } = readOpenActions(SAMPLE_DIR);
    const RUNNING_USER = '005000000000001AAA';
    const withAction = (entry: (typeof actions)[number]) => ({
        ...values(ref(entry.card)!),
        ...openActionValues(entry, RUNNING_USER, SAMPLE_TODAY)
    });

    it('says what it is and whom the actions go to', () => {
        expect(definition.description).toMatch(/running user/);
        expect(definition.assignTo).toBe('running user');
        expect(actions.length).toBeGreaterThanOrEqual(5);
        expect(actions.length).toBeLessThanOrEqual(7);
    });

    it.each(actions.map((entry) => [entry.card, entry] as const))(
        '%s names an existing card by headline and account, and passes the rulebook with its action',
        (_card, entry) => {
            const card = ref(entry.card);
            expect(card?.attributes.type).toBe('High_Card__c');
            expect(card!.Name).toBe(entry.name);
            expect(ref(card!.Account__c)?.Name).toBe(entry.account);
            expect(['Request', 'Commitment', 'Complaint', 'Risk']).toContain(card!.Kind__c);
            expect(checkHighCard(withAction(entry), { today: SAMPLE_TODAY })).toEqual([]);
            // Without the user who acts, the same card is refused: the action really needs the running user.
            expect(
                checkHighCard({ ...withAction(entry), Needs_Action_By__c: null }, { today: SAMPLE_TODAY }).map(
                    (v) => v.rule
                )
            ).toEqual(['PACT_Due_Needs_Owner', 'PACT_Open_Action_Needs_Owner']);
        }
    );

    it('finds each card by name and account alone, as an org must', () => {
        for (const entry of actions) {
            const matches = ofType('High_Card__c').filter(
                (card) => card.Name === entry.name && ref(card.Account__c)?.Name === entry.account
            );
            expect(matches).toHaveLength(1);
        }
    });

    it('has open and in-progress actions, some overdue and some upcoming, due after the card happened', () => {
        expect(new Set(actions.map((entry) => entry.status))).toEqual(new Set(OPEN_ACTION_STATUSES));
        expect(actions.filter((entry) => entry.dueInDays < 0).length).toBeGreaterThanOrEqual(2);
        expect(actions.filter((entry) => entry.dueInDays > 0).length).toBeGreaterThanOrEqual(2);
        for (const entry of actions) {
            expect(withAction(entry).Action_Due__c > String(ref(entry.card)!.Occurred_On__c)).toBe(true);
        }
        expect(addDays('2026-11-23', -2)).toBe('2026-11-21');
        expect(addDays('2026-12-30', 4)).toBe('2027-01-03');
    });

    it('refuses a broken definition with the entry and the reason', () => {
        const entry = { card: 'Card_13', name: 'Needs night noise under 45 dB', account: 'Kestrel', status: 'Open' };
        const parse = (list: unknown[]) => () => parseOpenActions(JSON.stringify({ actions: list }));
        expect(() => parseOpenActions('{')).toThrow(/^Sample data open-actions.json: not valid JSON/);
        expect(() => parseOpenActions('[]')).toThrow('expected { "actions": [ ... ] }');
        expect(parse([{ ...entry, dueInDays: 3, status: 'Resolved' }])).toThrow(
            'action 1 (Card_13): "status" must be one of Open, In Progress, not "Resolved"'
        );
        expect(parse([{ ...entry, dueInDays: '3' }])).toThrow('"dueInDays" must be a whole number of days, not "3"');
        expect(parse([{ ...entry, dueInDays: 3, name: ' ' }])).toThrow('action 1 (Card_13) needs "name" as text');
        expect(
            parse([
                { ...entry, dueInDays: 3 },
                { ...entry, dueInDays: 5 }
            ])
        ).toThrow('action 2 (Card_13): the card is named twice');
        expect(parse([{ ...entry, dueInDays: -3 }])()).toEqual([{ ...entry, dueInDays: -3 }]);
    });
});

describe('sample plans', () => {
    const plans = ofType('Call_Plan__c');

    it.each(plans.map((record) => [record.attributes.referenceId, record] as const))(
        '%s passes the rulebook',
        (_ref, record) => {
            expect(checkPlan(values(record), { today: SAMPLE_TODAY })).toEqual([]);
        }
    );

    it('plans upcoming conversations, and records held and cancelled ones', () => {
        const planned = plans.filter((record) => record.Status__c === 'Planned');
        const held = plans.filter((record) => record.Status__c === 'Held');
        expect(planned.length).toBeGreaterThanOrEqual(4);
        expect(held.length).toBeGreaterThanOrEqual(3);
        expect(plans.some((record) => record.Status__c === 'Cancelled')).toBe(true);
        for (const record of planned) expect(String(record.Planned_For__c) > SAMPLE_TODAY).toBe(true);
        for (const record of held) expect(String(record.Planned_For__c) < SAMPLE_TODAY).toBe(true);
    });

    it('links high cards to the held plan they came from', () => {
        const linked = ofType('High_Card__c').filter((card) => card.Plan__c);
        expect(linked.length).toBeGreaterThanOrEqual(3);
        for (const card of linked) expect(ref(card.Plan__c)?.Status__c).toBe('Held');
    });
});

describe('scratch org definition', () => {
    const definition = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'config', 'project-scratch-def.json'), 'utf8'));

    it('asks for an English Enterprise org with Lightning Experience', () => {
        expect(definition).toMatchObject({
            edition: 'Enterprise',
            language: 'en_US',
            settings: { lightningExperienceSettings: { enableS1DesktopEnabled: true } }
        });
    });
});
