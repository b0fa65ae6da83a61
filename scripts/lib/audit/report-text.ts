/**
 * The terminal output of pact audit: the summary first (counts, where the findings sit, what to do
 * next), then the findings grouped by category and by object or folder, each with its reason and
 * evidence. People-ranking notes are counted per folder unless --verbose; --verbose also lists what
 * was judged benign and why.
 */
import type { OrgModel } from '../metadata/model';
import type { AuditResult } from './index';
import { AuditSummary, plural, summarise } from './summary';

/** People-ranking notes named per folder without --verbose. */
const NOTES_PER_GROUP = 3;

/** Categories whose findings share their reason's wording: the evidence is shown, the reason with --verbose. */
const REPORT_CATEGORIES = new Set(['activity-report', 'activity-dashboard']);

/** The headings of what was left alone, by the category of its verdict. */
const BENIGN_TITLES: Record<string, string> = { 'tick-box': 'Tick boxes', report: 'Reports', dashboard: 'Dashboards' };

function topLine(label: string, items: [string, number][]): string | undefined {
    if (items.length === 0) return undefined;
    return `  ${label.padEnd(12)}${items.map(([k, n]) => `${k} (${n})`).join(', ')}`;
}

export function renderSummary(summary: AuditSummary, description: string): string {
    const lines: string[] = [];
    const judged = summary.judged;
    lines.push(
        `PACT audit of ${description}: ${plural(summary.activityControls, 'activity control')}, ` +
            `${plural(summary.peopleRanking, 'people-ranking note')}`
    );
    lines.push(
        `Judged ${plural(judged.tickBoxes, 'tick box', 'tick boxes')}, ${plural(judged.validationRules, summary.terms.rule)}, ` +
            `${plural(judged.reports, 'report')} and ${plural(judged.dashboards, 'dashboard')}; ` +
            `${plural(summary.benign, 'component')} left alone (--verbose says why).`
    );
    lines.push('');
    for (const tier of ['activity-control', 'people-ranking'] as const) {
        const sections = summary.sections.filter((s) => s.info.tier === tier);
        if (sections.length === 0) continue;
        lines.push(tier === 'activity-control' ? 'Activity controls' : 'People ranking (notes, not activity controls)');
        for (const s of sections) lines.push(`  ${s.info.title.padEnd(46)}${String(s.findings.length).padStart(6)}`);
    }
    const tops = [
        topLine(summary.terms.objects, summary.top.objects),
        topLine(summary.terms.folders, summary.top.folders),
        topLine('Dashboards', summary.top.dashboards)
    ].filter((l): l is string => l !== undefined);
    if (tops.length) lines.push('', 'Most activity controls', ...tops);
    if (summary.next.length) lines.push('', 'Next', ...summary.next.map((n, i) => `  ${i + 1}. ${n}`));
    // With nothing found (--verbose), the summary is its two first lines.
    while (lines[lines.length - 1] === '') lines.pop();
    return `${lines.join('\n')}\n`;
}

export function renderText(
    model: OrgModel,
    result: AuditResult,
    options: { description: string; commandTarget: string; verbose?: boolean }
): string {
    if (result.findings.length === 0 && !options.verbose) {
        return (
            `PACT audit of ${options.description}: nothing found. No activity tick boxes, forced activity entry, ` +
            `activity reports per person or people rankings (${plural(result.benign.length, 'component')} judged benign).\n`
        );
    }
    const summary = summarise(model, result, options.commandTarget);
    const out: string[] = [renderSummary(summary, options.description)];
    for (const section of summary.sections) {
        const notes = section.info.tier === 'people-ranking';
        out.push(`\n== ${section.info.title} (${section.findings.length}) ==\n${section.info.why}\n`);
        for (const group of section.groups) {
            if (notes && !options.verbose) {
                // Notes are counted per folder on one line; --verbose or --format html lists each.
                const names = group.findings.slice(0, NOTES_PER_GROUP).map((f) => f.component.split('/').pop());
                const more =
                    group.findings.length > NOTES_PER_GROUP
                        ? `, and ${group.findings.length - NOTES_PER_GROUP} more`
                        : '';
                out.push(`  ${group.key} (${group.findings.length}): ${names.join(', ')}${more}\n`);
                continue;
            }
            out.push(`\n${group.key} (${group.findings.length})\n`);
            for (const f of group.findings) {
                out.push(`  ${f.component}  [${f.file}]\n`);
                // A report's reason repeats its category's; its evidence says what is particular to it.
                if (options.verbose || !REPORT_CATEGORIES.has(f.category ?? '')) out.push(`    ${f.reason}\n`);
                if (f.evidence?.length) out.push(`    Evidence: ${f.evidence.join('; ')}\n`);
            }
        }
        if (notes && !options.verbose) out.push('  (--verbose or --format html lists every note with its reason)\n');
    }
    if (options.verbose && result.benign.length > 0) {
        out.push(`\n== Left alone (${result.benign.length}) ==\n`);
        const byCategory = new Map<string, typeof result.benign>();
        for (const b of result.benign) byCategory.set(b.category, [...(byCategory.get(b.category) ?? []), b]);
        for (const [category, list] of byCategory) {
            out.push(`\n${BENIGN_TITLES[category] ?? category} (${list.length})\n`);
            for (const b of list) out.push(`  ${b.component}: ${b.reason.replace(/^benign: /, '')}\n`);
        }
    }
    return out.join('');
}
