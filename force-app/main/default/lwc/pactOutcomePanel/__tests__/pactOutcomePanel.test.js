import { createElement } from 'lwc';
import PactOutcomePanel from 'c/pactOutcomePanel';

const flushPromises = () => new Promise((resolve) => process.nextTick(resolve));
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
// The kinds are a radio group (c-pact-choice-group), its radios and message inside its own shadow root.
const kindGroup = (element) => $(element, 'c-pact-choice-group.kinds');
const kindButtons = (element) => [...kindGroup(element).shadowRoot.querySelectorAll('button')];
const kindButton = (element, kind) => kindButtons(element).find((button) => button.dataset.value === kind);
const legend = (element) => kindGroup(element).shadowRoot.querySelector('legend').textContent;

const UPCOMING = {
    marksHeld: true,
    outcome: 'They will sign if we add the spare parts catalogue.',
    errors: {},
    saving: false
};
const EARLIER = { marksHeld: false, outcome: '', errors: {}, saving: false };

async function render(state) {
    const element = createElement('c-pact-outcome-panel', { is: PactOutcomePanel });
    element.state = state;
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

/** Every event the panel sends, in order, as the planner (listening on an element above it) receives them. */
function listen(element) {
    const heard = [];
    const container = document.createElement('div');
    document.body.appendChild(container);
    container.appendChild(element);
    for (const name of ['outcomechange', 'kindchange', 'outcomeclose', 'outcomesave']) {
        container.addEventListener(name, (event) => heard.push([name, event.detail]));
    }
    return heard;
}

describe('c-pact-outcome-panel', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    });

    it('asks for the outcome when the plan is marked held, and shows its messages where they belong', async () => {
        const element = await render({
            ...UPCOMING,
            errors: { outcome: 'Write what came out of the conversation.', card: 'Choose what kind of card this is.' },
            serverError: 'Not saved: the plan was changed by someone else.'
        });
        const textarea = $(element, 'lightning-textarea.outcome');
        expect(textarea.value).toBe(UPCOMING.outcome);
        expect(textarea.required).toBe(true);
        expect(textarea.helpMessage).toBe('Write what came out of the conversation.');
        const cardError = kindGroup(element).shadowRoot.querySelector('.pact-choice-message');
        expect(cardError.textContent.trim()).toBe('Choose what kind of card this is.');
        expect(cardError.getAttribute('role')).toBe('alert');
        const radiogroup = kindGroup(element).shadowRoot.querySelector('[role="radiogroup"]');
        expect(radiogroup.getAttribute('aria-invalid')).toBe('true');
        expect(radiogroup.getAttribute('aria-describedby')).toBe(cardError.id);
        expect($(element, '.outcome-server-error').textContent).toBe(
            'Not saved: the plan was changed by someone else.'
        );
        expect($(element, '.plan-error')).toBeNull();
        // Marking held needs no card: no asterisk.
        expect(legend(element)).toBe('c.PACT_Planner_Keep_As_Card');
        expect($(element, 'lightning-button.save-outcome').label).toBe('c.PACT_Planner_Save_Outcome');
    });

    it('only offers the kinds for a plan already held', async () => {
        const element = await render(EARLIER);
        expect($(element, 'lightning-textarea.outcome')).toBeNull();
        // A card needs its kind: the asterisk marks it.
        expect(legend(element)).toBe('*c.PACT_Planner_Make_Card');
        expect($(element, 'lightning-button.save-outcome').label).toBe('c.PACT_Planner_Make_Card');
        expect(kindButtons(element)).toHaveLength(8);
    });

    it('shows the chosen kind as checked, and a second press clears it', async () => {
        const element = await render({ ...EARLIER, selectedKind: 'Risk' });
        const heard = listen(element);
        const risk = kindButton(element, 'Risk');
        expect(risk.getAttribute('aria-checked')).toBe('true');
        expect(risk.className).toContain('slds-button_brand');
        expect(kindButton(element, 'Praise').getAttribute('aria-checked')).toBe('false');

        risk.click();
        kindButton(element, 'Complaint').click();
        expect(heard).toEqual([
            ['kindchange', { kind: undefined }],
            ['kindchange', { kind: 'Complaint' }]
        ]);
    });

    it("tells the planner the rep's words, and when to close or save", async () => {
        const element = await render(UPCOMING);
        const heard = listen(element);
        const textarea = $(element, 'lightning-textarea.outcome');
        textarea.dispatchEvent(new CustomEvent('change', { detail: { value: 'They will sign in March.' } }));
        $(element, 'lightning-button.save-outcome').click();
        $(element, 'lightning-button.close-outcome').click();
        expect(heard).toEqual([
            ['outcomechange', { value: 'They will sign in March.' }],
            ['outcomesave', null],
            ['outcomeclose', null]
        ]);
    });

    it('saves with Ctrl+Enter or Cmd+Enter, closes with Escape, and ignores a plain Enter', async () => {
        const element = await render(UPCOMING);
        const heard = listen(element);
        const textarea = $(element, 'lightning-textarea.outcome');
        textarea.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        textarea.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
        textarea.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', metaKey: true, bubbles: true }));
        textarea.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        expect(heard.map(([name]) => name)).toEqual(['outcomesave', 'outcomesave', 'outcomeclose']);
    });

    it('holds the save button while a save is on its way', async () => {
        const element = await render({ ...UPCOMING, saving: true });
        expect($(element, 'lightning-button.save-outcome').disabled).toBe(true);
        element.state = { ...UPCOMING, saving: false };
        await flushPromises();
        expect($(element, 'lightning-button.save-outcome').disabled).toBe(false);
    });

    it('is accessible for an upcoming plan with messages and for an earlier plan', async () => {
        const upcoming = await render({
            ...UPCOMING,
            selectedKind: 'Request',
            errors: { plan: 'Not saved.', outcome: 'Write what came out of it.', card: 'Not a low card, please.' }
        });
        await expect(upcoming).toBeAccessible();
        const earlier = await render({ ...EARLIER, errors: { card: 'Choose what kind of card this is.' } });
        await expect(earlier).toBeAccessible();
    });
});
