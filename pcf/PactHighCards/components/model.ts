/// <reference types="powerapps-component-framework" />
/**
 * Pure logic of the High Cards control: Dataverse option values, reading dataset rows, building the
 * createRecord payload and keeping drafts. The content rules come from the one PACT rulebook.
 */
import {
    ACTION_STATUSES,
    HIGH_CARD_KINDS,
    SENTIMENTS,
    THEMES,
    checkHighCard,
    deriveHeadline,
    isoDate
} from '../../../force-app/main/default/lwc/pactRules/pactRules';

export { HIGH_CARD_KINDS, THEMES, LIMITS } from '../../../force-app/main/default/lwc/pactRules/pactRules';

export const TABLE = 'pact_highcard';
export const PAGE_SIZE = 20;

/**
 * The columns readRow reads. init() adds them to the dataset (dataset.addColumn), so the control works
 * whatever view the subgrid is bound to; PACT's views list them too (a test checks both).
 */
export const CONTROL_COLUMNS = ['pact_name', 'pact_kind', 'pact_theme', 'pact_details', 'pact_occurredon'];

/** Dataverse option values for the publisher prefix pact (option value prefix 10000): 100000000 + position. */
export const OPTION_VALUE_BASE = 100000000;

export interface OptionSetDefinition {
    /** global option set / column logical name */
    name: string;
    labels: string[];
}

/** Every PACT choice column, in rulebook order. The solution packer writes the same values. */
export const OPTION_SETS: Record<'kind' | 'theme' | 'sentiment' | 'actionStatus', OptionSetDefinition> = {
    kind: { name: 'pact_kind', labels: HIGH_CARD_KINDS.map((p) => p.label) },
    theme: { name: 'pact_theme', labels: THEMES.map((p) => p.label) },
    sentiment: { name: 'pact_sentiment', labels: SENTIMENTS.map((p) => p.label) },
    actionStatus: { name: 'pact_actionstatus', labels: ACTION_STATUSES.map((p) => p.label) }
};

export const optionValue = (set: OptionSetDefinition, label: string): number => {
    const index = set.labels.indexOf(label);
    if (index < 0) throw new Error(`"${label}" is not a value of ${set.name}`);
    return OPTION_VALUE_BASE + index;
};

/** Label for a choice value as a dataset returns it: a number, a numeric string, or already a label. */
export const optionLabel = (set: OptionSetDefinition, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '';
    const numeric = typeof value === 'number' ? value : /^\d+$/.test(String(value)) ? Number(value) : NaN;
    if (!Number.isNaN(numeric)) return set.labels[numeric - OPTION_VALUE_BASE] ?? '';
    return set.labels.includes(String(value)) ? String(value) : '';
};

export interface HighCardRow {
    id: string;
    headline: string;
    kind: string;
    theme: string;
    details: string;
    occurredOn: string;
}

type DataSet = ComponentFramework.PropertyTypes.DataSet;
type EntityRecord = ComponentFramework.PropertyHelper.DataSetApi.EntityRecord;

const dateOnly = (value: unknown): string => {
    if (value instanceof Date) return isoDate(value);
    return typeof value === 'string' ? value.slice(0, 10) : '';
};

const textOf = (record: EntityRecord, column: string): string => {
    const value = record.getValue(column);
    return value === null || value === undefined ? '' : String(value);
};

export function readRow(record: EntityRecord): HighCardRow {
    return {
        id: record.getRecordId(),
        headline: textOf(record, 'pact_name'),
        kind: optionLabel(OPTION_SETS.kind, record.getValue('pact_kind')),
        theme: optionLabel(OPTION_SETS.theme, record.getValue('pact_theme')),
        details: textOf(record, 'pact_details'),
        occurredOn: dateOnly(record.getValue('pact_occurredon'))
    };
}

/** The loaded rows, newest first (the server sorts too; this keeps a page in order whatever the view says). */
export function readRows(dataset: DataSet): HighCardRow[] {
    const rows = dataset.sortedRecordIds.map((id) => readRow(dataset.records[id]));
    return rows
        .map((row, index) => ({ row, index }))
        .sort((a, b) => b.row.occurredOn.localeCompare(a.row.occurredOn) || a.index - b.index)
        .map(({ row }) => row);
}

export interface Filter {
    kind: string;
    theme: string;
}

/** Filters run on the server (dataset filtering), so paging stays correct. */
export function filterExpression(filter: Filter): ComponentFramework.PropertyHelper.DataSetApi.FilterExpression | null {
    const conditions: ComponentFramework.PropertyHelper.DataSetApi.ConditionExpression[] = [];
    if (filter.kind) {
        conditions.push({
            attributeName: OPTION_SETS.kind.name,
            conditionOperator: 0, // Equal
            value: String(optionValue(OPTION_SETS.kind, filter.kind))
        });
    }
    if (filter.theme) {
        conditions.push({
            attributeName: OPTION_SETS.theme.name,
            conditionOperator: 0,
            value: String(optionValue(OPTION_SETS.theme, filter.theme))
        });
    }
    return conditions.length ? { filterOperator: 0, conditions } : null; // 0 = And
}

export interface Draft {
    kind: string;
    details: string;
}

export const EMPTY_DRAFT: Draft = { kind: '', details: '' };

/** Rulebook messages for a draft (the same checks the Salesforce validation rules run). */
export function draftProblems(draft: Draft, today = isoDate()): string[] {
    return checkHighCard({ Kind__c: draft.kind, Details__c: draft.details, Occurred_On__c: today }, { today }).map(
        (v) => v.message
    );
}

export function createPayload(draft: Draft, accountId: string, today = isoDate()): ComponentFramework.WebApi.Entity {
    const details = draft.details.trim();
    return {
        pact_name: deriveHeadline(details),
        pact_kind: optionValue(OPTION_SETS.kind, draft.kind),
        pact_details: details,
        pact_occurredon: today,
        'pact_accountid@odata.bind': `/accounts(${accountId.replace(/[{}]/g, '').toLowerCase()})`
    };
}

/** Drafts live in localStorage per account until the server confirms the card. */
export const draftKey = (accountId: string): string => `pact.highCardDraft.${accountId || 'none'}`;

export function loadDraft(storage: Storage | undefined, accountId: string): Draft {
    try {
        const raw = storage?.getItem(draftKey(accountId));
        if (!raw) return { ...EMPTY_DRAFT };
        const parsed = JSON.parse(raw) as Partial<Draft>;
        return { kind: String(parsed.kind ?? ''), details: String(parsed.details ?? '') };
    } catch {
        return { ...EMPTY_DRAFT };
    }
}

export function saveDraft(storage: Storage | undefined, accountId: string, draft: Draft): void {
    try {
        if (!draft.kind && !draft.details) storage?.removeItem(draftKey(accountId));
        else storage?.setItem(draftKey(accountId), JSON.stringify(draft));
    } catch {
        // Storage full or blocked: the draft still lives in the component state.
    }
}

/** The reason a create failed, in words a rep can act on. */
export function failureReason(error: unknown): string {
    if (error && typeof error === 'object' && 'message' in error) {
        const message = (error as { message: unknown }).message;
        if (typeof message === 'string' && message.trim()) return message;
    }
    return typeof error === 'string' && error.trim() ? error : '';
}
