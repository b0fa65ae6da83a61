import { saveDraft, loadDraft, clearDraft, draftKey, hasWords } from 'c/pactDrafts';

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
        expect(saveDraft(REP, ACCOUNT, WORDS, new Date('2026-11-23T15:40:00.000Z'))).toBe(true);
        expect(loadDraft(REP, ACCOUNT)).toEqual({ savedAt: '2026-11-23T15:40:00.000Z', values: WORDS });
        expect(loadDraft(OTHER_REP, ACCOUNT)).toBeNull();
        expect(loadDraft(REP, '001Dn00000ZzYyXIAV')).toBeNull();
        expect(draftKey(REP, ACCOUNT)).toContain(REP);
    });

    it('removes the draft once it holds no words, and on clear', () => {
        saveDraft(REP, ACCOUNT, WORDS);
        saveDraft(REP, ACCOUNT, { kind: 'Request', details: '   ' });
        expect(loadDraft(REP, ACCOUNT)).toBeNull();
        saveDraft(REP, ACCOUNT, WORDS);
        expect(clearDraft(REP, ACCOUNT)).toBe(true);
        expect(localStorage.length).toBe(0);
    });

    it('counts the details or the headline as words', () => {
        expect(hasWords({ headline: 'Price too high' })).toBe(true);
        expect(hasWords({ details: '\n\t ', kind: 'Risk' })).toBe(false);
        expect(hasWords(null)).toBe(false);
    });

    it('ignores a damaged or foreign entry instead of failing', () => {
        localStorage.setItem(draftKey(REP, ACCOUNT), '{not json');
        expect(loadDraft(REP, ACCOUNT)).toBeNull();
        localStorage.setItem(draftKey(REP, ACCOUNT), JSON.stringify({ values: 'text' }));
        expect(loadDraft(REP, ACCOUNT)).toBeNull();
    });

    it('reports a full or blocked storage as false, never throws', () => {
        jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
            throw new DOMException('Quota exceeded', 'QuotaExceededError');
        });
        expect(saveDraft(REP, ACCOUNT, WORDS)).toBe(false);
        jest.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
            throw new DOMException('Blocked', 'SecurityError');
        });
        expect(loadDraft(REP, ACCOUNT)).toBeNull();
    });

    it('needs a user and a record', () => {
        expect(saveDraft('', ACCOUNT, WORDS)).toBe(false);
        expect(saveDraft(REP, undefined, WORDS)).toBe(false);
        expect(loadDraft(REP, '')).toBeNull();
    });
});
