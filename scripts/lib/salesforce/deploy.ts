/**
 * Deploys a source-format folder with @salesforce/source-deploy-retrieve the way admins' tools do
 * (`sf project deploy validate` then `sf project deploy quick`): a check-only deploy first, which
 * changes nothing in the org, then a quick deploy of that validated job. Any folder works, inside a
 * package directory or not (config/demo-legacy-org is deliberately outside sfdx-project.json).
 * Failures are reported per component with file, line, the server's words and a known fix; success
 * is reported from the server's answer, not from the local file count.
 */
import * as path from 'node:path';
import type { DeployResult, MetadataApiDeployStatus } from '@salesforce/source-deploy-retrieve';
import { OrgConnection, PactRunError } from './connection';
import { knownError, type KnownError } from './known-errors';

export interface ComponentFailure {
    type: string;
    fullName: string;
    /** The local file, relative to the working directory, when the server's component maps to one. */
    file?: string;
    line?: number;
    column?: number;
    problem: string;
    known?: KnownError;
}

export interface DeployReport {
    validationId: string;
    deployId: string;
    /** From the server's answer: numberComponentsDeployed of the quick deploy. */
    deployed: number;
    /** Components the validation reported, by metadata type. */
    byType: Record<string, number>;
    /** The server's words when it declined the quick deploy (the validated set was then deployed normally). */
    quickRefused?: string;
}

/** Thrown when the org refuses a deploy; `phase` says whether anything may have changed. */
export class DeployRefused extends PactRunError {
    constructor(
        message: string,
        readonly phase: 'validation' | 'deploy',
        readonly failures: ComponentFailure[]
    ) {
        super(message, 'server');
        this.name = 'DeployRefused';
    }
}

export interface DeployOptions {
    onPhase?: (phase: 'validating' | 'deploying') => void;
    /** Seconds before giving up on a job (default 30 minutes, as the sf CLI's --wait 33 gives). */
    waitSeconds?: number;
}

/** The server's componentFailures (one or many), mapped to local files where SDR knows them. */
export function componentFailures(result: DeployResult, cwd = process.cwd()): ComponentFailure[] {
    const local = new Map<string, { file: string; line?: number; column?: number }>();
    for (const f of result.getFileResponses()) {
        if (f.state !== 'Failed' || !f.filePath) continue;
        const where = { file: path.relative(cwd, f.filePath), line: f.lineNumber, column: f.columnNumber };
        // SDR words its `error` with the position appended: match on the component, not the text.
        if (!local.has(`${f.type}#${f.fullName}`)) local.set(`${f.type}#${f.fullName}`, where);
    }
    const raw = result.response.details?.componentFailures ?? [];
    return (Array.isArray(raw) ? raw : [raw]).map((c) => {
        const found = local.get(`${c.componentType}#${c.fullName}`);
        const line = c.lineNumber ? Number(c.lineNumber) : undefined;
        const column = c.columnNumber ? Number(c.columnNumber) : undefined;
        return {
            type: c.componentType ?? '',
            fullName: c.fullName,
            file: found?.file ?? (c.fileName ? `(server) ${c.fileName}` : undefined),
            line: found?.line ?? line,
            column: found?.column ?? column,
            problem: c.problem ?? '',
            known: knownError(c.problem ?? '')
        };
    });
}

/** One block per component: where, what the server said, and the fix when the error is a known one. */
export function formatFailures(failures: ComponentFailure[]): string {
    return failures
        .map((f) => {
            const where = f.file
                ? `${f.file}${f.line ? `:${f.line}${f.column ? `:${f.column}` : ''}` : ''}`
                : '(no file)';
            const fix = f.known ? `\n      fix: ${f.known.fix}` : '';
            return `  ${f.type} ${f.fullName} (${where})\n      server: ${f.problem}${fix}`;
        })
        .join('\n');
}

