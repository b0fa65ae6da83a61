import {
    OPTION_SETS,
    createPayload,
    draftKey,
    draftProblems,
    failureReason,
    loadDraft,
    optionLabel,
    optionValue,
    saveDraft
} from '../PactHighCards/components/model';

describe('High Cards model', () => {
    it('maps choice values both ways, whatever form the dataset returns them in', () => {
        expect(optionValue(OPTION_SETS.kind, 'Buying Signal')).toBe(100000004);
        expect(() => optionValue(OPTION_SETS.kind, 'Call')).toThrow('"Call" is not a value of pact_kind');
        expect(optionLabel(OPTION_SETS.kind, 100000007)).toBe('Complaint');
        expect(optionLabel(OPTION_SETS.kind, '100000000')).toBe('Feedback');
        expect(optionLabel(OPTION_SETS.theme, 'Billing')).toBe('Billing');
        expect(optionLabel(OPTION_SETS.theme, 'Weather')).toBe('');
        expect(optionLabel(OPTION_SETS.theme, 100000099)).toBe('');
        expect(optionLabel(OPTION_SETS.theme, null)).toBe('');
    });

    it('binds the account by its plain lower-case id, whatever braces or case the form gives', () => {
        const payload = createPayload(
            { kind: 'Praise', details: '  They said the new portal saves them an hour a day.  ' },
            '{5F1C2A9E-3B7D-4E21-9A0B-6C8D2E4F1A37}',
            '2026-11-23'
        );
        expect(payload).toEqual({
            pact_name: 'They said the new portal saves them an hour a day.',
            pact_kind: 100000006,
            pact_details: 'They said the new portal saves them an hour a day.',
            pact_occurredon: '2026-11-23',
            'pact_accountid@odata.bind': '/accounts(5f1c2a9e-3b7d-4e21-9a0b-6c8d2e4f1a37)'
        });
    });

    it('runs the rulebook on a draft', () => {
        expect(draftProblems({ kind: 'Feedback', details: 'Visited the customer today' })).toHaveLength(1);
        expect(draftProblems({ kind: 'Risk', details: 'Their CFO said the budget is frozen until March.' })).toEqual(
            []
        );
    });

    it('survives a corrupt or unavailable draft store', () => {
        localStorage.setItem(draftKey('a1'), '{not json');
        expect(loadDraft(localStorage, 'a1')).toEqual({ kind: '', details: '' });
        const full = {
            getItem: () => null,
            setItem: () => {
                throw new DOMException('QuotaExceededError');
            },
            removeItem: () => undefined
        } as unknown as Storage;
        expect(() => saveDraft(full, 'a1', { kind: 'Risk', details: 'x' })).not.toThrow();
        expect(loadDraft(undefined, 'a1')).toEqual({ kind: '', details: '' });
    });

    it('turns any rejection into words', () => {
        expect(failureReason(new Error('Access denied'))).toBe('Access denied');
        expect(failureReason({ message: 'Duplicate record', errorCode: 2147746359 })).toBe('Duplicate record');
        expect(failureReason('Timeout')).toBe('Timeout');
        expect(failureReason(undefined)).toBe('');
    });
});
