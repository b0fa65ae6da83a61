/**
 * The server's own words from a failed uiRecordApi call or a GraphQL error list, so a rep sees
 * what the org said (a validation rule message, a missing permission) and never a generic error.
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
