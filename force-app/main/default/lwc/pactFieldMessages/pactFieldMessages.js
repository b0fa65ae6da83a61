/**
 * Field messages on base components (lightning-input, -textarea, -combobox, -record-picker) through their own
 * constraint API: setCustomValidity + reportValidity. The component then shows the message under the field,
 * sets aria-invalid="true" on its input and points aria-describedby at the message, so a screen reader
 * announces the problem with the field. A separate paragraph beside the field could do neither.
 */

/**
 * Shows on every `[data-field]` base component of `template` the message `messageFor(field)` returns ('' or
 * undefined clears it). `shown` (a WeakMap kept by the form) remembers what each element shows, so a message is
 * reported once and not again on every render. Elements without the constraint API (c-pact-choice-group shows
 * its own `message`) are skipped.
 * @param {{ querySelectorAll: (selector: string) => Iterable<HTMLElement> }} template
 * @param {(field: string) => string | undefined} messageFor
 * @param {WeakMap<object, string>} shown
 */
export function showFieldMessages(template, messageFor, shown) {
    for (const element of template.querySelectorAll('[data-field]')) {
        if (typeof element.setCustomValidity !== 'function' || typeof element.reportValidity !== 'function') continue;
        const message = messageFor(element.dataset.field) || '';
        // A field seen for the first time without a problem is left alone: reporting it would show the base
        // component's own "Complete this field." on an empty required field the rep has not reached yet.
        if (!shown.has(element) && !message) {
            shown.set(element, '');
            continue;
        }
        if (shown.get(element) === message) continue;
        shown.set(element, message);
        element.setCustomValidity(message);
        element.reportValidity();
    }
}
