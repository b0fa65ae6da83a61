import { LightningElement, api } from 'lwc';
import { choiceButtons } from 'c/pactPicklists';
import REQUIRED from '@salesforce/label/c.PACT_Choice_Required';

const NEXT_KEYS = ['ArrowRight', 'ArrowDown'];
const PREVIOUS_KEYS = ['ArrowLeft', 'ArrowUp'];

/**
 * A short picklist as ONE radio group (PACT offers short picklists as buttons, not dropdowns), keyboard as the
 * WAI-ARIA Authoring Practices radio group: a single tab stop (the checked option, else the first); arrow keys
 * move and check, wrapping; Home and End; Space (a native button click) checks; a typed letter moves to and checks the next option whose
 * words start with it, so "r" is Request. Each option is a native button with role="radio", so a click or a tap
 * checks it and it keeps the look of the SLDS buttons.
 *
 * It holds no value of its own: a choice fires `change` with detail.value (the checked value, or '' when a
 * clearable group's checked option is pressed again) and the parent passes the new value back in.
 * The field's message comes in as `message`: the group shows it, marks itself aria-invalid and points
 * aria-describedby at it, so a screen reader hears the problem with the question.
 */
export default class PactChoiceGroup extends LightningElement {
    /** The question, shown as the legend and naming the radio group. */
    @api label;
    /** [{ value, label }] in the order they are offered. */
    @api options = [];
    /** The chosen value; blank when none is. */
    @api value;
    @api required = false;
    @api disabled = false;
    /** A second press (click or Space) on the checked option clears the choice. */
    @api clearable = false;
    /** The problem with this field, shown under the options; blank when there is none. */
    @api message;

    requiredTitle = REQUIRED;

    get radios() {
        return choiceButtons(this.options ?? [], this.value, 'slds-button pact-choice');
    }

    get ariaInvalid() {
        return this.message ? 'true' : 'false';
    }

    get describedBy() {
        return this.message ? 'message' : undefined;
    }

    get ariaRequired() {
        return this.required ? 'true' : 'false';
    }

    get ariaDisabled() {
        return this.disabled ? 'true' : undefined;
    }

    /** While the options are disabled (a save finishing) the group itself can hold the focus. */
    get groupTabIndex() {
        return this.disabled ? '-1' : undefined;
    }

    get buttons() {
        return [...this.template.querySelectorAll('button.pact-choice')];
    }

    handleClick(event) {
        this.choose(event.currentTarget.dataset.value, true);
    }

    handleKeyDown(event) {
        if (this.disabled || event.ctrlKey || event.metaKey || event.altKey) return;
        const options = this.options ?? [];
        if (!options.length) return;
        const current = options.findIndex((option) => option.value === event.target?.dataset?.value);
        const from =
            current >= 0
                ? current
                : Math.max(
                      0,
                      options.findIndex((o) => o.value === this.value)
                  );
        let to;
        if (NEXT_KEYS.includes(event.key)) to = (from + 1) % options.length;
        else if (PREVIOUS_KEYS.includes(event.key)) to = (from - 1 + options.length) % options.length;
        else if (event.key === 'Home') to = 0;
        else if (event.key === 'End') to = options.length - 1;
        else if (event.key.length === 1 && /\S/.test(event.key)) {
            to = this.indexByInitial(event.key, from);
            if (to < 0) return;
        } else {
            // Space and Enter click the native button (handleClick); Tab leaves the group.
            return;
        }
        event.preventDefault();
        this.choose(options[to].value, false);
        this.focusValue(options[to].value);
    }

    /** The next option after `from` whose words start with the letter, wrapping; -1 when none does. */
    indexByInitial(letter, from) {
        const options = this.options ?? [];
        const wanted = letter.toLocaleLowerCase();
        for (let step = 1; step <= options.length; step++) {
            const index = (from + step) % options.length;
            if (
                String(options[index].label ?? '')
                    .trim()
                    .toLocaleLowerCase()
                    .startsWith(wanted)
            )
                return index;
        }
        return -1;
    }

    choose(value, pressedAgainClears) {
        const next = this.clearable && pressedAgainClears && value === this.value ? '' : value;
        if (next === this.value && !pressedAgainClears) return;
        this.dispatchEvent(new CustomEvent('change', { detail: { value: next } }));
    }

    focusValue(value) {
        // The parent passes the value back in on the same tick; focus the option now, it is already rendered.
        this.buttons.find((button) => button.dataset.value === value)?.focus();
    }

    /**
     * For "focus the first field with a problem" and for shortcuts to the form: the group's tab stop (the checked
     * option, else the first). While the options are disabled the group itself takes the focus, so it is not lost.
     */
    @api
    focus() {
        const buttons = this.buttons.filter((button) => !button.disabled);
        const target =
            buttons.find((button) => button.getAttribute('aria-checked') === 'true') ??
            buttons[0] ??
            this.template.querySelector('.pact-choices');
        target?.focus();
    }
}
