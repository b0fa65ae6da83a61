/**
 * The high card table's command bar: no "New" button on its views, forms or subgrids. A high card is
 * created in the High Cards control, which runs the rulebook first; a blank form would be a second
 * way in that skips it (and the read-only card form could not save one anyway). Ribbon customizations
 * are a supported edit of a solution; the shape follows real exports' RibbonDiffXml.
 */
import { HIGH_CARD } from '../../../scripts/lib/dataverse/schema';

/** Microsoft's command locations for "New" on a table's grid, form and subgrids. */
export const NEW_BUTTONS = [
    'Mscrm.HomepageGrid.{table}.NewRecord',
    'Mscrm.Form.{table}.NewRecord',
    'Mscrm.SubGrid.{table}.AddNewStandard',
    'Mscrm.SubGrid.{table}.AddExistingStandard'
].map((location) => location.replace('{table}', HIGH_CARD.name));

export function highCardRibbonXml(): string {
    return `<RibbonDiffXml>
  <CustomActions>
${NEW_BUTTONS.map((location) => `    <HideCustomAction HideActionId="pact.${location}.Hide" Location="${location}" />`).join('\n')}
  </CustomActions>
  <Templates>
    <RibbonTemplates Id="Mscrm.Templates"></RibbonTemplates>
  </Templates>
  <CommandDefinitions />
  <RuleDefinitions>
    <TabDisplayRules />
    <DisplayRules />
    <EnableRules />
  </RuleDefinitions>
  <LocLabels />
</RibbonDiffXml>`;
}
