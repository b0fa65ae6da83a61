import { loadPreference, savePreference, preferencesKey } from 'c/pactPreferences';

const REP = '005Dn00000Rep01IAB';
const COLLEAGUE = '005Dn00000Rep02IAB';

describe('c/pactPreferences', () => {
    afterEach(() => {
        localStorage.clear();
        jest.restoreAllMocks();
    });

    it('keeps a choice per user, so two people on one device keep their own', () => {
        expect(loadPreference(REP, 'moreDetails', false)).toBe(false);
        expect(savePreference(REP, 'moreDetails', true)).toBe(true);
        expect(loadPreference(REP, 'moreDetails', false)).toBe(true);
        expect(loadPreference(COLLEAGUE, 'moreDetails', false)).toBe(false);
        expect(JSON.parse(localStorage.getItem(preferencesKey(REP)))).toEqual({ moreDetails: true });
    });

    it('keeps other choices of the same user when one changes', () => {
        savePreference(REP, 'moreDetails', true);
        savePreference(REP, 'other', 'x');
        expect(loadPreference(REP, 'moreDetails', false)).toBe(true);
        expect(loadPreference(REP, 'other', '')).toBe('x');
    });

    it('falls back to the default for unreadable or mistyped entries and without a user', () => {
        localStorage.setItem(preferencesKey(REP), '{not json');
        expect(loadPreference(REP, 'moreDetails', false)).toBe(false);
        localStorage.setItem(preferencesKey(REP), JSON.stringify({ moreDetails: 'yes' }));
        expect(loadPreference(REP, 'moreDetails', false)).toBe(false);
        expect(loadPreference(undefined, 'moreDetails', true)).toBe(true);
        expect(savePreference(undefined, 'moreDetails', true)).toBe(false);
    });

    it('reports false instead of throwing when the browser refuses to store', () => {
        jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
            throw new DOMException('QuotaExceededError');
        });
        expect(savePreference(REP, 'moreDetails', true)).toBe(false);
    });
});