function refused(dir: string, phase: 'validation' | 'deploy', result: DeployResult, cwd: string): DeployRefused {
    const failures = componentFailures(result, cwd);
    const response: MetadataApiDeployStatus = result.response;
    // The org's own Apex tests run during validation (RunLocalTests): their failures block it too.
    const raw = response.details?.runTestResult?.failures ?? [];
    const testFailures = (Array.isArray(raw) ? raw : [raw]).map(
        (t) => `  Apex test ${t.name}.${t.methodName}\n      server: ${t.message}`
    );
    // Coverage below 75% comes back as a coverage warning, not as a component failure.
    const rawWarnings = response.details?.runTestResult?.codeCoverageWarnings ?? [];
    const coverage = (Array.isArray(rawWarnings) ? rawWarnings : [rawWarnings]).map((w) => {
        const known = knownError(w.message);
        return `  Code coverage\n      server: ${w.message}${known ? `\n      fix: ${known.fix}` : ''}`;
    });
    const tests = testFailures.length
        ? ` ${testFailures.length} of the org's Apex test(s) failed; fix them or ask their owner before deploying.`
        : '';
    const head =
        phase === 'validation'
            ? `the org refused the deployment of ${dir} at validation (check-only: nothing in the org changed).${tests}`
            : `the org refused the quick deploy of ${dir} (${response.status}).${tests}`;
    const detail =
        [failures.length ? formatFailures(failures) : '', ...testFailures, ...coverage].filter(Boolean).join('\n') ||
        `  ${response.errorMessage ?? response.status}`;
    return new DeployRefused(`${head}\n${detail}`, phase, failures);
}

/**
 * Validates `dir` with a check-only deploy (tests RunLocalTests, as `sf project deploy validate`
 * does, which makes the job eligible for a quick deploy), then quick-deploys the validated job.
 */
export async function validateThenDeploy(
    dir: string,
    conn: OrgConnection,
    options: DeployOptions = {}
): Promise<DeployReport> {
    const { ComponentSet, MetadataApiDeploy } = await import('@salesforce/source-deploy-retrieve');
    const wait = options.waitSeconds ?? 30 * 60;
    const cwd = process.cwd();
    const components = ComponentSet.fromSource(dir);
    if (components.size === 0) throw new PactRunError(`${dir} holds no metadata to deploy`, 'input');
    options.onPhase?.('validating');
    const validation = await components.deploy({
        usernameOrConnection: conn as never,
        apiOptions: { checkOnly: true, testLevel: 'RunLocalTests', rollbackOnError: true }
    });
    const validated = await validation.pollStatus(undefined, wait);
    if (!validated.response.success) throw refused(dir, 'validation', validated, cwd);

    options.onPhase?.('deploying');
    const quick = new MetadataApiDeploy({
        usernameOrConnection: conn as never,
        id: validated.response.id,
        components
    });
    let deployId: string;
    let quickRefused: string | undefined;
    try {
        deployId = await quick.deployRecentValidation(false);
    } catch (error) {
        // An org may decline the quick deploy of a validation (for example one that ran no tests); the
        // validation already proved the same components, so they go in with an ordinary deploy.
        const message = error instanceof Error ? error.message : String(error);
        if (!/INVALID_ID_FIELD|quick deploy|not eligible|validation ID/i.test(message)) throw error;
        quickRefused = message;
        const again = await components.deploy({ usernameOrConnection: conn as never });
        deployId = again.id ?? '';
    }
    const job = new MetadataApiDeploy({ usernameOrConnection: conn as never, id: deployId, components });
    const deployed = await job.pollStatus(undefined, wait);
    if (!deployed.response.success) throw refused(dir, 'deploy', deployed, cwd);

    const successes = validated.response.details?.componentSuccesses ?? [];
    const byType: Record<string, number> = {};
    for (const s of Array.isArray(successes) ? successes : [successes]) {
        if (!s.componentType || s.fullName === 'package.xml') continue;
        byType[s.componentType] = (byType[s.componentType] ?? 0) + 1;
    }
    return {
        validationId: validated.response.id,
        deployId,
        deployed: Number(deployed.response.numberComponentsDeployed),
        byType,
        quickRefused
    };
}

/** "62 components (CustomField 40, Layout 6, ...)", from the server's answer. */
export function describeDeploy(report: DeployReport): string {
    const types = Object.entries(report.byType)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([type, n]) => `${type} ${n}`)
        .join(', ');
    const how = report.quickRefused
        ? `deployed as ${report.deployId} after the org declined the quick deploy (${report.quickRefused})`
        : `quick-deployed as ${report.deployId}`;
    return `${report.deployed} components deployed${types ? ` (${types})` : ''}; validated as ${report.validationId}, ${how}`;
}
