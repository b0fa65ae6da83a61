import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { extract, parse } from 'formulon';
import { auditModel } from '../../scripts/lib/audit';
import {
    BlockRule,
    planBlockRules,
    renderBlockFolder,
    renderRollback,
    ruleFormula
} from '../../scripts/lib/audit/block-rules';
import { readSourceDir } from '../../scripts/lib/metadata/source-reader';
import { emptyModel } from '../../scripts/lib/metadata/model';
import { main } from '../../scripts/cli/main';
import { REPO, SOURCE_FIXTURE, memoryIo, readTree, runPact } from './helpers';
import { coreConnection } from './fake-org/core-connection';
import { startFakeOrg } from './fake-org/server';

// Each run of the real command starts node and tsx: seconds on a busy 2-core machine.
jest.setTimeout(60000);

const DEMO = path.join(REPO, 'config', 'demo-legacy-org');
const DEMO_BLOCKED = path.join(REPO, 'config', 'demo-legacy-org-blocked');
const SFMETA_CHECK = path.join(REPO, '..', 'shared', 'tools', 'sfmeta-check');

/**
 * formulon has no ISNEW, ISCHANGED or PRIORVALUE: they become plain variables before parsing, and
 * each test case gives them the value Salesforce would.
 */
function evaluate(
    formula: string,
    record: { isNew: boolean; prior: Record<string, boolean>; now: Record<string, boolean> }
) {
    const rewritten = formula
        .replace(/ISNEW\(\)/g, 'PACT_IsNew')
        .replace(/ISCHANGED\((\w+)\)/g, 'PACT_Changed_$1')
        .replace(/PRIORVALUE\((\w+)\)/g, 'PACT_Prior_$1');
    const checkbox = (value: boolean) => ({ type: 'literal', dataType: 'checkbox', value });
    const vars: Record<string, unknown> = { PACT_IsNew: checkbox(record.isNew) };
    for (const name of extract(rewritten)) {
        const field = name.replace(/^PACT_(Changed|Prior)_/, '');
        if (name === 'PACT_IsNew') continue;
        const now = record.now[field] ?? false;
        const prior = record.isNew ? false : (record.prior[field] ?? now);
        vars[name] = checkbox(
            name.startsWith('PACT_Changed_')
                ? !record.isNew && prior !== now
                : name.startsWith('PACT_Prior_')
                  ? prior
                  : now
        );
    }
    const result = parse(rewritten, vars as never) as { type: string; value?: unknown; message?: string };
    if (result.type === 'error') throw new Error(`${result.message}: ${rewritten}`);
    return result.value as boolean;
}

