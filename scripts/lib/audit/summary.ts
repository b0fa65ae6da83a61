/**
 * What an admin reads first: counts per tier and category, where the findings sit (objects, report
 * folders, dashboards) and what to do next. Shared by the terminal output and the HTML report.
 */
import type { Finding, OrgModel } from '../metadata/model';
import { RULE_FORMULA_CHECKBOX, RULE_LOW_CARD_CHECKBOX } from './activity-controls';
import type { AuditResult } from './index';

export interface CategoryInfo {
    id: string;
    tier: 'activity-control' | 'people-ranking';
    title: string;
    /** Why the whole category matters, said once above its findings. */
    why: string;
}

export const CATEGORIES: CategoryInfo[] = [
    {
        id: 'tick-box',
        tier: 'activity-control',
        title: 'Tick boxes that record an activity',
        why: 'A tick records that a rep did something, not what the customer said; reps tick to satisfy a count.'
    },
    {
        id: 'forcing-rule',
        tier: 'activity-control',
        title: 'Validation rules that force activity entry',
        why: 'A rule that refuses a save until an activity is logged teaches reps to log anything to get past it.'
    },
    {
        id: 'required-field',
        tier: 'activity-control',
        title: 'Required fields that force activity entry',
        why: 'A required activity field makes every save record an activity.'
    },
    {
        id: 'activity-report',
        tier: 'activity-control',
        title: 'Activity reports per person',
        why: 'Counting calls, meetings and tasks per rep rewards logging, not listening.'
    },
    {
        id: 'activity-dashboard',
        tier: 'activity-control',
        title: 'Dashboards that rank activities per person',
        why: 'An activity leaderboard is the first thing reps learn to game.'
    },
    {
        id: 'pact-integrity',
        tier: 'activity-control',
        title: "Changes to PACT's own objects",
        why: 'PACT promises no tick boxes on its objects and private coaching notes.'
    },
    {
        id: 'people-ranking-report',
        tier: 'people-ranking',
        title: 'Reports that rank people',
        why: 'Ranks people on outcomes (deals, cases): not an activity control. Keep the ones about results.'
    },
    {
        id: 'people-ranking-dashboard',
        tier: 'people-ranking',
        title: 'Dashboards that rank people',
        why: 'Ranks people on outcomes: not an activity control.'
    }
];

export interface Group {
    /** An object ("Lead"), a report folder ("Sales_Activity") or a dashboard folder. */
    key: string;
    findings: Finding[];
}

export interface CategorySection {
    info: CategoryInfo;
    findings: Finding[];
    groups: Group[];
}

export interface AuditSummary {
    source: string;
    activityControls: number;
    peopleRanking: number;
    benign: number;
    judged: { tickBoxes: number; reports: number; dashboards: number; validationRules: number };
    sections: CategorySection[];
    top: { objects: [string, number][]; folders: [string, number][]; dashboards: [string, number][] };
    /** How the platform names them: Salesforce has validation rules and report folders, Dataverse business rules and views on tables. */
    terms: Terms;
    next: string[];
}

export interface Terms {
    objects: string;
    rule: string;
    /** Before a folder's name in the next step: "the folder Sales_Activity", "the views on phonecall". */
    folder: string;
    folders: string;
    folderChart: string;
}

const SALESFORCE_TERMS: Terms = {
    objects: 'Objects',
    rule: 'validation rule',
    folder: 'the folder',
    folders: 'Folders',
    folderChart: 'Report folders with the most activity controls'
};

/** A Dataverse view is named after its table ("phonecall/Calls per Rep"): its "folder" is the table. */
const DATAVERSE_TERMS: Terms = {
    objects: 'Tables',
    rule: 'business rule',
    folder: 'the views on',
    folders: 'Views on',
    folderChart: 'Tables whose views hold the most activity controls'
};

/** Reports and dashboards are grouped by folder, everything else by object. */
export function groupKey(f: Finding): string {
    if (f.componentType === 'Report' || f.componentType === 'Dashboard') {
        const slash = f.component.lastIndexOf('/');
        return slash > 0 ? f.component.slice(0, slash) : '(no folder)';
    }
    return f.object ?? '(no object)';
}

function countBy(items: string[], limit = 5): [string, number][] {
    const counts = new Map<string, number>();
    for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
}

