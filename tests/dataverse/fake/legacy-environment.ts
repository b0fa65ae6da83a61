/**
 * The legacy test environment (fixtures/legacy-solution) two ways: as an exported solution zip, and
 * as the Web API answers of an environment holding the same customizations (for the fake Web API).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import type { FakeDataverse } from './server';

export const FIXTURE = path.join(__dirname, '..', 'fixtures', 'legacy-solution');

/** The Yes/No columns of the fixture, "table.column". */
export const FIXTURE_BOOLEANS = [
    'account.new_callmade',
    'account.new_taxexempt',
    'account.new_syncedtoerp',
    'phonecall.new_leftvoicemail'
];

export async function zipFixture(target: string): Promise<void> {
    const zip = new JSZip();
    const walk = (dir: string, prefix = ''): void => {
        for (const name of fs.readdirSync(dir)) {
            const full = path.join(dir, name);
            if (fs.statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
            else zip.file(`${prefix}${name}`, fs.readFileSync(full), { createFolders: false });
        }
    };
    walk(FIXTURE);
    fs.writeFileSync(target, await zip.generateAsync({ type: 'nodebuffer' }));
}

export /** What a live environment with the fixture's customizations answers to the audit's Web API reads. */
function loadEnvironment(fake: FakeDataverse): void {
    for (const column of FIXTURE_BOOLEANS) fake.state.secured.set(column, false);
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
    const custom = fs.readFileSync(path.join(FIXTURE, 'customizations.xml'), 'utf8');
    const label = (text: string) => ({ UserLocalizedLabel: { Label: text } });
    const boolean = (name: string, text: string, description: string) => ({
        LogicalName: name,
        AttributeType: 'Boolean',
        DisplayName: label(text),
        Description: label(description),
        RequiredLevel: { Value: 'None' },
        SourceType: 0,
        IsManaged: false,
        IsCustomAttribute: true
    });
    const system = (name: string, type: string) => ({
        LogicalName: name,
        AttributeType: type,
        RequiredLevel: { Value: 'None' }
    });
    fake.state.rows.set('EntityDefinitions', [
        {
            LogicalName: 'account',
            IsActivity: false,
            DisplayName: label('Account'),
            Attributes: [
                system('name', 'String'),
                system('ownerid', 'Owner'),
                boolean('new_callmade', 'Call Made', 'Tick when you called the account this week.'),
                boolean('new_taxexempt', 'Tax Exempt', 'The customer holds a tax exemption certificate.'),
                boolean('new_syncedtoerp', 'Synced to ERP', 'Set by the nightly ERP sync.')
            ]
        },
        {
            LogicalName: 'phonecall',
            IsActivity: true,
            DisplayName: label('Phone Call'),
            Attributes: [
                system('subject', 'String'),
                system('ownerid', 'Owner'),
                boolean('new_leftvoicemail', 'Left Voicemail', 'Tick when you left a voicemail.')
            ]
        }
    ]);
    for (const table of ['account', 'phonecall']) {
        fake.state.rows.set(
            `EntityDefinitions(LogicalName='${table}')/Attributes/Microsoft.Dynamics.CRM.LookupAttributeMetadata`,
            [{ LogicalName: 'ownerid', Targets: ['systemuser', 'team'] }]
        );
    }
    const between = (open: string, close: string) =>
        custom.slice(custom.indexOf(open), custom.indexOf(close) + close.length);
    fake.state.rows.set('savedqueries', [
        {
            savedqueryid: '6c0f4f2e-5b1a-4b8e-9d3c-1a2b3c4d5e61',
            name: 'My Calls This Week',
            returnedtypecode: 'phonecall',
            querytype: 0,
            isquickfindquery: false,
            fetchxml: between('<fetch ', '</fetch>'),
            layoutxml: between('<grid ', '</grid>')
        }
    ]);
    const visualization = parser.parse(between('<visualization>', '</visualization>')).visualization;
    fake.state.rows.set('savedqueryvisualizations', [
        {
            savedqueryvisualizationid: '2f1e0d9c-8b7a-4c6d-9e5f-4a3b2c1d0e9f',
            name: 'Calls per Rep',
            primaryentitytypecode: 'phonecall',
            datadescription: visualization.datadescription
        }
    ]);
    fake.state.rows.set('systemforms', [
        {
            formid: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
            name: 'Activity Scoreboard',
            formxml: between('<form>', '</form>')
        }
    ]);
    fake.state.rows.set('workflows', [
        {
            name: 'Mark accounts synced to ERP',
            category: 0,
            primaryentity: 'account',
            statecode: 1,
            xaml: fs.readFileSync(
                path.join(FIXTURE, 'Workflows', fs.readdirSync(path.join(FIXTURE, 'Workflows'))[0]),
                'utf8'
            ),
            clientdata: null
        }
    ]);
}
