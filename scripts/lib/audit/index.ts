/**
 * The org audit: one engine over the common OrgModel, whatever filled it (a folder in source or
 * mdapi format, a live org, a Dataverse solution or environment). It decides three tiers:
 *  - activity control: what the P.A.C.T. retires (activity tick boxes, activity reports and dashboards
 *    per person, rules and required fields that force activity entry);
 *  - people ranking: reports and dashboards that rank people on outcomes, reported as notes;
 *  - benign: judged and left alone, each with its reason (pact audit --verbose).
 */
import type { Finding, OrgModel } from '../metadata/model';
import { activityForcing, checkboxVerdicts, indexSetters, verdictFinding } from './activity-controls';
import { analyticsFinding, fieldsUsedByActivityReports, judgeAnalytics } from './analytics';
import { guardFindings } from './guard';

export * from './activity-controls';
export * from './analytics';

/** Something the audit judged and left alone, with why. */
export interface BenignVerdict {
    category: string;
    object?: string;
    component: string;
    componentType: string;
    file: string;
    reason: string;
    evidence: string[];
}

export interface AuditResult {
    /** Activity controls first, then people-ranking notes. */
    findings: Finding[];
    benign: BenignVerdict[];
}

const CATEGORY_ORDER = [
    'tick-box',
    'forcing-rule',
    'required-field',
    'activity-report',
    'activity-dashboard',
    'pact-integrity',
    'people-ranking-report',
    'people-ranking-dashboard'
];

/** A judged component that is no finding keeps the finding's fields, under its own category. */
function benignOf(f: Finding, category: string): BenignVerdict {
    const { object, component, componentType, file, reason, evidence } = f;
    return {
        category,
        ...(object ? { object } : {}),
        component,
        componentType,
        file,
        reason,
        evidence: evidence ?? []
    };
}

/** The engine entry point: every finding with its tier, category and evidence, and the benign verdicts. */
export function auditOrg(model: OrgModel): AuditResult {
    const analytics = judgeAnalytics(model);
    const context = indexSetters(model);
    context.usedIn = fieldsUsedByActivityReports(model, analytics);
    const ticks = checkboxVerdicts(model, context);
    const lowCard = ticks.filter((v) => v.lowCard).map(verdictFinding);
    const findings = [
        ...lowCard,
        ...activityForcing(model, lowCard),
        ...analytics.filter((v) => v.tier).map(analyticsFinding),
        ...guardFindings(model)
    ];
    const order = (f: Finding) => (f.tier === 'people-ranking' ? 100 : 0) + CATEGORY_ORDER.indexOf(f.category ?? '');
    findings.sort(
        (a, b) =>
            order(a) - order(b) ||
            (a.object ?? '').localeCompare(b.object ?? '') ||
            a.component.localeCompare(b.component) ||
            a.rule.localeCompare(b.rule)
    );
    const benign: BenignVerdict[] = [
        ...ticks.filter((v) => !v.lowCard).map((v) => benignOf(verdictFinding(v), 'tick-box')),
        ...analytics
            .filter((v) => !v.tier)
            .map((v) => benignOf(analyticsFinding(v), v.componentType === 'Report' ? 'report' : 'dashboard'))
    ];
    return { findings, benign };
}

/** Findings of both reported tiers (what pact block and the tests read). */
export function auditModel(model: OrgModel): Finding[] {
    return auditOrg(model).findings;
}

export function activityControls(findings: Finding[]): Finding[] {
    return findings.filter((f) => f.tier === 'activity-control');
}

/** The --json shape: one object per finding. */
export function findingJson(f: Finding) {
    return {
        tier: f.tier ?? 'activity-control',
        category: f.category ?? '',
        object: f.object ?? '',
        component: f.component,
        file: f.file,
        rule: f.rule,
        reason: f.reason,
        evidence: f.evidence ?? []
    };
}
