/**
 * pact setup --target-org ALIAS [--scratch] [--demo] [--layouts PROFILES] [--sample-data | --no-sample-data]
 *            [--dashboard-running-user USER] [--fresh]
 * Puts PACT into an org, one announced step at a time: (create a scratch org), (deploy the demo
 * legacy org), deploy force-app, activate its flows and verify them, (assign its layouts per profile),
 * (deploy the demo's blocking rules), assign the admin permission set, (import the sample data, assign
 * the sample open actions to the admin), print the org URL and what is left to do in Setup. Every deploy
 * is validated first (check-only) and then quick-deployed. Finished steps are kept in a git-ignored
 * state file (.sf/pact-setup-ALIAS.json), so a second run resumes where a failure stopped it.
 * Sample data is a choice: on by default only with --scratch or --demo; neither goes into production.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { Connection, SaveResult } from 'jsforce';
import {
    localToday,
    openActionValues,
    parseOpenActions,
    type OpenActionEntry,
    type OpenActionValues
} from '../lib/sample-data/open-actions';
import {
    connectToAlias,
    PactRunError,
    withRetry,
    type OrgConnection,
    type RetryPolicy
} from '../lib/salesforce/connection';
import type { OrgKind } from '../lib/salesforce/pact-org';
import { loadStepState, runSteps, stepStateFile, type ResumableStep, type StepState } from '../lib/setup-steps';
import { CliIo, EXIT, REPO_ROOT } from './io';

export const SETUP_USAGE = `Usage: pact setup --target-org ALIAS [--scratch] [--demo] [--layouts PROFILES]
                  [--sample-data | --no-sample-data] [--fresh]

  --target-org ALIAS  the org to set up (log in first: sf org login web -a ALIAS)
  --scratch           create a scratch org called ALIAS first (needs a Dev Hub: sf org login web -d)
  --demo              first deploy a failing "legacy" org (tick boxes, a calls-per-rep report),
                      then PACT, then the rules that block the tick boxes (never in production)
  --layouts PROFILES  assign PACT's page layouts to these profiles: "all" (every internal profile),
                      or names separated by commas ("Standard User,Custom: Sales"); default: all
                      with --scratch, none otherwise (setup prints the command at the end)
  --sample-data       import the sample customers, high cards and plans and give you their open
                      actions; default: on with --scratch or --demo, off otherwise. Refused in a
                      production org, as --demo is (setup reads the org's kind first)
  --no-sample-data    leave the sample data out, even with --scratch or --demo
  --dashboard-running-user USER
                      deploy the Customer Voice dashboard run as USER instead of each viewer
                      (when the org has used its dynamic dashboards)
  --fresh             forget the steps a previous run finished

Every deploy is validated first (check-only, nothing changes if it fails), then quick-deployed.

Exit codes: 0 done, 2 a step failed (run the same command again to resume).
`;

/**
 * The admin who runs setup gets PACT_Admin only: full access to high cards and plans to load and
 * look after data. Rep, manager and executive sets are for the people in those roles; PACT_Manager
 * would also let the admin write coaching notes, which belong to a rep and their manager.
 */
export const ADMIN_PERMISSION_SETS = ['PACT_Admin'];

export const PATHS = {
    scratchDef: 'config/project-scratch-def.json',
    pact: 'force-app',
    demoLegacy: 'config/demo-legacy-org',
    demoBlocked: 'config/demo-legacy-org-blocked',
    samplePlan: 'config/sample-data/plan.json',
    sampleOpenActions: 'config/sample-data/open-actions.json'
};

/** What setup asks of Salesforce; tests replace it. Paths are relative to the repository root. */
export interface DeployChoices {
    /** Deploy dynamic dashboards as run by this user (the fallback for the org's dynamic-dashboard cap). */
    dashboardRunningUser?: string;
}

