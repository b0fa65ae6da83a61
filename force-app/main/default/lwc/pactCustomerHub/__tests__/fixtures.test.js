/**
 * The fixtures must have exactly the shape the components' queries ask for: every selected field
 * (under its alias), nothing else. Parsed from the component source, so a changed query with stale
 * fixtures fails here instead of passing against data the API would never send.
 */
const fs = require('fs');
const path = require('path');
const { parse } = require('graphql');

const LWC = path.resolve(__dirname, '../..');

function queryOf(component) {
    const source = fs.readFileSync(path.join(LWC, component, `${component}.js`), 'utf8');
    const match = /gql`([^`]*)`/.exec(source);
    return parse(match[1]);
}

/** Lists every difference between a value and a selection set, with its path. */
function shapeProblems(value, selectionSet, at) {
    if (value === null) return [];
    if (Array.isArray(value)) return value.flatMap((item, i) => shapeProblems(item, selectionSet, `${at}[${i}]`));
    if (typeof value !== 'object') return [`${at}: expected an object, got ${JSON.stringify(value)}`];
    const fields = selectionSet.selections.filter((s) => s.kind === 'Field');
    const expected = fields.map((f) => (f.alias ?? f.name).value).sort();
    const actual = Object.keys(value).sort();
    const problems = [];
    if (JSON.stringify(expected) !== JSON.stringify(actual)) {
        problems.push(`${at}: fields ${JSON.stringify(actual)}, query selects ${JSON.stringify(expected)}`);
    }
    for (const field of fields) {
        const key = (field.alias ?? field.name).value;
        if (field.selectionSet && key in value) {
            problems.push(...shapeProblems(value[key], field.selectionSet, `${at}.${key}`));
        }
    }
    return problems;
}

const operation = (document) => document.definitions.find((d) => d.kind === 'OperationDefinition');

describe('GraphQL fixtures', () => {
    it.each([
        ['pactCustomerHub', 'pactCustomerHub/__tests__/data/customer.json'],
        ['pactCustomerHub', 'pactCustomerHub/__tests__/data/customerEmpty.json'],
        ['pactTimeline', 'pactTimeline/__tests__/data/highCardsPage2.json'],
        ['pactTimeline', 'pactTimeline/__tests__/data/highCardsComplaints.json'],
        ['pactTimeline', 'pactTimeline/__tests__/data/highCardsNone.json']
    ])('%s: %s has exactly the shape of the query', (component, fixture) => {
        const data = JSON.parse(fs.readFileSync(path.join(LWC, fixture), 'utf8'));
        expect(shapeProblems(data, operation(queryOf(component)).selectionSet, 'data')).toEqual([]);
    });

    it('notices a field the query does not select, and one it lacks', () => {
        const file = path.join(LWC, 'pactTimeline/__tests__/data/highCardsComplaints.json');
        const data = JSON.parse(fs.readFileSync(file, 'utf8'));
        const node = data.uiapi.query.High_Card__c.edges[0].node;
        node.Owner = { Name: { value: 'Sales Rep' } };
        delete node.Theme__c;
        const problems = shapeProblems(data, operation(queryOf('pactTimeline')).selectionSet, 'data');
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatch(/^data\.uiapi\.query\.High_Card__c\.edges\[0\]\.node: /);
        expect(problems[0]).toContain('Owner');
        expect(problems[0]).toContain('Theme__c');
    });
});
