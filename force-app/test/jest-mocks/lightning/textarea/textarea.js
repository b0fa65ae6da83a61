// Jest mock of lightning-textarea (same public properties as the sfdx-lwc-jest stub) that models the one
// behaviour the forms rely on for field messages: setCustomValidity + reportValidity show the message as the
// base component's help text. The real component (run in the preview's browser tests) also sets aria-invalid
// and aria-describedby on its input; see validity.js.
import { api } from 'lwc';
import ValidityMock from '../validity';

export default class Textarea extends ValidityMock {
    @api autocomplete;
    @api disabled;
    @api fieldLevelHelp;
    @api label;
    @api maxLength;
    @api messageWhenBadInput;
    @api messageWhenTooLong;
    @api messageWhenTooShort;
    @api messageWhenValueMissing;
    @api minLength;
    @api name;
    @api placeholder;
    @api readOnly;
    @api required;
    @api validity;
    @api value;
    @api variant;
    @api setRangeText() {}
}
