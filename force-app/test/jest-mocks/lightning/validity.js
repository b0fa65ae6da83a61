// The constraint API that lightning-input, -textarea, -combobox and -record-picker share, for the jest mocks
// beside this file: a custom message set with setCustomValidity is shown by reportValidity as the help text,
// which the real components render with aria-invalid="true" on their input and aria-describedby pointing at it.
import { LightningElement, api, track } from 'lwc';

export default class ValidityMock extends LightningElement {
    @track state = { custom: '', shown: '' };

    /** What the component shows under the field right now ('' when nothing). */
    @api
    get helpMessage() {
        return this.state.shown;
    }

    @api setCustomValidity(message) {
        this.state.custom = message ?? '';
    }

    @api checkValidity() {
        return !this.state.custom;
    }

    @api reportValidity() {
        this.state.shown = this.state.custom;
        return !this.state.custom;
    }

    @api showHelpMessageIfInvalid() {
        this.reportValidity();
    }
}
