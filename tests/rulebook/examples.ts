// The example table: records a rep could really save, and what the rulebook must say about each.
// Every row is checked against both the JavaScript checks and the Salesforce formulas.

export const TODAY = '2026-11-23';

export type RuleObject = 'High_Card__c' | 'Call_Plan__c' | 'Coaching_Note__c';

export interface Example {
    name: string;
    object: RuleObject;
    record: Record<string, unknown>;
    /** The record before this edit (ISNEW(), ISCHANGED()); left out for a new record. */
    prior?: Record<string, unknown>;
    /** Names of the rules the record breaks; empty = the save is accepted. */
    rejectedBy: string[];
}

const REP = '005000000000001AAA';
const MANAGER = '005000000000002AAA';
/** Another manager, and another of MANAGER's reps. */
const OTHER_MANAGER = '005000000000003AAA';
const OTHER_REP = '005000000000004AAA';

/** A good card to vary: Details__c and the action fields are what the rules look at. */
const card = (details: string | null, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    Account__c: '001000000000001AAA',
    Kind__c: 'Feedback',
    Theme__c: 'Pricing',
    Sentiment__c: 'Neutral',
    Details__c: details,
    Occurred_On__c: '2026-11-20',
    Action_Status__c: 'Not Needed',
    Needs_Action_By__c: null,
    Action_Due__c: null,
    ...extra
});

const plan = (objective: string | null, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    Account__c: '001000000000001AAA',
    Objective__c: objective,
    Planned_For__c: '2026-11-30',
    Status__c: 'Planned',
    Outcome__c: null,
    ...extra
});

/** A note as the server sees it: Rep__r.ManagerId is the rep's User.ManagerId. */
const note = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    Rep__c: REP,
    Manager__c: MANAGER,
    'Rep__r.ManagerId': MANAGER,
    Reason__c: 'Training',
    Note__c: 'Practise opening questions before the Q1 renewals; review two plans together each week.',
    Period_Start__c: '2026-12-01',
    Period_End__c: '2027-02-28',
    ...extra
});

const LOW = 'PACT_No_Low_Cards';
const REPORTS = 'PACT_Rep_Reports_To_Manager';
const FIXED = 'PACT_Rep_Manager_Fixed';
const SHORT = 'PACT_Details_Specific';

/** Text of an exact length, built from real words so the length is the only thing that matters. */
export const exactly = (length: number, words = 'Customer wants the price list for next year in euros please ') => {
    let text = '';
    while (text.length < length) text += words;
    return text.slice(0, length).replace(/ $/, '.');
};

const LONG_MINUTES = `Minutes pasted from the customer's steering committee. ${'They asked for weekly delivery reports and a named contact for escalations. '.repeat(450)}`;

