// Preview shim for lightning/actions: there is no quick-action panel to close in the preview.
export class CloseActionScreenEvent extends CustomEvent {
    constructor() {
        super('lightning__actionsclosescreen', { bubbles: true, composed: true });
    }
}
