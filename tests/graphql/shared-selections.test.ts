/**
 * pactCustomerHub loads the first page of high cards in its one query and hands it to pactTimeline, which
 * loads the later pages and filtered views with its own query. A gql literal cannot be interpolated, so the
 * high card fields are written in both; this test keeps the two from drifting apart (a field missing on
 * page two, or pages sorted differently, would only show in an org).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Kind, parse, print, type DocumentNode, type FieldNode, type SelectionSetNode } from 'graphql';
import { extractQueriesFromSource } from '../../scripts/lib/graphql/extract-queries';

const LWC_DIR = path.resolve(__dirname, '../../force-app/main/default/lwc');

/** The queries (parsed) of one component's main JavaScript file. */
function queriesOf(component: string): DocumentNode[] {
    const file = path.join(LWC_DIR, component, `${component}.js`);
    return extractQueriesFromSource(fs.readFileSync(file, 'utf8'), file).map((q) => {
        if (q.query === null) throw new Error(`${component}: ${q.problem}`);
        return parse(q.query);
    });
}

const responseKey = (field: FieldNode) => field.alias?.value ?? field.name.value;

function child(selectionSet: SelectionSetNode | undefined, key: string): FieldNode | undefined {
    return selectionSet?.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && responseKey(s) === key);
}

/** The connection field under uiapi.query answering as `key` (its alias, else its name), in any of the documents. */
function connection(documents: DocumentNode[], key: string): FieldNode {
    for (const document of documents) {
        for (const definition of document.definitions) {
            if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
            const query = child(child(definition.selectionSet, 'uiapi')?.selectionSet, 'query');
            const found = child(query?.selectionSet, key);
            if (found) return found;
        }
    }
    throw new Error(`no uiapi.query.${key} in the queries`);
}

const nodeSelection = (field: FieldNode) =>
    print(child(child(field.selectionSet, 'edges')?.selectionSet, 'node')?.selectionSet ?? field);
const pageInfo = (field: FieldNode) => print(child(field.selectionSet, 'pageInfo') ?? field);
const argument = (field: FieldNode, name: string) => {
    const arg = field.arguments?.find((a) => a.name.value === name);
    return arg ? print(arg.value) : undefined;
};

describe("the timeline's high card query and the customer hub's first page", () => {
    const hubCards = connection(queriesOf('pactCustomerHub'), 'highCards');
    const timelineCards = connection(queriesOf('pactTimeline'), 'High_Card__c');

    it('query the same object', () => {
        expect(hubCards.name.value).toBe('High_Card__c');
        expect(timelineCards.name.value).toBe('High_Card__c');
    });

    it('select the same fields of each high card', () => {
        expect(nodeSelection(timelineCards)).toBe(nodeSelection(hubCards));
        // Sanity: the fields the timeline shows are really there, so equal cannot mean "both empty".
        expect(nodeSelection(hubCards)).toMatch(/Details__c \{\s*value\s*\}/);
        expect(nodeSelection(hubCards)).toContain('Needs_Action_By__r');
    });

    it('page the same way: same order, same page size, same page info', () => {
        expect(argument(timelineCards, 'orderBy')).toBe(argument(hubCards, 'orderBy'));
        expect(argument(hubCards, 'orderBy')).toContain('Occurred_On__c');
        expect(argument(timelineCards, 'first')).toBe(argument(hubCards, 'first'));
        expect(pageInfo(timelineCards)).toBe(pageInfo(hubCards));
        expect(pageInfo(hubCards)).toContain('endCursor');
    });

    it('would notice a field dropped from one of them', () => {
        const drifted = parse(
            print(parse(`{ uiapi { query { High_Card__c { edges { node ${nodeSelection(hubCards)} } } } } }`)).replace(
                /Action_Due__c \{[^}]*\}/,
                ''
            )
        );
        expect(nodeSelection(connection([drifted], 'High_Card__c'))).not.toBe(nodeSelection(hubCards));
    });
});
