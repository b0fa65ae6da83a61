// The audit's figures, printed by npm run bench (measures only, never asserts):
//  1. scale: a generated retrieve of 5,000+ reports (about 30 MB of XML) audited in its own process,
//     time and peak memory (goal: at most 15 s and 500 MB);
//  2. quality: recall and false-flag rate of the activity-control tier on the labelled corpus
//     (tests/audit-corpus; goal: recall >= 95%, false flags <= 5%), when the corpus has been rebuilt;
//  3. live: API calls and wall time against the local fake org (tests/cli/fake-org/server.ts) for a
//     simulated org of 50 and of 2,000 custom objects (goal: at most 10 API calls whatever the size).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { auditModel } from '../../scripts/lib/audit';
import { readLiveOrg } from '../../scripts/lib/metadata/live-reader';
import { connectWithToken } from '../../scripts/lib/salesforce/connection';
import { startFakeOrg } from '../cli/fake-org/server';
import { evaluate, report } from '../audit-corpus/corpus';
import { generateOrg } from './audit/generate-org';

function scale() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-scale-'));
    try {
        const org = generateOrg(dir, { objects: 900, reports: 5400, dashboards: 120 });
        const run = spawnSync(
            process.execPath,
            ['--import', 'tsx', path.join(__dirname, 'audit', 'scale-run.ts'), dir],
            { encoding: 'utf8', cwd: path.resolve(__dirname, '..', '..') }
        );
        if (run.status !== 0) throw new Error(`scale run failed: ${run.stderr}`);
        const figures = JSON.parse(run.stdout.trim().split('\n').pop() as string) as Record<string, number>;
        const mb = org.bytes / 1024 / 1024;
        console.log(
            'Audit of a generated retrieve (mdapi format): read, judge, render text + JSON + HTML, own process'
        );
        console.log(
            '| files | reports | XML (MB) | wall (ms) | CPU (ms) | of which read (ms) | peak RSS (MB) | findings | goal <= 15 s, <= 500 MB |'
        );
        console.log(
            '|-------|---------|----------|-----------|----------|--------------------|---------------|----------|-------------------------|'
        );
        console.log(
            `| ${org.files} | ${org.reports} | ${mb.toFixed(1)} | ${figures.ms} | ${figures.cpuMs} | ${figures.readMs} | ${figures.maxRssMb} | ${figures.findings} | ` +
                `${figures.ms <= 15000 && figures.maxRssMb <= 500 ? 'met' : 'MISSED'} |`
        );
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

const field = (name: string, type: string, label: string, extra = '') =>
    `<fields><fullName>${name}</fullName><label>${label}</label><type>${type}</type>${extra}</fields>`;

/** A customer org: each custom object has 12 fields, 3 of them tick boxes (one says an activity happened). */
function simulatedOrg(objects: number): Map<string, string> {
    const files = new Map<string, string>();
    const doc = (root: string, body: string) =>
        `<?xml version="1.0" encoding="UTF-8"?><${root} xmlns="http://soap.sforce.com/2006/04/metadata">${body}</${root}>`;
    for (let i = 1; i <= objects; i++) {
        const fields = [
            field(`Visit_Logged_${i}__c`, 'Checkbox', `Visit logged ${i}`, '<defaultValue>false</defaultValue>'),
            field(`Active_${i}__c`, 'Checkbox', 'Active', '<defaultValue>false</defaultValue>'),
            field(`Approved_${i}__c`, 'Checkbox', 'Approved', '<defaultValue>false</defaultValue>'),
            ...Array.from({ length: 9 }, (_, f) => field(`Text_${f}__c`, 'Text', `Text ${f}`, '<length>80</length>'))
        ].join('');
        const rules = `<validationRules><fullName>Needs_Name_${i}</fullName><active>true</active><errorConditionFormula>ISBLANK(Text_0__c)</errorConditionFormula><errorMessage>Name it.</errorMessage></validationRules>`;
        files.set(`objects/Custom_${i}__c.object`, doc('CustomObject', `${fields}<label>Custom ${i}</label>${rules}`));
    }
    for (const standard of ['Account', 'Contact', 'Lead', 'Opportunity', 'Activity', 'Task', 'Event']) {
        files.set(`objects/${standard}.object`, doc('CustomObject', field('Call_Made__c', 'Checkbox', 'Call Made')));
    }
    // 1.5 reports per object (the 2,000-object org has 3,000: two query pages), a dashboard per 10 objects.
    const reports = Math.round(objects * 1.5);
    for (let r = 1; r <= reports; r++) {
        const byRep = r % 10 === 0;
        files.set(
            `reports/Folder_${r % 20}/Report_${r}.report`,
            doc(
                'Report',
                `<columns><field>SUBJECT</field></columns><format>Summary</format><groupingsDown><dateGranularity>Day</dateGranularity><field>${byRep ? 'ASSIGNED' : 'ACCOUNT'}</field><sortOrder>Asc</sortOrder></groupingsDown><name>Report ${r}</name><reportType>${byRep ? 'Activity' : 'AccountList'}</reportType>`
            )
        );
    }
    for (let d = 1; d <= Math.ceil(objects / 10); d++) {
        files.set(
            `dashboards/Dashboards_${d % 5}/Dashboard_${d}.dashboard`,
            doc(
                'Dashboard',
                `<dashboardType>LoggedInUser</dashboardType><leftSection><columnSize>Medium</columnSize><components><componentType>Bar</componentType><report>Folder_${d % 20}/Report_${d}</report></components></leftSection><title>Dashboard ${d}</title>`
            )
        );
    }
    return files;
}

async function measure(objects: number) {
    const files = simulatedOrg(objects);
    const org = await startFakeOrg({ files });
    try {
        const conn = await connectWithToken(org.instanceUrl, org.accessToken);
        const started = process.hrtime.bigint();
        const { model } = await readLiveOrg(conn, { alias: 'bench', pollIntervalMs: 50 });
        const findings = auditModel(model);
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const kinds = (kind: string) => org.calls.filter((c) => c.kind === kind).length;
        return {
            objects,
            reports: [...files.keys()].filter((f) => f.endsWith('.report')).length,
            calls: org.calls.length,
            queries: kinds('query'),
            retrieve: kinds('retrieve') + kinds('checkRetrieveStatus'),
            findings: findings.length,
            ms: Math.round(ms)
        };
    } finally {
        await org.close();
    }
}

async function run() {
    scale();
    console.log('');
    process.stdout.write(report(evaluate()));
    console.log('');
    const rows = [];
    await measure(5); // warm-up: module loading is not the audit's cost
    for (const size of [50, 2000]) rows.push(await measure(size));
    const header = [
        'custom objects',
        'reports',
        'API calls',
        'queries',
        'retrieve+polls',
        'findings',
        'wall time (ms)',
        'goal <= 10 calls'
    ];
    const lines = rows.map((r) =>
        [r.objects, r.reports, r.calls, r.queries, r.retrieve, r.findings, r.ms, r.calls <= 10 ? 'met' : 'MISSED'].map(
            String
        )
    );
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
    const print = (cells: string[]) => console.log(`| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`);
    console.log('Live audit against the local fake org (retrieve poll interval 50 ms)');
    print(header);
    print(widths.map((w) => '-'.repeat(w)));
    lines.forEach(print);
}

run().catch((error) => {
    console.error(error);
    process.exit(1);
});
