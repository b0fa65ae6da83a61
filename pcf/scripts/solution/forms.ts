/**
 * Main forms (systemform, FormXml) and the Customer Voice dashboard.
 *
 * The P.A.C.T. Account form is a new main form of account (Microsoft's own form is left alone): the
 * customer alert in the header, the account's facts on the left, the High Cards control in the
 * middle where Microsoft's form has the timeline (the notescontrol), the upcoming plans on the right.
 * The high card form shows a card read-only apart from its follow-up (who acts, by when, status):
 * the only way to create a card is the control, which runs the rulebook first.
 */
import {
    relationshipFor,
    HIGH_CARD,
    PLAN,
    COACHING_NOTE,
    needsApp,
    type Column
} from '../../../scripts/lib/dataverse/schema';
import { CHARTS, type Chart } from './charts';
import { VIEWS, type View } from './views';
import { CONTROL_NAME } from './names';
import { label, stableId } from './xml';

/** Classic control class ids, as real exports write them. */
export const CLASS_ID = {
    text: '{4273EDBD-AC1D-40d3-9FB2-095C621B552D}',
    memo: '{E0DECE4B-6FC8-4a8f-A065-082708572369}',
    lookup: '{270BD3DB-D9AF-4782-9025-509E298DEC0A}',
    choice: '{3EF39988-22BB-4f0b-BBBE-64B5A3748AEE}',
    date: '{5B773807-9FB2-42db-97C3-7A91EFF8ADFF}',
    url: '{71716B6C-711E-476c-8AB8-5D11542BFB47}',
    subgrid: '{E7A81278-8635-4d9e-8D4D-59480B391C5B}',
    /** The timeline (Microsoft's account form has it where PACT puts the High Cards control). */
    timeline: '{06375649-C143-495E-A496-C962E5B4488E}'
} as const;

type Cell =
    | { field: string; label: string; control: keyof typeof CLASS_ID; disabled?: boolean }
    | { subgrid: string; label: string; view: View; relationship?: string; rows: number; customControl?: string }
    | { chart: Chart; label: string; rows: number };

interface Section {
    name: string;
    label: string;
    showLabel: boolean;
    cells: Cell[];
}

interface FormColumn {
    width: string;
    sections: Section[];
}

interface Form {
    id: string;
    name: string;
    description: string;
    header?: Cell[];
    tabs: { name: string; label: string; columns: FormColumn[] }[];
}

const fieldCell = (column: Column | { name: string; label: string; kind: 'text' }, disabled = false): Cell => ({
    field: column.name,
    label: column.label,
    control: column.kind === 'lookup' ? 'lookup' : column.kind === 'choice' ? 'choice' : column.kind,
    disabled
});

const columnOf = (table: typeof HIGH_CARD, name: string): Column => {
    const found = table.columns.find((c) => c.name === name);
    if (!found) throw new Error(`${table.name} has no column ${name}`);
    return found;
};

