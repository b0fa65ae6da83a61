import { LightningElement, api } from 'lwc';
import { KIND_OPTIONS } from 'c/pactPicklists';
import outcome from '@salesforce/label/c.PACT_Planner_Outcome';
import closeForm from '@salesforce/label/c.PACT_Planner_Close_Form';
import saveOutcome from '@salesforce/label/c.PACT_Planner_Save_Outcome';
import keepAsCard from '@salesforce/label/c.PACT_Planner_Keep_As_Card';
import makeCard from '@salesforce/label/c.PACT_Planner_Make_Card';
import { handleFormKeys } from 'c/pactFormKeys';
import { showFieldMessages } from 'c/pactFieldMessages';

const LABELS = { outcome, closeForm };

/**
 * The outcome panel of one plan, the same for an upcoming plan (mark held, and perhaps keep the outcome as a
 * high card) and an earlier one (turn its outcome into a high card). It only shows what the planner holds and
 * tells it what the rep did: the planner keeps the words in its draft and saves them.
 *
 * Events, all bubbling so the planner listens once for both of its lists: `outcomechange` (detail.value),
 * `kindchange` (detail.kind, undefined when cleared), `outcomeclose`, `outcomesave`.
 */
const tell = (name, detail) => new CustomEvent(name, { detail, bubbles: true });

export default class PactOutcomePanel extends LightningElement {
    /**
     * @type {{ marksHeld: boolean, outcome: string, selectedKind?: string, errors: { outcome?: string, plan?: string,
     * card?: string }, serverError?: string, saving: boolean }}
     */
    @api state = { marksHeld: false, outcome: '', errors: {}, saving: false };

    labels = LABELS;

    /** Base component -> the message it shows (see pactFieldMessages). */
    shownMessages = new WeakMap();

    renderedCallback() {
        showFieldMessages(this.template, (field) => this.errors[field], this.shownMessages);
    }

    get errors() {
        return this.state.errors || {};
    }

    get groupClass() {
        return this.state.marksHeld ? 'kinds slds-var-m-top_x-small' : 'kinds';
    }

    /** Marking held needs no card; turning an earlier plan into a card needs its kind. */
    get kindRequired() {
        return !this.state.marksHeld;
    }

    get legend() {
        return this.state.marksHeld ? keepAsCard : makeCard;
    }

    get saveLabel() {
        return this.state.marksHeld ? saveOutcome : makeCard;
    }

    // Rulebook values, translated words (custom labels).
    kindOptions = KIND_OPTIONS;

    handleOutcomeChange(event) {
        this.dispatchEvent(tell('outcomechange', { value: event.detail.value ?? event.target.value }));
    }

    handleKindChange(event) {
        // A second press on the chosen kind clears it (the group is clearable): marking held without a card
        // stays possible.
        this.dispatchEvent(tell('kindchange', { kind: event.detail.value || undefined }));
    }

    handleClose() {
        this.dispatchEvent(tell('outcomeclose'));
    }

    handleSave() {
        this.dispatchEvent(tell('outcomesave'));
    }

    handleKeydown(event) {
        handleFormKeys(event, { save: () => this.handleSave(), close: () => this.handleClose() });
    }
}
