/**
 * pact block (--source-dir DIR | --target-org ALIAS) [--output DIR] [--apply]
 * Writes validation rules that stop new ticks in the low-card boxes the audit finds, as a source-format
 * folder (a dry run by default) plus a rollback folder beside it; --apply deploys them with
 * @salesforce/source-deploy-retrieve. Metadata only: never reads or changes records.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { auditModel } from '../lib/audit';
import { BlockRule, planBlockRules, renderBlockFolder, renderRollback } from '../lib/audit/block-rules';
import { BLOCK_RULE_PREFIX, RULE_FORCING_VALIDATION } from '../lib/audit/activity-controls';
import { connectToAlias, OrgConnection, PactRunError } from '../lib/salesforce/connection';
import { describeDeploy, validateThenDeploy } from '../lib/salesforce/deploy';
import { loadModel } from './audit';
import { CliIo, EXIT, progress } from './io';

export const BLOCK_USAGE = `Usage: pact block (--source-dir DIR | --target-org ALIAS) [--output DIR] [--apply]
       pact block --dataverse URL [--apply]   (Dynamics 365: column security; --dataverse URL --help)

Writes one validation rule per object that refuses ticking a low-card box (on create, or changed to
true) and still allows clearing it. Reads the tick boxes from DIR, or from the org if no DIR is given.

  --output DIR        where to write the rules (default: pact-block-rules); a rollback folder
                      (destructiveChanges.xml + package.xml) is written to DIR-rollback
  --apply             deploy the rules to --target-org ALIAS (the rollback folder is written first)

Exit codes: 0 written (or deployed), 2 could not run.
`;

export const DEFAULT_OUTPUT = 'pact-block-rules';

/** Writes `files` under `dir`; removes earlier block rules there that the new plan no longer has. */
export function writeFolder(dir: string, files: Map<string, string>): void {
    if (fs.existsSync(dir)) {
        const stale = (fs.readdirSync(dir, { recursive: true }) as string[])
            .map((f) => f.split(path.sep).join('/'))
            .filter((f) => path.basename(f).startsWith(BLOCK_RULE_PREFIX) && !files.has(f));
        for (const file of stale) fs.rmSync(path.join(dir, file));
    }
    for (const [file, content] of files) {
        const target = path.join(dir, ...file.split('/'));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, content);
    }
}

/** Validates the rules (check-only: nothing changes if the org refuses), then quick-deploys them. */
async function deploy(dir: string, conn: OrgConnection, io: CliIo): Promise<string> {
    const spinner = progress(io);
    try {
        const report = await validateThenDeploy(dir, conn, {
            onPhase: (phase) => spinner.update(`${phase} the blocking rules`)
        });
        return describeDeploy(report);
    } finally {
        spinner.done();
    }
}

/** A word a POSIX shell reads back unchanged: quoted only when it needs to be. */
function shellWord(word: string): string {
    return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function describe(rules: BlockRule[]): string {
    return rules.map((r) => `  ${r.object}.${r.name}: ${r.fields.map((f) => f.name).join(', ')}`).join('\n');
}

export async function block(argv: string[], io: CliIo): Promise<number> {
    if (argv.some((a) => a.startsWith('--dataverse'))) {
        return (await import('../lib/dataverse/block-command')).blockDataverse(argv, io);
    }
    const { values } = parseArgs({
        args: argv,
        options: {
            'source-dir': { type: 'string' },
            'target-org': { type: 'string', short: 'o' },
            output: { type: 'string', short: 'd' },
            apply: { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false }
        },
        strict: true
    });
    if (values.help) {
        io.stdout(BLOCK_USAGE);
        return EXIT.clean;
    }
    const alias = values['target-org'];
    if (values.apply && !alias) throw new PactRunError('--apply deploys to an org: add --target-org ALIAS', 'input');
    if (!values['source-dir'] && !alias) {
        throw new PactRunError('say where the tick boxes are: --source-dir DIR or --target-org ALIAS', 'input');
    }
    // With both, the folder says what to block and the org is only the deploy target.
    const { model, description } = await loadModel(
        values['source-dir'] ? { 'source-dir': values['source-dir'] } : { 'target-org': alias },
        io
    );
    const findings = auditModel(model);
    const rules = planBlockRules(findings, model);
    if (rules.length === 0) {
        io.stdout(`No low-card tick boxes in ${description}: nothing to block.\n`);
        return EXIT.clean;
    }
    const output = path.resolve(io.cwd, values.output ?? DEFAULT_OUTPUT);
    const rollback = `${output}-rollback`;
    writeFolder(rollback, renderRollback(rules));
    writeFolder(output, renderBlockFolder(rules));
    const shown = (dir: string) => path.relative(io.cwd, dir) || '.';
    io.stdout(
        `Blocking rules for ${description}:\n${describe(rules)}\n\n` +
            `Written to ${shown(output)} (source format); rollback in ${shown(rollback)}.\n`
    );
    // A rule that demands a tick and a rule that refuses it would leave reps unable to save.
    const blocked = new Set(rules.flatMap((r) => r.fields.map((f) => f.name)));
    const conflicts = findings.filter(
        (f) => f.rule === RULE_FORCING_VALIDATION && [...blocked].some((name) => f.reason.includes(name))
    );
    if (conflicts.length > 0) {
        io.stderr(
            `Deactivate these validation rules before you deploy: they demand the ticks the new rules refuse:\n` +
                `${conflicts.map((f) => `  ${f.component}`).join('\n')}\n`
        );
    }
    if (!values.apply) {
        // The same command with --apply, as typed, so that it runs when pasted (ALIAS only when none was given).
        const again = [
            'pact block',
            ...(values['source-dir'] ? ['--source-dir', shellWord(values['source-dir'])] : []),
            ...(values.output ? ['--output', shellWord(values.output)] : []),
            '--apply --target-org',
            alias ? shellWord(alias) : 'ALIAS'
        ].join(' ');
        const where = alias ? '' : ' (ALIAS: your org, as `sf org list` names it)';
        io.stdout(`Dry run: nothing deployed. To deploy: ${again}${where}\n`);
        return EXIT.clean;
    }
    const conn = await (io.connect ?? connectToAlias)(alias!);
    const deployed = await deploy(output, conn, io);
    io.stdout(
        `Deployed ${rules.length} rule(s) to ${alias}: ${deployed}. To remove them: ` +
            `sf project deploy start --metadata-dir ${shellWord(shown(rollback))} -o ${shellWord(alias!)}\n`
    );
    return EXIT.clean;
}
