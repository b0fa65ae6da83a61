import { handleFormKeys } from 'c/pactFormKeys';

const key = (init) => new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });

describe('c/pactFormKeys', () => {
    it('saves with Ctrl+Enter and Cmd+Enter, and keeps the Enter from reaching the field', () => {
        const save = jest.fn();
        const ctrl = key({ key: 'Enter', ctrlKey: true });
        expect(handleFormKeys(ctrl, { save })).toBe(true);
        expect(ctrl.defaultPrevented).toBe(true);
        expect(handleFormKeys(key({ key: 'Enter', metaKey: true }), { save })).toBe(true);
        expect(save).toHaveBeenCalledTimes(2);
    });

    it('leaves a plain Enter, Shift+Enter and other keys to the field', () => {
        const save = jest.fn();
        const close = jest.fn();
        for (const init of [{ key: 'Enter' }, { key: 'Enter', shiftKey: true }, { key: 'a', ctrlKey: true }]) {
            const event = key(init);
            expect(handleFormKeys(event, { save, close })).toBe(false);
            expect(event.defaultPrevented).toBe(false);
        }
        expect(save).not.toHaveBeenCalled();
        expect(close).not.toHaveBeenCalled();
    });

    it('closes with Escape without closing what is around the form', () => {
        const close = jest.fn();
        const outer = jest.fn();
        const form = document.createElement('form');
        document.body.appendChild(form);
        document.body.addEventListener('keydown', outer);
        form.addEventListener('keydown', (event) => handleFormKeys(event, { close }));
        form.dispatchEvent(key({ key: 'Escape' }));
        expect(close).toHaveBeenCalledTimes(1);
        expect(outer).not.toHaveBeenCalled();
        document.body.removeEventListener('keydown', outer);
        form.remove();
    });

    it('only does what the form offers: Escape does nothing in a form that cannot be closed', () => {
        const save = jest.fn();
        const event = key({ key: 'Escape' });
        expect(handleFormKeys(event, { save })).toBe(false);
        expect(handleFormKeys(key({ key: 'Enter', ctrlKey: true }))).toBe(false);
        expect(save).not.toHaveBeenCalled();
    });
});
