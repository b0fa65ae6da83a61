/**
 * The Lightning pages and the quick action that place the PACT components (planner, composer,
 * customer hub, timeline, My Week, charter), checked offline against the package itself.
 */
const fs = require('fs');
const path = require('path');
const { XMLParser } = require('fast-xml-parser');

const DEFAULT = path.resolve(__dirname, '../../..');
const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) =>
        ['flexiPageRegions', 'itemInstances', 'componentInstanceProperties', 'criteria', 'target', 'object'].includes(
            name
        ) || name === 'quickActionLayoutColumns'
});
const read = (...parts) => parser.parse(fs.readFileSync(path.join(DEFAULT, ...parts), 'utf8'));
const RECORD_PAGES = {
    Account: 'PACT_Account_Record_Page',
    Contact: 'PACT_Contact_Record_Page',
    Opportunity: 'PACT_Opportunity_Record_Page'
};
// What a component inside the hub shows, for the one-composer-per-screen check.
const COMPOSERS = { 'c:pactHighCardComposer': 1, 'c:pactCustomerHub': 1 };

function page(name) {
    return read('flexipages', `${name}.flexipage-meta.xml`).FlexiPage;
}

/** Components of a region in page order: { name, region, identifier, rule }. */
function components(flexiPage, regionNames) {
    return regionNames.flatMap((regionName) => {
        const region = flexiPage.flexiPageRegions.find((r) => r.name === regionName);
        return (region ? region.itemInstances || [] : [])
            .filter((item) => item.componentInstance)
            .map((item) => ({
                name: item.componentInstance.componentName,
                identifier: item.componentInstance.identifier,
                rule: item.componentInstance.visibilityRule,
                region: regionName
            }));
    });
}

/** Evaluates a form-factor visibility rule the way the page does (no rule = always visible). */
function visibleOn(component, formFactor) {
    if (!component.rule) return true;
    return component.rule.criteria.every((criterion) => {
        expect(criterion.leftValue).toBe('{!$Client.FormFactor}');
        if (criterion.operator === 'EQUAL') return formFactor === criterion.rightValue;
        if (criterion.operator === 'NE') return formFactor !== criterion.rightValue;
        throw new Error(`unexpected operator ${criterion.operator}`);
    });
}

function bundle(componentName) {
    const name = componentName.replace(/^c:/, '');
    const file = path.join(DEFAULT, 'lwc', name, `${name}.js-meta.xml`);
    return fs.existsSync(file) ? parser.parse(fs.readFileSync(file, 'utf8')).LightningComponentBundle : null;
}

function allComponentNames(flexiPage) {
    return flexiPage.flexiPageRegions.flatMap((region) =>
        (region.itemInstances || []).filter((i) => i.componentInstance).map((i) => i.componentInstance.componentName)
    );
}

