// Jest mock of lightning-input (same public properties as the sfdx-lwc-jest stub) that models the one
// behaviour the forms rely on for field messages: setCustomValidity + reportValidity show the message as the
// base component's help text. The real component (run in the preview's browser tests) also sets aria-invalid
// and aria-describedby on its input; see validity.js.
import { api } from 'lwc';
import ValidityMock from '../validity';

export default class Input extends ValidityMock {
    @api accept;
    @api autocomplete;
    @api checked;
    @api dateAriaControls;
    @api dateAriaDescribedBy;
    @api dateAriaLabel;
    @api dateAriaLabelledBy;
    @api dateStyle;
    @api disabled;
    @api fieldLevelHelp;
    @api files;
    @api formatFractionDigits;
    @api formatter;
    @api isLoading;
    @api label;
    @api max;
    @api maxLength;
    @api messageToggleActive;
    @api messageToggleInactive;
    @api messageWhenBadInput;
    @api messageWhenPatternMismatch;
    @api messageWhenRangeOverflow;
    @api messageWhenRangeUnderflow;
    @api messageWhenStepMismatch;
    @api messageWhenTooLong;
    @api messageWhenTooShort;
    @api messageWhenTypeMismatch;
    @api messageWhenValueMissing;
    @api min;
    @api minLength;
    @api multiple;
    @api name;
    @api pattern;
    @api placeholder;
    @api readOnly;
    @api required;
    @api selectionEnd;
    @api selectionStart;
    @api step;
    @api timeAriaControls;
    @api timeAriaDescribedBy;
    @api timeAriaLabelledBy;
    @api timeStyle;
    @api timezone;
    @api type;
    @api validity;
    @api value;
    @api variant;
}
