/**
 * Deploys a source-format folder with @salesforce/source-deploy-retrieve - any folder, inside a
 * package directory or not (config/demo-legacy-org is deliberately outside sfdx-project.json).
 */
import { OrgConnection, PactRunError } from './connection';

export interface DeploySummary {
    components: number;
}

export async function deploySourceDir(dir: string, conn: OrgConnection): Promise<DeploySummary> {
    const { ComponentSet } = await import('@salesforce/source-deploy-retrieve');
    const components = ComponentSet.fromSource(dir);
    const operation = await components.deploy({ usernameOrConnection: conn as never });
    // Polling frequency: SDR's own (1 s and up with the deploy's size); give up after 30 minutes.
    const result = await operation.pollStatus(undefined, 30 * 60);
    const response = result.response;
    if (!response.success) {
        // The server's own list: it names components even when they do not map back to a local file.
        const reported = response.details?.componentFailures ?? [];
        const failures = (Array.isArray(reported) ? reported : [reported]).map(
            (f) => `  ${f.componentType} ${f.fullName}: ${f.problem}`
        );
        throw new PactRunError(
            `the org refused the deployment of ${dir} (${response.status}):\n${failures.join('\n') || response.errorMessage || ''}`,
            'server'
        );
    }
    return { components: components.size };
}