export const HIGH_CARD_EXAMPLES: Example[] = [
    // The low cards from the issue: each only says that something happened.
    { name: 'issue: "Called"', object: 'High_Card__c', record: card('Called'), rejectedBy: [SHORT, LOW] },
    {
        name: 'issue: "Left voicemail"',
        object: 'High_Card__c',
        record: card('Left voicemail'),
        rejectedBy: [SHORT, LOW]
    },
    { name: 'issue: "Visited site"', object: 'High_Card__c', record: card('Visited site'), rejectedBy: [SHORT, LOW] },
    { name: 'issue: "Sent email"', object: 'High_Card__c', record: card('Sent email'), rejectedBy: [SHORT, LOW] },
    { name: 'issue: "Followed up"', object: 'High_Card__c', record: card('Followed up'), rejectedBy: [SHORT, LOW] },
    { name: 'issue: "Meeting held"', object: 'High_Card__c', record: card('Meeting held'), rejectedBy: [SHORT, LOW] },
    { name: 'issue: "Demo given"', object: 'High_Card__c', record: card('Demo given'), rejectedBy: [SHORT, LOW] },
    { name: 'issue: "Touched base"', object: 'High_Card__c', record: card('Touched base'), rejectedBy: [SHORT, LOW] },
    { name: 'issue: "Checked in"', object: 'High_Card__c', record: card('Checked in'), rejectedBy: [SHORT, LOW] },
    {
        name: 'long low card: call and voicemail',
        object: 'High_Card__c',
        record: card('Called the customer today, left a voicemail'),
        rejectedBy: [LOW]
    },
    {
        name: 'long low card: meeting naming the team (two names allowed)',
        object: 'High_Card__c',
        record: card('Had a meeting with Acme procurement team'),
        rejectedBy: [LOW]
    },
    {
        name: 'long low card: follow-up email with punctuation and capitals',
        object: 'High_Card__c',
        record: card('FOLLOWED UP via email re: the proposal!!!'),
        rejectedBy: [LOW]
    },
    {
        name: 'long low card: weekly status call',
        object: 'High_Card__c',
        record: card('Weekly status call with the client, as usual.'),
        rejectedBy: [LOW]
    },
    {
        name: 'long low card: several lines of activity words',
        object: 'High_Card__c',
        record: card('Phoned twice.\nNo answer.\nSent LinkedIn message.'),
        rejectedBy: [LOW]
    },
    {
        name: 'long low card: lunch with a named person',
        object: 'High_Card__c',
        record: card('Lunch with Priya at the Berlin office'),
        rejectedBy: [LOW]
    },

    // Real content that mentions an activity is a high card.
    {
        name: 'issue: content after "Called" is accepted',
        object: 'High_Card__c',
        record: card('Called Dana: they will move 40% of volume to a competitor unless we match 5%', {
            Kind__c: 'Risk',
            Sentiment__c: 'Negative'
        }),
        rejectedBy: []
    },
    {
        name: 'visit with a customer request',
        object: 'High_Card__c',
        record: card('Visited the plant: they want pallets labelled with their own part numbers from January', {
            Kind__c: 'Request',
            Theme__c: 'Delivery'
        }),
        rejectedBy: []
    },
    {
        name: 'meeting with a buying signal',
        object: 'High_Card__c',
        record: card('Meeting held; CFO said budget for the second warehouse is approved for Q2', {
            Kind__c: 'Buying Signal',
            Sentiment__c: 'Positive'
        }),
        rejectedBy: []
    },
    {
        name: 'praise without any activity word',
        object: 'High_Card__c',
        record: card('Head of Service says the new portal halved their ticket backlog', {
            Kind__c: 'Praise',
            Theme__c: 'Service',
            Sentiment__c: 'Positive'
        }),
        rejectedBy: []
    },
    {
        name: 'complaint about billing',
        object: 'High_Card__c',
        record: card('Invoices arrive in USD although the contract says EUR; finance refuses to pay until fixed', {
            Kind__c: 'Complaint',
            Theme__c: 'Billing',
            Sentiment__c: 'Negative'
        }),
        rejectedBy: []
    },
    {
        name: 'commitment with owner, due date and open action',
        object: 'High_Card__c',
        record: card('Promised the buyer a revised delivery schedule by Friday; they will confirm volumes then', {
            Kind__c: 'Commitment',
            Action_Status__c: 'Open',
            Needs_Action_By__c: REP,
            Action_Due__c: '2026-11-27'
        }),
        rejectedBy: []
    },
    {
        name: 'action in progress with owner and no due date',
        object: 'High_Card__c',
        record: card('Wants a second source for the 40 mm valves before signing the frame contract', {
            Action_Status__c: 'In Progress',
            Needs_Action_By__c: MANAGER
        }),
        rejectedBy: []
    },
    {
        name: 'resolved action without owner',
        object: 'High_Card__c',
        record: card('Asked for a corrected credit note; accounts receivable sent it the same day', {
            Action_Status__c: 'Resolved'
        }),
        rejectedBy: []
    },
    {
        name: 'no action status at all',
        object: 'High_Card__c',
        record: card('Competitor Nordline offered free installation on every order above 10k', {
            Action_Status__c: null,
            Kind__c: 'Competitor'
        }),
        rejectedBy: []
    },

    // Blank and length limits.
    { name: 'empty details (null)', object: 'High_Card__c', record: card(null), rejectedBy: ['PACT_Details_Required'] },
    {
        name: 'empty details (empty string)',
        object: 'High_Card__c',
        record: card(''),
        rejectedBy: ['PACT_Details_Required']
    },
    {
        name: 'whitespace-only details',
        object: 'High_Card__c',
        record: card('      '),
        rejectedBy: ['PACT_Details_Required']
    },
    { name: 'details of 19 characters', object: 'High_Card__c', record: card(exactly(19)), rejectedBy: [SHORT] },
    { name: 'details of exactly 20 characters', object: 'High_Card__c', record: card(exactly(20)), rejectedBy: [] },
    {
        name: '19 characters padded with spaces to 25 still too short',
        object: 'High_Card__c',
        record: card(`   ${exactly(19)}   `),
        rejectedBy: [SHORT]
    },
    {
        name: 'details of exactly 32000 characters',
        object: 'High_Card__c',
        record: card(exactly(32000)),
        rejectedBy: []
    },
    {
        name: 'details over 32000 characters (pasted minutes)',
        object: 'High_Card__c',
        record: card(LONG_MINUTES),
        rejectedBy: ['PACT_Details_Fit']
    },

    // Other scripts and pasted content are stored as written.
    {
        name: 'emoji only',
        object: 'High_Card__c',
        record: card('👍👍👍'),
        rejectedBy: [SHORT]
    },
    {
        name: 'emoji inside real content',
        object: 'High_Card__c',
        record: card('Loved the new dashboard 👍 and wants it for the whole Lyon team 🎉', {
            Kind__c: 'Praise',
            Sentiment__c: 'Positive'
        }),
        rejectedBy: []
    },
    {
        name: 'right-to-left text (Arabic)',
        object: 'High_Card__c',
        record: card('العميل يطلب خصمًا بنسبة ٥٪ على طلبية الربع القادم'),
        rejectedBy: []
    },
    {
        name: 'right-to-left text (Hebrew)',
        object: 'High_Card__c',
        record: card('הלקוח מבקש להקדים את המשלוח לשבוע הבא'),
        rejectedBy: []
    },
    {
        name: 'activity word before a request in Arabic',
        object: 'High_Card__c',
        record: card('Called: العميل يطلب خصمًا بنسبة ٥٪ على طلبية الربع القادم', { Kind__c: 'Request' }),
        rejectedBy: []
    },
    {
        name: 'activity word before a request in Chinese',
        object: 'High_Card__c',
        record: card('Visited: 客户要求下个月前报价，并确认交货时间', { Kind__c: 'Request', Theme__c: 'Delivery' }),
        rejectedBy: []
    },
    {
        name: 'a script without spaces is never judged a low card, even a name after an activity word',
        object: 'High_Card__c',
        record: card('Called 王经理, left a voicemail'),
        rejectedBy: []
    },
    {
        name: 'accented names and words count as content',
        object: 'High_Card__c',
        record: card('Called Müller: Preiserhöhung über 5 % wird nicht akzeptiert'),
        rejectedBy: []
    },
    {
        name: 'emoji do not turn a low card into content',
        object: 'High_Card__c',
        record: card('Called the customer today 👍 left voicemail 📞'),
        rejectedBy: [LOW]
    },
    {
        name: 'curly quotes and dashes are separators',
        object: 'High_Card__c',
        record: card('Followed up with Dana — left a message … “no answer”'),
        rejectedBy: [LOW]
    },
    {
        name: 'short right-to-left text',
        object: 'High_Card__c',
        record: card('הלקוח מרוצה'),
        rejectedBy: [SHORT]
    },
    {
        name: 'pasted HTML and script tags kept verbatim',
        object: 'High_Card__c',
        record: card(
            '<script>alert("x")</script> <b>Buyer</b> says the portal logs them out every 5 minutes & loses the basket'
        ),
        rejectedBy: []
    },
    {
        name: 'pasted HTML that is too short',
        object: 'High_Card__c',
        record: card('<p>Too pricey</p>'),
        rejectedBy: [SHORT]
    },
    {
        name: 'quotes, apostrophes and ampersands',
        object: 'High_Card__c',
        record: card(`Procurement's "final offer" is 3% off & 60-day terms; they won't move on delivery`),
        rejectedBy: []
    },

    // Dates.
    {
        name: 'occurred today',
        object: 'High_Card__c',
        record: card('Signed the pilot order for two sites, go-live in March', { Occurred_On__c: TODAY }),
        rejectedBy: []
    },
    {
        name: 'occurred tomorrow',
        object: 'High_Card__c',
        record: card('Will sign the pilot order for two sites, go-live in March', { Occurred_On__c: '2026-11-24' }),
        rejectedBy: ['PACT_Occurred_Not_Future']
    },
    {
        name: 'occurred next year',
        object: 'High_Card__c',
        record: card('Expects to cut the maintenance budget by a third next year', { Occurred_On__c: '2027-01-15' }),
        rejectedBy: ['PACT_Occurred_Not_Future']
    },
    {
        name: 'occurred last year',
        object: 'High_Card__c',
        record: card('Said the old contract terms were the main reason they stayed', { Occurred_On__c: '2025-12-01' }),
        rejectedBy: []
    },
    {
        name: 'no occurred date',
        object: 'High_Card__c',
        record: card('Said the old contract terms were the main reason they stayed', { Occurred_On__c: null }),
        rejectedBy: []
    },

    // Actions need someone to act.
    {
        name: 'due date without owner',
        object: 'High_Card__c',
        record: card('Needs the safety data sheets in Polish before the audit', { Action_Due__c: '2026-12-04' }),
        rejectedBy: ['PACT_Due_Needs_Owner']
    },
    {
        name: 'open action without owner',
        object: 'High_Card__c',
        record: card('Needs the safety data sheets in Polish before the audit', { Action_Status__c: 'Open' }),
        rejectedBy: ['PACT_Open_Action_Needs_Owner']
    },
    {
        name: 'in-progress action without owner',
        object: 'High_Card__c',
        record: card('Needs the safety data sheets in Polish before the audit', { Action_Status__c: 'In Progress' }),
        rejectedBy: ['PACT_Open_Action_Needs_Owner']
    },
    {
        name: 'open action with due date and no owner breaks both',
        object: 'High_Card__c',
        record: card('Needs the safety data sheets in Polish before the audit', {
            Action_Status__c: 'Open',
            Action_Due__c: '2026-12-04'
        }),
        rejectedBy: ['PACT_Due_Needs_Owner', 'PACT_Open_Action_Needs_Owner']
    },
    {
        name: 'everything wrong at once',
        object: 'High_Card__c',
        record: card('Called', { Occurred_On__c: '2026-12-01', Action_Status__c: 'Open', Action_Due__c: '2026-12-04' }),
        rejectedBy: [SHORT, LOW, 'PACT_Occurred_Not_Future', 'PACT_Due_Needs_Owner', 'PACT_Open_Action_Needs_Owner']
    }
];

