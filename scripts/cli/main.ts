/** The pact command: dispatches to audit, block and setup; turns failures into exit code 2. */
import { CliIo, EXIT, processIo } from './io';
import { PactRunError } from '../lib/salesforce/connection';

export const USAGE = `pact - PACT for Salesforce admins

  pact audit  (--source-dir DIR | --target-org ALIAS) [--json]
  pact block  (--source-dir DIR | --target-org ALIAS) [--output DIR] [--apply]
  pact setup  --target-org ALIAS [--scratch] [--demo]
  pact setup  --dataverse URL      (Dynamics 365: pact setup --dataverse URL --help)

Run pact COMMAND --help for details.
`;

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
    const [command, ...rest] = argv;
    try {
        switch (command) {
            case 'audit':
                return await (await import('./audit')).audit(rest, io);
            case 'block':
                return await (await import('./block')).block(rest, io);
            case 'setup':
                if (rest.some((a) => a === '--dataverse' || a.startsWith('--dataverse='))) {
                    return await (await import('./setup-dataverse')).setupDataverse(rest, io);
                }
                return await (await import('./setup')).setup(rest, io);
            case undefined:
            case '--help':
            case '-h':
            case 'help':
                io.stdout(USAGE);
                return command === undefined ? EXIT.failed : EXIT.clean;
            default:
                io.stderr(`pact: unknown command "${command}"\n\n${USAGE}`);
                return EXIT.failed;
        }
    } catch (error) {
        if (error instanceof PactRunError) {
            io.stderr(`pact ${command}: ${error.message}\n`);
        } else if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
            io.stderr(`pact ${command}: ${error.message}\n`);
        } else {
            io.stderr(
                `pact ${command}: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
            );
        }
        return EXIT.failed;
    }
}
