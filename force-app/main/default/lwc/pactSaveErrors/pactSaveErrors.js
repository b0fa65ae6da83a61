/**
 * Turns a rejected uiRecordApi call into messages a rep can act on, next to the field they concern.
 * Shapes handled (Lightning Data Service / UI API):
 *  - { body: { message, output: { errors: [{ message }], fieldErrors: { Field__c: [{ message }] } } } }
 *  - { body: [{ message, errorCode }] }
 *  - { body: { message } }
 *  - a TypeError or a body-less error: the request never reached the server (offline, dropped connection)
 */

/**
 * @param {unknown} error
 * @returns {{ network: boolean, fieldErrors: Record<string, string[]>, formErrors: string[] }}
 */
export function parseSaveError(error) {
    const result = { network: false, fieldErrors: {}, formErrors: [] };
    const body = error && typeof error === 'object' ? error.body : undefined;
    const status = error && typeof error === 'object' ? error.status : undefined;
    const noResponse = !(error instanceof Error) && !body && (status === undefined || status === 0);
    if (error instanceof TypeError || noResponse) {
        result.network = true;
        return result;
    }
    const addForm = (message) => {
        if (message && !result.formErrors.includes(message)) result.formErrors.push(String(message));
    };
    const bodies = Array.isArray(body) ? body : [body];
    for (const item of bodies) {
        if (!item || typeof item !== 'object') {
            addForm(typeof item === 'string' ? item : '');
            continue;
        }
        const output = item.output;
        if (output && typeof output === 'object') {
            for (const [field, errors] of Object.entries(output.fieldErrors ?? {})) {
                for (const fieldError of Array.isArray(errors) ? errors : []) {
                    if (!fieldError?.message) continue;
                    (result.fieldErrors[field] ??= []).push(String(fieldError.message));
                }
            }
            for (const formError of Array.isArray(output.errors) ? output.errors : []) addForm(formError?.message);
        }
        // The top-level message repeats the first output error; show it only when nothing more specific exists.
        if (Object.keys(result.fieldErrors).length === 0 && result.formErrors.length === 0) addForm(item.message);
    }
    if (Object.keys(result.fieldErrors).length === 0 && result.formErrors.length === 0) {
        addForm(error instanceof Error ? error.message : '');
    }
    return result;
}

/**
 * The server's own words from a failed uiRecordApi call or a GraphQL error list, as one sentence for a
 * load or save message (parseSaveError places them by field instead), so a rep sees what the org said
 * (a validation rule message, a missing permission) and never a generic error.
 * @param {any} error  a fetch-style error ({ body: { message, output: { errors, fieldErrors } } }),
 *                     an Error, an array of GraphQL errors, or a string
 * @returns {string}
 */
export function serverMessage(error) {
    if (!error) return '';
    if (Array.isArray(error)) return error.map(serverMessage).filter(Boolean).join(' ');
    if (typeof error === 'string') return error;
    const body = error.body;
    if (body) {
        if (Array.isArray(body))
            return body
                .map((item) => item.message)
                .filter(Boolean)
                .join(' ');
        const output = body.output;
        const messages = [];
        if (output) {
            (output.errors || []).forEach((item) => messages.push(item.message));
            Object.values(output.fieldErrors || {}).forEach((list) =>
                list.forEach((item) => messages.push(item.message))
            );
        }
        if (messages.length) return messages.filter(Boolean).join(' ');
        if (body.message) return body.message;
    }
    return error.message || String(error);
}
