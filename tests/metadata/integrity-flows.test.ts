/**
 * What PACT's two record-triggered flows do, run offline from their XML by a small interpreter:
 * who gets told a high card needs their action, and who may read or edit a coaching note.
 */
import * as path from 'path';
import { readForceApp, XmlNode } from '../lib/force-app';
import { evaluateConditionLogic, Row, runRecordTriggeredFlow, Value } from '../lib/force-app-flow';

const app = readForceApp(path.resolve(__dirname, '..', '..', 'force-app'));
const flow = (name: string): XmlNode => {
    const m = app.metadata.find((x) => x.file === `main/default/flows/${name}.flow-meta.xml`);
    if (!m) throw new Error(`flow ${name} is missing`);
    return m.root;
};

// Salesforce Ids of the sample people, by role.
const REP = '005000000000001AAA';
const OTHER_REP = '005000000000002AAA';
const MANAGER = '005000000000003AAA';
const NEW_MANAGER = '005000000000004AAA';
const SALES_ASSISTANT = '005000000000005AAA';
const NOTIFICATION_TYPE = '0ML000000000001AAA';

describe('PACT High Card Action Needed', () => {
    const notifyFlow = flow('PACT_High_Card_Action_Needed');
    const card = (changes: Row = {}): Row => ({
        Id: 'a01000000000001AAA',
        Name: 'Wants a quarterly pricing review',
        Kind__c: 'Request',
        'Account__r.Name': 'Northwind Traders',
        Needs_Action_By__c: MANAGER,
        ...changes
    });
    const run = (record: Row, prior?: Row, options: { typeShipped?: boolean; sendFails?: boolean } = {}) => {
        const sent: Record<string, Value>[] = [];
        const result = runRecordTriggeredFlow(notifyFlow, {
            record,
            prior,
            labels: app.labels,
            app,
            tables: {
                CustomNotificationType:
                    options.typeShipped === false
                        ? []
                        : [{ Id: NOTIFICATION_TYPE, DeveloperName: 'PACT_Action_Needed' }]
            },
            actions: (_name, inputs) => {
                if (options.sendFails) throw new Error('The notification could not be sent');
                sent.push(inputs);
            }
        });
        return { result, sent };
    };

    it('tells the person named in Needs Action By when a card is created, opening the card', () => {
        const { sent } = run(card());
        expect(sent).toEqual([
            {
                customNotifTypeId: NOTIFICATION_TYPE,
                recipientIds: [MANAGER],
                title: 'A customer needs your action: Wants a quarterly pricing review',
                body: 'Request from Northwind Traders',
                targetId: 'a01000000000001AAA'
            }
        ]);
    });

    it.each([
        ['created without anyone named', card({ Needs_Action_By__c: null }), undefined, false],
        ['edited, same person', card({ Details__c: 'more' }), card(), false],
        ['handed to someone else', card({ Needs_Action_By__c: NEW_MANAGER }), card(), true],
        ['first named on an edit', card(), card({ Needs_Action_By__c: null }), true],
        ['cleared', card({ Needs_Action_By__c: null }), card(), false]
    ])('runs only when someone is newly named: %s', (_what, record, prior, notifies) => {
        const { result, sent } = run(record, prior);
        expect(result.ran).toBe(notifies);
        expect(sent.map((inputs) => inputs.recipientIds)).toEqual(notifies ? [[record.Needs_Action_By__c]] : []);
    });

    it('sends nothing, and does not fail the save, when the notification type is gone', () => {
        const { result, sent } = run(card(), undefined, { typeShipped: false });
        expect(result.path).toEqual(['Get_Notification_Type', 'Notification_Type_Found']);
        expect(sent).toEqual([]);
    });

    it('keeps the card when sending fails (fault path instead of a rolled-back save)', () => {
        const { result } = run(card(), undefined, { sendFails: true });
        expect(result.path[result.path.length - 1]).toBe('Keep_Card_Despite_Failure');
    });

    it('stays within the notification limits (title 250, body 750 characters) for the longest values', () => {
        const { sent } = run(
            card({ Name: 'x'.repeat(80), 'Account__r.Name': 'y'.repeat(255), Kind__c: 'Buying Signal' })
        );
        expect((sent[0].title as string).length).toBeLessThanOrEqual(250);
        expect((sent[0].body as string).length).toBeLessThanOrEqual(750);
    });
});

