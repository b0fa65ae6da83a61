/**
 * Packs the unmanaged Dataverse solution PACT from the control's build output (pcf/out/controls):
 * what Microsoft supports shipping in a solution. The tables, columns, relationships and choices are
 * NOT in it: Microsoft lists defining those by editing customizations.xml as unsupported, so
 * `pact setup --dataverse` creates them with the Web API's metadata operations first
 * (scripts/lib/dataverse), then imports this zip: the High Cards control, the P.A.C.T. Account form
 * and the PACT tables' forms, views and charts, the Customer Voice dashboard, the three security
 * roles, and the PACT app with its site map. Format decisions are in pcf/README.md.
 *
 *   npx tsx pcf/scripts/pack-solution.ts [--controls DIR] [--out FILE]
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { HIGH_CARD, LANGUAGE, PLAN, COACHING_NOTE, PUBLISHER, SOLUTION } from '../../scripts/lib/dataverse/schema';
import { appModuleXml, siteMapXml } from './solution/app';
import { chartsOf, CHARTS, visualizationXml } from './solution/charts';
import { dashboardXml, DASHBOARD, MAIN_FORMS, systemFormXml } from './solution/forms';
import { APP_UNIQUE_NAME, CONTROL_NAME } from './solution/names';
import { highCardRibbonXml } from './solution/ribbon';
import { ROLES, roleXml } from './solution/security';
import { savedQueryXml, viewsOf, VIEWS } from './solution/views';
import { indent, label } from './solution/xml';

export { CONTROL_NAME, PUBLISHER, SOLUTION };
export const PCF_ROOT = path.resolve(__dirname, '..');
export const DEFAULT_OUT = path.join(PCF_ROOT, 'out/solution/PACT.zip');

/** Solution component types (Dataverse componenttype choice) of what the zip carries. */
export const COMPONENT_TYPE = {
    entity: 1,
    role: 20,
    savedQuery: 26,
    systemForm: 60,
    savedQueryVisualization: 59,
    siteMap: 62,
    customControl: 66,
    appModule: 80
} as const;

/** The tables whose forms, views and charts travel; their metadata does not (root behaviour 2). */
export const SOLUTION_TABLES: { name: string; schemaName: string; label: string }[] = [
    { name: 'account', schemaName: 'Account', label: 'Account' },
    ...[PLAN, HIGH_CARD, COACHING_NOTE].map((t) => ({ name: t.name, schemaName: t.name, label: t.label }))
];

function entityXml(table: (typeof SOLUTION_TABLES)[number]): string {
    const forms = MAIN_FORMS.filter((f) => f.table === table.name);
    const views = viewsOf(table.name);
    const charts = chartsOf(table.name);
    const parts = [
        `<Name LocalizedName="${table.label}" OriginalName="${table.label}">${table.schemaName}</Name>`,
        // As an export writes a table included without its metadata: the entity node, no attributes.
        `<EntityInfo>\n  <entity Name="${table.schemaName}">\n    <attributes />\n  </entity>\n</EntityInfo>`,
        forms.length
            ? `<FormXml>\n  <forms type="main">\n${forms.map((f) => indent(systemFormXml(f.key, f.form), 4)).join('\n')}\n  </forms>\n</FormXml>`
            : '',
        views.length
            ? `<SavedQueries>\n  <savedqueries>\n${views.map((v) => indent(savedQueryXml(v), 4)).join('\n')}\n  </savedqueries>\n</SavedQueries>`
            : '',
        charts.length
            ? `<Visualizations>\n${charts.map((c) => indent(visualizationXml(c), 2)).join('\n')}\n</Visualizations>`
            : '',
        table.name === HIGH_CARD.name ? highCardRibbonXml() : ''
    ].filter(Boolean);
    return `<Entity>\n${indent(parts.join('\n'), 2)}\n</Entity>`;
}

export function customizationsXml(): string {
    return `<?xml version="1.0" encoding="utf-8"?>
<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" OrganizationVersion="9.2.0.0" OrganizationSchemaType="Standard">
  <Entities>
${SOLUTION_TABLES.map((t) => indent(entityXml(t), 4)).join('\n')}
  </Entities>
  <Roles>
${ROLES.map((r) => indent(roleXml(r), 4)).join('\n')}
  </Roles>
  <Workflows />
  <FieldSecurityProfiles />
  <Templates />
  <EntityMaps />
  <EntityRelationships />
  <OrganizationSettings />
  <optionsets />
  <Dashboards>
${indent(dashboardXml(), 4)}
  </Dashboards>
  <CustomControls>
    <CustomControl>
      <Name>${CONTROL_NAME}</Name>
      <FileName>/Controls/${CONTROL_NAME}/ControlManifest.xml</FileName>
    </CustomControl>
  </CustomControls>
  <AppModuleSiteMaps>
${indent(siteMapXml(), 4)}
  </AppModuleSiteMaps>
  <AppModules>
${indent(appModuleXml(), 4)}
  </AppModules>
  <EntityDataProviders />
  <Languages>
    <Language>${LANGUAGE}</Language>
  </Languages>
</ImportExportXml>
`;
}

export interface RootComponent {
    type: number;
    schemaName?: string;
    id?: string;
    behavior?: number;
}

export function rootComponents(): RootComponent[] {
    return [
        ...SOLUTION_TABLES.map((t) => ({ type: COMPONENT_TYPE.entity, schemaName: t.name, behavior: 2 })),
        ...ROLES.map((r) => ({ type: COMPONENT_TYPE.role, id: r.id, behavior: 0 })),
        ...Object.values(VIEWS).map((v) => ({ type: COMPONENT_TYPE.savedQuery, id: v.id, behavior: 0 })),
        ...Object.values(CHARTS).map((c) => ({ type: COMPONENT_TYPE.savedQueryVisualization, id: c.id, behavior: 0 })),
        ...[...MAIN_FORMS.map((f) => f.form.id), DASHBOARD.id].map((id) => ({
            type: COMPONENT_TYPE.systemForm,
            id,
            behavior: 0
        })),
        { type: COMPONENT_TYPE.siteMap, schemaName: APP_UNIQUE_NAME, behavior: 0 },
        { type: COMPONENT_TYPE.customControl, schemaName: CONTROL_NAME, behavior: 0 },
        { type: COMPONENT_TYPE.appModule, schemaName: APP_UNIQUE_NAME, behavior: 0 }
    ];
}

export function solutionXml(): string {
    const roots = rootComponents()
        .map(
            (r) =>
                `      <RootComponent type="${r.type}"${r.schemaName ? ` schemaName="${r.schemaName}"` : ''}${r.id ? ` id="${r.id}"` : ''} behavior="${r.behavior ?? 0}" />`
        )
        .join('\n');
    return `<?xml version="1.0" encoding="utf-8"?>
<ImportExportXml version="9.2.0.0" SolutionPackageVersion="9.2" languagecode="${LANGUAGE}" generatedBy="CrmLive" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
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
    <RootComponents>
${roots}
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