/** Every cell id, control id and label id is derived from the form and the cell, so rebuilds keep them. */
function cellXml(formKey: string, cell: Cell): string {
    const id = (part: string) => stableId(`${formKey}:${part}`);
    const labels = (text: string) => `<labels>${label('label', text)}</labels>`;
    if ('field' in cell) {
        return `<cell id="${id(`cell:${cell.field}`)}" showlabel="true" locklevel="0">${labels(cell.label)}<control id="${cell.field}" classid="${CLASS_ID[cell.control]}" datafieldname="${cell.field}" disabled="${Boolean(cell.disabled)}" /></cell>`;
    }
    if ('subgrid' in cell) {
        const controlId = cell.subgrid;
        const relationship = cell.relationship ? `<RelationshipName>${cell.relationship}</RelationshipName>` : '';
        return `<cell id="${id(`cell:${controlId}`)}" showlabel="true" colspan="1" rowspan="${cell.rows}" auto="false" locklevel="0">${labels(cell.label)}<control id="${controlId}" uniqueid="${id(`control:${controlId}`)}" classid="${CLASS_ID.subgrid}" indicationOfSubgrid="true"><parameters><ViewId>${cell.view.id}</ViewId><IsUserView>false</IsUserView>${relationship}<TargetEntityType>${cell.view.table}</TargetEntityType><AutoExpand>Fixed</AutoExpand><EnableQuickFind>false</EnableQuickFind><EnableViewPicker>false</EnableViewPicker><ViewIds /><EnableJumpBar>false</EnableJumpBar><ChartGridMode>Grid</ChartGridMode><VisualizationId /><IsUserChart>false</IsUserChart><EnableChartPicker>false</EnableChartPicker><RecordsPerPage>${cell.rows}</RecordsPerPage></parameters></control></cell>`;
    }
    const controlId = `chart_${cell.chart.id.replace(/[{}-]/g, '').slice(0, 12)}`;
    return `<cell id="${id(`cell:${controlId}`)}" showlabel="false" colspan="1" rowspan="${cell.rows}" auto="false">${labels(cell.label)}<control id="${controlId}" classid="${CLASS_ID.subgrid}"><parameters><ViewId>${cell.chart.view.id}</ViewId><IsUserView>false</IsUserView><ViewIds>${cell.chart.view.id}</ViewIds><TargetEntityType>${cell.chart.table}</TargetEntityType><AutoExpand>Fixed</AutoExpand><EnableQuickFind>false</EnableQuickFind><EnableViewPicker>false</EnableViewPicker><EnableJumpBar>false</EnableJumpBar><ChartGridMode>Chart</ChartGridMode><VisualizationId>${cell.chart.id}</VisualizationId><IsUserChart>false</IsUserChart><EnableChartPicker>false</EnableChartPicker><RecordsPerPage>10</RecordsPerPage></parameters></control></cell>`;
}

/**
 * The High Cards control replaces the classic grid of its subgrid on every form factor (0 web,
 * 1 tablet, 2 phone), bound to the same view and relationship; the classic grid stays as the
 * fallback entry a real export carries.
 */
function controlDescriptions(formKey: string, form: Form): string {
    const cells = form.tabs.flatMap((t) => t.columns.flatMap((c) => c.sections.flatMap((s) => s.cells)));
    const custom = cells.filter(
        (c): c is Extract<Cell, { subgrid: string }> => 'subgrid' in c && Boolean(c.customControl)
    );
    if (!custom.length) return '';
    return `<controlDescriptions>${custom
        .map((cell) => {
            const dataSet = `<data-set name="highCards"><ViewId>${cell.view.id}</ViewId><IsUserView>false</IsUserView>${cell.relationship ? `<RelationshipName>${cell.relationship}</RelationshipName>` : ''}<TargetEntityType>${cell.view.table}</TargetEntityType><FilteredViewIds>${cell.view.id}</FilteredViewIds><EnableViewPicker>false</EnableViewPicker></data-set>`;
            return `<controlDescription forControl="${stableId(`${formKey}:control:${cell.subgrid}`)}">${[0, 1, 2]
                .map(
                    (factor) =>
                        `<customControl formFactor="${factor}" name="${cell.customControl}"><parameters>${dataSet}</parameters></customControl>`
                )
                .join(
                    ''
                )}<customControl id="${CLASS_ID.subgrid}"><parameters><data-set name="Grid"><ViewId>${cell.view.id}</ViewId><IsUserView>false</IsUserView><TargetEntityType>${cell.view.table}</TargetEntityType><FilteredViewIds>${cell.view.id}</FilteredViewIds><EnableViewPicker>false</EnableViewPicker></data-set></parameters></customControl></controlDescription>`;
        })
        .join('')}</controlDescriptions>`;
}

function formXml(formKey: string, form: Form, type: 'main' | 'dashboard'): string {
    const id = (part: string) => stableId(`${formKey}:${part}`);
    const section = (s: Section, columns = 1) =>
        `<section name="${s.name}" showlabel="${s.showLabel}" showbar="false" id="${id(`section:${s.name}`)}" IsUserDefined="0" layout="varwidth" columns="${columns}" labelwidth="115" celllabelposition="Top">${`<labels>${label('label', s.label)}</labels>`}<rows>${s.cells
            .map((c) => `<row>${cellXml(formKey, c)}</row>`)
            .join('')}</rows></section>`;
    const tabs = form.tabs
        .map(
            (t) =>
                `<tab name="${t.name}" id="${id(`tab:${t.name}`)}" IsUserDefined="0" showlabel="true" expanded="true" verticallayout="true"><labels>${label('label', t.label)}</labels><columns>${t.columns
                    .map(
                        (c) =>
                            `<column width="${c.width}"><sections>${c.sections.map((s) => section(s)).join('')}</sections></column>`
                    )
                    .join('')}</columns></tab>`
        )
        .join('');
    const header = form.header
        ? `<header id="${id('header')}" celllabelposition="Top" columns="111" labelwidth="115" celllabelalignment="Left"><rows><row>${form.header
              .map((c) => cellXml(`${formKey}:header`, c).replace(/control id="/, 'control id="header_'))
              .join('')}</row></rows></header>`
        : '';
    const attributes = type === 'main' ? ' showImage="true" headerdensity="HighWithControls"' : '';
    return `<form${attributes}>${type === 'main' ? controlDescriptions(formKey, form) : ''}<tabs>${tabs}</tabs>${header}</form>`;
}

