/**
 * pact audit --source-dir DIR | --target-org ALIAS [--json]
 * Exit 0: nothing found; 1: findings; 2: could not run (the reason is on stderr).
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { auditModel, findingJson, RULE_LOW_CARD_CHECKBOX } from '../lib/audit';
import type { Finding, OrgModel } from '../lib/metadata/model';
import { connectToAlias, PactRunError } from '../lib/salesforce/connection';
import { CliIo, EXIT, progress, table } from './io';

export const AUDIT_USAGE = `Usage: pact audit (--source-dir DIR | --target-org ALIAS) [--json]

Finds what makes reps record activities instead of what customers say:
  - tick boxes that say an activity happened (Call Made, Left Voicemail, ...)
  - validation rules and required fields that force activity entry
  - reports and dashboards that rank reps by their activities

  --source-dir DIR     a metadata folder, source or mdapi format (detected)
  --target-org ALIAS   an org you logged in to with: sf org login web -a ALIAS
  --json               findings as JSON on stdout (object, component, file, rule, reason)

Exit codes: 0 nothing found, 1 findings, 2 could not run.
`;

/** Reads the org or folder named by the options; shared by audit and block. */
export async function loadModel(
    options: { 'source-dir'?: string; 'target-org'?: string },
    io: CliIo
): Promise<{ model: OrgModel; description: string }> {
    const dir = options['source-dir'];
    const alias = options['target-org'];
    if (dir) {
        const { readMetadataDir } = await import('../lib/metadata/mdapi-reader');
        const { SourceReadError } = await import('../lib/metadata/source-reader');
        const absolute = path.resolve(io.cwd, dir);
        try {
            const { format, model } = readMetadataDir(absolute);
            return { model, description: `${dir} (${format} format)` };
        } catch (error) {
            if (error instanceof SourceReadError)
                throw new PactRunError(`cannot read ${dir}: ${error.message}`, 'input');
            throw error;
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

export function renderFindings(findings: Finding[], description: string): string {
    if (findings.length === 0) {
        return `PACT audit of ${description}: nothing found. No tick boxes, forced activity entry or rep rankings.\n`;
    }
    const rows = findings.map((f, i) => [String(i + 1), f.rule, f.object ?? '', f.component, f.file]);
    const reasons = findings.map((f, i) => `${i + 1}. ${f.reason}`).join('\n');
    return (
        `PACT audit of ${description}: ${findings.length} finding(s)\n\n` +
        table(['#', 'Rule', 'Object', 'Component', 'File'], rows) +
        `\nWhy:\n${reasons}\n` +
        (findings.some((f) => f.rule === RULE_LOW_CARD_CHECKBOX)
            ? '\nNext: pact block turns the tick boxes into validation rules that stop new ticks (see README).\n'
            : '')
    );
}

export async function audit(argv: string[], io: CliIo): Promise<number> {
    const { values } = parseArgs({
        args: argv,
        options: {
            'source-dir': { type: 'string' },
            'target-org': { type: 'string', short: 'o' },
            json: { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false }
        },
        strict: true
    });
    if (values.help) {
        io.stdout(AUDIT_USAGE);
        return EXIT.clean;
    }
    if (Boolean(values['source-dir']) === Boolean(values['target-org'])) {
        throw new PactRunError('give exactly one of --source-dir DIR or --target-org ALIAS', 'input');
    }
    const { model, description } = await loadModel(values, io);
    const findings = auditModel(model);
    io.stdout(
        values.json ? `${JSON.stringify(findings.map(findingJson), null, 2)}\n` : renderFindings(findings, description)
    );
    return findings.length > 0 ? EXIT.findings : EXIT.clean;
}