describe('pact block: the rules', () => {
    const model = readSourceDir(SOURCE_FIXTURE);
    const rules = planBlockRules(auditModel(model), model);
    const ruleFor = (object: string) => rules.find((r) => r.object === object) as BlockRule;

    it('writes one rule per object; Activity tick boxes are blocked on both Task and Event', () => {
        expect(rules.map((r) => `${r.object}.${r.name}: ${r.fields.map((f) => f.name).join(' ')}`)).toEqual([
            'Account.PACT_Block_Low_Card_Ticks: Visited_This_Quarter__c',
            'Contact.PACT_Block_Low_Card_Ticks: Quarterly_Check__c Touched_Base__c',
            'Event.PACT_Block_Low_Card_Ticks: Call_Made__c Follow_Up_Done__c Left_Voicemail__c',
            'Lead.PACT_Block_Low_Card_Ticks: Contacted__c Demo_Given__c',
            'Site_Visit__c.PACT_Block_Low_Card_Ticks: Completed__c',
            'Task.PACT_Block_Low_Card_Ticks: Call_Made__c Follow_Up_Done__c Left_Voicemail__c'
        ]);
    });

    it('points the rep to High Cards, naming the retired boxes by label', () => {
        expect(ruleFor('Task').message).toBe(
            'Record what the customer said as a High Card instead; ticking Call Made, Follow-up done or Left Voicemail is retired.'
        );
        expect(ruleFor('Account').message).toBe(
            'Record what the customer said as a High Card instead; ticking Visited this quarter is retired.'
        );
    });

    it.each(['Account', 'Contact', 'Event', 'Lead', 'Site_Visit__c', 'Task'])(
        'on %s: refuses a new tick, allows clearing and unrelated edits',
        (object) => {
            const rule = ruleFor(object);
            for (const { name } of rule.fields) {
                const others = Object.fromEntries(
                    rule.fields.filter((f) => f.name !== name).map((f) => [f.name, false])
                );
                const rejects = (isNew: boolean, prior: boolean, now: boolean) =>
                    evaluate(rule.formula, {
                        isNew,
                        prior: { ...others, [name]: prior },
                        now: { ...others, [name]: now }
                    });
                expect([name, 'create ticked', rejects(true, false, true)]).toEqual([name, 'create ticked', true]);
                expect([name, 'create blank', rejects(true, false, false)]).toEqual([name, 'create blank', false]);
                expect([name, 'tick on edit', rejects(false, false, true)]).toEqual([name, 'tick on edit', true]);
                expect([name, 'clear on edit', rejects(false, true, false)]).toEqual([name, 'clear on edit', false]);
                expect([name, 'edit, still ticked', rejects(false, true, true)]).toEqual([
                    name,
                    'edit, still ticked',
                    false
                ]);
                expect([name, 'edit, still blank', rejects(false, false, false)]).toEqual([
                    name,
                    'edit, still blank',
                    false
                ]);
            }
        }
    );

    it('the brief example formula is what one field gives', () => {
        expect(ruleFormula(['Call_Made__c']).replace(/\s+/g, ' ')).toBe(
            'OR( AND(ISNEW(), Call_Made__c), AND(NOT(ISNEW()), ISCHANGED(Call_Made__c), Call_Made__c) )'
        );
    });

    it('splits an object with very many tick boxes into rules under the 3,900-character limit', () => {
        const fields = Array.from({ length: 60 }, (_, i) => ({
            file: 'f',
            name: `Call_Attempt_${i}__c`,
            type: 'Checkbox'
        }));
        const big = { ...model, objects: [{ file: 'f', name: 'Lead', fields, validationRules: [], listViews: [] }] };
        const split = planBlockRules(auditModel(big), big);
        expect(split.length).toBeGreaterThan(1);
        expect(split.map((r) => r.name)).toEqual(
            split.map((_, i) => (i === 0 ? 'PACT_Block_Low_Card_Ticks' : `PACT_Block_Low_Card_Ticks_${i + 1}`))
        );
        expect(split.flatMap((r) => r.fields)).toHaveLength(60);
        for (const rule of split) {
            expect(rule.formula.length).toBeLessThanOrEqual(3900);
            expect(rule.message.length).toBeLessThanOrEqual(255);
        }
    });

    it('the rollback removes exactly the rules it writes', () => {
        const rollback = renderRollback(rules);
        const members = [
            ...(rollback.get('destructiveChanges.xml') ?? '').matchAll(/<members>([^<]+)<\/members>/g)
        ].map((m) => m[1]);
        expect(members).toEqual(rules.map((r) => `${r.object}.${r.name}`));
        expect(rollback.get('package.xml')).toContain('<version>66.0</version>');
    });
});

describe('pact block: the committed demo', () => {
    it('config/demo-legacy-org-blocked is what pact block writes for config/demo-legacy-org (no drift)', () => {
        const model = readSourceDir(DEMO);
        const rules = planBlockRules(auditModel(model), model);
        expect(readTree(DEMO_BLOCKED)).toEqual(renderBlockFolder(rules));
        expect(readTree(`${DEMO_BLOCKED}-rollback`)).toEqual(renderRollback(rules));
        for (const content of readTree(DEMO_BLOCKED).values())
            expect(content.split('\n')[0]).toContain('Generated by pact block');
    });

    it('the demo org shows every kind of finding, and its blocked rules do not count as findings', () => {
        const rules = new Set(auditModel(readSourceDir(DEMO)).map((f) => f.rule));
        expect([...rules].sort()).toEqual(
            ['activity-report-per-person', 'low-card-checkbox', 'validation-rule-forces-activity'].sort()
        );
        expect(auditModel(readSourceDir(DEMO_BLOCKED))).toEqual([]);
    });

    it('the generated rules, the demo org and the audit fixture pass the Metadata API schema check (sfmeta-check)', () => {
        if (!fs.existsSync(SFMETA_CHECK)) {
            console.warn(`sfmeta-check not found at ${SFMETA_CHECK}: schema check skipped`);
            return;
        }
        // The audit's source fixture too: realistic means the Metadata API would accept it.
        const result = spawnSync(SFMETA_CHECK, [DEMO, DEMO_BLOCKED, SOURCE_FIXTURE], { encoding: 'utf8' });
        expect(`${result.stdout}${result.stderr}`).toMatch(/0 with problems/);
        expect(result.status).toBe(0);
    });
});