export interface SetupActions {
    createScratch(alias: string, definitionFile: string): Promise<string>;
    /** Validates `dir` (check-only), then quick-deploys the validated job. */
    deploy(alias: string, dir: string, choices?: DeployChoices): Promise<string>;
    /** Activates PACT's flows and reads them back; fails while one is inactive. */
    activateFlows(alias: string): Promise<string>;
    /** Assigns PACT's layouts to profiles ("all" or names separated by commas). */
    assignLayouts(alias: string, profiles: string): Promise<string>;
    assignPermissionSets(alias: string, names: string[]): Promise<string>;
    importData(alias: string, planFile: string): Promise<string>;
    /** Gives the running user the sample open actions of a definition file (config/sample-data/open-actions.json). */
    assignOpenActions(alias: string, actionsFile: string): Promise<string>;
    /** Whether the org is production (Organization): sample data never goes there. */
    orgKind(alias: string): Promise<OrgKind>;
    orgUrl(alias: string): Promise<string>;
}

interface Step extends ResumableStep {
    /** A file or folder of this checkout the step uses, relative to the repository root. */
    needs?: string;
}

export interface SetupState extends StepState {
    alias: string;
}

export function stateFile(root: string, alias: string): string {
    return stepStateFile(root, alias);
}

export interface SetupOptions {
    scratch: boolean;
    demo: boolean;
    /** "all", profile names separated by commas, or undefined (not assigned: setup says how). */
    layouts?: string;
    dashboardRunningUser?: string;
    /** Whether the sample data steps run, and if not, why (said in the step list). */
    sampleData: { import: true } | { import: false; why: string };
}

function planSteps(alias: string, options: SetupOptions, actions: SetupActions, root: string): Step[] {
    const steps: Step[] = [];
    if (options.scratch) {
        steps.push({
            id: 'create-scratch-org',
            title: `Create the scratch org ${alias} from ${PATHS.scratchDef}`,
            needs: PATHS.scratchDef,
            run: () => actions.createScratch(alias, PATHS.scratchDef)
        });
    }
    if (options.demo) {
        steps.push({
            id: 'deploy-demo-legacy-org',
            title: `Deploy the demo legacy org (${PATHS.demoLegacy}): tick boxes, a forcing rule, a calls-per-rep report`,
            needs: PATHS.demoLegacy,
            run: () => actions.deploy(alias, PATHS.demoLegacy)
        });
    }
    steps.push({
        id: 'deploy-pact',
        title: `Deploy PACT (${PATHS.pact}): objects, rules, components, reports, permission sets`,
        needs: PATHS.pact,
        run: () => actions.deploy(alias, PATHS.pact, { dashboardRunningUser: options.dashboardRunningUser })
    });
    steps.push({
        id: 'activate-flows',
        title: "Activate PACT's flows (coaching-note sharing, action-needed notification) and check they are active",
        run: () => actions.activateFlows(alias)
    });
    if (options.layouts) {
        steps.push({
            id: 'assign-layouts',
            title: `Assign PACT's page layouts to ${options.layouts === 'all' ? 'every internal profile' : `the profiles ${options.layouts}`}`,
            run: () => actions.assignLayouts(alias, options.layouts!)
        });
    }
    if (options.demo) {
        steps.push({
            id: 'deploy-blocking-rules',
            title: `Deploy the rules that block the demo's tick boxes (${PATHS.demoBlocked}, written by pact block)`,
            needs: PATHS.demoBlocked,
            run: () => actions.deploy(alias, PATHS.demoBlocked)
        });
    }
    steps.push(
        {
            id: 'assign-permission-sets',
            title: `Give you (the admin) the permission set ${ADMIN_PERMISSION_SETS.join(', ')}`,
            run: () => actions.assignPermissionSets(alias, ADMIN_PERMISSION_SETS)
        },
        {
            id: 'import-sample-data',
            title: `Import the sample customers, high cards and plans (${PATHS.samplePlan})`,
            needs: PATHS.samplePlan,
            skip: options.sampleData.import ? undefined : options.sampleData.why,
            run: () => actions.importData(alias, PATHS.samplePlan)
        },
        {
            id: 'assign-sample-open-actions',
            title: `Assign the sample open actions to you (${PATHS.sampleOpenActions})`,
            needs: PATHS.sampleOpenActions,
            skip: options.sampleData.import ? undefined : 'no sample data (see the step before)',
            run: () => actions.assignOpenActions(alias, PATHS.sampleOpenActions)
        },
        // The URL is looked up every time: it is the point of the last line.
        { id: 'org-url', title: 'Find the org URL', always: true, run: () => actions.orgUrl(alias) }
    );
    // Checked before the first step runs, so that a broken checkout does not leave half a setup.
    for (const step of steps) {
        if (step.needs && !step.skip && !fs.existsSync(path.join(root, step.needs))) {
            throw new PactRunError(`${step.needs} is missing from this checkout`, 'input');
        }
    }
    return steps;
}

