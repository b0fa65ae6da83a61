/**
 * The integrity guard's own checks, applied to a customer org where PACT is installed: any tick box
 * added to PACT's objects, and coaching notes exposed in reports or list views. Reports and dashboards
 * of the customer are judged by the audit (analytics.ts), whose reasons speak of the customer's
 * component; the guard's stricter rules are for PACT's own package (tests/integrity).
 */
import type { Finding, OrgModel } from '../metadata/model';
import { checkCheckboxes, checkCoachingNotes, RULES, type RuleId } from '../integrity';
import { PACT_OBJECTS } from './activity-controls';

export function guardFindings(model: OrgModel): Finding[] {
    return [...checkCheckboxes(model, [...PACT_OBJECTS]), ...checkCoachingNotes(model)].map((f) => ({
        ...f,
        tier: 'activity-control' as const,
        category: 'pact-integrity',
        // The guard's rule in words ("An object PACT ships has a Checkbox field."), not its id.
        evidence: [RULES[f.rule as RuleId] ?? f.rule]
    }));
}
