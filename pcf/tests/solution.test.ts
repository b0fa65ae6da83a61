/**
 * @jest-environment node
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ensureControlBuilt } from '../scripts/build-control';
import { CONTROL_NAME, HIGH_CARD_COLUMNS, packSolution } from '../scripts/pack-solution';
import {
    ACTION_STATUSES,
    HIGH_CARD_KINDS,
    SENTIMENTS,
    THEMES
} from '../../force-app/main/default/lwc/pactRules/pactRules';

const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (name) =>
        ['Entity', 'attribute', 'EntityRelationship', 'optionset', 'option', 'RootComponent', 'CustomControl'].includes(
            name
        )
});

type Xml = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('Dataverse solution PACT (unmanaged zip)', () => {
    let temp: string;
    let zip: JSZip;
    let controlOut: string;
    const text = (name: string) => zip.file(name)?.async('string') as Promise<string>;
    const xml = async (name: string): Promise<Xml> => parser.parse(await text(name));

    beforeAll(async () => {
        const build = await ensureControlBuilt();
        controlOut = path.dirname(build.bundlePath as string);
        temp = mkdtempSync(path.join(os.tmpdir(), 'pact-solution-'));
        const { file } = await packSolution(controlOut, path.join(temp, 'PACT.zip'));
        zip = await JSZip.loadAsync(readFileSync(file));
    }, 240000);
    afterAll(() => rmSync(temp, { recursive: true, force: true }));

    it('has exactly the solution files and the control files, forward slashes, no folder entries', () => {
        const names = Object.keys(zip.files).sort();
        expect(names).toEqual(
            [
                '[Content_Types].xml',
                'solution.xml',
                'customizations.xml',
                `Controls/${CONTROL_NAME}/ControlManifest.xml`,
                `Controls/${CONTROL_NAME}/bundle.js`,
                `Controls/${CONTROL_NAME}/css/PactHighCards.css`,
                `Controls/${CONTROL_NAME}/strings/PactHighCards.1033.resx`
            ].sort()
        );
        names.forEach((name) => {
            expect(zip.files[name].dir).toBe(false);
            expect(name).not.toContain('\\');
            expect(name.startsWith('/')).toBe(false);
        });
    });

    it('has well-formed XML in every XML entry and a content type for every extension', async () => {
        for (const name of Object.keys(zip.files).filter((n) => /\.(xml|resx)$/.test(n))) {
            expect({ name, valid: XMLValidator.validate(await text(name)) }).toEqual({ name, valid: true });
        }
        const types = await xml('[Content_Types].xml');
        const extensions = [types.Types.Default].flat().map((d: Xml) => d['@Extension']);
        const used = new Set(Object.keys(zip.files).map((n) => n.split('.').pop()));
        used.forEach((ext) => expect(extensions).toContain(ext));
    });

    it('declares PACT, unmanaged, publisher prefix pact, and lists its root components', async () => {
        const manifest = (await xml('solution.xml')).ImportExportXml.SolutionManifest;
        expect(manifest.UniqueName).toBe('PACT');
        expect(String(manifest.Managed)).toBe('0');
        expect(String(manifest.Version)).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
        expect(manifest.Publisher.CustomizationPrefix).toBe('pact');
        expect(String(manifest.Publisher.CustomizationOptionValuePrefix)).toBe('10000');
        const roots = manifest.RootComponents.RootComponent.map((r: Xml) => `${r['@type']}:${r['@schemaName']}`);
        expect(roots).toEqual(
            expect.arrayContaining([
                '1:pact_highcard',
                '1:account',
                '9:pact_kind',
                '9:pact_theme',
                '9:pact_sentiment',
                '9:pact_actionstatus',
                `66:${CONTROL_NAME}`
            ])
        );
    });

    it('references only files that are in the zip (control manifest and its resources)', async () => {
        const custom = (await xml('customizations.xml')).ImportExportXml;
        const controls = custom.CustomControls.CustomControl;
        expect(controls.map((c: Xml) => c.Name)).toEqual([CONTROL_NAME]);
        const manifestEntry = String(controls[0].FileName).replace(/^\//, '');
        expect(zip.file(manifestEntry)).not.toBeNull();

        const control = (await xml(manifestEntry)).manifest.control;
        expect(`pact_${control['@namespace']}.${control['@constructor']}`).toBe(CONTROL_NAME);
        expect(control['@control-type']).toBe('virtual');
        const folder = path.posix.dirname(manifestEntry);
        const resources = control.resources;
        const referenced = [resources.code, resources.css, resources.resx].flat().map((r: Xml) => r['@path']);
        expect(referenced).toEqual(['bundle.js', 'css/PactHighCards.css', 'strings/PactHighCards.1033.resx']);
        for (const file of referenced) {
            expect({ file, present: zip.file(`${folder}/${file}`) !== null }).toEqual({ file, present: true });
        }
        const bundle = await zip.file(`${folder}/bundle.js`)?.async('nodebuffer');
        expect(bundle?.equals(readFileSync(path.join(controlOut, 'bundle.js')))).toBe(true);
    });

    it('defines pact_highcard like High_Card__c, with the account lookup as a parental relationship', async () => {
        const custom = (await xml('customizations.xml')).ImportExportXml;
        const entities: Xml[] = custom.Entities.Entity;
        const highCard = entities.find((e) => e.Name['#text'] === 'pact_highcard') as Xml;
        const attributes: Xml[] = highCard.EntityInfo.entity.attributes.attribute;
        expect(attributes.map((a) => a['@PhysicalName'])).toEqual(HIGH_CARD_COLUMNS.map((c) => c.name));
        expect(attributes.map((a) => a['@PhysicalName'])).toEqual([
            'pact_name',
            'pact_accountid',
            'pact_contactid',
            'pact_opportunityid',
            'pact_kind',
            'pact_details',
            'pact_theme',
            'pact_sentiment',
            'pact_occurredon',
            'pact_needsactionby',
            'pact_actiondue',
            'pact_actionstatus'
        ]);
        const byName = Object.fromEntries(attributes.map((a) => [a['@PhysicalName'], a]));
        expect(byName.pact_name.DisplayMask).toContain('PrimaryName');
        expect(byName.pact_name.MaxLength).toBe(80);
        expect(byName.pact_accountid.Type).toBe('lookup');
        expect(byName.pact_accountid.RequiredLevel).toBe('required');
        expect(byName.pact_kind.OptionSetName).toBe('pact_kind');
        expect(byName.pact_occurredon.Format).toBe('date');
        // No tick boxes anywhere PACT ships.
        expect(JSON.stringify(custom)).not.toMatch(/"Type":"bit"/);

        const account = entities.find((e) => e.Name['#text'] === 'Account') as Xml;
        const alert = account.EntityInfo.entity.attributes.attribute[0];
        expect([alert['@PhysicalName'], alert.Type, alert.MaxLength]).toEqual(['pact_customeralert', 'nvarchar', 255]);

        const relationships: Xml[] = custom.EntityRelationships.EntityRelationship;
        const toAccount = relationships.find((r) => r.ReferencingAttributeName === 'pact_accountid') as Xml;
        expect(toAccount).toMatchObject({
            ReferencedEntityName: 'account',
            ReferencingEntityName: 'pact_highcard',
            CascadeDelete: 'Cascade'
        });
        // The navigation property the control binds with: pact_accountid@odata.bind.
        const roles = toAccount.EntityRelationshipRoles.EntityRelationshipRole;
        expect(roles.map((r: Xml) => r.NavigationPropertyName)).toContain('pact_accountid');
        expect(relationships.map((r) => r.ReferencedEntityName).sort()).toEqual(
            ['account', 'contact', 'opportunity', 'systemuser'].sort()
        );
    });

    it('writes the choices with the rulebook labels, in order, from 100000000', async () => {
        const custom = (await xml('customizations.xml')).ImportExportXml;
        const sets: Xml[] = custom.optionsets.optionset;
        const labels = (name: string) =>
            sets
                .find((s) => s['@Name'] === name)
                ?.options.option.map((o: Xml) => [Number(o['@value']), o.labels.label['@description']]);
        const expected = (values: { label: string }[]) => values.map((v, i) => [100000000 + i, v.label]);
        expect(labels('pact_kind')).toEqual(expected(HIGH_CARD_KINDS));
        expect(labels('pact_theme')).toEqual(expected(THEMES));
        expect(labels('pact_sentiment')).toEqual(expected(SENTIMENTS));
        expect(labels('pact_actionstatus')).toEqual(expected(ACTION_STATUSES));
    });
});