/** Runs the Salesforce CLI from node_modules with --json; resolves with its "result". */
export function runSf(args: string[], root = REPO_ROOT): Promise<Record<string, unknown>> {
    const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'sf.cmd' : 'sf');
    return new Promise((resolve, reject) => {
        const child = spawn(bin, [...args, '--json'], {
            cwd: root,
            env: { ...process.env, SF_DISABLE_TELEMETRY: 'true', SF_AUTOUPDATE_DISABLE: 'true' }
        });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.stderr.on('data', () => undefined);
        child.on('error', (error) =>
            reject(new PactRunError(`cannot run the Salesforce CLI (${bin}): ${error.message}`, 'input'))
        );
        child.on('close', (code) => {
            let parsed: { status?: number; result?: Record<string, unknown>; message?: string } = {};
            try {
                parsed = JSON.parse(out.slice(out.indexOf('{')));
            } catch {
                /* not JSON: reported below */
            }
            if (code === 0 && parsed.status === 0) resolve(parsed.result ?? {});
            else {
                const message = parsed.message ?? (out.trim().slice(0, 500) || `exit code ${code}`);
                reject(new PactRunError(`sf ${args.slice(0, 3).join(' ')} failed: ${message}`, 'server'));
            }
        });
    });
}

/** What assigning the sample open actions asks of a jsforce connection. */
export type OpenActionsConnection = Pick<Connection, 'query' | 'sobject'>;

/** A SOQL string literal. */
const soqlText = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * Finds each sample card by its Name and its account's Name and makes the user `username` the
 * person who acts, with the entry's status and a due date counted from `today`. Three API calls
 * whatever the number of cards: the user, the cards, and one sObject Collections update (all or none).
 * A card that is missing (sample data not imported, or renamed) stops it before anything is written.
 */
export async function assignSampleOpenActions(
    conn: OpenActionsConnection,
    alias: string,
    username: string,
    actions: OpenActionEntry[],
    today: string,
    retry?: RetryPolicy
): Promise<{ userId: string; updated: number }> {
    const call = <T>(run: () => Promise<T>) => withRetry(run, alias, retry);
    // jsforce's Query is a thenable, not a Promise: awaiting it inside an async function runs it.
    const users = await call(async () =>
        conn.query<{ Id: string }>(`SELECT Id FROM User WHERE Username = ${soqlText(username)} LIMIT 1`)
    );
    const userId = users.records[0]?.Id;
    if (!userId) throw new PactRunError(`the org has no user ${username}`, 'input');
    if (actions.length === 0) return { userId, updated: 0 };
    const names = [...new Set(actions.map((a) => a.name))].map(soqlText).join(', ');
    const cards = await call(async () =>
        conn.query<{ Id: string; Name: string; Account__r: { Name: string } | null }>(
            `SELECT Id, Name, Account__r.Name FROM High_Card__c WHERE Name IN (${names})`
        )
    );
    const updates: ({ Id: string } & OpenActionValues)[] = [];
    const missing: string[] = [];
    for (const entry of actions) {
        // A sample imported twice has each card twice: both copies get the action.
        const matches = cards.records.filter((c) => c.Name === entry.name && c.Account__r?.Name === entry.account);
        if (matches.length === 0) missing.push(`"${entry.name}" at ${entry.account}`);
        for (const card of matches) updates.push({ Id: card.Id, ...openActionValues(entry, userId, today) });
    }
    if (missing.length) {
        throw new PactRunError(
            `no high card ${missing.join(', ')}: import the sample data first (${PATHS.samplePlan})`,
            'input'
        );
    }
    const results: SaveResult[] = await call(() => conn.sobject('High_Card__c').update(updates, { allOrNone: true }));
    const failed = results.filter((r) => !r.success);
    if (failed.length) {
        const why = failed.flatMap((r) => r.errors).map((e) => `${e.errorCode}: ${e.message}`);
        throw new PactRunError(`the org refused the open actions: ${[...new Set(why)].join('; ')}`, 'server');
    }
    return { userId, updated: updates.length };
}