const highCardsRelationship = relationshipFor(HIGH_CARD.name, 'pact_accountid').schemaName;
const plansRelationship = relationshipFor(PLAN.name, 'pact_accountid').schemaName;

export const ACCOUNT_FORM: Form = {
    id: stableId('form:account:main'),
    name: 'P.A.C.T. Account',
    description:
        'The account with its high cards in place of the timeline, the customer alert on top and the upcoming plans beside.',
    header: [{ field: 'pact_customeralert', label: 'Customer Alert', control: 'text' }],
    tabs: [
        {
            name: 'PACT_SUMMARY',
            label: 'Summary',
            columns: [
                {
                    width: '25%',
                    sections: [
                        {
                            name: 'PACT_ACCOUNT',
                            label: 'Account',
                            showLabel: true,
                            cells: [
                                { field: 'name', label: 'Account Name', control: 'text' },
                                { field: 'telephone1', label: 'Phone', control: 'text' },
                                { field: 'websiteurl', label: 'Website', control: 'url' },
                                { field: 'primarycontactid', label: 'Primary Contact', control: 'lookup' },
                                { field: 'ownerid', label: 'Owner', control: 'lookup' }
                            ]
                        }
                    ]
                },
                {
                    width: '50%',
                    sections: [
                        {
                            name: 'PACT_HIGH_CARDS',
                            label: 'High Cards',
                            showLabel: false,
                            cells: [
                                {
                                    subgrid: 'pact_highcards',
                                    label: 'High Cards',
                                    view: VIEWS.accountHighCards,
                                    relationship: highCardsRelationship,
                                    rows: 20,
                                    customControl: CONTROL_NAME
                                }
                            ]
                        }
                    ]
                },
                {
                    width: '25%',
                    sections: [
                        {
                            name: 'PACT_UPCOMING_PLANS',
                            label: 'Upcoming Plans',
                            showLabel: true,
                            cells: [
                                {
                                    subgrid: 'pact_upcomingplans',
                                    label: 'Upcoming Plans',
                                    view: VIEWS.upcomingPlans,
                                    relationship: plansRelationship,
                                    rows: 6
                                }
                            ]
                        }
                    ]
                }
            ]
        }
    ]
};

const FOLLOW_UP = new Set(['pact_needsactionby', 'pact_actiondue', 'pact_actionstatus']);

export const HIGH_CARD_FORM: Form = {
    id: stableId('form:pact_highcard:main'),
    name: 'High Card',
    description: 'A high card as the customer gave it (read-only) and its follow-up.',
    tabs: [
        {
            name: 'PACT_CARD',
            label: 'High Card',
            columns: [
                {
                    width: '100%',
                    sections: [
                        {
                            name: 'PACT_WHAT_HAPPENED',
                            label: 'What the customer said or did',
                            showLabel: true,
                            cells: [
                                fieldCell(
                                    { name: HIGH_CARD.primary.name, label: HIGH_CARD.primary.label, kind: 'text' },
                                    true
                                ),
                                ...HIGH_CARD.columns
                                    .filter((c) => !FOLLOW_UP.has(c.name) && !needsApp(c))
                                    .map((c) => fieldCell(c, true))
                            ]
                        },
                        {
                            name: 'PACT_FOLLOW_UP',
                            label: 'Follow-up',
                            showLabel: true,
                            cells: [...FOLLOW_UP].map((name) => fieldCell(columnOf(HIGH_CARD, name)))
                        }
                    ]
                }
            ]
        }
    ]
};

