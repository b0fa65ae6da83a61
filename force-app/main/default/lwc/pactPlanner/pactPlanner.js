import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import { getRecord, createRecord, updateRecord } from 'lightning/uiRecordApi';
import PLAN_OBJECT from '@salesforce/schema/Call_Plan__c';
import PLAN_ID from '@salesforce/schema/Call_Plan__c.Id';
import PLAN_ACCOUNT from '@salesforce/schema/Call_Plan__c.Account__c';
import PLAN_CONTACT from '@salesforce/schema/Call_Plan__c.Contact__c';
import PLAN_OPPORTUNITY from '@salesforce/schema/Call_Plan__c.Opportunity__c';
import PLAN_OBJECTIVE from '@salesforce/schema/Call_Plan__c.Objective__c';
import PLAN_PLANNED_FOR from '@salesforce/schema/Call_Plan__c.Planned_For__c';
import PLAN_QUESTIONS from '@salesforce/schema/Call_Plan__c.Questions__c';
import PLAN_DESIRED_OUTCOME from '@salesforce/schema/Call_Plan__c.Desired_Outcome__c';
import PLAN_OUTCOME from '@salesforce/schema/Call_Plan__c.Outcome__c';
import PLAN_STATUS from '@salesforce/schema/Call_Plan__c.Status__c';
import CARD_OBJECT from '@salesforce/schema/High_Card__c';
import CARD_NAME from '@salesforce/schema/High_Card__c.Name';
import CARD_ACCOUNT from '@salesforce/schema/High_Card__c.Account__c';
import CARD_CONTACT from '@salesforce/schema/High_Card__c.Contact__c';
import CARD_OPPORTUNITY from '@salesforce/schema/High_Card__c.Opportunity__c';
import CARD_PLAN from '@salesforce/schema/High_Card__c.Plan__c';
import CARD_KIND from '@salesforce/schema/High_Card__c.Kind__c';
import CARD_DETAILS from '@salesforce/schema/High_Card__c.Details__c';
import CARD_OCCURRED_ON from '@salesforce/schema/High_Card__c.Occurred_On__c';
import USER_ID from '@salesforce/user/Id';
import { publish, MessageContext } from 'lightning/messageService';
import HIGH_CARD_SAVED from '@salesforce/messageChannel/PACT_High_Card_Saved__c';
import PLAN_SAVED from '@salesforce/messageChannel/PACT_Plan_Saved__c';
import { checkPlan, checkHighCard, deriveHeadline } from 'c/pactRules';
import LABELS from './labels';
import { formatLabel, formatDate, todayInTimeZone } from 'c/pactFormat';
import { serverMessage } from 'c/pactSaveErrors';
import { loadDraft, saveDraft } from 'c/pactDrafts';
import { handleFormKeys } from 'c/pactFormKeys';
import { showFieldMessages } from 'c/pactFieldMessages';
import { pageAccount, pageAccountFields } from 'c/pactPageAccount';

// The account's plans, newest first on the server; the component puts upcoming ones first.
// High_Cards__r tells whether a held plan's outcome is already a high card.
const PLANS_QUERY = gql`
    query pactPlannerPlans($accountId: ID) {
        uiapi {
            query {
                Call_Plan__c(
                    where: { Account__c: { eq: $accountId } }
                    orderBy: { Planned_For__c: { order: DESC } }
                    first: 50
                ) {
                    edges {
                        node {
                            Id
                            Name {
                                value
                            }
                            Objective__c {
                                value
                            }
                            Planned_For__c {
                                value
                            }
                            Status__c {
                                value
                                displayValue
                            }
                            Questions__c {
                                value
                            }
                            Desired_Outcome__c {
                                value
                            }
                            Outcome__c {
                                value
                            }
                            Contact__c {
                                value
                            }
                            Contact__r {
                                Name {
                                    value
                                }
                            }
                            Opportunity__c {
                                value
                            }
                            CreatedBy {
                                Name {
                                    value
                                }
                            }
                            High_Cards__r(first: 1) {
                                edges {
                                    node {
                                        Id
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
`;

const FORM_FIELDS = [
    PLAN_OBJECTIVE.fieldApiName,
    PLAN_PLANNED_FOR.fieldApiName,
    PLAN_CONTACT.fieldApiName,
    PLAN_QUESTIONS.fieldApiName,
    PLAN_DESIRED_OUTCOME.fieldApiName
];

const value = (field) => (field ? (field.value ?? null) : null);

