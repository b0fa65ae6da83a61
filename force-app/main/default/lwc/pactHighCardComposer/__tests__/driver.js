/**
 * How the tests drive a c-pact-high-card-composer, wherever it stands (on its own, or inside the hub): its
 * radios inside c-pact-choice-group's shadow root, its base fields through their change events, its messages
 * where the rep sees them. Not a test itself (jest runs *.test.js only).
 */
export const flush = () => new Promise((resolve) => process.nextTick(resolve));

export const $ = (element, selector) => element.shadowRoot.querySelector(selector);
// Kind and sentiment are radio groups (c-pact-choice-group), their radios inside its own shadow root.
export const choiceButtons = (element, field) => [
    ...$(element, `c-pact-choice-group[data-field="${field}"]`).shadowRoot.querySelectorAll('button')
];
export const choiceButton = (element, field, value) =>
    choiceButtons(element, field).find((button) => button.dataset.value === value);

export function chooseKind(element, value) {
    choiceButton(element, 'Kind__c', value).click();
}

export function type(element, selector, value) {
    const input = $(element, selector);
    input.value = value;
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

export function pick(element, selector, recordId) {
    $(element, selector).dispatchEvent(new CustomEvent('change', { detail: { recordId } }));
}

/**
 * The message a field shows: a radio group shows its own; a base component shows the message the composer
 * set through setCustomValidity + reportValidity (modelled by force-app/test/jest-mocks/lightning/validity.js).
 */
export function errorFor(element, field) {
    const target = $(element, `[data-field="${field}"]`);
    if (!target) return undefined;
    if (target.tagName === 'C-PACT-CHOICE-GROUP') {
        return target.shadowRoot.querySelector('.pact-choice-message')?.textContent.trim() || undefined;
    }
    return target.helpMessage || undefined;
}

/** Opens "More details", where every optional field is. */
export async function openMore(element) {
    const toggle = $(element, 'button.pact-more-details');
    if (toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
    await flush();
}
/** Presses Save, as a rep does, and lets the save run. */
export async function save(element) {
    $(element, 'lightning-button.pact-save').click();
    await flush();
}
