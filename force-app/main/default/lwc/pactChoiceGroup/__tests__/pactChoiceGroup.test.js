import { createElement } from 'lwc';
import PactChoiceGroup from 'c/pactChoiceGroup';
import { SENTIMENT_OPTIONS } from 'c/pactPicklists';

const flushPromises = () => new Promise((resolve) => process.nextTick(resolve));
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];
const pressed = (element) => $$(element, 'button').map((button) => button.getAttribute('aria-pressed'));

async function render(props = {}) {
    const element = createElement('c-pact-choice-group', { is: PactChoiceGroup });
    Object.assign(element, { label: 'How did the customer sound?', options: SENTIMENT_OPTIONS, ...props });
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

/** What a parent does: listen for `change` and pass the new value back in. */
function controlled(element) {
    const heard = [];
    element.addEventListener('change', (event) => {
        heard.push(event.detail.value);
        element.value = event.detail.value;
    });
    return heard;
}

describe('c-pact-choice-group', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    });

    it('offers every option as a native button in tab order, named by its words, the chosen one pressed', async () => {
        const element = await render({ value: 'Neutral' });
        const buttons = $$(element, 'button');
        expect(buttons.map((button) => button.textContent.trim())).toEqual([
            'c.PACT_Sentiment_Positive',
            'c.PACT_Sentiment_Neutral',
            'c.PACT_Sentiment_Negative'
        ]);
        expect(buttons.map((button) => button.dataset.value)).toEqual(['Positive', 'Neutral', 'Negative']);
        // type="button" so a press never submits a form around it; no tabindex, so each is reached by Tab.
        expect(buttons.every((button) => button.type === 'button' && !button.hasAttribute('tabindex'))).toBe(true);
        expect(pressed(element)).toEqual(['false', 'true', 'false']);
        expect(buttons[1].className).toContain('slds-button_brand');
        expect(buttons[0].className).toContain('slds-button_neutral');
        const group = $(element, '[role="group"]');
        expect(group.getAttribute('aria-label')).toBe('How did the customer sound?');
        expect($(element, 'legend').textContent).toBe('How did the customer sound?');
    });

    it('tells the parent the pressed value and shows what the parent passes back', async () => {
        const element = await render();
        const heard = controlled(element);
        $(element, 'button[data-value="Negative"]').click();
        await flushPromises();
        expect(pressed(element)).toEqual(['false', 'false', 'true']);
        // Not clearable: pressing the chosen button again keeps it chosen.
        $(element, 'button[data-value="Negative"]').click();
        $(element, 'button[data-value="Positive"]').click();
        await flushPromises();
        expect(heard).toEqual(['Negative', 'Negative', 'Positive']);
        expect(pressed(element)).toEqual(['true', 'false', 'false']);
    });

    it('clears the choice on a second press when clearable', async () => {
        const element = await render({ value: 'Positive', clearable: true });
        const heard = controlled(element);
        $(element, 'button[data-value="Positive"]').click();
        await flushPromises();
        expect(heard).toEqual(['']);
        expect(pressed(element)).toEqual(['false', 'false', 'false']);
    });

    it('disables every button while the parent saves, so nothing changes under it', async () => {
        const element = await render({ disabled: true });
        const heard = controlled(element);
        expect($$(element, 'button').every((button) => button.disabled)).toBe(true);
        $(element, 'button[data-value="Negative"]').click();
        expect(heard).toEqual([]);
    });

    it('marks a required choice with the asterisk and keeps the message slot inside the fieldset', async () => {
        const element = await render({ required: true });
        const asterisk = $(element, 'legend abbr.slds-required');
        expect(asterisk.textContent).toBe('*');
        expect(asterisk.title).toBe('c.PACT_Choice_Required');
        // The parents' tests check what they put in it (their field messages).
        expect($(element, 'fieldset > slot[name="message"]')).not.toBeNull();

        element.required = false;
        await flushPromises();
        expect($(element, 'legend abbr')).toBeNull();
    });

    describe('focus()', () => {
        it('moves the focus to the chosen button, so the rep can change it at once', async () => {
            const element = await render({ value: 'Negative' });
            element.focus();
            expect(element.shadowRoot.activeElement).toBe($(element, 'button[data-value="Negative"]'));
        });

        it('moves the focus to the first button when nothing is chosen', async () => {
            const element = await render();
            element.focus();
            expect(element.shadowRoot.activeElement).toBe($(element, 'button[data-value="Positive"]'));
        });

        it('moves the focus to the group while the buttons are disabled, so it is not lost', async () => {
            const element = await render({ disabled: true, value: 'Neutral' });
            element.focus();
            expect(element.shadowRoot.activeElement).toBe($(element, '.pact-choices'));
        });
    });

    it('is accessible with nothing chosen, with a choice, required and disabled', async () => {
        const element = await render({ required: true });
        await expect(element).toBeAccessible();
        element.value = 'Neutral';
        element.disabled = true;
        await flushPromises();
        await expect(element).toBeAccessible();
    });
});
