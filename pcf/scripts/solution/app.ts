/**
 * The model-driven app "PACT" (app module) and its site map: accounts with the P.A.C.T. form, high
 * cards, plans, coaching notes and the Customer Voice dashboard, for the three PACT roles.
 */
import { COACHING_NOTE, HIGH_CARD, LANGUAGE, PLAN } from '../../../scripts/lib/dataverse/schema';
import { CHARTS } from './charts';
import { DASHBOARD, MAIN_FORMS } from './forms';
import { APP_UNIQUE_NAME } from './names';
import { ROLES } from './security';
import { VIEWS } from './views';
import { label } from './xml';

/** Microsoft's default app icon (a platform web resource every environment has). */
const DEFAULT_APP_ICON = '953b9fac-1e5e-e611-80d6-00155ded156f';
const CLIENT = 'All,Outlook,OutlookLaptopClient,OutlookWorkstationClient,Web';
const SKU = 'All,OnPremise,Live,SPLA';

const subArea = (id: string, attributes: string, title: string) =>
    `<SubArea Id="${id}" ${attributes} Client="${CLIENT}" AvailableOffline="true" PassParams="false" Sku="${SKU}"><Titles><Title LCID="${LANGUAGE}" Title="${title}" /></Titles></SubArea>`;

const group = (id: string, title: string, subAreas: string[]) =>
    `<Group Id="${id}" IsProfile="false"><Titles><Title LCID="${LANGUAGE}" Title="${title}" /></Titles>${subAreas.join('')}</Group>`;

export function siteMapXml(): string {
    const dashboardId = DASHBOARD.id.replace(/[{}]/g, '');
    return `<AppModuleSiteMap>
  <SiteMapUniqueName>${APP_UNIQUE_NAME}</SiteMapUniqueName>
  <EnableCollapsibleGroups>False</EnableCollapsibleGroups>
  <ShowHome>True</ShowHome>
  <ShowPinned>True</ShowPinned>
  <ShowRecents>True</ShowRecents>
  <SiteMap IntroducedVersion="7.0.0.0"><Area Id="pact_area" ShowGroups="true" IntroducedVersion="7.0.0.0"><Titles><Title LCID="${LANGUAGE}" Title="PACT" /></Titles>${group(
      'pact_customers',
      'Customers',
      [
          subArea('pact_accounts', 'Entity="account"', 'Accounts'),
          subArea(`pact_highcards`, `Entity="${HIGH_CARD.name}"`, 'High Cards'),
          subArea('pact_plans', `Entity="${PLAN.name}"`, 'Plans')
      ]
  )}${group('pact_insight', 'Insight', [
      subArea(
          'pact_customervoice',
          `Url="/workplace/home_dashboards.aspx" DefaultDashboard="${dashboardId}"`,
          'Customer Voice'
      )
  ])}${group('pact_coaching', 'Coaching', [
      subArea('pact_coachingnotes', `Entity="${COACHING_NOTE.name}"`, 'Coaching Notes')
  ])}</Area></SiteMap>
  <LocalizedNames>
    ${label('LocalizedName', 'PACT')}
  </LocalizedNames>
</AppModuleSiteMap>`;
}

export function appModuleXml(): string {
    const tables = ['account', HIGH_CARD.name, PLAN.name, COACHING_NOTE.name];
    const components = [
        ...tables.map((t) => `<AppModuleComponent type="1" schemaName="${t}" />`),
        ...MAIN_FORMS.map(({ form }) => `<AppModuleComponent type="60" id="${form.id}" />`),
        `<AppModuleComponent type="60" id="${DASHBOARD.id}" />`,
        ...Object.values(VIEWS).map((v) => `<AppModuleComponent type="26" id="${v.id}" />`),
        ...Object.values(CHARTS).map((c) => `<AppModuleComponent type="59" id="${c.id}" />`),
        `<AppModuleComponent type="62" schemaName="${APP_UNIQUE_NAME}" />`
    ];
    return `<AppModule>
  <UniqueName>${APP_UNIQUE_NAME}</UniqueName>
  <IntroducedVersion>1.0.0.0</IntroducedVersion>
  <WebResourceId>${DEFAULT_APP_ICON}</WebResourceId>
  <OptimizedFor></OptimizedFor>
  <statecode>0</statecode>
  <statuscode>1</statuscode>
  <FormFactor>1</FormFactor>
  <ClientType>4</ClientType>
  <NavigationType>0</NavigationType>
  <AppModuleComponents>
${components.map((c) => `    ${c}`).join('\n')}
  </AppModuleComponents>
  <AppModuleRoleMaps>
${ROLES.map((r) => `    <Role id="${r.id}" />`).join('\n')}
  </AppModuleRoleMaps>
  <LocalizedNames>
    ${label('LocalizedName', 'PACT')}
  </LocalizedNames>
  <Descriptions>
    ${label('Description', 'PACT: high cards on the account, open planning and the customer voice.')}
  </Descriptions>
</AppModule>`;
}