export const PLAN_EXAMPLES: Example[] = [
    {
        name: 'objective of 14 characters',
        object: 'Call_Plan__c',
        record: plan('Discuss prices'),
        rejectedBy: ['PACT_Objective_Specific']
    },
    {
        name: 'objective of 15 characters',
        object: 'Call_Plan__c',
        record: plan('Agree Q1 volume'),
        rejectedBy: []
    },
    { name: 'empty objective', object: 'Call_Plan__c', record: plan(null), rejectedBy: ['PACT_Objective_Specific'] },
    {
        name: 'objective padded with spaces',
        object: 'Call_Plan__c',
        record: plan('   Check in     '),
        rejectedBy: ['PACT_Objective_Specific']
    },
    {
        name: 'specific objective, planned',
        object: 'Call_Plan__c',
        record: plan('Learn why the Hamburg site reordered from a competitor in October'),
        rejectedBy: []
    },
    {
        name: 'held without outcome',
        object: 'Call_Plan__c',
        record: plan('Agree the delivery window for the Q1 rollout', { Status__c: 'Held' }),
        rejectedBy: ['PACT_Held_Needs_Outcome']
    },
    {
        name: 'held with whitespace-only outcome',
        object: 'Call_Plan__c',
        record: plan('Agree the delivery window for the Q1 rollout', { Status__c: 'Held', Outcome__c: '   ' }),
        rejectedBy: ['PACT_Held_Needs_Outcome']
    },
    {
        name: 'held with outcome',
        object: 'Call_Plan__c',
        record: plan('Agree the delivery window for the Q1 rollout', {
            Status__c: 'Held',
            Outcome__c: 'Window agreed: weeks 3-5; they need two days notice before each truck.'
        }),
        rejectedBy: []
    },
    {
        name: 'cancelled without outcome',
        object: 'Call_Plan__c',
        record: plan('Agree the delivery window for the Q1 rollout', { Status__c: 'Cancelled' }),
        rejectedBy: []
    },
    {
        name: 'held, vague objective and no outcome',
        object: 'Call_Plan__c',
        record: plan('Catch up', { Status__c: 'Held' }),
        rejectedBy: ['PACT_Objective_Specific', 'PACT_Held_Needs_Outcome']
    }
];

