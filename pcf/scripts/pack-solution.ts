/**
 * Packs the unmanaged Dataverse solution PACT from the control's build output (pcf/out/controls):
 * the High Cards code component, the pact_highcard table with its columns and its relationship to
 * account, account.pact_customeralert and the global choices. Choice values come from the same
 * OPTION_SETS the control uses (which come from the rulebook), so the two cannot drift.
 * Format decisions are in pcf/README.md. Without the Power Platform CLI this is the way to a zip;
 * with it, `pac solution init / add-reference / msbuild` does the same for the control alone.
 *
 *   npx tsx pcf/scripts/pack-solution.ts [--controls DIR] [--out FILE]
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { OPTION_SETS, OPTION_VALUE_BASE, OptionSetDefinition } from '../PactHighCards/components/model';
import { LIMITS } from '../../force-app/main/default/lwc/pactRules/pactRules';

export const PCF_ROOT = path.resolve(__dirname, '..');
export const SOLUTION = { uniqueName: 'PACT', displayName: 'PACT', version: '0.1.0.0' };
export const PUBLISHER = { uniqueName: 'pact', displayName: 'PACT', prefix: 'pact', optionValuePrefix: 10000 };
export const CONTROL_NAME = 'pact_Pact.PactHighCards';
export const DEFAULT_OUT = path.join(PCF_ROOT, 'out/solution/PACT.zip');
const LANG = 1033;

// Solution component types (Dataverse componenttype choice).
export const COMPONENT_TYPE = { entity: 1, optionSet: 9, customControl: 66 } as const;

const esc = (value: string) =>
    value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const label = (tag: string, text: string) => `<${tag} description="${esc(text)}" languagecode="${LANG}" />`;

type Column =
    | { name: string; display: string; type: 'nvarchar'; maxLength: number; required?: boolean; primaryName?: boolean }
    | { name: string; display: string; type: 'ntext'; maxLength: number }
    | { name: string; display: string; type: 'lookup'; target: string; required?: boolean }
    | { name: string; display: string; type: 'picklist'; optionSet: OptionSetDefinition; required?: boolean }
    | { name: string; display: string; type: 'dateonly'; required?: boolean };

/** pact_highcard mirrors High_Card__c (Plan__c stays Salesforce-only until Plans come to Dynamics). */
export const HIGH_CARD_COLUMNS: Column[] = [
    {
        name: 'pact_name',
        display: 'Headline',
        type: 'nvarchar',
        maxLength: LIMITS.headlineMax,
        required: true,
        primaryName: true
    },
    { name: 'pact_accountid', display: 'Account', type: 'lookup', target: 'account', required: true },
    { name: 'pact_contactid', display: 'Contact', type: 'lookup', target: 'contact' },
    { name: 'pact_opportunityid', display: 'Opportunity', type: 'lookup', target: 'opportunity' },
    { name: 'pact_kind', display: 'Kind', type: 'picklist', optionSet: OPTION_SETS.kind, required: true },
    { name: 'pact_details', display: 'Details', type: 'ntext', maxLength: 32768 },
    { name: 'pact_theme', display: 'Theme', type: 'picklist', optionSet: OPTION_SETS.theme },
    { name: 'pact_sentiment', display: 'Sentiment', type: 'picklist', optionSet: OPTION_SETS.sentiment },
    { name: 'pact_occurredon', display: 'Occurred On', type: 'dateonly', required: true },
    { name: 'pact_needsactionby', display: 'Needs Action By', type: 'lookup', target: 'systemuser' },
    { name: 'pact_actiondue', display: 'Action Due', type: 'dateonly' },
    { name: 'pact_actionstatus', display: 'Action Status', type: 'picklist', optionSet: OPTION_SETS.actionStatus }
];

export const ACCOUNT_ALERT = { name: 'pact_customeralert', display: 'Customer Alert', maxLength: 255 };

