import { createElement } from 'lwc';
import PactChoiceGroup from 'c/pactChoiceGroup';
import { SENTIMENT_OPTIONS } from 'c/pactPicklists';

const flushPromises = () => new Promise((resolve) => process.nextTick(resolve));
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];
const pressed = (element) => $$(element, 'button').map((button) => button.getAttribute('aria-checked'));
const tabStops = (element) => $$(element, 'button').map((button) => button.getAttribute('tabindex'));
const focused = (element) => element.shadowRoot.activeElement?.dataset?.value;

/** A key pressed on whatever has the focus inside the group, as the browser sends it. */
function press(element, key, init = {}) {
    const target = element.shadowRoot.activeElement ?? $(element, '[role="radiogroup"]');
    const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init });
    target.dispatchEvent(event);
    return event;
}

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

    it('offers every option as a radio of one radio group, named by its words, the chosen one checked', async () => {
        const element = await render({ value: 'Neutral' });
        const buttons = $$(element, 'button');
        expect(buttons.map((button) => button.textContent.trim())).toEqual([
            'c.PACT_Sentiment_Positive',
            'c.PACT_Sentiment_Neutral',
            'c.PACT_Sentiment_Negative'
        ]);
        expect(buttons.map((button) => button.dataset.value)).toEqual(['Positive', 'Neutral', 'Negative']);
        // Native buttons (type="button": a press never submits a form around them) in the role of radios.
        expect(buttons.every((button) => button.type === 'button' && button.getAttribute('role') === 'radio')).toBe(
            true
        );
        expect(pressed(element)).toEqual(['false', 'true', 'false']);
        // One tab stop: the checked radio (WAI-ARIA APG radio group).
        expect(tabStops(element)).toEqual(['-1', '0', '-1']);
        expect(buttons[1].className).toContain('slds-button_brand');
        expect(buttons[0].className).toContain('slds-button_neutral');
        const group = $(element, '[role="radiogroup"]');
        expect(group.getAttribute('aria-label')).toBe('How did the customer sound?');
        expect(group.getAttribute('aria-invalid')).toBe('false');
        expect(group.hasAttribute('aria-describedby')).toBe(false);
        expect($(element, 'legend').textContent).toBe('How did the customer sound?');
    });

    it('makes the first radio the tab stop while nothing is chosen', async () => {
        const element = await render();
        expect(tabStops(element)).toEqual(['0', '-1', '-1']);
        expect(pressed(element)).toEqual(['false', 'false', 'false']);
    });

    it('tells the parent the pressed value and shows what the parent passes back', async () => {
        const element = await render();
        const heard = controlled(element);
        $(element, 'button[data-value="Negative"]').click();
        await flushPromises();
        expect(pressed(element)).toEqual(['false', 'false', 'true']);
        expect(tabStops(element)).toEqual(['-1', '-1', '0']);
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

    it('marks a required choice with the asterisk and aria-required', async () => {
        const element = await render({ required: true });
        const asterisk = $(element, 'legend abbr.slds-required');
        expect(asterisk.textContent).toBe('*');
        expect(asterisk.title).toBe('c.PACT_Choice_Required');
        expect($(element, '[role="radiogroup"]').getAttribute('aria-required')).toBe('true');

        element.required = false;
        await flushPromises();
        expect($(element, 'legend abbr')).toBeNull();
        expect($(element, '[role="radiogroup"]').getAttribute('aria-required')).toBe('false');
    });

    it('shows its message, marks the group invalid and describes it by the message, announced', async () => {
        const element = await render({ required: true, message: 'Pick what kind of card this is.' });
        const group = $(element, '[role="radiogroup"]');
        const message = $(element, '.pact-choice-message');
        expect(message.textContent.trim()).toBe('Pick what kind of card this is.');
        expect(message.getAttribute('role')).toBe('alert');
        expect(group.getAttribute('aria-invalid')).toBe('true');
        // The id is scoped by the engine; the reference points at the very element.
        expect(message.id).toBeTruthy();
        expect(group.getAttribute('aria-describedby')).toBe(message.id);
        await expect(element).toBeAccessible();

        element.message = '';
        await flushPromises();
        expect($(element, '.pact-choice-message')).toBeNull();
        expect(group.getAttribute('aria-invalid')).toBe('false');
        expect(group.hasAttribute('aria-describedby')).toBe(false);
    });

    describe('keyboard (WAI-ARIA APG radio group)', () => {
        const KINDS = [
            { value: 'Feedback', label: 'Feedback' },
            { value: 'Request', label: 'Request' },
            { value: 'Commitment', label: 'Commitment' },
            { value: 'Competitor', label: 'Competitor' },
            { value: 'Complaint', label: 'Complaint' }
        ];

        it('arrow keys move to the next or previous radio and check it, wrapping at the ends', async () => {
            const element = await render({ options: KINDS, label: 'Kind' });
            const heard = controlled(element);
            element.focus();
            expect(focused(element)).toBe('Feedback');
            expect(press(element, 'ArrowRight').defaultPrevented).toBe(true);
            await flushPromises();
            expect(focused(element)).toBe('Request');
            press(element, 'ArrowDown');
            await flushPromises();
            press(element, 'ArrowUp');
            await flushPromises();
            press(element, 'ArrowLeft');
            await flushPromises();
            press(element, 'ArrowLeft');
            await flushPromises();
            expect(heard).toEqual(['Request', 'Commitment', 'Request', 'Feedback', 'Complaint']);
            expect(focused(element)).toBe('Complaint');
            expect(tabStops(element)).toEqual(['-1', '-1', '-1', '-1', '0']);
            press(element, 'ArrowRight');
            await flushPromises();
            expect(focused(element)).toBe('Feedback');
        });

        it('Home and End check the first and the last radio', async () => {
            const element = await render({ options: KINDS, label: 'Kind', value: 'Commitment' });
            const heard = controlled(element);
            element.focus();
            press(element, 'End');
            await flushPromises();
            press(element, 'Home');
            await flushPromises();
            expect(heard).toEqual(['Complaint', 'Feedback']);
            expect(focused(element)).toBe('Feedback');
        });

        it('a typed letter checks the next option starting with it, cycling through those that do', async () => {
            const element = await render({ options: KINDS, label: 'Kind' });
            const heard = controlled(element);
            element.focus();
            press(element, 'r');
            await flushPromises();
            expect(focused(element)).toBe('Request');
            press(element, 'C');
            await flushPromises();
            press(element, 'c');
            await flushPromises();
            press(element, 'c');
            await flushPromises();
            press(element, 'c');
            await flushPromises();
            expect(heard).toEqual(['Request', 'Commitment', 'Competitor', 'Complaint', 'Commitment']);
            // No option starts with z: nothing changes and the key is left alone.
            expect(press(element, 'z').defaultPrevented).toBe(false);
            expect(heard).toHaveLength(5);
        });

        it('leaves Tab, Enter and shortcuts with Ctrl, Cmd or Alt to the page', async () => {
            const element = await render({ options: KINDS, label: 'Kind' });
            const heard = controlled(element);
            element.focus();
            for (const [key, init] of [
                ['Tab', {}],
                ['Enter', { ctrlKey: true }],
                ['Enter', { metaKey: true }],
                ['ArrowRight', { altKey: true }],
                ['r', { ctrlKey: true }]
            ]) {
                expect(press(element, key, init).defaultPrevented).toBe(false);
            }
            expect(heard).toEqual([]);
        });

        it('ignores keys while disabled', async () => {
            const element = await render({ options: KINDS, label: 'Kind', disabled: true });
            const heard = controlled(element);
            element.focus();
            press(element, 'ArrowRight');
            press(element, 'r');
            expect(heard).toEqual([]);
        });
    });

    describe('focus()', () => {
        it('moves the focus to the checked radio, so the rep can change it at once', async () => {
            const element = await render({ value: 'Negative' });
            element.focus();
            expect(element.shadowRoot.activeElement).toBe($(element, 'button[data-value="Negative"]'));
        });

        it('moves the focus to the first radio when nothing is chosen', async () => {
            const element = await render();
            element.focus();
            expect(element.shadowRoot.activeElement).toBe($(element, 'button[data-value="Positive"]'));
        });

        it('moves the focus to the group while the radios are disabled, so it is not lost', async () => {
            const element = await render({ disabled: true, value: 'Neutral' });
            element.focus();
            expect(element.shadowRoot.activeElement).toBe($(element, '.pact-choices'));
        });
    });

    it('is accessible with nothing chosen, with a choice, required, disabled and with a message', async () => {
        const element = await render({ required: true });
        await expect(element).toBeAccessible();
        element.message = 'Pick one.';
        await flushPromises();
        await expect(element).toBeAccessible();
        element.message = '';
        element.value = 'Neutral';
        element.disabled = true;
        await flushPromises();
        await expect(element).toBeAccessible();
    });
});
