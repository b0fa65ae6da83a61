// Preview shim for lightning/platformShowToastEvent: the preview page shows the toast (app/main.js).
export class ShowToastEvent extends CustomEvent {
    constructor(toast) {
        super('lightning__showtoast', { composed: true, cancelable: true, bubbles: true, detail: toast });
    }
}
