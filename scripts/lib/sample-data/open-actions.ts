/**
 * The sample open actions (config/sample-data/open-actions.json): a `sf data tree import` cannot set
 * User lookups, so no imported card waits on anyone. The local preview and `pact setup` both apply
 * this one definition after loading the sample data: each entry's card gets the running user as the
 * person who acts, an Open or In Progress status and a due date counted from the day it is applied.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OPEN_ACTION_STATUSES } from '../../../force-app/main/default/lwc/pactRules/pactRules.js';

export const OPEN_ACTIONS_FILE = 'open-actions.json';

export interface OpenActionEntry {
    /** The card's referenceId in High_Card__c.json (the preview finds it by this). */
    card: string;
    /** The card's Name and its account's Name (an org finds it by these). */
    name: string;
    account: string;
    status: string;
    /** Days from the day the actions are applied; negative = overdue. */
    dueInDays: number;
}

export interface OpenActionValues {
    Needs_Action_By__c: string;
    Action_Status__c: string;
    Action_Due__c: string;
}

const DAY = 86_400_000;

/** `day` (YYYY-MM-DD) moved by `days` calendar days. */
export function addDays(day: string, days: number): string {
    return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Today's date where this runs (YYYY-MM-DD), as the rep's calendar shows it. */
export function localToday(now = new Date()): string {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The fields an entry sets on its card, for the user who acts and the day it is applied. */
export function openActionValues(entry: OpenActionEntry, userId: string, today: string): OpenActionValues {
    return {
        Needs_Action_By__c: userId,
        Action_Status__c: entry.status,
        Action_Due__c: addDays(today, entry.dueInDays)
    };
}

/**
 * Reads and checks the definition. The text is returned too, so the preview can notice a change.
 * Throws an Error naming the file and the entry when something is wrong; a missing file is no actions.
 */
export function readOpenActions(sampleDir: string): { text: string; actions: OpenActionEntry[] } {
    const file = path.join(sampleDir, OPEN_ACTIONS_FILE);
    if (!fs.existsSync(file)) return { text: '', actions: [] };
    const text = fs.readFileSync(file, 'utf8');
    return { text, actions: parseOpenActions(text) };
}

export function parseOpenActions(text: string): OpenActionEntry[] {
    const fail = (why: string): never => {
        throw new Error(`Sample data ${OPEN_ACTIONS_FILE}: ${why}`);
    };
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (error) {
        return fail(`not valid JSON: ${(error as Error).message}`);
    }
    const actions = (parsed as { actions?: unknown } | null)?.actions;
    if (!Array.isArray(actions)) return fail('expected { "actions": [ ... ] }');
    const seen = new Set<string>();
    return actions.map((raw, index) => {
        const entry = (raw ?? {}) as Partial<Record<keyof OpenActionEntry, unknown>>;
        const where = `action ${index + 1}${typeof entry.card === 'string' ? ` (${entry.card})` : ''}`;
        for (const key of ['card', 'name', 'account'] as const) {
            if (typeof entry[key] !== 'string' || !String(entry[key]).trim()) fail(`${where} needs "${key}" as text`);
        }
        if (!OPEN_ACTION_STATUSES.includes(entry.status as string)) {
            fail(
                `${where}: "status" must be one of ${OPEN_ACTION_STATUSES.join(', ')}, not ${JSON.stringify(entry.status)}`
            );
        }
        if (!Number.isInteger(entry.dueInDays)) {
            fail(`${where}: "dueInDays" must be a whole number of days, not ${JSON.stringify(entry.dueInDays)}`);
        }
        if (seen.has(entry.card as string)) fail(`${where}: the card is named twice`);
        seen.add(entry.card as string);
        return {
            card: entry.card as string,
            name: entry.name as string,
            account: entry.account as string,
            status: entry.status as string,
            dueInDays: entry.dueInDays as number
        };
    });
}