/** One-to-many relationships account/contact/... -> pact_highcard; the lookup is the navigation property. */
export const RELATIONSHIPS = HIGH_CARD_COLUMNS.filter(
    (c): c is Extract<Column, { type: 'lookup' }> => c.type === 'lookup'
).map((c) => ({
    name: `pact_${c.target}_pact_highcard_${c.name.replace(/^pact_/, '')}`,
    referenced: c.target,
    referencing: 'pact_highcard',
    attribute: c.name,
    // A high card belongs to its account (Master-Detail on Salesforce): parental cascade.
    parental: c.name === 'pact_accountid'
}));

const common = (name: string, display: string, required: boolean, extra = '') => `
          <Name>${name}</Name>
          <LogicalName>${name}</LogicalName>
          <RequiredLevel>${required ? 'required' : 'none'}</RequiredLevel>
          <ImeMode>auto</ImeMode>
          <ValidForUpdateApi>1</ValidForUpdateApi>
          <ValidForReadApi>1</ValidForReadApi>
          <ValidForCreateApi>1</ValidForCreateApi>
          <IsCustomField>1</IsCustomField>
          <IsAuditEnabled>1</IsAuditEnabled>
          <IsSecured>0</IsSecured>
          <IntroducedVersion>${SOLUTION.version}</IntroducedVersion>
          <IsCustomizable>1</IsCustomizable>
          <IsRenameable>1</IsRenameable>
          <CanModifySearchSettings>1</CanModifySearchSettings>
          <CanModifyRequirementLevelSettings>1</CanModifyRequirementLevelSettings>
          <CanModifyAdditionalSettings>1</CanModifyAdditionalSettings>
          <SourceType>0</SourceType>${extra}
          <displaynames>
            ${label('displayname', display)}
          </displaynames>`;

function attributeXml(column: Column): string {
    const required = 'required' in column && Boolean(column.required);
    switch (column.type) {
        case 'nvarchar':
            return `
        <attribute PhysicalName="${column.name}">
          <Type>nvarchar</Type>${common(
              column.name,
              column.display,
              required,
              `
          <DisplayMask>${column.primaryName ? 'PrimaryName|' : ''}ValidForAdvancedFind|ValidForForm|ValidForGrid</DisplayMask>
          <Format>text</Format>
          <MaxLength>${column.maxLength}</MaxLength>
          <Length>${column.maxLength * 2}</Length>`
          )}
        </attribute>`;
        case 'ntext':
            return `
        <attribute PhysicalName="${column.name}">
          <Type>ntext</Type>${common(
              column.name,
              column.display,
              false,
              `
          <DisplayMask>ValidForAdvancedFind|ValidForForm|ValidForGrid</DisplayMask>
          <Format>TextArea</Format>
          <MaxLength>${column.maxLength}</MaxLength>`
          )}
        </attribute>`;
        case 'lookup':
            return `
        <attribute PhysicalName="${column.name}">
          <Type>lookup</Type>${common(
              column.name,
              column.display,
              required,
              `
          <DisplayMask>ValidForAdvancedFind|ValidForForm|ValidForGrid</DisplayMask>
          <LookupStyle>single</LookupStyle>
          <LookupTypes />`
          )}
        </attribute>`;
        case 'picklist':
            return `
        <attribute PhysicalName="${column.name}">
          <Type>picklist</Type>${common(
              column.name,
              column.display,
              required,
              `
          <DisplayMask>ValidForAdvancedFind|ValidForForm|ValidForGrid</DisplayMask>
          <OptionSetName>${column.optionSet.name}</OptionSetName>`
          )}
        </attribute>`;
        case 'dateonly':
            return `
        <attribute PhysicalName="${column.name}">
          <Type>datetime</Type>${common(
              column.name,
              column.display,
              required,
              `
          <DisplayMask>ValidForAdvancedFind|ValidForForm|ValidForGrid</DisplayMask>
          <Format>date</Format>
          <CanChangeDateTimeBehavior>0</CanChangeDateTimeBehavior>
          <Behavior>2</Behavior>`
          )}
        </attribute>`;
    }
}

