/** The integrity guard's report and dashboard checks, applied to a customer's org. */
import type { Finding, OrgModel } from '../metadata/model';

export function guardFindings(_model: OrgModel): Finding[] {
    return [];
}
