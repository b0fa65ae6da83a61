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

    it('turns options into toggle buttons with exactly the chosen one pressed', () => {
        const buttons = choiceButtons(SENTIMENT_OPTIONS, 'Negative', 'slds-button pact-choice');
        expect(buttons.map((b) => [b.value, b.pressed, b.className])).toEqual([
            ['Positive', 'false', 'slds-button pact-choice slds-button_neutral'],
            ['Neutral', 'false', 'slds-button pact-choice slds-button_neutral'],
            ['Negative', 'true', 'slds-button pact-choice slds-button_brand']
        ]);
        expect(buttons[2].label).toBe('c.PACT_Sentiment_Negative');
        expect(choiceButtons(KIND_OPTIONS, undefined).every((b) => b.pressed === 'false')).toBe(true);
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