/** GraphQL node -> the plan the template shows. */
function toPlan(node) {
    const status = value(node.Status__c) || 'Planned';
    return {
        id: node.Id,
        name: value(node.Name),
        objective: value(node.Objective__c) || '',
        plannedFor: value(node.Planned_For__c),
        // One format for every calendar date (pactFormat), in the rep's locale.
        plannedForText: value(node.Planned_For__c) ? formatDate(value(node.Planned_For__c)) : LABELS.noDate,
        status,
        statusLabel: (node.Status__c && node.Status__c.displayValue) || status,
        questions: value(node.Questions__c) || '',
        desiredOutcome: value(node.Desired_Outcome__c) || '',
        outcome: value(node.Outcome__c) || '',
        contactId: value(node.Contact__c),
        contactName: node.Contact__r ? value(node.Contact__r.Name) : null,
        opportunityId: value(node.Opportunity__c),
        plannedBy: node.CreatedBy ? value(node.CreatedBy.Name) : null,
        hasCard: Boolean(node.High_Cards__r && node.High_Cards__r.edges && node.High_Cards__r.edges.length)
    };
}

/** Upcoming (still planned) plans soonest first, undated last; held and cancelled ones most recent first. */
export function arrangePlans(plans) {
    const byDateAsc = (a, b) => (a.plannedFor || '9999-12-31').localeCompare(b.plannedFor || '9999-12-31');
    const upcoming = plans.filter((plan) => plan.status === 'Planned').sort(byDateAsc);
    const earlier = plans.filter((plan) => plan.status !== 'Planned').sort((a, b) => byDateAsc(b, a) || 0);
    return { upcoming, earlier };
}

export default class PactPlanner extends LightningElement {
    @api recordId;
    @api objectApiName;

    labels = LABELS;

    plansResult;
    plans = [];
    loadError;
    loaded = false;
    draftsRestored = false;
    draftStorageFailed = false;
    parentAccountId;
    parentLoaded = false;
    parentError;

    // The plan form (new or edit). The draft survives closing the form and failed saves.
    formOpen = false;
    draft;
    formErrors = {};
    formServerError;
    saving = false;
    status;

    // The outcome panel of one plan: mark held, and/or turn the outcome into a high card.
    outcomePlanId;
    outcomeDrafts = {};
    selectedKind;
    outcomeErrors = {};
    outcomeServerError;
    confirmCancelId;
    cancelError;

    // --- where the plans belong -------------------------------------------------------------
    get onAccount() {
        return !this.objectApiName || this.objectApiName === 'Account';
    }

    get parentRecordId() {
        return this.onAccount ? undefined : this.recordId;
    }

    get parentFields() {
        return pageAccountFields(this.objectApiName);
    }

    @wire(MessageContext) messageContext;

    /**
     * The planner is its own component on the record page: the hub beside it (briefing, timeline) hears of a saved
     * plan or a new high card through the message channels, so the whole page shows it without a reload.
     */
    tellPage(channel, recordId) {
        try {
            publish(this.messageContext, channel, { recordId, accountId: this.accountId });
        } catch {
            // A container without the message service must not turn a saved plan into an error.
        }
    }

    @wire(getRecord, { recordId: '$parentRecordId', fields: '$parentFields' })
    wiredParent({ data, error }) {
        if (data) {
            this.parentAccountId = pageAccount(this.objectApiName, data).accountId || undefined;
            this.parentLoaded = true;
            this.parentError = undefined;
        } else if (error) {
            this.parentError = serverMessage(error);
            this.parentLoaded = true;
        }
    }

    get accountId() {
        return this.onAccount ? this.recordId : this.parentAccountId;
    }

    get plansQuery() {
        // No account yet (or none at all): no query.
        return this.accountId ? PLANS_QUERY : undefined;
    }

    get variables() {
        return { accountId: this.accountId };
    }

    @wire(graphql, { query: '$plansQuery', variables: '$variables' })
    wiredPlans(result) {
        this.plansResult = result;
        const { data, errors } = result || {};
        if (data) {
            this.plans = data.uiapi.query.Call_Plan__c.edges.map((edge) => toPlan(edge.node));
            this.loadError = undefined;
            this.loaded = true;
            if (!this.draftsRestored) this.restoreDrafts();
        } else if (errors) {
            this.loadError = formatLabel(LABELS.loadError, serverMessage(errors));
            this.loaded = true;
        }
    }

    // --- what the template shows -------------------------------------------------------------
    get noAccount() {
        return !this.onAccount && this.parentLoaded && !this.parentAccountId && !this.parentError;
    }

