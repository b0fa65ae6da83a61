/**
 * System views (savedquery) of the PACT tables. Every high-card view carries the columns the High
 * Cards control reads (CONTROL_COLUMNS), so a subgrid bound to any of them gives the control what it
 * needs; the control also adds them to its dataset itself (index.ts), so it never depends on a view.
 */
import { CHOICES, choiceValue, COACHING_NOTE, HIGH_CARD, PLAN } from '../../../scripts/lib/dataverse/schema';
import { CONTROL_COLUMNS } from '../../PactHighCards/components/model';
import { esc, label, stableId } from './xml';

export interface View {
    id: string;
    table: string;
    name: string;
    description: string;
    columns: string[];
    /** FetchXml <filter> content and <order>, written inside <entity>. */
    filter?: string;
    order: { attribute: string; descending: boolean };
    isDefault?: boolean;
}

const condition = (attribute: string, operator: string, value?: string) =>
    `<condition attribute="${attribute}" operator="${operator}"${value === undefined ? '' : ` value="${esc(value)}"`} />`;
const inValues = (attribute: string, values: number[]) =>
    `<condition attribute="${attribute}" operator="in">${values.map((v) => `<value>${v}</value>`).join('')}</condition>`;
const kinds = (...labels: string[]) => labels.map((l) => choiceValue(CHOICES.kind, l));
const active = condition('statecode', 'eq', '0');

const HIGH_CARD_COLUMNS = [...CONTROL_COLUMNS, 'pact_sentiment', 'pact_accountid'];
const ACTION_COLUMNS = [
    ...CONTROL_COLUMNS,
    'pact_accountid',
    'pact_needsactionby',
    'pact_actiondue',
    'pact_actionstatus'
];
const newestFirst = { attribute: 'pact_occurredon', descending: true };

export const VIEWS: Record<string, View> = {
    accountHighCards: {
        id: stableId('view:pact_highcard:account'),
        table: HIGH_CARD.name,
        name: 'Account High Cards',
        description: 'What customers said and did, newest first: the view behind the High Cards control.',
        columns: HIGH_CARD_COLUMNS,
        filter: active,
        order: newestFirst,
        isDefault: true
    },
    openActions: {
        id: stableId('view:pact_highcard:open-actions'),
        table: HIGH_CARD.name,
        name: 'Open Requests and Commitments',
        description: 'Requests and commitments that still need somebody to act, oldest first.',
        columns: ACTION_COLUMNS,
        filter: `${active}${inValues('pact_kind', kinds('Request', 'Commitment'))}${inValues(
            'pact_actionstatus',
            ['Open', 'In Progress'].map((l) => choiceValue(CHOICES.actionStatus, l))
        )}`,
        order: { attribute: 'pact_occurredon', descending: false }
    },
    risksAndComplaints: {
        id: stableId('view:pact_highcard:risks'),
        table: HIGH_CARD.name,
        name: 'Risks and Complaints',
        description: 'Risks and complaints customers raised, newest first.',
        columns: ACTION_COLUMNS,
        filter: `${active}${inValues('pact_kind', kinds('Risk', 'Complaint'))}`,
        order: newestFirst
    },
    competitorNews: {
        id: stableId('view:pact_highcard:competitor'),
        table: HIGH_CARD.name,
        name: 'Competitor News',
        description: 'What customers said about competitors, newest first.',
        columns: HIGH_CARD_COLUMNS,
        filter: `${active}${condition('pact_kind', 'eq', String(choiceValue(CHOICES.kind, 'Competitor')))}`,
        order: newestFirst
    },
    praise: {
        id: stableId('view:pact_highcard:praise'),
        table: HIGH_CARD.name,
        name: 'Praise',
        description: 'What customers praised, newest first.',
        columns: HIGH_CARD_COLUMNS,
        filter: `${active}${condition('pact_kind', 'eq', String(choiceValue(CHOICES.kind, 'Praise')))}`,
        order: newestFirst
    },
    upcomingPlans: {
        id: stableId('view:pact_plan:upcoming'),
        table: PLAN.name,
        name: 'Upcoming Plans (next 14 days)',
        description: 'Plans for the next 14 days, soonest first.',
        columns: ['pact_objective', 'pact_plannedfor', 'pact_accountid', 'pact_contactid', 'pact_status'],
        filter: `${active}${condition('pact_plannedfor', 'next-x-days', '14')}${condition(
            'pact_status',
            'eq',
            String(choiceValue(CHOICES.planStatus, 'Planned'))
        )}`,
        order: { attribute: 'pact_plannedfor', descending: false },
        isDefault: true
    },
    allPlans: {
        id: stableId('view:pact_plan:all'),
        table: PLAN.name,
        name: 'All Plans',
        description: 'Every plan, newest first.',
        columns: ['pact_objective', 'pact_plannedfor', 'pact_accountid', 'pact_status', 'pact_outcome'],
        filter: active,
        order: { attribute: 'pact_plannedfor', descending: true }
    },
    myCoachingNotes: {
        id: stableId('view:pact_coachingnote:mine'),
        table: COACHING_NOTE.name,
        name: 'My Coaching Notes',
        description: 'Coaching notes you own; notes shared with you appear to you alone.',
        columns: ['pact_name', 'pact_repid', 'pact_managerid', 'pact_reason', 'pact_periodstart'],
        filter: active,
        order: { attribute: 'pact_periodstart', descending: true },
        isDefault: true
    }
};

const WIDTH: Record<string, number> = { pact_details: 300, pact_name: 200, pact_objective: 250 };

export function savedQueryXml(view: View): string {
    const primaryId = `${view.table}id`;
    const jump = view.columns[0];
    return `<savedquery>
  <IsCustomizable>1</IsCustomizable>
  <CanBeDeleted>1</CanBeDeleted>
  <isquickfindquery>0</isquickfindquery>
  <isprivate>0</isprivate>
  <isdefault>${view.isDefault ? 1 : 0}</isdefault>
  <savedqueryid>${view.id}</savedqueryid>
  <layoutxml>
    <grid name="resultset" jump="${jump}" select="1" icon="1" preview="1">
      <row name="result" id="${primaryId}">
${view.columns.map((c) => `        <cell name="${c}" width="${WIDTH[c] ?? 125}" />`).join('\n')}
      </row>
    </grid>
  </layoutxml>
  <querytype>0</querytype>
  <fetchxml>
    <fetch version="1.0" output-format="xml-platform" mapping="logical" distinct="false">
      <entity name="${view.table}">
${[primaryId, ...view.columns].map((c) => `        <attribute name="${c}" />`).join('\n')}
        <order attribute="${view.order.attribute}" descending="${view.order.descending}" />${
            view.filter
                ? `
        <filter type="and">${view.filter}</filter>`
                : ''
        }
      </entity>
    </fetch>
  </fetchxml>
  <IntroducedVersion>1.0</IntroducedVersion>
  <LocalizedNames>
    ${label('LocalizedName', view.name)}
  </LocalizedNames>
  <Descriptions>
    ${label('Description', view.description)}
  </Descriptions>
</savedquery>`;
}

export const viewsOf = (table: string): View[] => Object.values(VIEWS).filter((v) => v.table === table);
