import { LightningElement, api, wire } from 'lwc';
import { createRecord, getRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { CloseActionScreenEvent } from 'lightning/actions';
import { publish, MessageContext } from 'lightning/messageService';
import HIGH_CARD_SAVED from '@salesforce/messageChannel/PACT_High_Card_Saved__c';
import USER_ID from '@salesforce/user/Id';
import HIGH_CARD_OBJECT from '@salesforce/schema/High_Card__c';
import NAME_FIELD from '@salesforce/schema/High_Card__c.Name';
import ACCOUNT_FIELD from '@salesforce/schema/High_Card__c.Account__c';
import CONTACT_FIELD from '@salesforce/schema/High_Card__c.Contact__c';
import OPPORTUNITY_FIELD from '@salesforce/schema/High_Card__c.Opportunity__c';
import KIND_FIELD from '@salesforce/schema/High_Card__c.Kind__c';
import DETAILS_FIELD from '@salesforce/schema/High_Card__c.Details__c';
import THEME_FIELD from '@salesforce/schema/High_Card__c.Theme__c';
import SENTIMENT_FIELD from '@salesforce/schema/High_Card__c.Sentiment__c';
import OCCURRED_ON_FIELD from '@salesforce/schema/High_Card__c.Occurred_On__c';
import NEEDS_ACTION_BY_FIELD from '@salesforce/schema/High_Card__c.Needs_Action_By__c';
import ACTION_DUE_FIELD from '@salesforce/schema/High_Card__c.Action_Due__c';
import ACTION_STATUS_FIELD from '@salesforce/schema/High_Card__c.Action_Status__c';
import { checkHighCard, deriveHeadline, LIMITS } from 'c/pactRules';
import { KIND_OPTIONS, THEME_OPTIONS, SENTIMENT_OPTIONS } from 'c/pactPicklists';
import { saveDraft, loadDraft, clearDraft } from 'c/pactDrafts';
import { parseSaveError } from 'c/pactSaveErrors';
import { formatLabel, formatDateTime, todayInTimeZone } from 'c/pactFormat';
import TITLE from '@salesforce/label/c.PACT_Composer_Title';
import KIND_LABEL from '@salesforce/label/c.PACT_Composer_Kind';
import KIND_REQUIRED from '@salesforce/label/c.PACT_Composer_Kind_Required';
import DETAILS_LABEL from '@salesforce/label/c.PACT_Composer_Details';
import DETAILS_PLACEHOLDER from '@salesforce/label/c.PACT_Composer_Details_Placeholder';
import HEADLINE_LABEL from '@salesforce/label/c.PACT_Composer_Headline';
import HEADLINE_HELP from '@salesforce/label/c.PACT_Composer_Headline_Help';
import HEADLINE_TOO_LONG from '@salesforce/label/c.PACT_Composer_Headline_Too_Long';
import THEME_LABEL from '@salesforce/label/c.PACT_Composer_Theme';
import SENTIMENT_LABEL from '@salesforce/label/c.PACT_Composer_Sentiment';
import NONE_LABEL from '@salesforce/label/c.PACT_Composer_None';
import ACCOUNT_LABEL from '@salesforce/label/c.PACT_Composer_Account';
import ACCOUNT_REQUIRED from '@salesforce/label/c.PACT_Composer_Account_Required';
import CONTACT_LABEL from '@salesforce/label/c.PACT_Composer_Contact';
import OPPORTUNITY_LABEL from '@salesforce/label/c.PACT_Composer_Opportunity';
import NEEDS_ACTION_BY_LABEL from '@salesforce/label/c.PACT_Composer_Needs_Action_By';
import ACTION_DUE_LABEL from '@salesforce/label/c.PACT_Composer_Action_Due';
import OCCURRED_ON_LABEL from '@salesforce/label/c.PACT_Composer_Occurred_On';
import SAVE_LABEL from '@salesforce/label/c.PACT_Composer_Save';
import SAVING_LABEL from '@salesforce/label/c.PACT_Composer_Saving';
import SAVE_HINT from '@salesforce/label/c.PACT_Composer_Save_Hint';
import SAVED_TOAST from '@salesforce/label/c.PACT_Composer_Saved';
import NOT_SAVED from '@salesforce/label/c.PACT_Composer_Not_Saved';
import NOT_SAVED_NETWORK from '@salesforce/label/c.PACT_Composer_Not_Saved_Network';
import DRAFT_OFFER from '@salesforce/label/c.PACT_Composer_Draft_Offer';
import DRAFT_RESTORE from '@salesforce/label/c.PACT_Composer_Draft_Restore';
import DRAFT_DISCARD from '@salesforce/label/c.PACT_Composer_Draft_Discard';
import DRAFT_NOT_KEPT from '@salesforce/label/c.PACT_Composer_Draft_Not_Kept';
import MORE_DETAILS from '@salesforce/label/c.PACT_Composer_More_Details';
import SAVED_ANNOUNCEMENT from '@salesforce/label/c.PACT_Composer_Saved_Announcement';
import { handleFormKeys } from 'c/pactFormKeys';
import { loadPreference, savePreference } from 'c/pactPreferences';
import { showFieldMessages } from 'c/pactFieldMessages';
import { pageAccount, pageAccountFields } from 'c/pactPageAccount';

/** Behind "More details": everything but the customer, the kind and the words, with their draft keys. */
const MORE_DETAIL_FIELDS = [
    [NAME_FIELD, 'headline'],
    [THEME_FIELD, 'theme'],
    [SENTIMENT_FIELD, 'sentiment'],
    [CONTACT_FIELD, 'contactId'],
    [OPPORTUNITY_FIELD, 'opportunityId'],
    [NEEDS_ACTION_BY_FIELD, 'needsActionById'],
    [ACTION_DUE_FIELD, 'actionDue'],
    [OCCURRED_ON_FIELD, 'occurredOn']
];
const MORE_FIELDS = MORE_DETAIL_FIELDS.map(([field]) => field.fieldApiName);
const MORE_DRAFT_KEYS = MORE_DETAIL_FIELDS.map(([, key]) => key);

/** What the draft keeps: everything the rep entered, so a restore gives back the whole card. */
const DRAFT_KEYS = ['kind', 'details', ...MORE_DRAFT_KEYS, 'pickedAccountId'];

/** The form's fields top to bottom, for moving focus to the first problem; a server message about any other
 * field is shown above the Save button. */
const FOCUS_ORDER = [ACCOUNT_FIELD.fieldApiName, KIND_FIELD.fieldApiName, DETAILS_FIELD.fieldApiName, ...MORE_FIELDS];
const SHOWN_FIELDS = FOCUS_ORDER;

/** Alt+Shift+H, anywhere on the page, brings the keyboard to the composer ("H" for high card). */
const isComposerShortcut = (event) =>
    event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyH';

/** Composers on the page, first connected first: the shortcut goes to the first one. */
const composersOnPage = [];

export default class PactHighCardComposer extends LightningElement {
    /** The record of the page (Account, Contact or Opportunity), or of the quick action. */
    @api recordId;
    @api objectApiName;
    /** Set by pactCustomerHub, which already knows the account; standalone the composer works it out. */
    @api accountId;
    /** [{ value, label }] from pactCustomerHub; without them the rep picks from all records. */
    @api contacts;
    @api opportunities;

    /** Who the card names unless the rep changes it, e.g. the contact of the case on a Case page. */
    @api
    get defaultContactId() {
        return this._defaultContactId;
    }
    set defaultContactId(value) {
        this.applyDefaultContact(value);
    }
    _defaultContactId;

    labels = {
        title: TITLE,
        kind: KIND_LABEL,
        details: DETAILS_LABEL,
        detailsPlaceholder: DETAILS_PLACEHOLDER,
        headline: HEADLINE_LABEL,
        headlineHelp: HEADLINE_HELP,
        theme: THEME_LABEL,
        sentiment: SENTIMENT_LABEL,
        account: ACCOUNT_LABEL,
        contact: CONTACT_LABEL,
        opportunity: OPPORTUNITY_LABEL,
        needsActionBy: NEEDS_ACTION_BY_LABEL,
        actionDue: ACTION_DUE_LABEL,
        occurredOn: OCCURRED_ON_LABEL,
        saveHint: SAVE_HINT,
        restore: DRAFT_RESTORE,
        discard: DRAFT_DISCARD,
        notSaved: NOT_SAVED,
        notSavedNetwork: NOT_SAVED_NETWORK,
        draftNotKept: DRAFT_NOT_KEPT,
        moreDetails: MORE_DETAILS
    };

    kind = '';
    details = '';
    headline = '';
    theme = '';
    sentiment = '';
    contactId = '';
    opportunityId = '';
    needsActionById = '';
    actionDue = '';
    // Today where the rep is (their Salesforce time zone), not where the laptop's clock is set.
    occurredOn = todayInTimeZone();
    pickedAccountId = '';

    /** field API name -> messages */
    fieldErrors = {};
    formErrors = [];
    networkError = false;
    saving = false;
    /** A draft found on load, waiting for Restore or Discard. */
    pendingDraft = null;
    draftStorageFailed = false;
    lookedUpAccountId;
    /** "More details" open: the rep's own choice (remembered), or opened because a field in it has a problem. */
    moreOpen = false;
    /** Read by screen readers (role=status) after a save; the new card itself shows in the briefing and timeline. */
    savedAnnouncement = '';
    /** Base field element -> the message it shows, so each message is reported once. */
    shownMessages = new WeakMap();

    connectedCallback() {
        this.moreOpen = loadPreference(USER_ID, 'moreDetails', false);
        composersOnPage.push(this);
        this.shortcutListener = (event) => {
            if (isComposerShortcut(event) && composersOnPage[0] === this) {
                event.preventDefault();
                this.focus();
            }
        };
        window.addEventListener('keydown', this.shortcutListener);
        // On a contact or opportunity page the card names that person or deal unless the rep changes it.
        if (this.objectApiName === 'Contact') this.contactId = this.recordId;
        if (this.objectApiName === 'Opportunity') this.opportunityId = this.recordId;
        this.pendingDraft = loadDraft('highCard', USER_ID, this.draftRecordId);
    }

    disconnectedCallback() {
        window.removeEventListener('keydown', this.shortcutListener);
        const index = composersOnPage.indexOf(this);
        if (index >= 0) composersOnPage.splice(index, 1);
    }

    /** Field messages go through the base components' own constraint API (aria-invalid, aria-describedby). */
    renderedCallback() {
        showFieldMessages(this.template, (field) => this.errorFor({ fieldApiName: field }), this.shownMessages);
    }

    /**
     * The first thing to decide: the kind (or, on a page without a customer, the customer still to pick), for the
     * shortcut, the hub's skip link and after a save; the draft offer while one waits.
     */
    @api
    focus() {
        const target =
            (!this.pickedAccountId && this.template.querySelector('lightning-record-picker.pact-account')) ||
            this.template.querySelector('c-pact-choice-group[data-field="Kind__c"]') ||
            this.template.querySelector('button.pact-restore');
        target?.focus();
    }

    @wire(MessageContext) messageContext;

    // Standalone on a contact, opportunity or case page: the account comes from the page record (cached by the
    // page); on a case the card names the case's contact unless the rep changes it.
    @wire(getRecord, { recordId: '$accountLookupRecordId', fields: '$accountLookupFields' })
    wiredPageRecord({ data }) {
        if (!data) return;
        const { accountId, contactId } = pageAccount(this.objectApiName, data);
        this.lookedUpAccountId = accountId || undefined;
        if (contactId) this.applyDefaultContact(contactId);
    }

    /** Arrives after the page record loads: it fills an empty choice, never one the rep (or a draft) made. */
    applyDefaultContact(value) {
        if (!this.contactId || this.contactId === this._defaultContactId) this.contactId = value || '';
        this._defaultContactId = value;
    }

    get accountLookupRecordId() {
        return this.accountId || !this.accountLookupFields ? undefined : this.recordId;
    }

    get accountLookupFields() {
        return pageAccountFields(this.objectApiName);
    }

    get effectiveAccountId() {
        if (this.accountId) return this.accountId;
        if (this.objectApiName === 'Account' && this.recordId) return this.recordId;
        return this.lookedUpAccountId || this.pickedAccountId || undefined;
    }

    get draftRecordId() {
        return this.recordId || this.accountId || 'no-record';
    }

    /** Home and app pages have no customer in context: the rep picks one. */
    get needsAccountPicker() {
        return !this.accountId && !this.recordId;
    }

    // ---- view models -----------------------------------------------------------------------

    kindOptions = KIND_OPTIONS;
    sentimentOptions = SENTIMENT_OPTIONS;

    get themeOptions() {
        return [{ value: '', label: NONE_LABEL }, ...THEME_OPTIONS];
    }

    /**
     * The contact and the opportunity are picked the same way: from the hub's list of this customer's records
     * when there is one (no extra request), else by searching within the customer.
     */
    get relatedPickers() {
        const picker = (field, objectApiName, className, label, options, value) => ({
            field: field.fieldApiName,
            objectApiName,
            className,
            label,
            hasOptions: Array.isArray(options),
            options: [{ value: '', label: NONE_LABEL }, ...(options ?? [])],
            value,
            error: this.errorFor(field)
        });
        return [
            picker(CONTACT_FIELD, 'Contact', 'pact-contact', this.labels.contact, this.contacts, this.contactId),
            picker(
                OPPORTUNITY_FIELD,
                'Opportunity',
                'pact-opportunity',
                this.labels.opportunity,
                this.opportunities,
                this.opportunityId
            )
        ];
    }

    get accountFilter() {
        const accountId = this.effectiveAccountId;
        return accountId ? { criteria: [{ fieldPath: 'AccountId', operator: 'eq', value: accountId }] } : undefined;
    }

    /** Only people who can still act. */
    get userFilter() {
        return { criteria: [{ fieldPath: 'IsActive', operator: 'eq', value: true }] };
    }

    get headlinePlaceholder() {
        return deriveHeadline(this.details) || HEADLINE_HELP;
    }

    get draftOffer() {
        return formatLabel(DRAFT_OFFER, formatDateTime(this.pendingDraft?.savedAt));
    }

    get showMore() {
        return this.moreOpen;
    }

    get moreHidden() {
        return !this.moreOpen;
    }

    get moreExpanded() {
        return String(this.moreOpen);
    }

    get moreIcon() {
        return this.moreOpen ? 'utility:chevrondown' : 'utility:chevronright';
    }

    handleToggleMore() {
        this.moreOpen = !this.moreOpen;
        savePreference(USER_ID, 'moreDetails', this.moreOpen);
    }

    get saveLabel() {
        return this.saving ? SAVING_LABEL : SAVE_LABEL;
    }

    get hasFormProblem() {
        return this.networkError || this.formErrors.length > 0;
    }

    get kindError() {
        return this.errorFor(KIND_FIELD);
    }
    get sentimentError() {
        return this.errorFor(SENTIMENT_FIELD);
    }

    errorFor(field) {
        const messages = this.fieldErrors[field.fieldApiName];
        return messages?.length ? messages.join(' ') : undefined;
    }

    // ---- input -----------------------------------------------------------------------------

    /**
     * The kind is required, so a second press keeps it (a radio group as the APG describes it); the optional
     * sentiment is clearable: a second press on the chosen option sends ''.
     */
    handleKind(event) {
        this.kind = event.detail.value ?? '';
        this.changed(KIND_FIELD);
    }

    handleSentiment(event) {
        this.sentiment = event.detail.value ?? '';
        this.changed(SENTIMENT_FIELD);
    }

    handleDetails(event) {
        this.details = event.detail.value ?? '';
        this.changed(DETAILS_FIELD);
    }

    handleHeadline(event) {
        this.headline = event.detail.value ?? '';
        this.changed(NAME_FIELD);
    }

    handleTheme(event) {
        this.theme = event.detail.value ?? '';
        this.changed(THEME_FIELD);
    }

    /** A contact or opportunity, from the list (value) or from the search (recordId). */
    handleRelated(event) {
        const field =
            event.currentTarget.dataset.field === CONTACT_FIELD.fieldApiName ? CONTACT_FIELD : OPPORTUNITY_FIELD;
        const id = (event.detail.value ?? event.detail.recordId) || '';
        if (field === CONTACT_FIELD) this.contactId = id;
        else this.opportunityId = id;
        this.changed(field);
    }

    handleAccount(event) {
        this.pickedAccountId = event.detail.recordId || '';
        this.changed(ACCOUNT_FIELD);
    }

    handleNeedsActionBy(event) {
        this.needsActionById = event.detail.recordId || '';
        this.changed(NEEDS_ACTION_BY_FIELD);
    }

    handleActionDue(event) {
        this.actionDue = event.detail.value ?? '';
        this.changed(ACTION_DUE_FIELD);
    }

    handleOccurredOn(event) {
        this.occurredOn = event.detail.value ?? '';
        this.changed(OCCURRED_ON_FIELD);
    }

    /** Every change is written to the draft at once: a closed tab or a crash loses nothing. */
    changed(field) {
        this.savedAnnouncement = '';
        // The rep is fixing this field: its message goes, the others stay until the next save.
        if (this.fieldErrors[field.fieldApiName]) {
            const rest = { ...this.fieldErrors };
            delete rest[field.fieldApiName];
            this.fieldErrors = rest;
        }
        this.persistDraft();
    }

    persistDraft() {
        const values = {};
        for (const key of DRAFT_KEYS) values[key] = this[key] ?? '';
        this.draftStorageFailed = !saveDraft('highCard', USER_ID, this.draftRecordId, values);
    }

    handleRestore() {
        const values = this.pendingDraft?.values ?? {};
        for (const key of DRAFT_KEYS) {
            if (typeof values[key] === 'string') this[key] = values[key];
        }
        this.pendingDraft = null;
        // The whole card comes back in view: details the rep had entered are not hidden behind "More details".
        if (
            MORE_DRAFT_KEYS.some((key) => values[key] && !(key === 'occurredOn' && values[key] === todayInTimeZone()))
        ) {
            this.moreOpen = true;
        }
    }

    handleDiscard() {
        clearDraft('highCard', USER_ID, this.draftRecordId);
        this.pendingDraft = null;
    }

    handleKeyDown(event) {
        handleFormKeys(event, { save: () => this.save() });
    }

    handleSave() {
        this.save();
    }

    // ---- save ------------------------------------------------------------------------------

    buildFields() {
        const fields = {
            [NAME_FIELD.fieldApiName]: this.headline.trim() || deriveHeadline(this.details),
            [ACCOUNT_FIELD.fieldApiName]: this.effectiveAccountId,
            [KIND_FIELD.fieldApiName]: this.kind,
            // The rep's words are stored exactly as typed (emoji, right-to-left text, pasted markup alike).
            [DETAILS_FIELD.fieldApiName]: this.details,
            [ACTION_STATUS_FIELD.fieldApiName]: this.needsActionById ? 'Open' : 'Not Needed'
        };
        const optional = [
            [THEME_FIELD, this.theme],
            [SENTIMENT_FIELD, this.sentiment],
            [CONTACT_FIELD, this.contactId],
            [OPPORTUNITY_FIELD, this.opportunityId],
            [NEEDS_ACTION_BY_FIELD, this.needsActionById],
            [ACTION_DUE_FIELD, this.actionDue],
            [OCCURRED_ON_FIELD, this.occurredOn]
        ];
        for (const [field, value] of optional) {
            if (value) fields[field.fieldApiName] = value;
        }
        return fields;
    }

    /** The rulebook first (the same rules the server enforces), then what only this form knows. */
    validate(fields) {
        const errors = {};
        const add = (field, message) => (errors[field] ??= []).push(message);
        if (!fields[KIND_FIELD.fieldApiName]) add(KIND_FIELD.fieldApiName, KIND_REQUIRED);
        for (const violation of checkHighCard(fields, { today: todayInTimeZone() }))
            add(violation.field, violation.message);
        if (this.headline.trim().length > LIMITS.headlineMax) {
            add(NAME_FIELD.fieldApiName, formatLabel(HEADLINE_TOO_LONG, LIMITS.headlineMax));
        }
        if (!fields[ACCOUNT_FIELD.fieldApiName]) add(ACCOUNT_FIELD.fieldApiName, ACCOUNT_REQUIRED);
        return errors;
    }

    async save() {
        if (this.saving || this.pendingDraft) return;
        const fields = this.buildFields();
        const errors = this.validate(fields);
        this.networkError = false;
        this.formErrors = [];
        this.fieldErrors = errors;
        if (Object.keys(errors).length > 0) {
            this.openMoreFor(errors);
            this.focusFirstProblem();
            return;
        }
        this.saving = true;
        // The draft is written again before the request, so even an unexpected crash mid-save keeps the words.
        this.persistDraft();
        let record;
        try {
            record = await createRecord({ apiName: HIGH_CARD_OBJECT.objectApiName, fields });
        } catch (error) {
            this.showSaveError(error);
            return;
        } finally {
            this.saving = false;
        }
        // Outside the try: once the server has the card, nothing after it may claim it was not saved.
        this.saved(record?.id, fields[ACCOUNT_FIELD.fieldApiName], fields[NAME_FIELD.fieldApiName]);
    }

    saved(recordId, accountId, headline) {
        clearDraft('highCard', USER_ID, this.draftRecordId);
        this.savedAnnouncement = formatLabel(SAVED_ANNOUNCEMENT, headline);
        this.kind = '';
        this.details = '';
        this.headline = '';
        this.theme = '';
        this.sentiment = '';
        this.needsActionById = '';
        this.actionDue = '';
        this.occurredOn = todayInTimeZone();
        this.contactId = this.objectApiName === 'Contact' ? this.recordId : this._defaultContactId || '';
        this.opportunityId = this.objectApiName === 'Opportunity' ? this.recordId : '';
        this.fieldErrors = {};
        this.dispatchEvent(new CustomEvent('highcardsaved', { detail: { recordId } }));
        // On its own (page component, quick action) the hub or timeline elsewhere on the page learns of the
        // card this way; inside the hub the event above is enough.
        if (!this.accountId) {
            try {
                publish(this.messageContext, HIGH_CARD_SAVED, { recordId, accountId });
            } catch {
                // A container without the message service (e.g. some mobile contexts) must not hide the success.
            }
        }
        this.dispatchEvent(new ShowToastEvent({ title: SAVED_TOAST, variant: 'success' }));
        // Closes the panel when the composer runs as a quick action; nothing listens on a page.
        this.dispatchEvent(new CloseActionScreenEvent());
        // Ready for the next card at once: the keyboard is back on the kind of the empty form.
        Promise.resolve().then(() => this.focus());
    }

    showSaveError(error) {
        const parsed = parseSaveError(error);
        this.networkError = parsed.network;
        const fieldErrors = {};
        const formErrors = [];
        for (const [field, messages] of Object.entries(parsed.fieldErrors)) {
            if (SHOWN_FIELDS.includes(field)) fieldErrors[field] = messages;
            else formErrors.push(...messages);
        }
        this.fieldErrors = fieldErrors;
        this.openMoreFor(fieldErrors);
        this.formErrors = [...formErrors, ...parsed.formErrors].map((message, index) => ({
            key: `e${index}`,
            message
        }));
        this.focusFirstProblem();
    }

    /** A problem with a field behind "More details" opens it, so the rep sees the message (not remembered). */
    openMoreFor(errors) {
        if (Object.keys(errors).some((field) => MORE_FIELDS.includes(field))) this.moreOpen = true;
    }

    focusFirstProblem() {
        // Wait for the messages to render, then move focus to where the rep has to act, top of the form first.
        Promise.resolve().then(() => {
            const field = FOCUS_ORDER.find((name) => this.fieldErrors[name]?.length);
            const selector = field ? `[data-field="${field}"]` : '.pact-form-problem';
            const target = this.template.querySelector(selector);
            if (target && typeof target.focus === 'function') target.focus();
        });
    }
}