    get pageError() {
        return this.parentError ? formatLabel(LABELS.loadError, this.parentError) : this.loadError;
    }

    get isLoading() {
        return Boolean(this.accountId) && !this.loaded;
    }

    get canPlan() {
        return Boolean(this.accountId) && !this.pageError;
    }

    get arranged() {
        return arrangePlans(this.plans.map((plan) => this.decorate(plan)));
    }

    get upcomingPlans() {
        return this.arranged.upcoming;
    }

    get earlierPlans() {
        return this.arranged.earlier;
    }

    get hasUpcoming() {
        return this.upcomingPlans.length > 0;
    }

    get hasEarlier() {
        return this.earlierPlans.length > 0;
    }

    get isEmpty() {
        return this.loaded && !this.pageError && this.plans.length === 0 && !this.formOpen;
    }

    decorate(plan) {
        const panelOpen = this.outcomePlanId === plan.id;
        return {
            ...plan,
            isPlanned: plan.status === 'Planned',
            isHeld: plan.status === 'Held',
            plannedByText: plan.plannedBy ? formatLabel(LABELS.plannedBy, plan.plannedBy) : '',
            withText: plan.contactName ? formatLabel(LABELS.withContact, plan.contactName) : '',
            canMakeCard: plan.status === 'Held' && !plan.hasCard && Boolean(plan.outcome) && !panelOpen,
            showPanel: panelOpen,
            showConfirmCancel: this.confirmCancelId === plan.id,
            headingId: `plan-${plan.id}`
        };
    }

    get formExpanded() {
        return this.formOpen ? 'true' : 'false';
    }

    get formTitle() {
        return this.draft && this.draft.Id ? LABELS.edit : LABELS.newPlan;
    }

    get contactFilter() {
        return { criteria: [{ fieldPath: 'AccountId', operator: 'eq', value: this.accountId }] };
    }

    /** Base component -> the message it shows (see pactFieldMessages). */
    shownMessages = new WeakMap();

    renderedCallback() {
        showFieldMessages(this.template, (field) => this.formErrors[field], this.shownMessages);
    }

    // Outcome panel view
    get panelPlan() {
        return this.plans.find((plan) => plan.id === this.outcomePlanId);
    }

    get panelMarksHeld() {
        return Boolean(this.panelPlan) && this.panelPlan.status === 'Planned';
    }

    /** What the open outcome panel (c-pact-outcome-panel) shows. */
    get panelState() {
        return {
            marksHeld: this.panelMarksHeld,
            outcome: this.outcomeDrafts[this.outcomePlanId] ?? '',
            selectedKind: this.selectedKind,
            errors: this.outcomeErrors,
            serverError: this.outcomeServerError,
            saving: this.saving
        };
    }

    // --- drafts: the rep's words stay in the browser until the server confirms them ------------------
    restoreDrafts() {
        this.draftsRestored = true;
        // Both are read before either is written: a draft from the previous version holds the two together.
        const form = loadDraft('plan', USER_ID, this.accountId)?.values ?? null;
        const outcomes = loadDraft('planOutcome', USER_ID, this.accountId)?.values ?? {};
        this.outcomeDrafts = { ...outcomes, ...this.outcomeDrafts };
        if (form) {
            this.draft = form;
            this.formOpen = true;
            this.status = LABELS.draftRestored;
            return;
        }
        const waiting = this.plans.find((plan) => plan.status === 'Planned' && outcomes[plan.id]);
        if (waiting) {
            this.outcomePlanId = waiting.id;
            this.status = LABELS.draftRestored;
        }
    }

    persistDrafts() {
        const planKept = saveDraft('plan', USER_ID, this.accountId, this.draft);
        const outcomesKept = saveDraft('planOutcome', USER_ID, this.accountId, this.outcomeDrafts);
        // The rep is told, so they save before leaving; the words stay on screen either way.
        this.draftStorageFailed = !planKept || !outcomesKept;
    }

    // --- the plan form -------------------------------------------------------------------------
    handleNewPlan() {
        if (!this.draft || this.draft.Id) {
            this.draft = this.defaultDraft();
        }
        this.formErrors = {};
        this.formServerError = undefined;
        this.status = undefined;
        this.formOpen = true;
    }

    defaultDraft() {
        return this.objectApiName === 'Contact' ? { [PLAN_CONTACT.fieldApiName]: this.recordId } : {};
    }

