import { LightningElement, api } from 'lwc';
import { choiceButtons } from 'c/pactPicklists';
import REQUIRED from '@salesforce/label/c.PACT_Choice_Required';

/**
 * A short picklist as a row of toggle buttons (PACT offers short picklists as buttons, not dropdowns): native
 * buttons, so each is in the tab order and Enter or Space presses it; the chosen one reports aria-pressed="true".
 *
 * It holds no value of its own: a press fires `change` with detail.value (the pressed value, or '' when a
 * clearable group's chosen button is pressed again) and the parent passes the new value back in.
 * The field's message goes in the `message` slot, so it stays in the parent's template next to its other messages.
 */
export default class PactChoiceGroup extends LightningElement {
    /** The question, shown as the legend and naming the group of buttons. */
    @api label;
    /** [{ value, label }] in the order they are offered. */
    @api options = [];
    /** The chosen value; blank when none is. */
    @api value;
    @api required = false;
    @api disabled = false;
    /** A second press on the chosen button clears the choice. */
    @api clearable = false;

    requiredTitle = REQUIRED;

    get buttons() {
        return choiceButtons(this.options ?? [], this.value, 'slds-button pact-choice');
    }

    handleClick(event) {
        const pressed = event.currentTarget.dataset.value;
        const value = this.clearable && pressed === this.value ? '' : pressed;
        this.dispatchEvent(new CustomEvent('change', { detail: { value } }));
    }

    /**
     * For "focus the first field with a problem": the chosen button, else the first, so the rep can press at once.
     * While the buttons are disabled (a save still finishing) the group itself takes the focus, so it is not lost.
     */
    @api
    focus() {
        const buttons = [...this.template.querySelectorAll('button.pact-choice')].filter((button) => !button.disabled);
        const target =
            buttons.find((button) => button.getAttribute('aria-pressed') === 'true') ??
            buttons[0] ??
            this.template.querySelector('.pact-choices');
        target?.focus();
    }
}
