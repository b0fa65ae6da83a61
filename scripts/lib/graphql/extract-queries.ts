/**
 * Finds every GraphQL query the Lightning web components send: each template tagged with the `gql`
 * imported from lightning/graphql, located with a real JavaScript parser (not a regular expression),
 * so aliased imports, several queries per file and comments are handled.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '@babel/parser';

export interface ExtractedQuery {
    /** Path relative to the directory that was scanned from (forward slashes). */
    file: string;
    line: number;
    /** The query text, or null when the template interpolates values (the platform rejects that). */
    query: string | null;
    problem?: string;
}

type Node = { type: string; loc?: { start: { line: number } } } & Record<string, unknown>;

function walk(node: unknown, visit: (n: Node) => void): void {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
        for (const child of node) walk(child, visit);
        return;
    }
    const n = node as Node;
    if (typeof n.type === 'string') visit(n);
    for (const [key, value] of Object.entries(n)) {
        if (
            key === 'loc' ||
            key === 'start' ||
            key === 'end' ||
            key === 'leadingComments' ||
            key === 'trailingComments'
        )
            continue;
        if (value && typeof value === 'object') walk(value, visit);
    }
}

/** Extracts the gql queries of one JavaScript source. */
export function extractQueriesFromSource(code: string, file: string): ExtractedQuery[] {
    const ast = parse(code, {
        sourceType: 'module',
        plugins: [['decorators', { decoratorsBeforeExport: true }], 'classProperties']
    });
    const gqlNames = new Set<string>();
    walk(ast.program, (n) => {
        if (n.type !== 'ImportDeclaration') return;
        const source = (n.source as { value: string }).value;
        if (source !== 'lightning/graphql' && source !== 'lightning/uiGraphQLApi') return;
        for (const spec of n.specifiers as Node[]) {
            const imported = spec.imported as { name?: string } | undefined;
            if (spec.type === 'ImportSpecifier' && imported?.name === 'gql') {
                gqlNames.add((spec.local as { name: string }).name);
            }
        }
    });
    const found: ExtractedQuery[] = [];
    walk(ast.program, (n) => {
        if (n.type !== 'TaggedTemplateExpression') return;
        const tag = n.tag as Node;
        if (tag.type !== 'Identifier' || !gqlNames.has(tag.name as string)) return;
        const quasi = n.quasi as { quasis: { value: { cooked: string } }[]; expressions: unknown[] };
        const line = n.loc?.start.line ?? 0;
        if (quasi.expressions.length > 0) {
            found.push({
                file,
                line,
                query: null,
                problem: 'the gql template interpolates ${...}; use GraphQL variables instead'
            });
            return;
        }
        found.push({ file, line, query: quasi.quasis.map((q) => q.value.cooked).join('') });
    });
    return found;
}

/** All component JavaScript files under an lwc folder, without their jest tests. */
export function componentSources(lwcDir: string): string[] {
    if (!fs.existsSync(lwcDir)) return [];
    const files: string[] = [];
    const visit = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            if (entry.name === '__tests__' || entry.name === '__mocks__' || entry.name.startsWith('.')) continue;
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) visit(full);
            else if (entry.name.endsWith('.js')) files.push(full);
        }
    };
    visit(lwcDir);
    return files.sort();
}

/** Every gql query in the components under `lwcDir`; paths are reported relative to `relativeTo`. */
export function extractQueries(lwcDir: string, relativeTo: string): ExtractedQuery[] {
    return componentSources(lwcDir).flatMap((file) => {
        const relative = path.relative(relativeTo, file).split(path.sep).join('/');
        try {
            return extractQueriesFromSource(fs.readFileSync(file, 'utf8'), relative);
        } catch (error) {
            return [{ file: relative, line: 0, query: null, problem: `cannot be parsed: ${(error as Error).message}` }];
        }
    });
}