/** The permission sets for the people who use PACT, by role (the admin gets ADMIN_PERMISSION_SETS). */
export const PEOPLE_PERMISSION_SETS = { reps: 'PACT_Rep', managers: 'PACT_Manager', executives: 'PACT_Executive' };

/**
 * What is left for the admin after the steps: settings no supported API changes, and choices about people
 * that setup cannot make (who is a rep, who manages whom, who sees which accounts).
 */
export function leftForTheAdmin(alias: string, options: SetupOptions): string[] {
    const { reps, managers, executives } = PEOPLE_PERMISSION_SETS;
    const left = [
        'Setup > Sharing Settings > Edit: untick "Grant Access Using Hierarchies" for Coaching Note. Until then everyone above a ' +
            "note's author, manager and rep in the role hierarchy can read it (no deploy can change this setting).",
        `Give people their permission set (setup gave you ${ADMIN_PERMISSION_SETS.join(', ')} only): ${reps} to reps, ${managers} to ` +
            `managers, ${executives} to executives, in Setup > Permission Sets or with sf org assign permset -n ${reps} -o ${alias} ` +
            '--on-behalf-of USERNAME.',
        "Setup > Users: set each rep's Manager. A coaching note can only be written by the rep's manager: the coaching card " +
            'offers a manager only the people who report to them, and the server refuses any other note.',
        'Reps need Read access to the accounts they serve (org-wide default, territories, account teams or sharing rules): ' +
            'with Read they can add high cards and plans to an account; Edit on the account is not needed.'
    ];
    if (!options.layouts) {
        left.push(
            `PACT's page layouts are deployed but not assigned. Assign them per profile: pact setup --target-org ${alias} --layouts all ` +
                '(or --layouts "Standard User,Custom: Sales"), or in Setup > Object Manager > Page Layouts > Page Layout Assignment.'
        );
    } else {
        left.push(
            'If Account, Contact or Opportunity have record types, check which layout each record type gets in Setup > Object Manager > ' +
                "Page Layouts > Page Layout Assignment: setup assigned PACT's layouts per profile, not per record type."
        );
    }
    if (options.dashboardRunningUser) {
        left.push(
            `The Customer Voice dashboard runs as ${options.dashboardRunningUser}, and its folder (PACT Customer Voice Dashboards) is ` +
                "shared with all internal users: everyone who opens it sees the high cards that user can see. Narrow the folder's " +
                'sharing (Dashboards > the folder > Share) if that is more than some should see.'
        );
    }
    return left;
}

/**
 * The real actions: the Salesforce CLI for org work, source-deploy-retrieve for deployments.
 * `connect` turns an alias into a connection (tests pass one to a local fake org).
 */
