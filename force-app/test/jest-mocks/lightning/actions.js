// Jest stand-in for lightning/actions (no stub ships with sfdx-lwc-jest). Tests listen for 'close'.
export class CloseActionScreenEvent extends CustomEvent {
    constructor() {
        super('close', { bubbles: false, composed: false });
    }
}
