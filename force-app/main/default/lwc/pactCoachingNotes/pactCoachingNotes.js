import { LightningElement, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import { createRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import COACHING_NOTE_OBJECT from '@salesforce/schema/Coaching_Note__c';
import REP_FIELD from '@salesforce/schema/Coaching_Note__c.Rep__c';
import MANAGER_FIELD from '@salesforce/schema/Coaching_Note__c.Manager__c';
import REASON_FIELD from '@salesforce/schema/Coaching_Note__c.Reason__c';
import PERIOD_START_FIELD from '@salesforce/schema/Coaching_Note__c.Period_Start__c';
import PERIOD_END_FIELD from '@salesforce/schema/Coaching_Note__c.Period_End__c';
import NOTE_FIELD from '@salesforce/schema/Coaching_Note__c.Note__c';
import USER_ID from '@salesforce/user/Id';
import { checkCoachingNote } from 'c/pactRules';
import { parseSaveError, serverMessage } from 'c/pactSaveErrors';
import { saveDraft, loadDraft, clearDraft } from 'c/pactDrafts';
import { formatLabel, formatDate } from 'c/pactFormat';
import LABELS, { REASON_OPTIONS } from './labels';
import { handleFormKeys } from 'c/pactFormKeys';
import { showFieldMessages } from 'c/pactFieldMessages';

// The notes where the current user is the rep or the manager, newest period first. Sharing already
// limits what anyone can read; the filter also keeps out notes a user sees through the role hierarchy,
// so this list is only ever the conversation between two people. Nothing here is counted.
const NOTES_QUERY = gql`
    query pactCoachingNotes($me: ID, $first: Int) {
        uiapi {
            query {
                Coaching_Note__c(
                    where: { or: [{ Rep__c: { eq: $me } }, { Manager__c: { eq: $me } }] }
                    orderBy: { Period_Start__c: { order: DESC, nulls: LAST }, CreatedDate: { order: DESC } }
                    first: $first
                ) {
                    edges {
                        node {
                            Id
                            Reason__c {
                                value
                                displayValue
                            }
                            Period_Start__c {
                                value
                            }
                            Period_End__c {
                                value
                            }
                            Note__c {
                                value
                            }
                            Rep__c {
                                value
                            }
                            Rep__r {
                                Name {
                                    value
                                }
                            }
                            Manager__r {
                                Name {
                                    value
                                }
                            }
                        }
                    }
                    pageInfo {
                        hasNextPage
                    }
                }
            }
        }
    }
`;

// The reps this user manages (User.ManagerId): the only people they may write a note about. A rep without
// reports gets none and sees no form, so nobody is offered to write about a colleague or an executive.
const REPORTS_QUERY = gql`
    query pactCoachingReports($manager: ID) {
        uiapi {
            query {
                User(
                    where: { and: [{ ManagerId: { eq: $manager } }, { IsActive: { eq: true } }] }
                    orderBy: { Name: { order: ASC } }
                    first: 200
                ) {
                    edges {
                        node {
                            Id
                            Name {
                                value
                            }
                            Title {
                                value
                            }
                        }
                    }
                }
            }
        }
    }
`;

export const PAGE_SIZE = 20;

// One coaching draft per user: the note not yet saved (it has no record id). pactDrafts keeps a coaching
// note draft while it holds words in `details`: the note is those words here.
const DRAFT_SCOPE = 'new';

// Where a message is shown. The rulebook and the server put "manager differs from rep" on Manager__c,
// which is always the current user: the rep picker is where it can be fixed.
const FIELD_SLOTS = {
    [REP_FIELD.fieldApiName]: REP_FIELD.fieldApiName,
    [MANAGER_FIELD.fieldApiName]: REP_FIELD.fieldApiName,
    [REASON_FIELD.fieldApiName]: REASON_FIELD.fieldApiName,
    [PERIOD_START_FIELD.fieldApiName]: PERIOD_START_FIELD.fieldApiName,
    [PERIOD_END_FIELD.fieldApiName]: PERIOD_END_FIELD.fieldApiName,
    [NOTE_FIELD.fieldApiName]: NOTE_FIELD.fieldApiName
};

const FOCUS_ORDER = [
    REP_FIELD.fieldApiName,
    REASON_FIELD.fieldApiName,
    PERIOD_START_FIELD.fieldApiName,
    PERIOD_END_FIELD.fieldApiName,
    NOTE_FIELD.fieldApiName
];

const value = (field) => (field ? (field.value ?? null) : null);

function periodText(start, end) {
    if (start && end) return formatLabel(LABELS.periodRange, formatDate(start), formatDate(end));
    if (start) return formatLabel(LABELS.periodFrom, formatDate(start));
    if (end) return formatLabel(LABELS.periodUntil, formatDate(end));
    return LABELS.noPeriod;
}

/** GraphQL node -> the note as the template shows it, named by the other person in the conversation. */
function toNote(node) {
    const iAmRep = value(node.Rep__c) === USER_ID;
    const other = iAmRep ? node.Manager__r : node.Rep__r;
    const otherName = other ? value(other.Name) : null;
    const reasonValue = value(node.Reason__c);
    return {
        id: node.Id,
        headingId: `note-${node.Id}`,
        reason: (node.Reason__c && node.Reason__c.displayValue) || reasonValue || LABELS.note,
        period: periodText(value(node.Period_Start__c), value(node.Period_End__c)),
        withText: otherName ? formatLabel(iAmRep ? LABELS.withManager : LABELS.withRep, otherName) : '',
        note: value(node.Note__c) || ''
    };
}

const emptyForm = () => ({ rep: '', reason: '', periodStart: '', periodEnd: '', details: '' });

export default class PactCoachingNotes extends LightningElement {
    labels = LABELS;

    notesResult;
    notes = [];
    hasMore = false;
    loaded = false;
    loadError;
    pageSize = PAGE_SIZE;

    /** May create notes (PACT_Manager), per the object info; the form also needs someone to write about. */
    createable = false;
    /** [{ value, label }] of the reps this user manages; undefined until the query answers. */
    reports;
    noAccess = false;
    form = emptyForm();
    fieldErrors = {};
    formErrors = [];
    saving = false;
    status;
    draftStorageFailed = false;

    connectedCallback() {
        const draft = loadDraft('coachingNote', USER_ID, DRAFT_SCOPE);
        if (draft) {
            const restored = emptyForm();
            for (const key of Object.keys(restored)) {
                if (typeof draft.values[key] === 'string') restored[key] = draft.values[key];
            }
            this.form = restored;
            this.status = LABELS.draftRestored;
        }
    }

    // Only users who may create notes (PACT_Manager) see the form; everyone else only reads.
    // A user without access to the object (an executive, an admin without PACT_Rep or PACT_Manager) gets an
    // error here and from the query: they read one plain sentence, not a server error.
    @wire(getObjectInfo, { objectApiName: COACHING_NOTE_OBJECT })
    wiredObjectInfo({ data, error }) {
        if (data) {
            this.createable = data.createable === true;
            this.noAccess = false;
        } else if (error) {
            this.createable = false;
            this.noAccess = true;
        }
    }

    get reportsVariables() {
        return { manager: USER_ID };
    }

    @wire(graphql, { query: REPORTS_QUERY, variables: '$reportsVariables' })
    wiredReports({ data, errors }) {
        if (data) {
            this.reports = (data.uiapi.query.User?.edges ?? []).map(({ node }) => {
                const name = value(node.Name) || node.Id;
                const title = value(node.Title);
                return { value: node.Id, label: title ? `${name} (${title})` : name, name };
            });
        } else if (errors) {
            // Without the list nobody can be chosen: no form, rather than a form that offers anyone.
            this.reports = [];
        }
    }

    /** A manager with reps to coach; everyone else reads the notes about them. */
    get canCreate() {
        return this.createable && Boolean(this.reports?.length);
    }

    get privacyText() {
        return this.canCreate ? LABELS.privacyManager : LABELS.privacy;
    }

    get emptyText() {
        return this.canCreate ? LABELS.emptyManager : LABELS.empty;
    }

    get repOptions() {
        return this.reports ?? [];
    }

    get variables() {
        return { me: USER_ID, first: this.pageSize };
    }

    @wire(graphql, { query: NOTES_QUERY, variables: '$variables' })
    wiredNotes(result) {
        this.notesResult = result;
        const { data, errors } = result || {};
        if (data) {
            const connection = data.uiapi.query.Coaching_Note__c;
            this.notes = connection.edges.map((edge) => toNote(edge.node));
            this.hasMore = Boolean(connection.pageInfo && connection.pageInfo.hasNextPage);
            this.loadError = undefined;
            this.loaded = true;
        } else if (errors) {
            this.loadError = formatLabel(LABELS.loadError, serverMessage(errors));
            this.loaded = true;
        }
    }

    /** Base component -> the message it shows (see pactFieldMessages). */
    shownMessages = new WeakMap();

    renderedCallback() {
        showFieldMessages(this.template, (field) => this.fieldErrors[field], this.shownMessages);
    }

    // --- what the template shows -------------------------------------------------------------
    get shownLoadError() {
        return this.noAccess ? undefined : this.loadError;
    }

    get isLoading() {
        return !this.loaded && !this.noAccess;
    }

    get showList() {
        return this.hasNotes && !this.noAccess;
    }

    get hasNotes() {
        return this.notes.length > 0;
    }

    get isEmpty() {
        return this.loaded && !this.loadError && !this.noAccess && this.notes.length === 0;
    }

    reasonOptions = REASON_OPTIONS;

    get reasonError() {
        return this.fieldErrors[REASON_FIELD.fieldApiName];
    }

    get hasFormErrors() {
        return this.formErrors.length > 0;
    }

    get repValue() {
        return this.form.rep || undefined;
    }

    // --- the form ------------------------------------------------------------------------------
    update(key, newValue, field) {
        this.form = { ...this.form, [key]: newValue ?? '' };
        if (this.fieldErrors[field]) {
            const rest = { ...this.fieldErrors };
            delete rest[field];
            this.fieldErrors = rest;
        }
        this.status = undefined;
        this.persistDraft();
    }

    persistDraft() {
        this.draftStorageFailed = !saveDraft('coachingNote', USER_ID, DRAFT_SCOPE, this.form);
    }

    handleRepChange(event) {
        this.update('rep', event.detail.value, REP_FIELD.fieldApiName);
    }

    handleReasonChange(event) {
        this.update('reason', event.detail.value, REASON_FIELD.fieldApiName);
    }

    handlePeriodStartChange(event) {
        this.update('periodStart', event.detail.value, PERIOD_START_FIELD.fieldApiName);
    }

    handlePeriodEndChange(event) {
        this.update('periodEnd', event.detail.value, PERIOD_END_FIELD.fieldApiName);
    }

    handleNoteChange(event) {
        this.update('details', event.detail.value ?? event.target.value, NOTE_FIELD.fieldApiName);
    }

    handleDiscard() {
        clearDraft('coachingNote', USER_ID, DRAFT_SCOPE);
        this.form = emptyForm();
        this.fieldErrors = {};
        this.formErrors = [];
        this.status = undefined;
    }

    handleKeyDown(event) {
        handleFormKeys(event, { save: () => this.save() });
    }

    handleSubmit(event) {
        event.preventDefault();
        this.save();
    }

    buildFields() {
        const blankToNull = (text) => (text ? text : null);
        return {
            [REP_FIELD.fieldApiName]: blankToNull(this.form.rep),
            [MANAGER_FIELD.fieldApiName]: USER_ID,
            [REASON_FIELD.fieldApiName]: blankToNull(this.form.reason),
            [PERIOD_START_FIELD.fieldApiName]: blankToNull(this.form.periodStart),
            [PERIOD_END_FIELD.fieldApiName]: blankToNull(this.form.periodEnd),
            // The words are stored as typed; only surrounding blank lines go.
            [NOTE_FIELD.fieldApiName]: this.form.details.trim()
        };
    }

    /** What only this form asks for, then the rulebook (the same rules the server enforces). */
    validate(fields) {
        const errors = {};
        const add = (field, message) => {
            const slot = FIELD_SLOTS[field] ?? REP_FIELD.fieldApiName;
            (errors[slot] ??= []).push(message);
        };
        const rep = fields[REP_FIELD.fieldApiName];
        if (!rep) add(REP_FIELD.fieldApiName, LABELS.repRequired);
        // A restored draft may name someone who no longer reports to this manager (the rulebook speaks for "me").
        else if (rep !== USER_ID && !this.repOptions.some((option) => option.value === rep)) {
            add(REP_FIELD.fieldApiName, LABELS.repNotManaged);
        }
        if (!fields[REASON_FIELD.fieldApiName]) add(REASON_FIELD.fieldApiName, LABELS.reasonRequired);
        if (!fields[NOTE_FIELD.fieldApiName]) add(NOTE_FIELD.fieldApiName, LABELS.noteRequired);
        for (const violation of checkCoachingNote(fields)) add(violation.field, violation.message);
        return errors;
    }

    async save() {
        if (this.saving) return;
        const fields = this.buildFields();
        const errors = this.validate(fields);
        this.fieldErrors = Object.fromEntries(Object.entries(errors).map(([slot, list]) => [slot, list.join(' ')]));
        this.formErrors = [];
        this.status = undefined;
        if (Object.keys(errors).length > 0) {
            this.focusFirstProblem();
            return;
        }

        this.saving = true;
        // Written again before the request, so even a crash mid-save keeps the words.
        this.persistDraft();
        try {
            await createRecord({ apiName: COACHING_NOTE_OBJECT.objectApiName, fields });
        } catch (error) {
            this.showSaveError(error);
            this.saving = false;
            return;
        }
        // Only now, with the server's yes, is the draft let go.
        clearDraft('coachingNote', USER_ID, DRAFT_SCOPE);
        const repName = this.repOptions.find((option) => option.value === fields[REP_FIELD.fieldApiName])?.name;
        this.form = emptyForm();
        this.fieldErrors = {};
        this.draftStorageFailed = false;
        // What the sharing flow grants, no more (see the header): the rep reads it, the manager edits it.
        this.status = formatLabel(LABELS.saved, repName);
        this.saving = false;
        await this.refresh();
    }

    /** Moves focus to where the manager has to act, top of the form first, once the messages are drawn. */
    focusFirstProblem() {
        Promise.resolve().then(() => {
            const field = FOCUS_ORDER.find((name) => this.fieldErrors[name]);
            // The reason's group of buttons focuses its own button (see pactChoiceGroup).
            const target = field ? this.template.querySelector(`[data-field="${field}"]`) : null;
            if (target && typeof target.focus === 'function') target.focus();
        });
    }

    showSaveError(error) {
        const parsed = parseSaveError(error);
        if (parsed.network) {
            this.formErrors = [{ key: 'offline', message: LABELS.offline }];
            return;
        }
        const fieldErrors = {};
        const formMessages = [];
        for (const [field, messages] of Object.entries(parsed.fieldErrors)) {
            const slot = FIELD_SLOTS[field];
            if (slot) fieldErrors[slot] = [fieldErrors[slot], ...messages].filter(Boolean).join(' ');
            else formMessages.push(...messages);
        }
        formMessages.push(...parsed.formErrors);
        this.fieldErrors = fieldErrors;
        this.focusFirstProblem();
        this.formErrors = formMessages.map((message, index) => ({
            key: `e${index}`,
            message: formatLabel(LABELS.saveFailed, message)
        }));
        if (this.formErrors.length === 0 && Object.keys(fieldErrors).length === 0) {
            this.formErrors = [{ key: 'e0', message: formatLabel(LABELS.saveFailed, '') }];
        }
    }

    handleShowOlder() {
        this.pageSize += PAGE_SIZE;
    }

    async refresh() {
        // lightning/graphql hands each wire result its own refresh(); refreshGraphQL is the deprecated
        // lightning/uiGraphQLApi way.
        if (!this.notesResult || typeof this.notesResult.refresh !== 'function') return;
        try {
            await this.notesResult.refresh();
        } catch (error) {
            this.loadError = formatLabel(LABELS.loadError, serverMessage(error));
        }
    }
}
