/**
 * Reads metadata in Metadata API ("mdapi") format - objects/Account.object holding its fields and
 * validation rules, reports/Folder/Name.report, dashboards/Folder/Name.dashboard, a package.xml -
 * from a directory or from the files of a retrieve zip, into the common OrgModel.
 *
 * Parsing is not written twice: every component is read in place with the source-format reader's
 * own parsers (objectFromMdapi for an object's fields, rules and list views; readWholeFile for
 * reports, dashboards, report types, flows and workflows, named from their source-format path), and
 * every `file` is the mdapi file it came from. Both formats therefore give the same model.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { emptyModel, type AutomationModel, type ObjectModel, type OrgModel } from './model';
import { objectFromMdapi, readSourceDir, readWholeFile, SourceReadError } from './source-reader';

export type MetadataFormat = 'source' | 'mdapi';

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });

/** Whole-file components: mdapi suffix -> source suffix. */
const FILE_COMPONENTS: Record<string, string> = {
    '.report': '.report-meta.xml',
    '.dashboard': '.dashboard-meta.xml',
    '.reportType': '.reportType-meta.xml',
    '.flow': '.flow-meta.xml',
    '.workflow': '.workflow-meta.xml'
};

function walk(dir: string, base = dir): string[] {
    const out: string[] = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) out.push(...walk(full, base));
        else if (entry.isFile()) out.push(path.relative(base, full).split(path.sep).join('/'));
    }
    return out.sort();
}

/**
 * "mdapi" when the folder has a package.xml or mdapi-style component files (objects/X.object),
 * "source" when it has *-meta.xml component files. Throws when it holds neither.
 */
export function detectFormat(dir: string): MetadataFormat {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
        throw new SourceReadError(dir, 'not a directory');
    }
    const files = walk(dir);
    const isMdapiComponent = (f: string) =>
        f.endsWith('.object') || Object.keys(FILE_COMPONENTS).some((suffix) => f.endsWith(suffix));
    if (files.includes('package.xml') || files.some(isMdapiComponent)) return 'mdapi';
    if (files.some((f) => f.endsWith('-meta.xml'))) return 'source';
    throw new SourceReadError(dir, 'no Salesforce metadata found (neither source format *-meta.xml nor mdapi format)');
}

function parse(xml: string, file: string, rootElement: string): Record<string, unknown> {
    const valid = XMLValidator.validate(xml);
    if (valid !== true)
        throw new SourceReadError(file, `not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
    const root = (parser.parse(xml) as Record<string, unknown>)[rootElement];
    if (root === undefined) throw new SourceReadError(file, `expected a <${rootElement}> root element`);
    return (root === '' ? {} : root) as Record<string, unknown>;
}

/**
 * Reads mdapi-format files given as relative path -> content. `fileName` turns an mdapi path into
 * the `file` a finding shows (the path itself for a directory, "org:ALIAS" for a live org).
 */
export function readMdapiFiles(
    files: Map<string, string>,
    source: string,
    fileName: (mdapiPath: string) => string = (p) => p,
    onProgress?: (message: string) => void
): OrgModel {
    const model = emptyModel(source);
    const automations: AutomationModel[] = [];
    const objects: ObjectModel[] = [];
    // Sorted as a folder is walked, so that both formats list components in the same order.
    const paths = [...files.keys()].sort();
    for (const [index, file] of paths.entries()) {
        if (onProgress && index % 500 === 0) onProgress(`reading metadata files: ${index} of ${paths.length}`);
        const content = files.get(file) as string;
        const parts = file.split('/');
        const base = parts[parts.length - 1];
        const shown = fileName(file);
        if (base.endsWith('.object') && parts[parts.length - 2] === 'objects') {
            const objectName = base.slice(0, -'.object'.length);
            objects.push(objectFromMdapi(objectName, parse(content, shown, 'CustomObject'), shown));
            continue;
        }
        const suffix = Object.keys(FILE_COMPONENTS).find((s) => base.endsWith(s));
        if (!suffix) continue;
        // Named as source format names it: reports/Folder/Name.report -> reports/Folder/Name.report-meta.xml.
        const sourcePath = file.slice(0, -suffix.length) + FILE_COMPONENTS[suffix];
        readWholeFile(model, automations, sourcePath, shown, (rootElement) => parse(content, shown, rootElement));
    }
    model.automations = automations;
    model.objects = objects.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return model;
}

/** Reads an mdapi-format directory (e.g. the output of `sf project convert source` or a retrieve). */
export function readMdapiDir(dir: string, onProgress?: (message: string) => void): OrgModel {
    detectFormat(dir);
    const files = new Map<string, string>();
    onProgress?.('listing metadata files');
    for (const file of walk(dir)) {
        if (file.endsWith('.object') || Object.keys(FILE_COMPONENTS).some((s) => file.endsWith(s))) {
            files.set(file, fs.readFileSync(path.join(dir, file), 'utf8'));
        }
    }
    return readMdapiFiles(files, dir, undefined, onProgress);
}

/** Reads a directory in whichever format it is. */
export function readMetadataDir(
    dir: string,
    onProgress?: (message: string) => void
): { format: MetadataFormat; model: OrgModel } {
    const format = detectFormat(dir);
    return { format, model: format === 'mdapi' ? readMdapiDir(dir, onProgress) : readSourceDir(dir, onProgress) };
}
