import { saveDraft, loadDraft, clearDraft, draftKey, hasWords, DRAFT_KINDS } from 'c/pactDrafts';

const REP = '005Dn00000Z9x8wIAB';
const OTHER_REP = '005Dn00000Z9x8xIAB';
const ACCOUNT = '001Dn00000AbCdEIAV';
const WORDS = { kind: 'Request', details: 'Wants the spring order two weeks earlier for the new store.' };

describe('c/pactDrafts', () => {
    afterEach(() => {
        localStorage.clear();
        jest.restoreAllMocks();
    });

    it('keeps a draft per user and record, with the time it was written', () => {
        expect(saveDraft('highCard', REP, ACCOUNT, WORDS, new Date('2026-11-23T15:40:00.000Z'))).toBe(true);
        expect(loadDraft('highCard', REP, ACCOUNT)).toEqual({ savedAt: '2026-11-23T15:40:00.000Z', values: WORDS });
        expect(loadDraft('highCard', OTHER_REP, ACCOUNT)).toBeNull();
        expect(loadDraft('coachingNote', REP, ACCOUNT)).toBeNull();
        expect(loadDraft('highCard', REP, '001Dn00000ZzYyXIAV')).toBeNull();
        expect(draftKey('highCard', REP, ACCOUNT)).toContain(REP);
    });

    it('removes the draft once it holds no words, and on clear', () => {
        saveDraft('highCard', REP, ACCOUNT, WORDS);
        saveDraft('highCard', REP, ACCOUNT, { kind: 'Request', details: '   ' });
        expect(loadDraft('highCard', REP, ACCOUNT)).toBeNull();
        saveDraft('highCard', REP, ACCOUNT, WORDS);
        expect(clearDraft('highCard', REP, ACCOUNT)).toBe(true);
        expect(localStorage.length).toBe(0);
    });

    it('counts the details or the headline as words', () => {
        expect(hasWords({ headline: 'Price too high' })).toBe(true);
        expect(hasWords({ details: '\n\t ', kind: 'Risk' })).toBe(false);
        expect(hasWords(null)).toBe(false);
    });

    it('ignores a damaged or foreign entry instead of failing', () => {
        localStorage.setItem(draftKey('highCard', REP, ACCOUNT), '{not json');
        expect(loadDraft('highCard', REP, ACCOUNT)).toBeNull();
        localStorage.setItem(draftKey('highCard', REP, ACCOUNT), JSON.stringify({ values: 'text' }));
        expect(loadDraft('highCard', REP, ACCOUNT)).toBeNull();
    });

    it('reports a full or blocked storage as false, never throws', () => {
        jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
            throw new DOMException('Quota exceeded', 'QuotaExceededError');
        });
        expect(saveDraft('highCard', REP, ACCOUNT, WORDS)).toBe(false);
        jest.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
            throw new DOMException('Blocked', 'SecurityError');
        });
        expect(loadDraft('highCard', REP, ACCOUNT)).toBeNull();
    });

    it('needs a user and a record', () => {
        expect(saveDraft('highCard', '', ACCOUNT, WORDS)).toBe(false);
        expect(saveDraft('highCard', REP, undefined, WORDS)).toBe(false);
        expect(loadDraft('highCard', REP, '')).toBeNull();
        expect(saveDraft('callCount', REP, ACCOUNT, WORDS)).toBe(false);
        expect(loadDraft('callCount', REP, ACCOUNT)).toBeNull();
    });

    it('knows the kinds of draft PACT keeps', () => {
        expect(DRAFT_KINDS).toEqual(['highCard', 'coachingNote', 'plan', 'planOutcome']);
        expect(new Set(DRAFT_KINDS.map((kind) => draftKey(kind, REP, ACCOUNT))).size).toBe(4);
    });

    it('keeps a plan while its objective, questions or desired outcome hold words', () => {
        const plan = { Id: 'a0B5g00000Qx1PlAAJ', Planned_For__c: '2026-12-01', Contact__c: '0035g00000Kq2XyAAJ' };
        expect(saveDraft('plan', REP, ACCOUNT, plan)).toBe(true);
        expect(loadDraft('plan', REP, ACCOUNT)).toBeNull();
        const withWords = { ...plan, Questions__c: 'Who signs off the spare parts budget?' };
        saveDraft('plan', REP, ACCOUNT, withWords);
        expect(loadDraft('plan', REP, ACCOUNT).values).toEqual(withWords);
        expect(hasWords({ Objective__c: 'Agree who tests the new ordering portal' }, 'plan')).toBe(true);
    });

    it('keeps only the outcomes that hold words, by plan', () => {
        saveDraft('planOutcome', REP, ACCOUNT, {
            a0B5g00000Qx1PlAAJ: 'They will sign if we add the spare parts catalogue.',
            a0B5g00000Qx1PmAAJ: '  '
        });
        expect(loadDraft('planOutcome', REP, ACCOUNT).values).toEqual({
            a0B5g00000Qx1PlAAJ: 'They will sign if we add the spare parts catalogue.'
        });
        saveDraft('planOutcome', REP, ACCOUNT, { a0B5g00000Qx1PlAAJ: '' });
        expect(localStorage.length).toBe(0);
    });

    describe('drafts written by the previous version', () => {
        const OLD_CARD_KEY = `pact.highCardDraft.v1:${REP}:${ACCOUNT}`;
        const OLD_PLAN_KEY = `pact.planDraft.v1:${REP}:${ACCOUNT}`;

        it('reads an old high card draft and moves it to its new key', () => {
            localStorage.setItem(OLD_CARD_KEY, JSON.stringify({ savedAt: '2026-11-20T08:15:00.000Z', values: WORDS }));
            const expected = { savedAt: '2026-11-20T08:15:00.000Z', values: WORDS };
            expect(loadDraft('highCard', REP, ACCOUNT)).toEqual(expected);
            expect(JSON.parse(localStorage.getItem(draftKey('highCard', REP, ACCOUNT)))).toEqual(expected);
            expect(loadDraft('highCard', OTHER_REP, ACCOUNT)).toBeNull();

            // The next change or a confirmed save lets the old entry go, so it never comes back.
            saveDraft('highCard', REP, ACCOUNT, { ...WORDS, details: `${WORDS.details} Before March.` });
            expect(localStorage.getItem(OLD_CARD_KEY)).toBeNull();
            clearDraft('highCard', REP, ACCOUNT);
            expect(loadDraft('highCard', REP, ACCOUNT)).toBeNull();
        });

        it('lets a cleared draft go with its old entry', () => {
            localStorage.setItem(OLD_CARD_KEY, JSON.stringify({ savedAt: '2026-11-20T08:15:00.000Z', values: WORDS }));
            expect(clearDraft('highCard', REP, ACCOUNT)).toBe(true);
            expect(loadDraft('highCard', REP, ACCOUNT)).toBeNull();
            expect(localStorage.length).toBe(0);
        });

        it('reads the coaching note kept among the old high card drafts', () => {
            const note = { reason: 'Training', details: 'Practise opening questions.' };
            localStorage.setItem(
                `pact.highCardDraft.v1:${REP}:coachingNote`,
                JSON.stringify({ savedAt: '2026-11-20T08:15:00.000Z', values: note })
            );
            expect(loadDraft('coachingNote', REP, 'new').values).toEqual(note);
        });

        it("splits the planner's old entry into the plan and its outcomes", () => {
            const form = { Objective__c: 'Find out who replaces the plant manager in January' };
            const outcomes = { a0B5g00000Qx1PlAAJ: 'They will sign if we add the spare parts catalogue.' };
            localStorage.setItem(OLD_PLAN_KEY, JSON.stringify({ form, outcomes }));
            const now = new Date('2026-11-23T15:40:00.000Z');
            expect(loadDraft('plan', REP, ACCOUNT, now)).toEqual({ savedAt: '2026-11-23T15:40:00.000Z', values: form });
            expect(loadDraft('planOutcome', REP, ACCOUNT, now).values).toEqual(outcomes);
            saveDraft('plan', REP, ACCOUNT, form);
            expect(localStorage.getItem(OLD_PLAN_KEY)).toBeNull();
            expect(loadDraft('planOutcome', REP, ACCOUNT).values).toEqual(outcomes);
        });

        it('ignores a damaged old entry', () => {
            localStorage.setItem(OLD_PLAN_KEY, '{"form":');
            expect(loadDraft('plan', REP, ACCOUNT)).toBeNull();
            localStorage.setItem(OLD_PLAN_KEY, JSON.stringify({ form: null, outcomes: 'text' }));
            expect(loadDraft('plan', REP, ACCOUNT)).toBeNull();
            expect(loadDraft('planOutcome', REP, ACCOUNT)).toBeNull();
        });
    });
});
