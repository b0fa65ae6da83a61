// Jest stand-in for lightning/modal (no stub ships with sfdx-lwc-jest). Tests set what open() resolves to:
// LightningModal.open.mockResolvedValue('ok').
import { LightningElement } from 'lwc';

export default class LightningModal extends LightningElement {
    static open = jest.fn().mockResolvedValue(undefined);

    close(result) {
        this.dispatchEvent(new CustomEvent('close', { detail: result }));
    }
}
