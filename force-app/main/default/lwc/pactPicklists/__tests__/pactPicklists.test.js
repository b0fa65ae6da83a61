import { KIND_OPTIONS, THEME_OPTIONS, SENTIMENT_OPTIONS, choiceButtons, choiceWords } from 'c/pactPicklists';
import { HIGH_CARD_KINDS, THEMES, SENTIMENTS } from 'c/pactRules';

// In jest a custom label import is its own name, so a value without a label would show as its API value.
describe('c/pactPicklists', () => {
    it.each([
        ['kind', KIND_OPTIONS, HIGH_CARD_KINDS, 'c.PACT_Kind_'],
        ['theme', THEME_OPTIONS, THEMES, 'c.PACT_Theme_'],
        ['sentiment', SENTIMENT_OPTIONS, SENTIMENTS, 'c.PACT_Sentiment_']
    ])('gives every rulebook %s a custom label, in rulebook order', (_name, options, rulebook, prefix) => {
        expect(options.map((o) => o.value)).toEqual(rulebook.map((v) => v.value));
        for (const option of options) {
            expect(option.label).toBe(`${prefix}${option.value.replace(/ /g, '_')}`);
        }
    });

    it('turns options into the radios of one group with exactly the chosen one checked and the tab stop', () => {
        const buttons = choiceButtons(SENTIMENT_OPTIONS, 'Negative', 'slds-button pact-choice');
        expect(buttons.map((b) => [b.value, b.checked, b.tabIndex, b.className])).toEqual([
            ['Positive', 'false', '-1', 'slds-button pact-choice slds-button_neutral'],
            ['Neutral', 'false', '-1', 'slds-button pact-choice slds-button_neutral'],
            ['Negative', 'true', '0', 'slds-button pact-choice slds-button_brand']
        ]);
        expect(buttons[2].label).toBe('c.PACT_Sentiment_Negative');
        const nothingChosen = choiceButtons(KIND_OPTIONS, undefined);
        expect(nothingChosen.every((b) => b.checked === 'false')).toBe(true);
        // Nothing chosen: the first option is the group's one tab stop.
        expect(nothingChosen.map((b) => b.tabIndex)).toEqual(KIND_OPTIONS.map((_, i) => (i === 0 ? '0' : '-1')));
        expect(choiceButtons(KIND_OPTIONS, 'Risk')[0].className).toBe('slds-button slds-button_neutral');
    });

    it('reads a stored value in the words of the buttons that chose it, else as the server sent it', () => {
        expect(choiceWords(KIND_OPTIONS, { value: 'Buying Signal', displayValue: 'Buying Signal' })).toBe(
            'c.PACT_Kind_Buying_Signal'
        );
        expect(choiceWords(KIND_OPTIONS, { value: 'Rumour', displayValue: 'Rumour (new)' })).toBe('Rumour (new)');
        expect(choiceWords(KIND_OPTIONS, { value: 'Rumour', displayValue: null })).toBe('Rumour');
        expect(choiceWords(KIND_OPTIONS, null)).toBe('');
    });
});