describe('PACT Coaching Note Sharing', () => {
    const sharingFlow = flow('PACT_Coaching_Note_Sharing');
    const NOTE = 'a02000000000001AAA';
    const note = (changes: Row = {}): Row => ({
        Id: NOTE,
        OwnerId: MANAGER,
        Manager__c: MANAGER,
        Rep__c: REP,
        Note__c: 'Training: open with the customer goal, not the product list.',
        ...changes
    });
    const share = (user: string, level: string): Row => ({
        ParentId: NOTE,
        UserOrGroupId: user,
        AccessLevel: level,
        RowCause: 'Manual'
    });
    /** Runs the flow on a share table and returns who holds a manual share afterwards. */
    const sharesAfter = (record: Row, prior: Row | undefined, existing: Row[]) => {
        const tables = { Coaching_Note__Share: existing.map((r) => ({ ...r })) };
        runRecordTriggeredFlow(sharingFlow, {
            record,
            prior,
            labels: app.labels,
            app,
            tables,
            // The server refuses a manual share to the record owner.
            onCreate: (object, row) => {
                if (object === 'Coaching_Note__Share' && row.UserOrGroupId === record.OwnerId)
                    throw new Error('FIELD_INTEGRITY_EXCEPTION: cannot share with the owner');
            }
        });
        return tables.Coaching_Note__Share.map((r) => `${r.UserOrGroupId}:${r.AccessLevel}`).sort();
    };

    it('a manager writes a note: the rep may read it, the manager owns it', () => {
        expect(sharesAfter(note(), undefined, [])).toEqual([`${REP}:Read`]);
    });

    it('an assistant files a note for a manager: manager edits, rep reads', () => {
        expect(sharesAfter(note({ OwnerId: SALES_ASSISTANT }), undefined, [])).toEqual(
            [`${MANAGER}:Edit`, `${REP}:Read`].sort()
        );
    });

    it('the note moves to another rep: the first rep loses access', () => {
        expect(sharesAfter(note({ Rep__c: OTHER_REP }), note(), [share(REP, 'Read')])).toEqual([`${OTHER_REP}:Read`]);
    });

    it('a new manager takes over the team: the new manager edits, the rep keeps reading', () => {
        expect(sharesAfter(note({ Manager__c: NEW_MANAGER }), note(), [share(REP, 'Read')])).toEqual(
            [`${NEW_MANAGER}:Edit`, `${REP}:Read`].sort()
        );
    });

    it('the new manager then owns the note: no share to the owner, the old manager has none', () => {
        // Salesforce deletes manual shares when the owner changes; the flow puts back what is needed.
        const prior = note({ Manager__c: NEW_MANAGER });
        expect(sharesAfter(note({ Manager__c: NEW_MANAGER, OwnerId: NEW_MANAGER }), prior, [])).toEqual([
            `${REP}:Read`
        ]);
    });

    it('editing only the text changes nothing', () => {
        const existing = [share(REP, 'Read')];
        expect(sharesAfter(note({ Note__c: 'Follow-up agreed.' }), note(), existing)).toEqual([`${REP}:Read`]);
    });

    it('after any run, only the current manager and rep (never the owner) hold manual shares', () => {
        const people = [REP, OTHER_REP, MANAGER, NEW_MANAGER, SALES_ASSISTANT];
        const PRIOR_MANAGER = '005000000000006AAA';
        const PRIOR_REP = '005000000000007AAA';
        for (const owner of [MANAGER, SALES_ASSISTANT])
            for (const manager of [...people, null])
                for (const rep of [REP, OTHER_REP, null]) {
                    // The validation rule PACT_Manager_Not_Rep refuses such a note before the flow runs.
                    if (manager === rep) continue;
                    const after = note({ OwnerId: owner, Manager__c: manager, Rep__c: rep });
                    const allowed = [manager, rep].filter((u) => u && u !== owner).sort();
                    const scenarios: [string, Row | undefined, Row[]][] = [
                        ['created', undefined, []],
                        [
                            'manager and rep changed',
                            note({ OwnerId: owner, Manager__c: PRIOR_MANAGER, Rep__c: PRIOR_REP }),
                            [share(PRIOR_MANAGER, 'Edit'), share(PRIOR_REP, 'Read')]
                        ]
                    ];
                    for (const [what, prior, existing] of scenarios) {
                        const holders = sharesAfter(after, prior, existing).map((s) => s.split(':')[0]);
                        expect({ what, owner, manager, rep, holders: holders.sort() }).toEqual({
                            what,
                            owner,
                            manager,
                            rep,
                            holders: allowed
                        });
                    }
                }
    });
});

describe('the condition logic evaluator', () => {
    it('follows AND before OR, parentheses and NOT, and rejects what it cannot read', () => {
        expect(evaluateConditionLogic('1 AND 2 AND (3 OR 4 OR 5)', [true, true, false, false, true])).toBe(true);
        expect(evaluateConditionLogic('1 AND 2 AND (3 OR 4 OR 5)', [true, true, false, false, false])).toBe(false);
        expect(evaluateConditionLogic('1 OR 2 AND 3', [true, false, false])).toBe(true);
        expect(evaluateConditionLogic('NOT 1', [true])).toBe(false);
        expect(() => evaluateConditionLogic('1 AND 4', [true, true])).toThrow(/no condition 4/);
        expect(() => evaluateConditionLogic('1 XOR 2', [true, true])).toThrow(/unsupported/);
    });
});