    handleEdit(event) {
        const plan = this.plans.find((item) => item.id === event.currentTarget.dataset.id);
        if (!plan) return;
        this.draft = {
            Id: plan.id,
            [PLAN_OBJECTIVE.fieldApiName]: plan.objective,
            [PLAN_PLANNED_FOR.fieldApiName]: plan.plannedFor,
            [PLAN_CONTACT.fieldApiName]: plan.contactId,
            [PLAN_QUESTIONS.fieldApiName]: plan.questions,
            [PLAN_DESIRED_OUTCOME.fieldApiName]: plan.desiredOutcome
        };
        this.formErrors = {};
        this.formServerError = undefined;
        this.status = undefined;
        this.formOpen = true;
    }

    handleFieldChange(event) {
        const field = event.target.dataset.field;
        this.draft = { ...this.draft, [field]: event.detail.value ?? event.target.value };
        if (this.formErrors[field]) {
            this.formErrors = { ...this.formErrors, [field]: undefined };
        }
        this.persistDrafts();
    }

    handleContactChange(event) {
        this.draft = { ...this.draft, [PLAN_CONTACT.fieldApiName]: event.detail.recordId || null };
        this.persistDrafts();
    }

    handleCloseForm() {
        // The typed words stay in the draft: reopening the form brings them back.
        this.formOpen = false;
        this.formServerError = undefined;
    }

    handleFormKeydown(event) {
        handleFormKeys(event, { save: () => this.savePlan(), close: () => this.handleCloseForm() });
    }

    handleSubmit(event) {
        event.preventDefault();
        this.savePlan();
    }

    async savePlan() {
        if (this.saving) return;
        const violations = checkPlan({
            [PLAN_OBJECTIVE.fieldApiName]: this.draft[PLAN_OBJECTIVE.fieldApiName],
            [PLAN_STATUS.fieldApiName]: 'Planned'
        });
        this.formErrors = Object.fromEntries(violations.map((v) => [v.field, v.message]));
        this.formServerError = undefined;
        if (violations.length) return;

        const fields = {};
        FORM_FIELDS.forEach((name) => {
            const fieldValue = this.draft[name];
            fields[name] = fieldValue === '' || fieldValue === undefined ? null : fieldValue;
        });
        fields[PLAN_OBJECTIVE.fieldApiName] = String(fields[PLAN_OBJECTIVE.fieldApiName]).trim();
        this.saving = true;
        try {
            let planId = this.draft.Id;
            if (planId) {
                await updateRecord({ fields: { [PLAN_ID.fieldApiName]: planId, ...fields } });
            } else {
                fields[PLAN_ACCOUNT.fieldApiName] = this.accountId;
                fields[PLAN_STATUS.fieldApiName] = 'Planned';
                if (this.objectApiName === 'Opportunity') {
                    fields[PLAN_OPPORTUNITY.fieldApiName] = this.recordId;
                }
                planId = (await createRecord({ apiName: PLAN_OBJECT.objectApiName, fields }))?.id;
            }
            this.tellPage(PLAN_SAVED, planId);
            // Only now, with the server's yes, is the draft let go.
            this.draft = undefined;
            this.persistDrafts();
            this.formOpen = false;
            this.status = LABELS.saved;
            await this.refresh();
        } catch (error) {
            this.formServerError = formatLabel(LABELS.saveFailed, serverMessage(error));
        } finally {
            this.saving = false;
        }
    }

    // --- held, outcome, high card ---------------------------------------------------------------
    handleOpenOutcome(event) {
        this.outcomePlanId = event.currentTarget.dataset.id;
        this.selectedKind = undefined;
        this.outcomeErrors = {};
        this.outcomeServerError = undefined;
        this.status = undefined;
    }

    handleCloseOutcome() {
        this.outcomePlanId = undefined;
        this.outcomeErrors = {};
        this.outcomeServerError = undefined;
    }

    handleOutcomeChange(event) {
        this.outcomeDrafts = { ...this.outcomeDrafts, [this.outcomePlanId]: event.detail.value };
        if (this.outcomeErrors.outcome) this.outcomeErrors = { ...this.outcomeErrors, outcome: undefined };
        this.persistDrafts();
    }

    handleKindChange(event) {
        this.selectedKind = event.detail.kind;
        if (this.outcomeErrors.card) this.outcomeErrors = { ...this.outcomeErrors, card: undefined };
    }