export function salesforceActions(
    root = REPO_ROOT,
    connect: (alias: string) => Promise<OrgConnection> = connectToAlias
): SetupActions {
    return {
        async createScratch(alias, definitionFile) {
            const result = await runSf(
                ['org', 'create', 'scratch', '-f', definitionFile, '-a', alias, '--duration-days', '7'],
                root
            );
            return `created ${String(result.username ?? alias)}`;
        },
        async deploy(alias, dir, choices) {
            const { validateThenDeploy, describeDeploy } = await import('../lib/salesforce/deploy');
            const { assertFlowsCanDeploy, readOrgFlowCase, withDashboardRunningUser } =
                await import('../lib/salesforce/pact-org');
            const conn = await connect(alias);
            // A production org that deploys flows as active would refuse PACT's flows (no Apex coverage).
            // If the login may not read the settings, the validation still says it in the server's words.
            if (fs.existsSync(path.join(root, dir, 'main', 'default', 'flows'))) {
                const flowCase = await readOrgFlowCase(conn).catch(() => undefined);
                if (flowCase) assertFlowsCanDeploy(flowCase);
            }
            const source = choices?.dashboardRunningUser
                ? withDashboardRunningUser(path.join(root, dir), choices.dashboardRunningUser)
                : path.join(root, dir);
            try {
                return describeDeploy(await validateThenDeploy(source, conn));
            } finally {
                if (source !== path.join(root, dir)) fs.rmSync(path.dirname(source), { recursive: true, force: true });
            }
        },
        async activateFlows(alias) {
            const { activateFlows, readOrgFlowCase } = await import('../lib/salesforce/pact-org');
            const conn = await connect(alias);
            const flowCase = await readOrgFlowCase(conn).catch(() => undefined);
            const { activated, alreadyActive } = await activateFlows(conn);
            return [
                flowCase ? `this org is ${flowCase.summary}` : '',
                activated.length ? `activated ${activated.join(', ')}` : '',
                alreadyActive.length ? `already active ${alreadyActive.join(', ')}` : ''
            ]
                .filter(Boolean)
                .join('; ');
        },
        async assignLayouts(alias, profiles) {
            const { assignLayouts, chooseProfiles, internalProfiles } = await import('../lib/salesforce/pact-org');
            const conn = await connect(alias);
            const chosen = chooseProfiles(await internalProfiles(conn), profiles);
            const report = await assignLayouts(conn, chosen);
            return `PACT layouts assigned to ${chosen.map((p) => p.name).join(', ')} (${report.deployed} profiles deployed)`;
        },
        async assignPermissionSets(alias, names) {
            await runSf(['org', 'assign', 'permset', ...names.flatMap((n) => ['-n', n]), '-o', alias], root);
            return `assigned ${names.join(', ')}`;
        },
        async importData(alias, planFile) {
            const result = await runSf(['data', 'import', 'tree', '-p', planFile, '-o', alias], root);
            return `${Array.isArray(result) ? result.length : 'all'} records imported`;
        },
        async assignOpenActions(alias, actionsFile) {
            const actions = parseOpenActions(fs.readFileSync(path.join(root, actionsFile), 'utf8'));
            // @salesforce/core's Connection knows the username of the stored login.
            const conn = (await connectToAlias(alias)) as unknown as OpenActionsConnection & {
                getUsername(): string | undefined;
            };
            const username = conn.getUsername();
            if (!username) throw new PactRunError(`the login for ${alias} has no username`, 'auth');
            const { updated } = await assignSampleOpenActions(conn, alias, username, actions, localToday());
            return `${updated} high cards now wait on ${username}`;
        },
        async orgKind(alias) {
            const { readOrgKind } = await import('../lib/salesforce/pact-org');
            return readOrgKind(await connect(alias));
        },
        async orgUrl(alias) {
            const result = await runSf(['org', 'open', '-o', alias, '--url-only'], root);
            return String(result.url ?? '');
        }
    };
}

/**
 * Sample data is the admin's choice, never assumed for an org setup did not create: on by default only
 * with --scratch or --demo. When the demo or sample data would go into an org that is not a new scratch
 * org, the org's kind is read first (one query): production gets neither (the demo's legacy org would
 * put tick boxes and a forcing rule in front of real users), refused before anything changes.
 */
