/** Small XML helpers for the solution packer: escaping, labels, stable component ids. */
import { createHash } from 'node:crypto';
import { LANGUAGE } from '../../../scripts/lib/dataverse/schema';

export const esc = (value: string): string =>
    value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `<tag description="..." languagecode="1033" />`, the label shape every solution part uses. */
export const label = (tag: string, text: string): string =>
    `<${tag} description="${esc(text)}" languagecode="${LANGUAGE}" />`;

/**
 * A GUID derived from a name (SHA-1, RFC 4122 version 5 layout), so a form, view or role keeps its
 * id from build to build: a second import updates the component instead of adding a copy.
 */
export function stableId(name: string): string {
    const hex = createHash('sha1').update(`pact:${name}`).digest('hex').slice(0, 32).split('');
    hex[12] = '5';
    hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    const h = hex.join('');
    return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}}`;
}

/** Indents every line of a block by n spaces (the parts are written flush left, then placed). */
export const indent = (block: string, n: number): string =>
    block
        .split('\n')
        .map((line) => (line ? `${' '.repeat(n)}${line}` : line))
        .join('\n');
