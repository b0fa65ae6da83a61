import { KIND_OPTIONS, THEME_OPTIONS, SENTIMENT_OPTIONS } from 'c/pactPicklists';
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
});