describe('PACT record pages', () => {
    describe.each(Object.entries(RECORD_PAGES))('%s page', (objectName, pageName) => {
        const flexiPage = page(pageName);

        it('is a record page of the object on a standard template', () => {
            expect(flexiPage.type).toBe('RecordPage');
            expect(flexiPage.sobjectType).toBe(objectName);
            expect(flexiPage.template.name).toBe('flexipage:recordHomeTemplateDesktop');
        });

        it('has no activity timeline or activity composer', () => {
            const names = allComponentNames(flexiPage);
            expect(names.filter((name) => /activit/i.test(name))).toEqual([]);
        });

        it('places only PACT components that exist, are exposed and support the object', () => {
            const custom = allComponentNames(flexiPage).filter((name) => name.startsWith('c:'));
            expect(custom).toEqual(expect.arrayContaining(['c:pactPlanner', 'c:pactCustomerHub']));
            custom.forEach((name) => {
                const meta = bundle(name);
                expect({ name, exists: Boolean(meta) }).toEqual({ name, exists: true });
                expect({ name, isExposed: String(meta.isExposed) }).toEqual({ name, isExposed: 'true' });
                expect(meta.targets.target).toContain('lightning__RecordPage');
                const configs = [].concat(meta.targetConfigs ? meta.targetConfigs.targetConfig : []);
                const recordConfig = configs.find((config) =>
                    String(config['@_targets']).split(',').includes('lightning__RecordPage')
                );
                // No <objects> list means every object.
                const objects = recordConfig && recordConfig.objects ? recordConfig.objects.object : [objectName];
                expect({ name, objects }).toEqual({ name, objects: expect.arrayContaining([objectName]) });
            });
        });

        // On a phone the hub itself puts its composer first (see the pactCustomerHub tests).
        it('puts the customer hub (composer first) at the top on a phone, and shows one composer on every screen', () => {
            const ordered = components(flexiPage, ['main', 'sidebar']);
            const onPhone = ordered.filter((c) => visibleOn(c, 'Small'));
            expect(onPhone[0].name).toBe('c:pactCustomerHub');
            ['Small', 'Medium', 'Large'].forEach((formFactor) => {
                const composers = ordered.filter((c) => visibleOn(c, formFactor) && COMPOSERS[c.name]);
                expect({ formFactor, composers: composers.length }).toEqual({ formFactor, composers: 1 });
            });
            expect(ordered.filter((c) => visibleOn(c, 'Large')).map((c) => c.name)).toContain('c:pactCustomerHub');
            expect(ordered.filter((c) => c.name === 'c:pactPlanner' && visibleOn(c, 'Small'))).toHaveLength(1);
        });

        it('gives every component a unique identifier and points every tab at a facet of the page', () => {
            const all = components(
                flexiPage,
                flexiPage.flexiPageRegions.map((r) => r.name)
            );
            const identifiers = all.map((c) => c.identifier);
            expect(identifiers.every(Boolean)).toBe(true);
            expect(new Set(identifiers).size).toBe(identifiers.length);
            const facets = flexiPage.flexiPageRegions.filter((r) => r.type === 'Facet').map((r) => r.name);
            flexiPage.flexiPageRegions.forEach((region) =>
                (region.itemInstances || []).forEach(({ componentInstance }) =>
                    (componentInstance.componentInstanceProperties || [])
                        .filter((p) => p.name === 'body' || p.name === 'tabs')
                        .forEach((p) => expect(facets).toContain(p.value))
                )
            );
        });
    });
});

describe('PACT home page', () => {
    const flexiPage = page('PACT_Home_Page');

    it('shows My Week and the charter on a Home page template', () => {
        expect(flexiPage.type).toBe('HomePage');
        expect(flexiPage.template.name).toBe('home:desktopTemplate');
        const names = allComponentNames(flexiPage);
        expect(names).toEqual(expect.arrayContaining(['c:pactMyWeek', 'c:pactCharter']));
        names
            .filter((name) => name.startsWith('c:'))
            .forEach((name) => expect(bundle(name).targets.target).toContain('lightning__HomePage'));
    });
});

describe('New High Card quick action', () => {
    const action = read('quickActions', 'Account.New_High_Card.quickAction-meta.xml').QuickAction;

    it('creates a high card attached to the account', () => {
        expect(action.type).toBe('Create');
        expect(action.targetObject).toBe('High_Card__c');
        expect(action.targetParentField).toBe('Account__c');
        const parent = read('objects', 'High_Card__c', 'fields', 'Account__c.field-meta.xml').CustomField;
        expect([parent.type, parent.referenceTo]).toEqual(['MasterDetail', 'Account']);
    });

    it('asks for the kind and the customer words, and only for fields that exist', () => {
        const items = action.quickActionLayout.quickActionLayoutColumns.flatMap((column) =>
            [].concat((column && column.quickActionLayoutItems) || [])
        );
        expect(items.map((item) => item.field)).toEqual([
            'Kind__c',
            'Details__c',
            'Name',
            'Contact__c',
            'Theme__c',
            'Needs_Action_By__c',
            'Action_Due__c'
        ]);
        // The headline is required in the action: a create action cannot derive it from the details (the composer
        // does), and without it the card would be named by its record Id.
        expect(items.filter((item) => item.uiBehavior === 'Required').map((item) => item.field)).toEqual([
            'Kind__c',
            'Details__c',
            'Name'
        ]);
        // Name is the standard name field; every other field is one of PACT's.
        items
            .filter((item) => item.field !== 'Name')
            .forEach((item) =>
                expect(
                    fs.existsSync(
                        path.join(DEFAULT, 'objects', 'High_Card__c', 'fields', `${item.field}.field-meta.xml`)
                    )
                ).toBe(true)
            );
    });
});