describe('pact block, the command', () => {
    let out: string;
    beforeEach(() => {
        out = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-block-'));
    });
    afterEach(() => fs.rmSync(out, { recursive: true, force: true }));

    it('writes the rules and the rollback as a dry run and exits 0', () => {
        const target = path.join(out, 'rules');
        const result = runPact(['block', '--source-dir', path.relative(REPO, DEMO), '--output', target]);
        expect(result.status).toBe(0);
        expect(result.stdout).toContain('Dry run: nothing deployed');
        expect(result.stderr).toBe('');
        expect(readTree(target)).toEqual(readTree(DEMO_BLOCKED));
        expect([...readTree(`${target}-rollback`).keys()].sort()).toEqual(['destructiveChanges.xml', 'package.xml']);
    });

    it('prints the deploy command of a dry run as one that runs when pasted', async () => {
        const dir = path.relative(REPO, DEMO);
        const dry = memoryIo({ cwd: REPO });
        expect(await main(['block', '--source-dir', dir, '--output', path.join(out, 'rules')], dry.io)).toBe(0);
        // No org given: the one word left to fill in is named, and says where to find it.
        expect(dry.stdout()).toContain(
            `To deploy: pact block --source-dir ${dir} --output ${path.join(out, 'rules')} --apply --target-org ALIAS ` +
                '(ALIAS: your org, as `sf org list` names it)\n'
        );
        const named = memoryIo({ cwd: out });
        expect(await main(['block', '--source-dir', DEMO, '--target-org', 'demo', '-d', 'my rules'], named.io)).toBe(0);
        const printed = /To deploy: pact (.*)\n/.exec(named.stdout())?.[1] ?? '';
        expect(printed).toBe(`block --source-dir ${DEMO} --output 'my rules' --apply --target-org demo`);
        // Run as printed (the shell's quoting undone), against the fake org: it deploys.
        const org = await startFakeOrg({ files: new Map() });
        try {
            const args = (printed.match(/'[^']*'|\S+/g) ?? []).map((w) => w.replace(/^'(.*)'$/, '$1'));
            const run = memoryIo({ cwd: out, connect: () => coreConnection(org) });
            expect(await main(args, run.io)).toBe(0);
            expect(run.stdout()).toContain('Deployed 4 rule(s) to demo');
        } finally {
            await org.close();
        }
    }, 60000);

    it('removes rules from an earlier run that the org no longer needs, and nothing else', async () => {
        const target = path.join(out, 'rules');
        const stale = path.join(
            target,
            'main/default/objects/Opportunity/validationRules/PACT_Block_Low_Card_Ticks.validationRule-meta.xml'
        );
        const mine = path.join(target, 'notes.txt');
        fs.mkdirSync(path.dirname(stale), { recursive: true });
        fs.writeFileSync(stale, 'old');
        fs.writeFileSync(mine, 'keep');
        const { io } = memoryIo();
        expect(await main(['block', '--source-dir', DEMO, '--output', target], io)).toBe(0);
        expect(fs.existsSync(stale)).toBe(false);
        expect(fs.readFileSync(mine, 'utf8')).toBe('keep');
    });

    it('warns about validation rules that demand the ticks the new rules refuse', async () => {
        const { io, stderr } = memoryIo();
        expect(await main(['block', '--source-dir', SOURCE_FIXTURE, '--output', path.join(out, 'r')], io)).toBe(0);
        expect(stderr()).toBe(
            'Deactivate these validation rules before you deploy: they demand the ticks the new rules refuse:\n' +
                '  Task.Call_Needs_Tick\n'
        );
    });

    it('writes nothing and exits 0 when there is nothing to block', async () => {
        const { io, stdout } = memoryIo();
        expect(
            await main(['block', '--source-dir', path.join(REPO, 'force-app'), '--output', path.join(out, 'r')], io)
        ).toBe(0);
        expect(stdout()).toContain('nothing to block');
        expect(fs.existsSync(path.join(out, 'r'))).toBe(false);
    });

    it('refuses --apply without an org, before writing anything', async () => {
        const { io, stderr } = memoryIo();
        expect(await main(['block', '--source-dir', DEMO, '--apply', '--output', path.join(out, 'r')], io)).toBe(2);
        expect(stderr()).toContain('--apply deploys to an org: add --target-org ALIAS');
        expect(fs.existsSync(path.join(out, 'r'))).toBe(false);
    });
});

describe('pact block and formula tick boxes', () => {
    it('leaves formula tick boxes to the admin: nobody ticks them, and a validation rule cannot refuse them', () => {
        const model = {
            ...emptyModel('test'),
            objects: [
                {
                    file: 'objects/Task.object',
                    name: 'Task',
                    validationRules: [],
                    listViews: [],
                    fields: [
                        { file: 'objects/Task.object', name: 'Call_Made__c', label: 'Call Made', type: 'Checkbox' },
                        {
                            file: 'objects/Task.object',
                            name: 'Is_Reply__c',
                            label: 'Is reply',
                            type: 'Checkbox',
                            formula: 'CONTAINS(Subject, "Reply")'
                        }
                    ]
                }
            ]
        };
        const findings = auditModel(model);
        expect(findings.map((f) => `${f.rule} ${f.component}`)).toEqual([
            'low-card-checkbox Task.Call_Made__c',
            'formula-checkbox-counts-activity Task.Is_Reply__c'
        ]);
        expect(planBlockRules(findings, model).flatMap((r) => r.fields.map((f) => f.name))).toEqual(['Call_Made__c']);
    });
});
