/**
 * pact setup --dataverse URL [--tenant T] [--client-id ID] [--client-credentials] [--solution FILE] [--fresh]
 * Puts PACT into a Dataverse environment by supported means, one announced step at a time
 * (scripts/lib/dataverse/installer.ts): the schema with the Web API's metadata operations, then the
 * solution zip, validated with StageSolution before it is imported, then published; prints the app
 * URL. Finished steps are kept in a git-ignored state file (.sf/pact-setup-dataverse-HOST.json), so a
 * second run resumes where a failure stopped it; every step also checks what already exists.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { DataverseClient, DataverseError, environmentUrl, type TokenSource } from '../lib/dataverse/client';
import { installSteps, zipHash, type InstallContext } from '../lib/dataverse/installer';
import { SOLUTION } from '../lib/dataverse/schema';
import { SECRET_VARIABLE, signIn } from '../lib/dataverse/sign-in';
import { PactRunError } from '../lib/salesforce/connection';
import { loadStepState, runSteps, stepStateFile } from '../lib/setup-steps';
import { CliIo, EXIT, REPO_ROOT } from './io';

export const DATAVERSE_SETUP_USAGE = `Usage: pact setup --dataverse URL [--tenant TENANT] [--client-id ID] [--client-credentials] [--solution FILE] [--fresh]

  --dataverse URL        the environment, e.g. https://contoso.crm.dynamics.com
  --tenant TENANT        your Microsoft Entra tenant (id or domain); default: the one you sign in to
  --client-id ID         your app registration (default: Microsoft's sample app for Dataverse)
  --client-credentials   sign in as that app (automation): needs --tenant, --client-id and the
                         secret in ${SECRET_VARIABLE}; otherwise you sign in with a device code
  --solution FILE        the solution zip (default: pcf/out/solution/PACT.zip from npm run build)
  --fresh                forget the steps a previous run finished

Sign-ins are cached per environment in ~/.pact/dataverse (like the sf CLI's logins).
Exit codes: 0 done, 2 a step failed (run the same command again to resume).
`;

export interface DataverseSetupDeps {
    /** Replaces sign-in (tests use a local fake Web API with a fixed token). */
    tokens?: TokenSource;
    sleep?: (ms: number) => Promise<void>;
    root?: string;
}

/** Steps that only look (connect, Sales, the publisher, the app URL) run every time: later steps need their facts. */
const LOOKS_ONLY = new Set(['connect', 'sales', 'app-url', 'publisher']);

export const dataverseStateFile = (root: string, url: string): string =>
    stepStateFile(root, `dataverse-${new URL(url).host}`);

export async function setupDataverse(argv: string[], io: CliIo, deps: DataverseSetupDeps = {}): Promise<number> {
    const { values } = parseArgs({
        args: argv,
        options: {
            dataverse: { type: 'string' },
            tenant: { type: 'string' },
            'client-id': { type: 'string' },
            'client-credentials': { type: 'boolean', default: false },
            'client-secret': { type: 'string' },
            solution: { type: 'string' },
            fresh: { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false }
        },
        strict: true
    });
    if (values.help) {
        io.stdout(DATAVERSE_SETUP_USAGE);
        return EXIT.clean;
    }
    if (values['client-secret'] !== undefined) {
        io.stderr(
            `pact setup: --client-secret is refused: a secret on the command line stays in shell history and process lists. Put it in ${SECRET_VARIABLE}.\n`
        );
        return EXIT.failed;
    }
    if (!values.dataverse) {
        io.stderr(`pact setup: --dataverse URL is required\n\n${DATAVERSE_SETUP_USAGE}`);
        return EXIT.failed;
    }
    const root = deps.root ?? REPO_ROOT;
    let url: string;
    try {
        url = environmentUrl(values.dataverse);
    } catch (error) {
        io.stderr(`pact setup: ${(error as Error).message}\n`);
        return EXIT.failed;
    }
    const zipFile = path.resolve(io.cwd, values.solution ?? path.join(root, 'pcf/out/solution/PACT.zip'));
    if (!fs.existsSync(zipFile)) {
        io.stderr(
            `pact setup: ${path.relative(io.cwd, zipFile)} is missing: run npm run build first (it packs the solution)\n`
        );
        return EXIT.failed;
    }
    const solutionZip = fs.readFileSync(zipFile);
    const stateFile = dataverseStateFile(root, url);
    const state = loadStepState(stateFile, { url }, values.fresh);

    const say = (line: string) => io.stdout(`${line}\n`);
    const tokens =
        deps.tokens ??
        signIn({
            url,
            tenant: values.tenant,
            clientId: values['client-id'],
            clientCredentials: values['client-credentials'],
            say
        });
    const client = new DataverseClient({ url, tokens, sleep: deps.sleep, solutionUniqueName: SOLUTION.uniqueName });
    const context: InstallContext = { client, solutionZip, say, sleep: deps.sleep, facts: {} };
    const steps = installSteps(zipHash(solutionZip));

    say(`PACT setup for Dataverse: ${url} (solution ${path.relative(io.cwd, zipFile)})`);
    const run = await runSteps(
        steps.map((step) => ({ ...step, always: LOOKS_ONLY.has(step.id), run: () => step.run(context) })),
        state,
        stateFile,
        io,
        {
            starting: (label) => label,
            doneBefore: (label) => `${label}: done before, skipped`,
            finished: (_step, result) => `  ${result}`,
            failed: (error, { number }) =>
                `  failed: ${error instanceof DataverseError || error instanceof PactRunError ? error.message : String(error)}\n` +
                `Setup stopped at step ${number}. Fix the cause and run the same command again: finished steps are skipped.\n`
        }
    );
    if (!run.ok) return EXIT.failed;
    if (client.waits.length) say(`(waited ${client.waits.length}× for the service's request limits)`);
    say(`\nPACT is installed. Open the app: ${context.facts.appUrl}`);
    say('Next: give people the PACT Rep, PACT Manager or PACT Executive role (with Basic User) — see pcf/README.md.');
    return EXIT.clean;
}
