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
    const result = await operation.pollStatus({ frequency: 2000 as never, timeout: 1800000 as never });
    const response = result.response;
    if (!response.success) {
        const failures = result
            .getFileResponses()
            .filter((r) => r.state === 'Failed')
            .map((r) => `  ${r.type} ${r.fullName}: ${'error' in r ? r.error : 'failed'}`);
        throw new PactRunError(
            `the org refused the deployment of ${dir} (${response.status}):\n${failures.join('\n') || response.errorMessage || ''}`,
            'server'
        );
    }
    return { components: components.size };
}
