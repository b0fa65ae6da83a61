/**
 * High card picklists as reps read them: the values come from the rulebook (the one source the
 * field metadata is checked against), the words from custom labels so they can be translated.
 */
import { HIGH_CARD_KINDS, THEMES, SENTIMENTS } from 'c/pactRules';
import KIND_FEEDBACK from '@salesforce/label/c.PACT_Kind_Feedback';
import KIND_REQUEST from '@salesforce/label/c.PACT_Kind_Request';
import KIND_COMMITMENT from '@salesforce/label/c.PACT_Kind_Commitment';
import KIND_COMPETITOR from '@salesforce/label/c.PACT_Kind_Competitor';
import KIND_BUYING_SIGNAL from '@salesforce/label/c.PACT_Kind_Buying_Signal';
import KIND_RISK from '@salesforce/label/c.PACT_Kind_Risk';
import KIND_PRAISE from '@salesforce/label/c.PACT_Kind_Praise';
import KIND_COMPLAINT from '@salesforce/label/c.PACT_Kind_Complaint';
import THEME_PRODUCT from '@salesforce/label/c.PACT_Theme_Product';
import THEME_PRICING from '@salesforce/label/c.PACT_Theme_Pricing';
import THEME_SERVICE from '@salesforce/label/c.PACT_Theme_Service';
import THEME_DELIVERY from '@salesforce/label/c.PACT_Theme_Delivery';
import THEME_BILLING from '@salesforce/label/c.PACT_Theme_Billing';
import THEME_RELATIONSHIP from '@salesforce/label/c.PACT_Theme_Relationship';
import THEME_OTHER from '@salesforce/label/c.PACT_Theme_Other';
import SENTIMENT_POSITIVE from '@salesforce/label/c.PACT_Sentiment_Positive';
import SENTIMENT_NEUTRAL from '@salesforce/label/c.PACT_Sentiment_Neutral';
import SENTIMENT_NEGATIVE from '@salesforce/label/c.PACT_Sentiment_Negative';

const KIND_WORDS = {
    Feedback: KIND_FEEDBACK,
    Request: KIND_REQUEST,
    Commitment: KIND_COMMITMENT,
    Competitor: KIND_COMPETITOR,
    'Buying Signal': KIND_BUYING_SIGNAL,
    Risk: KIND_RISK,
    Praise: KIND_PRAISE,
    Complaint: KIND_COMPLAINT
};
const THEME_WORDS = {
    Product: THEME_PRODUCT,
    Pricing: THEME_PRICING,
    Service: THEME_SERVICE,
    Delivery: THEME_DELIVERY,
    Billing: THEME_BILLING,
    Relationship: THEME_RELATIONSHIP,
    Other: THEME_OTHER
};
const SENTIMENT_WORDS = { Positive: SENTIMENT_POSITIVE, Neutral: SENTIMENT_NEUTRAL, Negative: SENTIMENT_NEGATIVE };

// A value the rulebook gains before its label exists still shows, as its API value.
const options = (values, words) => values.map(({ value }) => Object.freeze({ value, label: words[value] ?? value }));

export const KIND_OPTIONS = Object.freeze(options(HIGH_CARD_KINDS, KIND_WORDS));
export const THEME_OPTIONS = Object.freeze(options(THEMES, THEME_WORDS));
export const SENTIMENT_OPTIONS = Object.freeze(options(SENTIMENTS, SENTIMENT_WORDS));

/**
 * Options as the radios of one radio group shown as buttons (PACT offers short picklists as buttons, not
 * dropdowns; see c-pact-choice-group): the chosen one reports aria-checked="true" and looks like the brand
 * button, the others are neutral; the group's single tab stop is the chosen one, else the first.
 * @param {{ value: string, label: string }[]} choices
 * @param {string | undefined} selected the chosen value
 * @param {string} [className] classes every button has
 */
export function choiceButtons(choices, selected, className = 'slds-button') {
    const stop = Math.max(
        0,
        choices.findIndex((choice) => choice.value === selected)
    );
    return choices.map((choice, index) => {
        const checked = choice.value === selected;
        return {
            ...choice,
            checked: String(checked),
            tabIndex: index === stop ? '0' : '-1',
            className: `${className} ${checked ? 'slds-button_brand' : 'slds-button_neutral'}`
        };
    });
}

/**
 * The words for a stored picklist value, from the same labels the forms offer, so a kind reads the same on a card
 * as on the button that chose it; a value the labels do not know shows as the server sent it.
 * @param {{ value: string, label: string }[]} choices
 * @param {{ value?: string | null, displayValue?: string | null } | null | undefined} field a UI API field
 */
export function choiceWords(choices, field) {
    const value = field?.value;
    return choices.find((choice) => choice.value === value)?.label ?? field?.displayValue ?? value ?? '';
}
