/**
 * The integrity guard's report, dashboard and coaching-note checks, applied to a customer's org.
 * Its tick-box check is left out: it flags every Checkbox on the objects PACT ships, while a
 * customer org has many benign ones; the audit judges those itself (activity-controls.ts).
 */
import type { Finding, OrgModel } from '../metadata/model';
import { checkIntegrity } from '../integrity';

export function guardFindings(model: OrgModel): Finding[] {
    return checkIntegrity(model, { checks: ['user-fields', 'activity-reports', 'coaching-notes'] });
}
