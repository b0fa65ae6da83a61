/**
 * The keyboard convention of every PACT form, kept in one place so the forms cannot drift apart:
 * Ctrl+Enter (Cmd+Enter on a Mac) saves from any field, Escape closes a form that can be closed.
 * A plain Enter is left alone: it starts a new line in a text area.
 *
 * @param {KeyboardEvent} event the keydown event of the form
 * @param {{ save?: () => unknown, close?: () => unknown }} actions what this form can do
 * @returns {boolean} true when the key was a shortcut of this form and has been handled
 */
export function handleFormKeys(event, { save, close } = {}) {
    if (save && event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        save();
        return true;
    }
    if (close && event.key === 'Escape') {
        // Only this form closes, not a dialog or panel around it.
        event.stopPropagation();
        close();
        return true;
    }
    return false;
}
