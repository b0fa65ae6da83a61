/**
 * pact block --dataverse against the fake Web API holding the legacy environment: a dry run changes
 * nothing; --apply writes the rollback first, then secures only the low-card Yes/No columns with one
 * read-only field security profile given to every default team; a second --apply changes nothing
 * and keeps the first rollback; --rollback undoes it; records are never touched.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runPact } from './fake/pact';
import { PROFILE_NAME } from '../../scripts/lib/dataverse/block';
import { loadEnvironment } from './fake/legacy-environment';
import { startFakeDataverse, type FakeDataverse } from './fake/server';

describe('pact block --dataverse', () => {
    let fake: FakeDataverse;
    let temp: string;

    const run = (...args: string[]) => runPact(fake, temp, ['block', '--dataverse', fake.url, ...args]);
    const writes = () => fake.requests.filter((r) => r.method !== 'GET');

    beforeEach(async () => {
        fake = await startFakeDataverse();
        loadEnvironment(fake);
        temp = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-dv-block-'));
    });
    afterEach(async () => {
        await fake.close();
        fs.rmSync(temp, { recursive: true, force: true });
    });

    it('plans column security for the low-card tick boxes only, writes the rollback, and changes nothing', async () => {
        const { code, out, err } = await run();
        expect(err).toBe('');
        expect(code).toBe(0);
        expect(out).toContain('account.new_callmade ("Call Made")');
        expect(out).toContain('phonecall.new_leftvoicemail ("Left Voicemail")');
        expect(out).not.toContain('new_taxexempt');
        expect(out).toContain('Dry run: nothing changed');
        expect(writes()).toEqual([]);
        const rollback = JSON.parse(fs.readFileSync(path.join(temp, 'pact-block-dataverse', 'rollback.json'), 'utf8'));
        expect(rollback.columns.map((c: { column: string; wasSecured: boolean }) => [c.column, c.wasSecured])).toEqual([
            ['new_callmade', false],
            ['new_leftvoicemail', false]
        ]);
    });

    it('secures the columns read-only for everyone with one profile, without touching a record', async () => {
        const { code, out, err } = await run('--apply');
        expect(err).toBe('');
        expect(code).toBe(0);
        expect(fake.state.secured.get('account.new_callmade')).toBe(true);
        expect(fake.state.secured.get('phonecall.new_leftvoicemail')).toBe(true);
        expect(fake.state.secured.get('account.new_taxexempt')).toBe(false);
        expect(fake.state.profiles.map((p) => p.name)).toEqual([PROFILE_NAME]);
        expect(
            fake.state.permissions.map((p) => [
                p.entityname,
                p.attributelogicalname,
                p.canread,
                p.cancreate,
                p.canupdate
            ])
        ).toEqual([
            ['account', 'new_callmade', 4, 0, 0],
            ['phonecall', 'new_leftvoicemail', 4, 0, 0]
        ]);
        expect(fake.state.teamProfiles.size).toBe(fake.state.teams.length);
        // Metadata and security only: no record collection is ever read or written.
        expect(fake.requests.some((r) => /^(accounts|phonecalls|activitypointers)\b/.test(r.path))).toBe(false);
        expect(out).toContain('To undo: pact block');

        // Again: nothing new, and the rollback still says the columns were not secured before.
        const before = writes().length;
        expect((await run('--apply')).code).toBe(0);
        const again = writes().slice(before);
        expect(again.map((r) => `${r.method} ${r.path}`)).toEqual(['POST PublishAllXml']);
        const rollbackFile = path.join(temp, 'pact-block-dataverse', 'rollback.json');
        const rollback = JSON.parse(fs.readFileSync(rollbackFile, 'utf8'));
        expect(rollback.columns.every((c: { wasSecured: boolean }) => c.wasSecured === false)).toBe(true);

        // Rollback: the profile goes, the columns are open again.
        const undone = await run('--rollback', rollbackFile);
        expect(undone.code).toBe(0);
        expect(fake.state.profiles).toEqual([]);
        expect(fake.state.permissions).toEqual([]);
        expect(fake.state.secured.get('account.new_callmade')).toBe(false);
        expect(fake.state.secured.get('phonecall.new_leftvoicemail')).toBe(false);
    });

    it('says that blocking needs the environment when given an exported zip', async () => {
        const { code, err } = await runPact(fake, temp, ['block', '--dataverse-solution', 'Legacy.zip']);
        expect(code).toBe(2);
        expect(err).toContain('use pact block --dataverse URL');
    });

    it('writes the rollback before the first change, so a failure half way can be undone', async () => {
        fake.fail({
            match: /^POST fieldpermissions$/,
            status: 500,
            body: { error: { code: '0x80040216', message: 'Generic SQL error.' } }
        });
        const { code, err } = await run('--apply');
        expect(code).toBe(2);
        expect(err).toContain('Generic SQL error');
        expect(fs.existsSync(path.join(temp, 'pact-block-dataverse', 'rollback.json'))).toBe(true);
    });
});