export const PLAN_FORM: Form = {
    id: stableId('form:pact_plan:main'),
    name: 'Plan',
    description: 'An open plan: objective, questions, desired outcome, then what happened.',
    tabs: [
        {
            name: 'PACT_PLAN',
            label: 'Plan',
            columns: [
                {
                    width: '100%',
                    sections: [
                        {
                            name: 'PACT_PLAN_DETAILS',
                            label: 'Plan',
                            showLabel: false,
                            cells: [
                                fieldCell({ name: PLAN.primary.name, label: PLAN.primary.label, kind: 'text' }),
                                ...PLAN.columns.filter((c) => !needsApp(c)).map((c) => fieldCell(c))
                            ]
                        }
                    ]
                }
            ]
        }
    ]
};

export const COACHING_NOTE_FORM: Form = {
    id: stableId('form:pact_coachingnote:main'),
    name: 'Coaching Note',
    description: 'Private coaching text between a rep and their manager.',
    tabs: [
        {
            name: 'PACT_COACHING',
            label: 'Coaching Note',
            columns: [
                {
                    width: '100%',
                    sections: [
                        {
                            name: 'PACT_COACHING_NOTE',
                            label: 'Coaching Note',
                            showLabel: false,
                            cells: [
                                fieldCell({
                                    name: COACHING_NOTE.primary.name,
                                    label: COACHING_NOTE.primary.label,
                                    kind: 'text'
                                }),
                                ...COACHING_NOTE.columns.map((c) => fieldCell(c))
                            ]
                        }
                    ]
                }
            ]
        }
    ]
};

export const MAIN_FORMS: { table: string; key: string; form: Form }[] = [
    { table: 'account', key: 'form:account:main', form: ACCOUNT_FORM },
    { table: HIGH_CARD.name, key: 'form:pact_highcard:main', form: HIGH_CARD_FORM },
    { table: PLAN.name, key: 'form:pact_plan:main', form: PLAN_FORM },
    { table: COACHING_NOTE.name, key: 'form:pact_coachingnote:main', form: COACHING_NOTE_FORM }
];

export function systemFormXml(key: string, form: Form): string {
    return `<systemform>
  <formid>${form.id}</formid>
  <IntroducedVersion>1.0</IntroducedVersion>
  <FormPresentation>1</FormPresentation>
  <FormActivationState>1</FormActivationState>
  ${formXml(key, form, 'main')}
  <IsCustomizable>1</IsCustomizable>
  <CanBeDeleted>1</CanBeDeleted>
  <LocalizedNames>
    ${label('LocalizedName', form.name)}
  </LocalizedNames>
  <Descriptions>
    ${label('Description', form.description)}
  </Descriptions>
</systemform>`;
}

/** Customer Voice: the executive charts, two a row, each over the view that gives it its meaning. */
export const DASHBOARD: Form = {
    id: stableId('dashboard:customer-voice'),
    name: 'Customer Voice',
    description: 'What customers say and do, by theme, kind, account and month. Reps see it too.',
    tabs: [
        {
            name: 'PACT_CUSTOMER_VOICE',
            label: 'Customer Voice',
            columns: [0, 1].map((column) => ({
                width: '50%',
                sections: [
                    {
                        name: `PACT_VOICE_${column}`,
                        label: 'Customer Voice',
                        showLabel: false,
                        cells: Object.values(CHARTS)
                            .filter((_, i) => i % 2 === column)
                            .map((chart) => ({ chart, label: chart.name, rows: 12 }))
                    }
                ]
            }))
        }
    ]
};

export function dashboardXml(): string {
    return `<Dashboard>
  <LocalizedNames>
    ${label('LocalizedName', DASHBOARD.name)}
  </LocalizedNames>
  <FormId>${DASHBOARD.id}</FormId>
  <IsCustomizable>1</IsCustomizable>
  <IsDefault>0</IsDefault>
  <FormXml>
    <forms type="dashboard">
      ${formXml('dashboard:customer-voice', DASHBOARD, 'dashboard')}
    </forms>
  </FormXml>
  <IntroducedVersion>1.0</IntroducedVersion>
  <IsTabletEnabled>1</IsTabletEnabled>
</Dashboard>`;
}