const optionSetXml = (set: OptionSetDefinition, display: string) => `
    <optionset Name="${set.name}" localizedName="${esc(display)}">
      <OptionSetType>picklist</OptionSetType>
      <IsGlobal>1</IsGlobal>
      <IntroducedVersion>${SOLUTION.version}</IntroducedVersion>
      <IsCustomizable>1</IsCustomizable>
      <displaynames>
        ${label('displayname', display)}
      </displaynames>
      <options>${set.labels
          .map(
              (text, i) => `
        <option value="${OPTION_VALUE_BASE + i}" IsHidden="0">
          <labels>
            ${label('label', text)}
          </labels>
        </option>`
          )
          .join('')}
      </options>
    </optionset>`;

const OPTION_SET_DISPLAY: [OptionSetDefinition, string][] = [
    [OPTION_SETS.kind, 'Kind'],
    [OPTION_SETS.theme, 'Theme'],
    [OPTION_SETS.sentiment, 'Sentiment'],
    [OPTION_SETS.actionStatus, 'Action Status']
];

export function customizationsXml(): string {
    const relationships = RELATIONSHIPS.map(
        (r) => `
    <EntityRelationship Name="${r.name}">
      <EntityRelationshipType>OneToMany</EntityRelationshipType>
      <IsCustomizable>1</IsCustomizable>
      <IntroducedVersion>${SOLUTION.version}</IntroducedVersion>
      <IsHierarchical>0</IsHierarchical>
      <ReferencingEntityName>${r.referencing}</ReferencingEntityName>
      <ReferencedEntityName>${r.referenced}</ReferencedEntityName>
      <CascadeAssign>${r.parental ? 'Cascade' : 'NoCascade'}</CascadeAssign>
      <CascadeDelete>${r.parental ? 'Cascade' : 'RemoveLink'}</CascadeDelete>
      <CascadeReparent>${r.parental ? 'Cascade' : 'NoCascade'}</CascadeReparent>
      <CascadeShare>${r.parental ? 'Cascade' : 'NoCascade'}</CascadeShare>
      <CascadeUnshare>${r.parental ? 'Cascade' : 'NoCascade'}</CascadeUnshare>
      <CascadeRollupView>NoCascade</CascadeRollupView>
      <IsValidForAdvancedFind>1</IsValidForAdvancedFind>
      <ReferencingAttributeName>${r.attribute}</ReferencingAttributeName>
      <EntityRelationshipRoles>
        <EntityRelationshipRole>
          <NavPaneDisplayOption>UseCollectionName</NavPaneDisplayOption>
          <NavPaneArea>Details</NavPaneArea>
          <NavPaneOrder>10000</NavPaneOrder>
          <NavigationPropertyName>${r.attribute}</NavigationPropertyName>
          <RelationshipRoleType>1</RelationshipRoleType>
        </EntityRelationshipRole>
        <EntityRelationshipRole>
          <NavigationPropertyName>${r.name}</NavigationPropertyName>
          <RelationshipRoleType>0</RelationshipRoleType>
        </EntityRelationshipRole>
      </EntityRelationshipRoles>
    </EntityRelationship>`
    ).join('');

    return `<?xml version="1.0" encoding="utf-8"?>
<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" OrganizationVersion="9.2.0.0" OrganizationSchemaType="Standard">
  <Entities>
    <Entity>
      <Name LocalizedName="High Card" OriginalName="High Card">pact_highcard</Name>
      <EntityInfo>
        <entity Name="pact_highcard">
          <LocalizedNames>
            ${label('LocalizedName', 'High Card')}
          </LocalizedNames>
          <LocalizedCollectionNames>
            ${label('LocalizedCollectionName', 'High Cards')}
          </LocalizedCollectionNames>
          <Descriptions>
            ${label('Description', 'What a customer said or did, always attached to the account.')}
          </Descriptions>
          <attributes>${HIGH_CARD_COLUMNS.map(attributeXml).join('')}
          </attributes>
          <EntitySetName>pact_highcards</EntitySetName>
          <IsDuplicateCheckSupported>0</IsDuplicateCheckSupported>
          <IsBusinessProcessEnabled>0</IsBusinessProcessEnabled>
          <IsRequiredOffline>0</IsRequiredOffline>
          <IsActivity>0</IsActivity>
          <IsActivityParty>0</IsActivityParty>
          <IsAuditEnabled>1</IsAuditEnabled>
          <IsAvailableOffline>1</IsAvailableOffline>
          <IsCustomizable>1</IsCustomizable>
          <IsRenameable>1</IsRenameable>
          <IsConnectionsEnabled>0</IsConnectionsEnabled>
          <IsDocumentManagementEnabled>0</IsDocumentManagementEnabled>
          <IsMailMergeEnabled>0</IsMailMergeEnabled>
          <IsQuickCreateEnabled>1</IsQuickCreateEnabled>
          <OwnershipTypeMask>UserOwned</OwnershipTypeMask>
          <IntroducedVersion>${SOLUTION.version}</IntroducedVersion>
        </entity>
      </EntityInfo>
    </Entity>
    <Entity>
      <Name LocalizedName="Account" OriginalName="Account">Account</Name>
      <EntityInfo>
        <entity Name="Account">
          <attributes>
        <attribute PhysicalName="${ACCOUNT_ALERT.name}">
          <Type>nvarchar</Type>${common(
              ACCOUNT_ALERT.name,
              ACCOUNT_ALERT.display,
              false,
              `
          <DisplayMask>ValidForAdvancedFind|ValidForForm|ValidForGrid</DisplayMask>
          <Format>text</Format>
          <MaxLength>${ACCOUNT_ALERT.maxLength}</MaxLength>
          <Length>${ACCOUNT_ALERT.maxLength * 2}</Length>`
          )}
        </attribute>
          </attributes>
        </entity>
      </EntityInfo>
    </Entity>
  </Entities>
  <Roles />
  <Workflows />
  <FieldSecurityProfiles />
  <Templates />
  <EntityMaps />
  <EntityRelationships>${relationships}
  </EntityRelationships>
  <OrganizationSettings />
  <optionsets>${OPTION_SET_DISPLAY.map(([set, display]) => optionSetXml(set, display)).join('')}
  </optionsets>
  <CustomControls>
    <CustomControl>
      <Name>${CONTROL_NAME}</Name>
      <FileName>/Controls/${CONTROL_NAME}/ControlManifest.xml</FileName>
    </CustomControl>
  </CustomControls>
  <Languages>
    <Language>${LANG}</Language>
  </Languages>
</ImportExportXml>
`;
}

