/**
 * pact block --dataverse URL [--output DIR] [--apply] [--rollback FILE]
 * Reads the environment, runs the audit, and plans column security for the low-card tick boxes it
 * finds (block.ts). A dry run by default: it writes the plan and the rollback and changes nothing.
 * --apply writes the rollback first, then secures the columns. --rollback FILE undoes an --apply.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { auditModel } from '../audit';
import { PactRunError } from '../salesforce/connection';
import type { CliIo } from '../../cli/io';
import { readDataverseEnvironment } from './audit-reader';
import {
    applyColumnBlocks,
    applyRollback,
    planColumnBlocks,
    prepareRollback,
    PROFILE_NAME,
    readRollback,
    writeRollback
} from './block';
import { DataverseError } from './client';
import { dataverseClient } from './cli-source';

export const DATAVERSE_BLOCK_USAGE = `Usage: pact block --dataverse URL [--output DIR] [--apply] [--rollback FILE]

Secures the low-card Yes/No columns the audit finds (column security, enforced by the server on
every write path) with one field security profile that lets everyone read them and nobody tick them.
Never reads or changes records.

  --output DIR      where the plan and the rollback go (default: pact-block-dataverse)
  --apply           make the change (the rollback is written first)
  --rollback FILE   undo an earlier --apply with the rollback.json it wrote
  --tenant, --client-id, --client-credentials   sign-in, as for pact setup --dataverse

Exit codes: 0 planned (or applied, or rolled back), 2 could not run.
`;

export const DEFAULT_DATAVERSE_OUTPUT = 'pact-block-dataverse';

export async function blockDataverse(argv: string[], io: CliIo): Promise<number> {
    const { values } = parseArgs({
        args: argv,
        options: {
            dataverse: { type: 'string' },
            output: { type: 'string', short: 'd' },
            apply: { type: 'boolean', default: false },
            rollback: { type: 'string' },
            'dataverse-solution': { type: 'string' },
            tenant: { type: 'string' },
            'client-id': { type: 'string' },
            'client-credentials': { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false }
        },
        strict: true
    });
    if (values.help) {
        io.stdout(DATAVERSE_BLOCK_USAGE);
        return 0;
    }
    if (values['dataverse-solution']) {
        throw new PactRunError(
            'column security is set in the environment, not in a zip: use pact block --dataverse URL (pact audit reads a zip)',
            'input'
        );
    }
    if (!values.dataverse) throw new PactRunError('--dataverse URL is required', 'input');
    const client = dataverseClient(values, io);
    const say = (line: string) => io.stdout(`${line}\n`);
    const fail = (error: unknown): never => {
        if (error instanceof DataverseError) throw new PactRunError(error.message, 'server');
        throw error;
    };
    try {
        if (values.rollback) {
            const rollback = readRollback(path.resolve(io.cwd, values.rollback));
            say(`Rolling back pact block on ${client.url}:`);
            await applyRollback(client, rollback, say);
            say('Rolled back.');
            return 0;
        }
        const { model } = await readDataverseEnvironment(client);
        const columns = planColumnBlocks(auditModel(model), model);
        if (!columns.length) {
            say(`No low-card tick boxes in ${client.url}: nothing to block.`);
            return 0;
        }
        const output = path.resolve(io.cwd, values.output ?? DEFAULT_DATAVERSE_OUTPUT);
        const rollbackFile = path.join(output, 'rollback.json');
        const shown = path.relative(io.cwd, rollbackFile);
        // Read before anything changes: the rollback records each column as it is now.
        const rollback = await prepareRollback(client, columns);
        // A second run keeps what the first one saw: by now its columns are secured by PACT itself.
        if (fs.existsSync(rollbackFile)) {
            const earlier = readRollback(rollbackFile);
            for (const c of rollback.columns) {
                const before = earlier.columns.find((e) => e.table === c.table && e.column === c.column);
                if (before) c.wasSecured = before.wasSecured;
            }
        }
        writeRollback(rollbackFile, rollback);
        fs.writeFileSync(
            path.join(output, 'plan.txt'),
            `pact block --dataverse ${client.url}\nField security profile: ${PROFILE_NAME} (read allowed, create and update refused), given to every default team.\nSecured columns:\n${columns.map((c) => `  ${c.table}.${c.column} (${c.label})`).join('\n')}\n`
        );
        say(`Low-card tick boxes in ${client.url}:`);
        columns.forEach((c) => say(`  ${c.table}.${c.column} ("${c.label}")`));
        say(`Rollback written to ${shown}.`);
        if (!values.apply) {
            say(`Dry run: nothing changed. To secure them: pact block --dataverse ${values.dataverse} --apply`);
            return 0;
        }
        await applyColumnBlocks(client, columns, say);
        say(`Done. To undo: pact block --dataverse ${values.dataverse} --rollback ${shown}`);
        return 0;
    } catch (error) {
        return fail(error);
    }
}
