// Converts force-app to Metadata API format with @salesforce/source-deploy-retrieve (what
// `sf project convert source` and a deploy do) and checks the package lists every component.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { ComponentSet, MetadataConverter, RegistryAccess, type MetadataType } from '@salesforce/source-deploy-retrieve';

const repoRoot = path.resolve(__dirname, '..', '..');
const registry = new RegistryAccess();

/** How package.xml names a component: folders are listed under their content type as "Folder/". */
const packageEntry = (type: MetadataType, fullName: string) =>
    type.folderContentType
        ? `${registry.getTypeByName(type.folderContentType).name}:${fullName}/`
        : `${type.name}:${fullName}`;
const forceApp = path.join(repoRoot, 'force-app', 'main', 'default');

interface PackageXml {
    Package: { types: { name: string; members: string[] }[]; version: string };
}

describe('sf project convert source (source-deploy-retrieve)', () => {
    let outputDir: string;
    let components: ComponentSet;
    let packageXml: PackageXml;
    let packagePath: string | undefined;

    beforeAll(async () => {
        outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-convert-'));
        components = ComponentSet.fromSource(forceApp);
        // Throws, and so fails every test below, when any component cannot be converted.
        const result = await new MetadataConverter().convert(components, 'metadata', {
            type: 'directory',
            outputDirectory: outputDir,
            genUniqueDir: false
        });
        packagePath = result.packagePath;
        const parser = new XMLParser({
            ignoreDeclaration: true,
            parseTagValue: false,
            isArray: (name) => name === 'types' || name === 'members'
        });
        packageXml = parser.parse(fs.readFileSync(path.join(outputDir, 'package.xml'), 'utf8'));
    }, 60000);

    afterAll(() => fs.rmSync(outputDir, { recursive: true, force: true }));

    const listed = () =>
        new Set(packageXml.Package.types.flatMap((type) => type.members.map((member) => `${type.name}:${member}`)));

    it('writes the package where asked', () => {
        expect(packagePath).toBe(outputDir);
        expect(fs.existsSync(path.join(outputDir, 'package.xml'))).toBe(true);
    });

    it('lists every component of force-app in package.xml, and nothing else', () => {
        const expected = new Set<string>();
        for (const component of components) expected.add(packageEntry(component.type, component.fullName));
        for (const component of components.getSourceComponents()) {
            for (const child of component.getChildren()) expected.add(packageEntry(child.type, child.fullName));
        }
        expect(expected.size).toBeGreaterThan(50);
        expect([...listed()].sort()).toEqual([...expected].sort());
    });

    it('contains the PACT data model and its generated validation rules', () => {
        const members = listed();
        for (const object of ['High_Card__c', 'Call_Plan__c', 'Coaching_Note__c']) {
            expect(members).toContain(`CustomObject:${object}`);
            const fields = fs.readdirSync(path.join(forceApp, 'objects', object, 'fields'));
            for (const file of fields) {
                expect(members).toContain(`CustomField:${object}.${file.replace('.field-meta.xml', '')}`);
            }
            const rulesDir = path.join(forceApp, 'objects', object, 'validationRules');
            for (const file of fs.readdirSync(rulesDir)) {
                expect(members).toContain(`ValidationRule:${object}.${file.replace('.validationRule-meta.xml', '')}`);
            }
        }
        expect(members).toContain('CustomField:Account.Customer_Alert__c');
    });

    it('writes each custom object as one .object file with its fields and rules inside', () => {
        const converted = fs.readFileSync(path.join(outputDir, 'objects', 'High_Card__c.object'), 'utf8');
        expect(converted).toContain('<fullName>Details__c</fullName>');
        expect(converted).toContain('<fullName>PACT_No_Low_Cards</fullName>');
        expect(packageXml.Package.version).toBe('66.0');
    });
});
