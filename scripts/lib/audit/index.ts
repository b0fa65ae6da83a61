/**
 * The org audit: everything in a customer's org that makes reps record activities instead of what
 * customers say. Low-card tick boxes and activity-forcing rules are checked here; rep-ranking
 * reports and dashboards by the integrity guard, which PACT's own package must pass too.
 */
import type { Finding, OrgModel } from '../metadata/model';
import { activityForcing, lowCardCheckboxes } from './activity-controls';
import { guardFindings } from './guard';

export * from './activity-controls';

/** Findings sorted by rule order (tick boxes first, what `pact block` can fix), then by component. */
export function auditModel(model: OrgModel): Finding[] {
    const lowCard = lowCardCheckboxes(model);
    const findings = [...lowCard, ...activityForcing(model, lowCard), ...guardFindings(model)];
    const order = (f: Finding) => (f.rule === 'low-card-checkbox' ? 0 : f.rule.endsWith('forces-activity') ? 1 : 2);
    return findings.sort(
        (a, b) => order(a) - order(b) || a.rule.localeCompare(b.rule) || a.component.localeCompare(b.component)
    );
}

/** The --json shape: one object per finding. */
export function findingJson(f: Finding) {
    return { object: f.object ?? '', component: f.component, file: f.file, rule: f.rule, reason: f.reason };
}
