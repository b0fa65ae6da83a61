/**
 * The labelled audit corpus: the manifest (real orgs on GitHub at fixed commits, and our labels),
 * where the rebuilt orgs live, and the evaluation of the audit against the labels. The orgs' files
 * are never committed (their repositories carry no licence); rebuild.ts fetches them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { auditOrg } from '../../scripts/lib/audit';
import { readMetadataDir } from '../../scripts/lib/metadata/mdapi-reader';
import type { OrgModel } from '../../scripts/lib/metadata/model';

export type Label = 'activity-control' | 'benign';

export interface CorpusSource {
    id: string;
    repository: string;
    commit: string;
    format: 'source' | 'mdapi';
    /** The folder, inside the repository, that the audit reads. */
    root: string;
    /** Folders to fetch (objects, reports, dashboards, report types, flows, workflows). */
    paths: string[];
    what: string;
    licence: string;
}

export interface CorpusLabel {
    source: string;
    componentType: 'CustomField' | 'Report' | 'Dashboard';
    component: string;
    label: Label;
    reason: string;
    split: 'tuning' | 'held-out';
}

export interface Manifest {
    about: string;
    sources: CorpusSource[];
    labels: CorpusLabel[];
}

export const MANIFEST = path.join(__dirname, 'manifest.json');
/** Rebuilt orgs go to the git-ignored test-artifacts folder unless PACT_AUDIT_CORPUS says otherwise. */
export const CORPUS_DIR =
    process.env.PACT_AUDIT_CORPUS ?? path.resolve(__dirname, '..', '..', 'test-artifacts', 'audit-corpus');

export function readManifest(file = MANIFEST): Manifest {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
}

/** The folder the audit reads for a source, once rebuilt. */
export function orgDir(source: CorpusSource, corpusDir = CORPUS_DIR): string {
    return path.join(corpusDir, source.id, ...source.root.split('/'));
}

export function isPresent(source: CorpusSource, corpusDir = CORPUS_DIR): boolean {
    return fs.existsSync(orgDir(source, corpusDir));
}

export interface Outcome {
    label: CorpusLabel;
    /** What the audit said: flagged as an activity control, or not. */
    flagged: boolean;
    /** False when the component is not in the rebuilt org (a wrong label, or a different commit). */
    found: boolean;
    why: string;
}

/** Every labelled component of one org, judged by the audit. */
export function judgeSource(source: CorpusSource, labels: CorpusLabel[], model: OrgModel): Outcome[] {
    const { findings, benign } = auditOrg(model);
    const flagged = new Map(
        findings.filter((f) => f.tier === 'activity-control').map((f) => [`${f.componentType}|${f.component}`, f])
    );
    const left = new Map(benign.map((b) => [`${b.componentType}|${b.component}`, b]));
    const people = new Map(
        findings.filter((f) => f.tier === 'people-ranking').map((f) => [`${f.componentType}|${f.component}`, f])
    );
    return labels
        .filter((l) => l.source === source.id)
        .map((label) => {
            const key = `${label.componentType}|${label.component}`;
            const hit = flagged.get(key);
            const other = left.get(key) ?? people.get(key);
            return {
                label,
                flagged: hit !== undefined,
                found: hit !== undefined || other !== undefined,
                why: hit?.evidence?.join('; ') ?? other?.reason ?? 'not in the model'
            };
        });
}

export interface Metrics {
    activityControls: number;
    caught: number;
    benign: number;
    falseFlags: number;
    recall: number;
    falseFlagRate: number;
}

export function metrics(outcomes: Outcome[]): Metrics {
    const positives = outcomes.filter((o) => o.label.label === 'activity-control');
    const negatives = outcomes.filter((o) => o.label.label === 'benign');
    const caught = positives.filter((o) => o.flagged).length;
    const falseFlags = negatives.filter((o) => o.flagged).length;
    return {
        activityControls: positives.length,
        caught,
        benign: negatives.length,
        falseFlags,
        recall: positives.length ? caught / positives.length : 1,
        falseFlagRate: negatives.length ? falseFlags / negatives.length : 0
    };
}

export interface Evaluation {
    present: CorpusSource[];
    missing: CorpusSource[];
    outcomes: Outcome[];
    /** Milliseconds to read and audit each present org. */
    timings: Map<string, number>;
}

export function evaluate(manifest = readManifest(), corpusDir = CORPUS_DIR): Evaluation {
    const present = manifest.sources.filter((s) => isPresent(s, corpusDir));
    const missing = manifest.sources.filter((s) => !isPresent(s, corpusDir));
    const outcomes: Outcome[] = [];
    const timings = new Map<string, number>();
    for (const source of present) {
        const started = Date.now();
        const { model } = readMetadataDir(orgDir(source, corpusDir));
        outcomes.push(...judgeSource(source, manifest.labels, model));
        timings.set(source.id, Date.now() - started);
    }
    return { present, missing, outcomes, timings };
}

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

/** The figures as printed by npm run bench: per org, per split and in all, then the misses. */
export function report(evaluation: Evaluation): string {
    const lines: string[] = [];
    if (evaluation.present.length === 0) {
        return (
            'Audit corpus not present: rebuild it with npx tsx tests/audit-corpus/rebuild.ts ' +
            '(fetches the labelled orgs from GitHub at their commits). Nothing measured.\n'
        );
    }
    const row = (name: string, outcomes: Outcome[]) => {
        const m = metrics(outcomes);
        lines.push(
            `| ${name.padEnd(26)} | ${String(outcomes.length).padStart(6)} | ${`${m.caught}/${m.activityControls}`.padStart(8)} | ${pct(m.recall).padStart(7)} | ${`${m.falseFlags}/${m.benign}`.padStart(8)} | ${pct(m.falseFlagRate).padStart(10)} |`
        );
    };
    lines.push('Audit quality on the labelled corpus (activity-control tier; goal: recall >= 95%, false flags <= 5%)');
    lines.push('| org (split)                | labels | caught   | recall  | flagged  | false-flag |');
    lines.push('|----------------------------|--------|----------|---------|----------|------------|');
    for (const source of evaluation.present) {
        const outcomes = evaluation.outcomes.filter((o) => o.label.source === source.id);
        row(`${source.id} (${source.format}, ${outcomes[0]?.label.split ?? '-'})`, outcomes);
    }
    row(
        'all tuning orgs',
        evaluation.outcomes.filter((o) => o.label.split === 'tuning')
    );
    row(
        'held-out org',
        evaluation.outcomes.filter((o) => o.label.split === 'held-out')
    );
    row('all', evaluation.outcomes);
    const unfound = evaluation.outcomes.filter((o) => !o.found);
    if (evaluation.missing.length)
        lines.push(`Not rebuilt (not measured): ${evaluation.missing.map((s) => s.id).join(', ')}`);
    if (unfound.length)
        lines.push(
            `Labelled but not in the org (${unfound.length}): ${unfound.map((o) => o.label.component).join(', ')}`
        );
    const misses = evaluation.outcomes.filter((o) => o.found && o.flagged !== (o.label.label === 'activity-control'));
    lines.push('', `Disagreements (${misses.length}):`);
    for (const o of misses) {
        const kind = o.flagged ? 'false flag' : 'missed';
        lines.push(
            `  ${kind.padEnd(10)} ${o.label.source}: ${o.label.component} - label: ${o.label.reason} | audit: ${o.why}`
        );
    }
    return `${lines.join('\n')}\n`;
}

if (require.main === module) {
    process.stdout.write(report(evaluate()));
}
