/**
 * pact audit --source-dir DIR | --target-org ALIAS [--json | --format text|json|html] [--output FILE] [--verbose]
 * Exit 0: no activity controls (people-ranking notes alone do not fail); 1: activity controls found;
 * 2: could not run (the reason is on stderr).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { activityControls, auditOrg, findingJson } from '../lib/audit';
import { plural } from '../lib/audit/summary';
import type { OrgModel } from '../lib/metadata/model';
import { connectToAlias, PactRunError } from '../lib/salesforce/connection';
import { loadDataverseModel, type DataverseSourceOptions } from '../lib/dataverse/cli-source';
import { CliIo, EXIT, progress } from './io';

export const AUDIT_USAGE = `Usage: pact audit (--source-dir DIR | --target-org ALIAS | --dataverse URL | --dataverse-solution FILE.zip) [--format text|json|html] [--output FILE] [--verbose]

Finds what makes reps record activities instead of what customers say, and says why:
  activity controls   tick boxes that record an activity (Call Made, Left VM, Demo Booked, ...),
                      validation rules and required fields that force activity entry,
                      activity reports and dashboards that count activities per person
  people ranking      reports and dashboards that rank people on outcomes (notes, not controls)
  benign              everything else; --verbose says why each was left alone

  --source-dir DIR     a metadata folder, source or mdapi format (detected)
  --target-org ALIAS   an org you logged in to with: sf org login web -a ALIAS
  --dataverse URL      a Dynamics 365 / Dataverse environment (signs in with a device code, cached;
                       --tenant, --client-id, --client-credentials as for pact setup --dataverse)
  --dataverse-solution FILE.zip  an exported Dataverse solution (offline)
  --format FORMAT      text (default), json, or html (one self-contained file; needs --output)
  --json               the same as --format json: tier, category, component, file, evidence per finding
  --output FILE        write the report to FILE instead of the terminal
  --verbose            also list what was judged benign, and every people-ranking note

Exit codes: 0 no activity controls, 1 activity controls found, 2 could not run.
`;

/** Reads the org or folder named by the options; shared by audit and block. */
export async function loadModel(
    options: { 'source-dir'?: string; 'target-org'?: string } & DataverseSourceOptions,
    io: CliIo
): Promise<{ model: OrgModel; description: string }> {
    const dataverse = await loadDataverseModel(options, io);
    if (dataverse) return dataverse;
    const dir = options['source-dir'];
    const alias = options['target-org'];
    if (dir) {
        const { readMetadataDir } = await import('../lib/metadata/mdapi-reader');
        const { SourceReadError } = await import('../lib/metadata/source-reader');
        const absolute = path.resolve(io.cwd, dir);
        const spinner = progress(io);
        try {
            const { format, model } = readMetadataDir(absolute, (message) => spinner.update(message));
            return { model, description: `${dir} (${format} format)` };
        } catch (error) {
            if (error instanceof SourceReadError) {
                // The admin named the folder already: say what is wrong with it, not its full path again.
                const detail = error.file === absolute ? error.message.slice(absolute.length + 2) : error.message;
                throw new PactRunError(`cannot read ${dir}: ${detail}`, 'input');
            }
            throw error;
        } finally {
            spinner.done();
        }
    }
    if (!alias) throw new PactRunError('say what to read: --source-dir DIR or --target-org ALIAS', 'input');
    const { readLiveOrg } = await import('../lib/metadata/live-reader');
    const spinner = progress(io);
    try {
        spinner.update(`connecting to ${alias}`);
        const conn = await (io.connect ?? connectToAlias)(alias);
        const { model, stats } = await readLiveOrg(conn, {
            alias,
            retry: io.retry,
            pollIntervalMs: io.pollIntervalMs,
            onProgress: (message) => spinner.update(message)
        });
        const unread = stats.privateReports ? `; ${stats.privateReports} reports in private folders not readable` : '';
        return { model, description: `org ${alias} (${stats.calls} API calls${unread})` };
    } finally {
        spinner.done();
    }
}

type Format = 'text' | 'json' | 'html';

function chosenFormat(values: { json?: boolean; format?: string; output?: string }): Format {
    if (values.json && values.format && values.format !== 'json') {
        throw new PactRunError(`--json and --format ${values.format} contradict each other: give one`, 'input');
    }
    const format = values.json ? 'json' : (values.format ?? 'text');
    if (format !== 'text' && format !== 'json' && format !== 'html') {
        throw new PactRunError(`--format is text, json or html, not "${format}"`, 'input');
    }
    if (format === 'html' && !values.output) {
        throw new PactRunError(
            '--format html writes a file: add --output FILE (e.g. --output pact-audit.html)',
            'input'
        );
    }
    return format;
}

export async function audit(argv: string[], io: CliIo): Promise<number> {
    const { values } = parseArgs({
        args: argv,
        options: {
            'source-dir': { type: 'string' },
            'target-org': { type: 'string', short: 'o' },
            dataverse: { type: 'string' },
            'dataverse-solution': { type: 'string' },
            tenant: { type: 'string' },
            'client-id': { type: 'string' },
            'client-credentials': { type: 'boolean', default: false },
            json: { type: 'boolean', default: false },
            format: { type: 'string' },
            output: { type: 'string' },
            verbose: { type: 'boolean', short: 'v', default: false },
            help: { type: 'boolean', short: 'h', default: false }
        },
        strict: true
    });
    if (values.help) {
        io.stdout(AUDIT_USAGE);
        return EXIT.clean;
    }
    const sources = ['source-dir', 'target-org', 'dataverse', 'dataverse-solution'] as const;
    if (sources.filter((s) => values[s]).length !== 1) {
        throw new PactRunError(
            'give exactly one of --source-dir DIR, --target-org ALIAS, --dataverse URL or --dataverse-solution FILE.zip',
            'input'
        );
    }
    const format = chosenFormat(values);
    const output = values.output ? path.resolve(io.cwd, values.output) : undefined;
    if (output && !fs.existsSync(path.dirname(output))) {
        throw new PactRunError(`cannot write ${values.output}: its folder does not exist`, 'input');
    }
    const { model, description } = await loadModel(values, io);
    const spinner = progress(io);
    spinner.update(
        `judging ${model.objects.length} objects, ${model.reports.length} reports and ${model.dashboards.length} dashboards`
    );
    const result = auditOrg(model);
    spinner.done();
    const source = sources.find((s) => values[s]) as (typeof sources)[number];
    const commandTarget = `--${source} ${values[source]}`;
    let text: string;
    if (format === 'json') {
        const findings = result.findings.map(findingJson);
        text = `${JSON.stringify(values.verbose ? { findings, benign: result.benign } : findings, null, 2)}\n`;
    } else if (format === 'html') {
        const { renderHtml } = await import('../lib/audit/report-html');
        text = renderHtml(model, result, { description, commandTarget });
    } else {
        const { renderText } = await import('../lib/audit/report-text');
        text = renderText(model, result, { description, commandTarget, verbose: values.verbose });
    }
    const controls = activityControls(result.findings).length;
    if (output) {
        fs.writeFileSync(output, text);
        io.stdout(
            `PACT audit of ${description}: ${plural(controls, 'activity control')}, ` +
                `${plural(result.findings.length - controls, 'people-ranking note')}. Report written to ${values.output}.\n`
        );
    } else io.stdout(text);
    return controls > 0 ? EXIT.findings : EXIT.clean;
}
