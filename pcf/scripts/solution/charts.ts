/**
 * System charts (savedqueryvisualization) for executives and reps alike: the questions the Salesforce
 * reports answer, each grouped by account, kind, theme or date and never by a user. A chart counts
 * the rows of the view it is shown with, so each chart names the view that gives it its meaning.
 */
import { HIGH_CARD, PLAN } from '../../../scripts/lib/dataverse/schema';
import { esc, label, stableId } from './xml';
import { VIEWS, type View } from './views';

export interface GroupBy {
    column: string;
    /** Date grouping for date columns (FetchXml dategrouping). */
    date?: 'day' | 'week' | 'month';
}

export interface Chart {
    id: string;
    table: string;
    name: string;
    description: string;
    view: View;
    /** The category axis, and optionally a second grouping drawn as stacked series. */
    category: GroupBy;
    series?: GroupBy;
    type: 'Column' | 'Bar' | 'StackedColumn' | 'StackedBar';
}

export const CHARTS: Record<string, Chart> = {
    feedbackByTheme: {
        id: stableId('chart:pact_highcard:theme-kind'),
        table: HIGH_CARD.name,
        name: 'Customer Voice by Theme and Kind',
        description: 'High cards by theme, stacked by kind.',
        view: VIEWS.accountHighCards,
        category: { column: 'pact_theme' },
        series: { column: 'pact_kind' },
        type: 'StackedColumn'
    },
    competitorNews: {
        id: stableId('chart:pact_highcard:competitor-account'),
        table: HIGH_CARD.name,
        name: 'Competitor News by Account',
        description: 'Competitor news customers shared, by account.',
        view: VIEWS.competitorNews,
        category: { column: 'pact_accountid' },
        type: 'Bar'
    },
    openActionsByAge: {
        id: stableId('chart:pact_highcard:open-age'),
        table: HIGH_CARD.name,
        name: 'Open Requests and Commitments by Month Raised',
        description: 'Open requests and commitments by the month the customer raised them: the oldest wait longest.',
        view: VIEWS.openActions,
        category: { column: 'pact_occurredon', date: 'month' },
        series: { column: 'pact_kind' },
        type: 'StackedColumn'
    },
    risksAndComplaints: {
        id: stableId('chart:pact_highcard:risks-account'),
        table: HIGH_CARD.name,
        name: 'Risks and Complaints by Account',
        description: 'Risks and complaints by account, stacked by kind.',
        view: VIEWS.risksAndComplaints,
        category: { column: 'pact_accountid' },
        series: { column: 'pact_kind' },
        type: 'StackedBar'
    },
    sentimentByMonth: {
        id: stableId('chart:pact_highcard:sentiment-month'),
        table: HIGH_CARD.name,
        name: 'Sentiment by Month',
        description: 'High cards by month, stacked by sentiment.',
        view: VIEWS.accountHighCards,
        category: { column: 'pact_occurredon', date: 'month' },
        series: { column: 'pact_sentiment' },
        type: 'StackedColumn'
    },
    praiseByTheme: {
        id: stableId('chart:pact_highcard:praise-theme'),
        table: HIGH_CARD.name,
        name: 'Praise by Theme',
        description: 'What customers praise, by theme.',
        view: VIEWS.praise,
        category: { column: 'pact_theme' },
        type: 'Column'
    },
    plansNext14Days: {
        id: stableId('chart:pact_plan:next-14-days'),
        table: PLAN.name,
        name: 'Plans for the Next 14 Days',
        description: 'Planned customer meetings by day.',
        view: VIEWS.upcomingPlans,
        category: { column: 'pact_plannedfor', date: 'day' },
        series: { column: 'pact_accountid' },
        type: 'StackedColumn'
    }
};

const groupAttribute = (g: GroupBy, alias: string) =>
    `<attribute groupby="true" alias="${alias}" name="${g.column}"${g.date ? ` dategrouping="${g.date}"` : ''} />`;

/** The aggregate FetchXml and its category/measure definition (Dataverse stores it as text). */
export function dataDescription(chart: Chart): string {
    return `<datadefinition><fetchcollection><fetch mapping="logical" aggregate="true"><entity name="${chart.table}">${groupAttribute(
        chart.category,
        'category'
    )}${chart.series ? groupAttribute(chart.series, 'series') : ''}<attribute alias="cards" name="${chart.table}id" aggregate="count" /></entity></fetch></fetchcollection><categorycollection><category alias="category"><measurecollection><measure alias="cards" /></measurecollection></category></categorycollection></datadefinition>`;
}

export function presentationDescription(chart: Chart): string {
    return `<Chart Palette="None" PaletteCustomColors="55,118,193; 197,56,52; 149,189,66; 117,82,160; 49,171,204; 255,136,35; 97,142,206; 209,98,96"><Series><Series ChartType="${chart.type}" IsValueShownAsLabel="${chart.series ? 'False' : 'True'}" Font="{0}, 9.5px" LabelForeColor="59, 59, 59" CustomProperties="PointWidth=0.75, MaxPixelPointWidth=40"></Series></Series><ChartAreas><ChartArea BorderColor="White" BorderDashStyle="Solid"><AxisY LabelAutoFitMinFontSize="8" TitleForeColor="59, 59, 59" TitleFont="{0}, 10.5px" LineColor="165, 172, 181" IntervalAutoMode="VariableCount"><MajorGrid LineColor="239, 242, 246" /><MajorTickMark LineColor="165, 172, 181" /><LabelStyle Font="{0}, 10.5px" ForeColor="59, 59, 59" /></AxisY><AxisX LabelAutoFitMinFontSize="8" TitleForeColor="59, 59, 59" TitleFont="{0}, 10.5px" LineColor="165, 172, 181" IntervalAutoMode="VariableCount"><MajorTickMark LineColor="165, 172, 181" /><MajorGrid LineColor="Transparent" /><LabelStyle Font="{0}, 10.5px" ForeColor="59, 59, 59" /></AxisX></ChartArea></ChartAreas><Titles><Title Alignment="TopLeft" DockingOffset="-3" Font="{0}, 13px" ForeColor="59, 59, 59"></Title></Titles>${
        chart.series
            ? '<Legends><Legend Alignment="Center" LegendStyle="Table" Docking="right" IsEquallySpacedItems="True" Font="{0}, 11px" ShadowColor="0, 0, 0, 0" ForeColor="59, 59, 59" /></Legends>'
            : ''
    }</Chart>`;
}

export function visualizationXml(chart: Chart): string {
    return `<visualization>
  <savedqueryvisualizationid>${chart.id}</savedqueryvisualizationid>
  <datadescription>${esc(dataDescription(chart))}</datadescription>
  <presentationdescription>${esc(presentationDescription(chart))}</presentationdescription>
  <isdefault>0</isdefault>
  <IsCustomizable>1</IsCustomizable>
  <IntroducedVersion>1.0</IntroducedVersion>
  <LocalizedNames>
    ${label('LocalizedName', chart.name)}
  </LocalizedNames>
  <Descriptions>
    ${label('Description', chart.description)}
  </Descriptions>
</visualization>`;
}

export const chartsOf = (table: string): Chart[] => Object.values(CHARTS).filter((c) => c.table === table);
