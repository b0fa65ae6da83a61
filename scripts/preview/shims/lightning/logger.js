// Preview shim for lightning/logger: messages go to the browser console.
export function log(message) {
    console.info('[lightning/logger]', message);
}