export function solutionXml(): string {
    const roots = [
        { type: COMPONENT_TYPE.entity, schemaName: 'pact_highcard', behavior: 0 },
        // Only the PACT column of the system table account travels with the solution.
        { type: COMPONENT_TYPE.entity, schemaName: 'account', behavior: 2 },
        ...OPTION_SET_DISPLAY.map(([set]) => ({ type: COMPONENT_TYPE.optionSet, schemaName: set.name, behavior: 0 })),
        { type: COMPONENT_TYPE.customControl, schemaName: CONTROL_NAME, behavior: 0 }
    ];
    return `<?xml version="1.0" encoding="utf-8"?>
<ImportExportXml version="9.2.0.0" SolutionPackageVersion="9.2" languagecode="${LANG}" generatedBy="CrmLive" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <SolutionManifest>
    <UniqueName>${SOLUTION.uniqueName}</UniqueName>
    <LocalizedNames>
      ${label('LocalizedName', SOLUTION.displayName)}
    </LocalizedNames>
    <Descriptions>
      ${label('Description', 'PACT for Dynamics 365: high cards on the account, planning and customer feedback.')}
    </Descriptions>
    <Version>${SOLUTION.version}</Version>
    <Managed>0</Managed>
    <Publisher>
      <UniqueName>${PUBLISHER.uniqueName}</UniqueName>
      <LocalizedNames>
        ${label('LocalizedName', PUBLISHER.displayName)}
      </LocalizedNames>
      <Descriptions />
      <EMailAddress xsi:nil="true"></EMailAddress>
      <SupportingWebsiteUrl xsi:nil="true"></SupportingWebsiteUrl>
      <CustomizationPrefix>${PUBLISHER.prefix}</CustomizationPrefix>
      <CustomizationOptionValuePrefix>${PUBLISHER.optionValuePrefix}</CustomizationOptionValuePrefix>
      <Addresses />
    </Publisher>
    <RootComponents>${roots
        .map(
            (r) => `
      <RootComponent type="${r.type}" schemaName="${r.schemaName}" behavior="${r.behavior}" />`
        )
        .join('')}
    </RootComponents>
    <MissingDependencies />
  </SolutionManifest>
</ImportExportXml>
`;
}