export const COACHING_NOTE_EXAMPLES: Example[] = [
    { name: 'rep and manager differ', object: 'Coaching_Note__c', record: note(), rejectedBy: [] },
    {
        name: 'manager is the rep',
        object: 'Coaching_Note__c',
        record: note({ Manager__c: REP }),
        rejectedBy: ['PACT_Manager_Not_Rep', REPORTS]
    },
    {
        name: 'no manager on the note',
        object: 'Coaching_Note__c',
        record: note({ Manager__c: null }),
        rejectedBy: [REPORTS]
    },
    {
        name: 'the rep reports to another manager',
        object: 'Coaching_Note__c',
        record: note({ 'Rep__r.ManagerId': OTHER_MANAGER }),
        rejectedBy: [REPORTS]
    },
    {
        name: 'the rep has no manager in Salesforce',
        object: 'Coaching_Note__c',
        record: note({ 'Rep__r.ManagerId': null }),
        rejectedBy: [REPORTS]
    },
    {
        name: 'edit after a reorganisation: the author corrects the text',
        object: 'Coaching_Note__c',
        prior: note(),
        record: note({
            'Rep__r.ManagerId': OTHER_MANAGER,
            Note__c: 'Practise opening questions; review one plan a week.'
        }),
        rejectedBy: []
    },
    {
        name: 'edit moves the note to another rep',
        object: 'Coaching_Note__c',
        prior: note(),
        record: note({ Rep__c: OTHER_REP }),
        rejectedBy: [FIXED]
    },
    {
        name: 'edit hands the note to another manager',
        object: 'Coaching_Note__c',
        prior: note(),
        record: note({ Manager__c: OTHER_MANAGER, 'Rep__r.ManagerId': OTHER_MANAGER }),
        rejectedBy: [FIXED]
    },
    {
        name: 'edit clears the rep',
        object: 'Coaching_Note__c',
        prior: note(),
        record: note({ Rep__c: null, 'Rep__r.ManagerId': null }),
        rejectedBy: [FIXED]
    },
    {
        name: 'edit changes the reason and keeps rep and manager',
        object: 'Coaching_Note__c',
        prior: note(),
        record: note({ Reason__c: 'Performance Plan' }),
        rejectedBy: []
    },
    {
        name: 'period ends before it starts',
        object: 'Coaching_Note__c',
        record: note({ Period_Start__c: '2027-02-01', Period_End__c: '2027-01-31' }),
        rejectedBy: ['PACT_Period_In_Order']
    },
    {
        name: 'one-day period',
        object: 'Coaching_Note__c',
        record: note({ Period_Start__c: '2027-02-01', Period_End__c: '2027-02-01' }),
        rejectedBy: []
    },
    {
        name: 'period without an end',
        object: 'Coaching_Note__c',
        record: note({ Period_End__c: null }),
        rejectedBy: []
    },
    {
        name: 'low-card text is fine in a private coaching note',
        object: 'Coaching_Note__c',
        record: note({ Reason__c: 'Performance Plan', Note__c: 'Called' }),
        rejectedBy: []
    },
    {
        name: 'manager is the rep and the period is reversed',
        object: 'Coaching_Note__c',
        record: note({ Manager__c: REP, Period_Start__c: '2027-03-01', Period_End__c: '2027-01-01' }),
        rejectedBy: ['PACT_Manager_Not_Rep', 'PACT_Period_In_Order', REPORTS]
    }
];

export const ALL_EXAMPLES = [...HIGH_CARD_EXAMPLES, ...PLAN_EXAMPLES, ...COACHING_NOTE_EXAMPLES];