async function chooseSampleData(
    alias: string,
    flags: { scratch: boolean; demo: boolean; 'sample-data'?: boolean; 'no-sample-data'?: boolean },
    actions: SetupActions,
    io: CliIo
): Promise<SetupOptions['sampleData']> {
    if (flags['sample-data'] && flags['no-sample-data']) {
        throw new PactRunError('choose one: --sample-data or --no-sample-data', 'input');
    }
    const asked = flags['sample-data'] ? true : flags['no-sample-data'] ? false : undefined;
    const wanted = asked ?? (flags.scratch || flags.demo);
    if (!flags.scratch && (flags.demo || wanted)) {
        io.stdout(`Reading what kind of org ${alias} is (the demo and sample data never go into production) ...\n`);
        const kind = await actions.orgKind(alias);
        if (kind.production && flags.demo) {
            throw new PactRunError(
                `${alias} is a production org: --demo would deploy a made-up legacy org there (tick boxes on tasks and ` +
                    'events, a rule that refuses proposals without a recent call, a calls-per-rep report) and the sample data. ' +
                    'Nothing was changed.\n' +
                    '  fix: try the demo in a scratch org (pact setup --target-org pact-demo --scratch --demo) or a sandbox; ' +
                    'in production run the same command without --demo.',
                'input'
            );
        }
        if (kind.production && wanted) {
            throw new PactRunError(
                `${alias} is a production org: PACT does not import its sample customers, high cards and plans ` +
                    'there, where they would sit beside real customers in reports and search. Nothing was changed.\n' +
                    '  fix: run the same command without --sample-data, or try the sample data in a sandbox or scratch org.',
                'input'
            );
        }
    }
    if (asked === false) return { import: false, why: 'you chose --no-sample-data' };
    if (!wanted) {
        return {
            import: false,
            why:
                'sample data is on by default only with --scratch or --demo ' +
                `(for a sandbox or developer org: pact setup --target-org ${alias} --sample-data)`
        };
    }
    return { import: true };
}

export async function setup(argv: string[], io: CliIo, actions?: SetupActions, root = REPO_ROOT): Promise<number> {
    const { values } = parseArgs({
        args: argv,
        options: {
            'target-org': { type: 'string', short: 'o' },
            scratch: { type: 'boolean', default: false },
            demo: { type: 'boolean', default: false },
            layouts: { type: 'string' },
            'sample-data': { type: 'boolean' },
            'no-sample-data': { type: 'boolean' },
            'dashboard-running-user': { type: 'string' },
            fresh: { type: 'boolean', default: false },
            help: { type: 'boolean', short: 'h', default: false }
        },
        strict: true
    });
    if (values.help) {
        io.stdout(SETUP_USAGE);
        return EXIT.clean;
    }
    const alias = values['target-org'];
    if (!alias) throw new PactRunError('say which org: --target-org ALIAS', 'input');
    const layouts = values.layouts ?? (values.scratch ? 'all' : undefined);
    const act = actions ?? salesforceActions(root);
    const options: SetupOptions = {
        scratch: values.scratch,
        demo: values.demo,
        layouts: layouts === 'none' ? undefined : layouts,
        dashboardRunningUser: values['dashboard-running-user'],
        sampleData: await chooseSampleData(alias, values, act, io)
    };
    const steps = planSteps(alias, options, act, root);
    const file = stateFile(root, alias);
    const state: SetupState = loadStepState(file, { alias }, values.fresh);
    const shownFile = path.relative(root, file);
    const run = await runSteps(steps, state, file, io, {
        starting: (label) => `${label} ...`,
        doneBefore: (label) => `${label}: already done (${shownFile})`,
        finished: (step, detail) => (step.id === 'org-url' ? undefined : `      done: ${detail}`),
        failed: (error, { finished }) =>
            `      failed: ${error instanceof Error ? error.message : String(error)}\n` +
            `Fix the cause and run the same command again: the ${finished} finished step(s) are kept in ${shownFile}.\n`
    });
    if (!run.ok) return EXIT.failed;
    const url = run.details.get('org-url') ?? '';
    io.stdout(`\nPACT is set up in ${alias}: ${url}\nOpen the PACT app from the App Launcher.\n`);
    io.stdout(
        `\nLeft for you in Setup:\n${leftForTheAdmin(alias, options)
            .map((l) => `  - ${l}`)
            .join('\n')}\n`
    );
    return EXIT.clean;
}
