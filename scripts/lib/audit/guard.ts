/**
 * The integrity guard's checks applied to a customer's org: reports and dashboards that rank reps,
 * activity report types, coaching notes exposed, and any tick box added to PACT's own objects.
 * Tick boxes elsewhere are judged by the audit itself (activity-controls.ts): a customer org has
 * many benign ones, which the guard's rule for PACT's package (no Checkbox at all) would flag.
 */
import type { Finding, OrgModel } from '../metadata/model';
import { checkCheckboxes, checkIntegrity } from '../integrity';
import { PACT_OBJECTS } from './activity-controls';

export function guardFindings(model: OrgModel): Finding[] {
    return [
        ...checkIntegrity(model, { checks: ['user-fields', 'activity-reports', 'coaching-notes'] }),
        ...checkCheckboxes(model, [...PACT_OBJECTS])
    ];
}
