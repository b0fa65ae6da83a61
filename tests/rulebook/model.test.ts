// The data model in force-app matches the rulebook (picklists) and the PACT promises
// (no tick boxes, private coaching notes, cards and plans shared through the account).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { LIMITS } from '../../force-app/main/default/lwc/pactRules/pactRules.js';
import { OBJECTS_DIR, PICKLISTS, readField } from './support';

const parser = new XMLParser({
    ignoreDeclaration: true,
    ignoreAttributes: true,
    parseTagValue: false,
    isArray: (name) => name === 'value'
});
const field = (object: string, name: string) => parser.parse(readField(object, name)).CustomField;
const object = (name: string) =>
    parser.parse(fs.readFileSync(path.join(OBJECTS_DIR, name, `${name}.object-meta.xml`), 'utf8')).CustomObject;

/** The objects this data model defines; other areas ship objects of their own (e.g. custom metadata types). */
const DATA_MODEL = ['Account', 'High_Card__c', 'Call_Plan__c', 'Coaching_Note__c'];

const allFieldFiles = (objects: string[] = fs.readdirSync(OBJECTS_DIR)) =>
    objects.flatMap((o) =>
        fs.existsSync(path.join(OBJECTS_DIR, o, 'fields'))
            ? fs.readdirSync(path.join(OBJECTS_DIR, o, 'fields')).map((f) => path.join(OBJECTS_DIR, o, 'fields', f))
            : []
    );

describe('picklists', () => {
    it.each(Object.entries(PICKLISTS))('%s is a restricted value set equal to the rulebook', (key, values) => {
        const [objectName, fieldName] = key.split('.');
        const xml = field(objectName, fieldName);
        expect(xml.type).toBe('Picklist');
        expect(xml.valueSet.restricted).toBe('true');
        const entries = xml.valueSet.valueSetDefinition.value as { fullName: string; label: string }[];
        expect(entries.map((v) => v.fullName)).toEqual(values.map((v) => v.value));
        expect(entries.map((v) => v.label)).toEqual(values.map((v) => v.label));
    });

    it('are the only picklists of the PACT objects', () => {
        const picklists = allFieldFiles(DATA_MODEL)
            .filter((file) => /<type>(Multiselect)?Picklist<\/type>/.test(fs.readFileSync(file, 'utf8')))
            .map(
                (file) => `${path.basename(path.dirname(path.dirname(file)))}.${path.basename(file, '.field-meta.xml')}`
            )
            .sort();
        expect(picklists).toEqual(Object.keys(PICKLISTS).sort());
    });
});

describe('data model', () => {
    it('has no Checkbox field on any object PACT ships', () => {
        const files = allFieldFiles();
        expect(files.length).toBeGreaterThan(20);
        expect(files.filter((file) => /<type>Checkbox<\/type>/.test(fs.readFileSync(file, 'utf8')))).toEqual([]);
    });

    it('gives every field a description and help for reps', () => {
        for (const file of allFieldFiles(DATA_MODEL)) {
            const xml = parser.parse(fs.readFileSync(file, 'utf8')).CustomField;
            expect({
                file: path.basename(file),
                description: Boolean(xml.description),
                help: Boolean(xml.inlineHelpText)
            }).toEqual({
                file: path.basename(file),
                description: true,
                help: true
            });
        }
    });

    it('shares high cards and plans through the account, coaching notes privately', () => {
        expect(object('High_Card__c')).toMatchObject({
            sharingModel: 'ControlledByParent',
            enableActivities: 'false',
            enableReports: 'true',
            enableSearch: 'true',
            nameField: { label: 'Headline', type: 'Text' }
        });
        expect(object('Call_Plan__c')).toMatchObject({
            label: 'Plan',
            pluralLabel: 'Plans',
            sharingModel: 'ControlledByParent',
            nameField: { type: 'AutoNumber', displayFormat: 'PLAN-{00000}' }
        });
        expect(object('Coaching_Note__c')).toMatchObject({
            label: 'Coaching Note',
            sharingModel: 'Private',
            externalSharingModel: 'Private',
            enableReports: 'false',
            enableSearch: 'false',
            enableActivities: 'false',
            nameField: { type: 'AutoNumber' }
        });
    });

    it.each([
        ['High_Card__c', 'Account__c', 'MasterDetail', 'Account', 'High_Cards', '0'],
        ['High_Card__c', 'Contact__c', 'Lookup', 'Contact', 'High_Cards', undefined],
        ['High_Card__c', 'Opportunity__c', 'Lookup', 'Opportunity', 'High_Cards', undefined],
        ['High_Card__c', 'Plan__c', 'Lookup', 'Call_Plan__c', 'High_Cards', undefined],
        ['High_Card__c', 'Needs_Action_By__c', 'Lookup', 'User', 'High_Cards_To_Act_On', undefined],
        ['Call_Plan__c', 'Account__c', 'MasterDetail', 'Account', 'Plans', '0'],
        ['Call_Plan__c', 'Contact__c', 'Lookup', 'Contact', 'Plans', undefined],
        ['Call_Plan__c', 'Opportunity__c', 'Lookup', 'Opportunity', 'Plans', undefined],
        ['Coaching_Note__c', 'Rep__c', 'Lookup', 'User', 'Coaching_Notes_As_Rep', undefined],
        ['Coaching_Note__c', 'Manager__c', 'Lookup', 'User', 'Coaching_Notes_As_Manager', undefined]
    ])('%s.%s is a %s to %s (children: %s__r)', (objectName, fieldName, type, target, relationshipName, order) => {
        const xml = field(objectName, fieldName);
        expect({
            type: xml.type,
            target: xml.referenceTo,
            relationshipName: xml.relationshipName,
            order: xml.relationshipOrder
        }).toEqual({
            type,
            target,
            relationshipName,
            order
        });
    });

    it('stores details long enough for the rulebook and plans with a required objective', () => {
        const details = field('High_Card__c', 'Details__c');
        expect(details).toMatchObject({ type: 'LongTextArea', length: '32768', visibleLines: '6' });
        expect(Number(details.length)).toBeGreaterThanOrEqual(LIMITS.detailsMax);
        expect(field('High_Card__c', 'Occurred_On__c')).toMatchObject({ type: 'Date', defaultValue: 'TODAY()' });
        expect(field('Call_Plan__c', 'Objective__c')).toMatchObject({ type: 'Text', length: '255', required: 'true' });
        expect(field('Account', 'Customer_Alert__c')).toMatchObject({ type: 'Text', length: '255' });
    });
});
