/** Visible words come from strings/PactHighCards.1033.resx through context.resources.getString. */
export interface Strings {
    get(key: string): string;
    /** Replaces {0}, {1}... in the string with the arguments. */
    format(key: string, ...args: string[]): string;
}

export function createStrings(resources: ComponentFramework.Resources): Strings {
    // A missing key shows itself rather than an empty label, so a test or a user notices.
    const get = (key: string): string => resources.getString(key) || key;
    return {
        get,
        format: (key, ...args) => get(key).replace(/\{(\d+)\}/g, (match, i: string) => args[Number(i)] ?? match)
    };
}