export const CONTENT_TYPES = `<?xml version="1.0" encoding="utf-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="xml" ContentType="application/octet-stream" />
  <Default Extension="js" ContentType="application/octet-stream" />
  <Default Extension="css" ContentType="application/octet-stream" />
  <Default Extension="resx" ContentType="application/octet-stream" />
</Types>
`;

/** Every file under dir, as forward-slash paths relative to it (zip entry names never use backslashes). */
function filesUnder(dir: string, prefix = ''): string[] {
    return readdirSync(dir).flatMap((name) => {
        const full = path.join(dir, name);
        return statSync(full).isDirectory() ? filesUnder(full, `${prefix}${name}/`) : [`${prefix}${name}`];
    });
}

export async function packSolution(
    controlOutDir = path.join(PCF_ROOT, 'out/controls/PactHighCards'),
    outFile = DEFAULT_OUT
): Promise<{ file: string; entries: string[] }> {
    if (
        !existsSync(path.join(controlOutDir, 'bundle.js')) ||
        !existsSync(path.join(controlOutDir, 'ControlManifest.xml'))
    ) {
        throw new Error(`No built control in ${controlOutDir}: run "npx tsx pcf/scripts/build-control.ts" first.`);
    }
    const zip = new JSZip();
    // Fixed dates keep the zip byte-identical between builds of the same sources.
    const date = new Date('2026-01-01T00:00:00Z');
    zip.file('[Content_Types].xml', CONTENT_TYPES, { date, createFolders: false });
    zip.file('solution.xml', solutionXml(), { date, createFolders: false });
    zip.file('customizations.xml', customizationsXml(), { date, createFolders: false });
    // The control's files ship as pcf-scripts built them; the licence note is not part of the control.
    for (const file of filesUnder(controlOutDir)
        .filter((f) => !f.endsWith('.LICENSE.txt'))
        .sort()) {
        zip.file(`Controls/${CONTROL_NAME}/${file}`, readFileSync(path.join(controlOutDir, file)), {
            date,
            createFolders: false
        });
    }
    const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    mkdirSync(path.dirname(outFile), { recursive: true });
    writeFileSync(outFile, content);
    return { file: outFile, entries: Object.keys(zip.files).filter((name) => !zip.files[name].dir) };
}

if (require.main === module) {
    const arg = (name: string) => {
        const i = process.argv.indexOf(name);
        return i >= 0 ? process.argv[i + 1] : undefined;
    };
    packSolution(
        arg('--controls') ? path.resolve(arg('--controls') as string) : undefined,
        arg('--out') ? path.resolve(arg('--out') as string) : undefined
    )
        .then(({ file, entries }) => {
            console.log(
                `Solution ${SOLUTION.uniqueName} ${SOLUTION.version} (unmanaged): ${path.relative(process.cwd(), file)}`
            );
            for (const entry of entries) console.log(`  ${entry}`);
        })
        .catch((error: Error) => {
            console.error(`Packing the solution failed: ${error.message}`);
            process.exit(1);
        });
}