function plural(n: number, one: string, many = `${one}s`): string {
    return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/**
 * The pact block command for what was read, as it runs: a folder says what to block and deploys to an
 * org; a Dataverse solution zip cannot be changed, so the block goes to the environment it came from.
 */
function blockStep(commandTarget: string, ticks: string): string {
    if (commandTarget.startsWith('--dataverse-solution'))
        return `pact block --dataverse URL (the environment this solution came from) secures the ${ticks} so that nobody can tick them (a dry run; add --apply to make the change).`;
    if (commandTarget.startsWith('--dataverse'))
        return `pact block ${commandTarget} secures the ${ticks} so that nobody can tick them (a dry run; add --apply to make the change).`;
    const apply = commandTarget.startsWith('--source-dir') ? 'add --apply --target-org ALIAS' : 'add --apply';
    return `pact block ${commandTarget} writes validation rules that stop new ticks in the ${ticks} (a dry run; ${apply} to deploy them).`;
}

export function summarise(model: OrgModel, result: AuditResult, commandTarget: string): AuditSummary {
    const sections = CATEGORIES.map((info) => {
        const findings = result.findings.filter((f) => f.category === info.id);
        const byKey = new Map<string, Finding[]>();
        for (const f of findings) byKey.set(groupKey(f), [...(byKey.get(groupKey(f)) ?? []), f]);
        const groups = [...byKey]
            .map(([key, list]) => ({ key, findings: list }))
            .sort((a, b) => b.findings.length - a.findings.length || (a.key < b.key ? -1 : 1));
        return { info, findings, groups };
    }).filter((s) => s.findings.length > 0);
    const controls = result.findings.filter((f) => f.tier !== 'people-ranking');
    const count = (id: string) => controls.filter((f) => f.category === id).length;
    const next: string[] = [];
    const terms = commandTarget.startsWith('--dataverse') ? DATAVERSE_TERMS : SALESFORCE_TERMS;
    const ticks = controls.filter((f) => f.rule === RULE_LOW_CARD_CHECKBOX).length;
    const formulas = controls.filter((f) => f.rule === RULE_FORMULA_CHECKBOX).length;
    if (ticks > 0) next.push(blockStep(commandTarget, plural(ticks, 'tick box', 'tick boxes')));
    if (formulas > 0)
        next.push(
            `Retire the ${plural(formulas, 'formula tick box', 'formula tick boxes')} that count activities, with the reports that sum them (nobody ticks them, so pact block leaves them).`
        );
    const rules = count('forcing-rule');
    if (rules > 0)
        next.push(
            `Deactivate the ${plural(rules, terms.rule)} that ${rules === 1 ? 'forces' : 'force'} activity entry ` +
                (terms === DATAVERSE_TERMS
                    ? '(Power Apps > Tables > the table > Business rules).'
                    : '(Setup > Object Manager > Validation Rules).')
        );
    if (count('required-field') > 0)
        next.push(`Make the ${plural(count('required-field'), 'required activity field')} optional.`);
    const reports = count('activity-report');
    const dashboards = count('activity-dashboard');
    if (reports + dashboards > 0) {
        const what = [
            reports ? plural(reports, 'activity report') : '',
            dashboards ? plural(dashboards, 'activity dashboard') : ''
        ].filter(Boolean);
        const folder = countBy(controls.filter((f) => f.category === 'activity-report').map(groupKey), 1)[0]?.[0];
        next.push(
            `Retire or regroup the ${what.join(' and ')} (by account, not by person)` +
                (folder ? `; start with ${terms.folder} ${folder}.` : '.')
        );
    }
    return {
        source: model.source,
        activityControls: controls.length,
        peopleRanking: result.findings.length - controls.length,
        benign: result.benign.length,
        judged: {
            // The tick boxes the engine judged (settings and PACT's own objects are not a rep's work).
            tickBoxes: [...result.findings, ...result.benign].filter((f) => f.category === 'tick-box').length,
            reports: model.reports.length,
            dashboards: model.dashboards.length,
            validationRules: model.objects.reduce((n, o) => n + o.validationRules.length, 0)
        },
        sections,
        top: {
            objects: countBy(
                controls.filter((f) => f.componentType !== 'Report' && f.componentType !== 'Dashboard').map(groupKey)
            ),
            folders: countBy(controls.filter((f) => f.componentType === 'Report').map(groupKey)),
            dashboards: countBy(controls.filter((f) => f.componentType === 'Dashboard').map((f) => f.component))
        },
        next,
        terms
    };
}

export { plural };
