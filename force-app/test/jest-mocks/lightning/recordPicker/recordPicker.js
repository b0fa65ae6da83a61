// Jest mock of lightning-record-picker (same public properties as the sfdx-lwc-jest stub) that models the one
// behaviour the forms rely on for field messages: setCustomValidity + reportValidity show the message as the
// base component's help text. The real component (run in the preview's browser tests) also sets aria-invalid
// and aria-describedby on its input; see validity.js.
import { api } from 'lwc';
import ValidityMock from '../validity';

export default class RecordPicker extends ValidityMock {
    @api disabled;
    @api displayInfo;
    @api fieldLevelHelp;
    @api filter;
    @api label;
    @api matchingInfo;
    @api messageWhenBadInput;
    @api objectApiName;
    @api placeholder;
    @api required;
    @api value;
    @api variant;
    @api clearSelection() {}
}