    cardFields(plan, details) {
        const today = todayInTimeZone();
        const occurredOn = plan.plannedFor && plan.plannedFor <= today ? plan.plannedFor : today;
        return {
            [CARD_NAME.fieldApiName]: deriveHeadline(details),
            [CARD_ACCOUNT.fieldApiName]: this.accountId,
            [CARD_PLAN.fieldApiName]: plan.id,
            [CARD_CONTACT.fieldApiName]: plan.contactId || null,
            [CARD_OPPORTUNITY.fieldApiName]: plan.opportunityId || null,
            [CARD_KIND.fieldApiName]: this.selectedKind,
            [CARD_DETAILS.fieldApiName]: details.trim(),
            [CARD_OCCURRED_ON.fieldApiName]: occurredOn
        };
    }

    async handleSaveOutcome() {
        const plan = this.panelPlan;
        if (!plan || this.saving) return;
        const marksHeld = plan.status === 'Planned';
        const outcome = marksHeld ? (this.outcomeDrafts[plan.id] ?? '') : plan.outcome;
        const wantsCard = !marksHeld || Boolean(this.selectedKind);

        const errors = {};
        if (marksHeld) {
            checkPlan({
                [PLAN_OBJECTIVE.fieldApiName]: plan.objective,
                [PLAN_STATUS.fieldApiName]: 'Held',
                [PLAN_OUTCOME.fieldApiName]: outcome
            }).forEach((v) => {
                errors[v.field === PLAN_OUTCOME.fieldApiName ? 'outcome' : 'plan'] = v.message;
            });
        }
        if (wantsCard) {
            if (!this.selectedKind) {
                errors.card = LABELS.kindRequired;
            } else if (!errors.outcome) {
                const violation = checkHighCard(this.cardFields(plan, outcome))[0];
                if (violation) errors.card = violation.message;
            }
        }
        this.outcomeErrors = errors;
        this.outcomeServerError = undefined;
        if (Object.keys(errors).length) return;

        this.saving = true;
        try {
            if (marksHeld) {
                try {
                    await updateRecord({
                        fields: {
                            [PLAN_ID.fieldApiName]: plan.id,
                            [PLAN_STATUS.fieldApiName]: 'Held',
                            [PLAN_OUTCOME.fieldApiName]: outcome.trim()
                        }
                    });
                } catch (error) {
                    this.outcomeServerError = formatLabel(LABELS.saveFailed, serverMessage(error));
                    return;
                }
                // The server has the outcome; mirror it so a failed card below keeps the plan held.
                const held = { ...plan, status: 'Held', outcome: outcome.trim() };
                this.plans = this.plans.map((item) => (item.id === plan.id ? held : item));
                this.tellPage(PLAN_SAVED, plan.id);
            }
            if (wantsCard) {
                let card;
                try {
                    card = await createRecord({
                        apiName: CARD_OBJECT.objectApiName,
                        fields: this.cardFields(plan, outcome)
                    });
                } catch (error) {
                    this.outcomeServerError = formatLabel(LABELS.cardFailed, serverMessage(error));
                    return;
                }
                this.tellPage(HIGH_CARD_SAVED, card?.id);
            }
            const drafts = { ...this.outcomeDrafts };
            delete drafts[plan.id];
            this.outcomeDrafts = drafts;
            this.persistDrafts();
            this.outcomePlanId = undefined;
            this.selectedKind = undefined;
            this.status = wantsCard ? LABELS.cardSaved : LABELS.saved;
            await this.refresh();
        } finally {
            this.saving = false;
        }
    }

    // --- cancel ------------------------------------------------------------------------------------
    handleAskCancel(event) {
        this.confirmCancelId = event.currentTarget.dataset.id;
        this.cancelError = undefined;
        this.status = undefined;
    }

    handleKeepPlan() {
        this.confirmCancelId = undefined;
        this.cancelError = undefined;
    }

    async handleConfirmCancel(event) {
        const id = event.currentTarget.dataset.id;
        this.saving = true;
        try {
            await updateRecord({ fields: { [PLAN_ID.fieldApiName]: id, [PLAN_STATUS.fieldApiName]: 'Cancelled' } });
            this.tellPage(PLAN_SAVED, id);
            this.confirmCancelId = undefined;
            this.status = LABELS.saved;
            await this.refresh();
        } catch (error) {
            this.cancelError = formatLabel(LABELS.saveFailed, serverMessage(error));
        } finally {
            this.saving = false;
        }
    }

    async refresh() {
        // lightning/graphql hands each wire result its own refresh(); refreshGraphQL belongs to the
        // deprecated lightning/uiGraphQLApi.
        if (this.plansResult?.refresh) {
            try {
                await this.plansResult.refresh();
            } catch (error) {
                this.loadError = formatLabel(LABELS.loadError, serverMessage(error));
            }
        }
    }
}
