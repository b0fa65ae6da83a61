import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import { subscribe, unsubscribe, MessageContext } from 'lightning/messageService';
import HIGH_CARD_SAVED from '@salesforce/messageChannel/PACT_High_Card_Saved__c';
import { KIND_OPTIONS, THEME_OPTIONS, SENTIMENT_OPTIONS, choiceWords } from 'c/pactPicklists';
import TITLE from '@salesforce/label/c.PACT_Timeline_Title';
import FILTER_KIND from '@salesforce/label/c.PACT_Timeline_Filter_Kind';
import FILTER_THEME from '@salesforce/label/c.PACT_Timeline_Filter_Theme';
import ALL_KINDS from '@salesforce/label/c.PACT_Timeline_All_Kinds';
import ALL_THEMES from '@salesforce/label/c.PACT_Timeline_All_Themes';
import SHOW_MORE from '@salesforce/label/c.PACT_Timeline_Show_More';
import LOADING from '@salesforce/label/c.PACT_Timeline_Loading';
import EMPTY from '@salesforce/label/c.PACT_Timeline_Empty';
import EMPTY_FILTERED from '@salesforce/label/c.PACT_Timeline_Empty_Filtered';
import LOAD_FAILED from '@salesforce/label/c.PACT_Timeline_Load_Failed';
import CONTACT from '@salesforce/label/c.PACT_Timeline_Contact';
import NEEDS_ACTION_BY from '@salesforce/label/c.PACT_Timeline_Needs_Action_By';
import ACTION from '@salesforce/label/c.PACT_Timeline_Action';
import ACTION_DUE from '@salesforce/label/c.PACT_Timeline_Action_Due';
import OVERDUE from '@salesforce/label/c.PACT_Action_Overdue';
import { serverMessage } from 'c/pactSaveErrors';
import { formatDate, isOverdue } from 'c/pactFormat';

/** Later pages and filtered views. The first page usually comes from pactCustomerHub's query. */
// Must select what pactCustomerHub's highCards selects: tests/graphql/shared-selections.test.ts checks it.
const TIMELINE_QUERY = gql`
    query pactTimeline($where: High_Card__c_Filter, $after: String) {
        uiapi {
            query {
                High_Card__c(
                    where: $where
                    orderBy: { Occurred_On__c: { order: DESC, nulls: LAST }, CreatedDate: { order: DESC } }
                    first: 20
                    after: $after
                ) {
                    edges {
                        node {
                            Id
                            Name {
                                value
                            }
                            Kind__c {
                                value
                                displayValue
                            }
                            Theme__c {
                                value
                                displayValue
                            }
                            Sentiment__c {
                                value
                                displayValue
                            }
                            Details__c {
                                value
                            }
                            Occurred_On__c {
                                value
                                displayValue
                            }
                            Contact__r {
                                Name {
                                    value
                                }
                            }
                            Needs_Action_By__r {
                                Name {
                                    value
                                }
                            }
                            Action_Status__c {
                                value
                                displayValue
                            }
                            Action_Due__c {
                                value
                                displayValue
                            }
                        }
                    }
                    pageInfo {
                        hasNextPage
                        endCursor
                    }
                }
            }
        }
    }
`;

const value = (field) => field?.displayValue ?? field?.value ?? '';
const SENTIMENT_CLASSES = {
    Positive: 'slds-badge slds-theme_success',
    Negative: 'slds-badge slds-theme_error',
    Neutral: 'slds-badge'
};

export default class PactTimeline extends LightningElement {
    @api recordId;
    @api objectApiName;
    /** Set by pactCustomerHub, which also loads the first page (firstPage) in its own query. */
    @api accountId;
    @api hubManaged = false;

    labels = {
        title: TITLE,
        filterKind: FILTER_KIND,
        filterTheme: FILTER_THEME,
        showMore: SHOW_MORE,
        loading: LOADING,
        loadFailed: LOAD_FAILED,
        contact: CONTACT,
        needsActionBy: NEEDS_ACTION_BY,
        actionDue: ACTION_DUE,
        overdue: OVERDUE
    };

    kindFilter = '';
    themeFilter = '';
    /** { where, after } for the timeline's own query; null keeps that query switched off. */
    request = null;
    appending = false;
    loadingPage = false;
    refreshPending = false;
    edges = [];
    pageInfo;
    ownErrors;
    ownResult;
    _firstPage;
    /** A card to bring into view once it is on screen (the one just saved). */
    cardToReveal;

    @api
    get firstPage() {
        return this._firstPage;
    }
    set firstPage(page) {
        this._firstPage = page;
        // The hub's page is what the rep sees until they filter; a refreshed hub page replaces it.
        if (!this.isFiltered) {
            this.request = null;
            this.showPage(page, false);
        }
    }

    @wire(MessageContext) messageContext;
    subscription;

    connectedCallback() {
        if (this.hubManaged) return; // the hub hears about saves and hands over its refreshed page
        if (this.customerId) this.load({ after: null });
        this.subscription = subscribe(this.messageContext, HIGH_CARD_SAVED, (message) => {
            if (message?.accountId && message.accountId === this.customerId) this.refresh();
        });
    }

    disconnectedCallback() {
        if (this.subscription) unsubscribe(this.subscription);
        this.subscription = undefined;
    }

    get customerId() {
        if (this.accountId) return this.accountId;
        return this.objectApiName === 'Account' ? this.recordId : undefined;
    }

    /** Undefined while the hub's first page is enough: then this wire sends nothing. */
    get timelineQuery() {
        return this.request ? TIMELINE_QUERY : undefined;
    }

    get timelineVariables() {
        return this.request ? { where: this.request.where, after: this.request.after } : undefined;
    }

    @wire(graphql, { query: '$timelineQuery', variables: '$timelineVariables' })
    wiredPage(result) {
        // Emissions meant for another wire (or before the rep asked) are not ours to show.
        if (!this.request) return;
        this.ownResult = result;
        if (result?.errors?.length) {
            this.ownErrors = result.errors;
            this.loadingPage = false;
            return;
        }
        const page = result?.data?.uiapi?.query?.High_Card__c;
        if (!page) return;
        this.ownErrors = undefined;
        this.loadingPage = false;
        this.showPage(page, this.appending);
        if (this.refreshPending && !this.request.after) {
            this.refreshPending = false;
            result.refresh?.();
        }
    }

    showPage(page, append) {
        const incoming = page?.edges ?? [];
        if (append) {
            const seen = new Set(this.edges.map((edge) => edge.node.Id));
            this.edges = [...this.edges, ...incoming.filter((edge) => !seen.has(edge.node.Id))];
        } else {
            this.edges = [...incoming];
        }
        this.pageInfo = page?.pageInfo;
    }

    get where() {
        const terms = [{ Account__c: { eq: this.customerId } }];
        if (this.kindFilter) terms.push({ Kind__c: { eq: this.kindFilter } });
        if (this.themeFilter) terms.push({ Theme__c: { eq: this.themeFilter } });
        return { and: terms };
    }

    get isFiltered() {
        return Boolean(this.kindFilter || this.themeFilter);
    }

    load({ after }) {
        this.appending = Boolean(after);
        this.loadingPage = true;
        this.request = { where: this.where, after: after ?? null };
    }

    handleShowMore() {
        if (!this.pageInfo?.hasNextPage || this.loadingPage) return;
        this.load({ after: this.pageInfo.endCursor });
    }

    handleKindFilter(event) {
        this.kindFilter = event.detail.value ?? '';
        this.filtersChanged();
    }

    handleThemeFilter(event) {
        this.themeFilter = event.detail.value ?? '';
        this.filtersChanged();
    }

    filtersChanged() {
        if (!this.isFiltered && this.hubManaged) {
            // Back to the hub's page: no request needed.
            this.request = null;
            this.loadingPage = false;
            this.ownErrors = undefined;
            this.showPage(this._firstPage, false);
            return;
        }
        this.load({ after: null });
    }

    /** The card just saved: scrolled into view (nearest edge, so the composer stays on screen) when it shows. */
    @api
    revealCard(recordId) {
        this.cardToReveal = recordId;
        this.revealIfShown();
    }

    renderedCallback() {
        this.revealIfShown();
    }

    revealIfShown() {
        if (!this.cardToReveal) return;
        const card = this.template.querySelector(`li[data-record-id="${this.cardToReveal}"]`);
        if (!card) return;
        this.cardToReveal = undefined;
        card.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
    }

    /** Called by the hub after a save. A filtered or paged view goes back to its first, fresh page. */
    @api
    refresh() {
        if (!this.request) return Promise.resolve();
        if (this.hubManaged && !this.isFiltered) {
            // The hub refreshes its own first page and hands it over; extra pages are dropped, not re-fetched.
            this.request = null;
            this.loadingPage = false;
            this.showPage(this._firstPage, false);
            return Promise.resolve();
        }
        if (this.request.after) {
            this.refreshPending = true;
            this.load({ after: null });
            return Promise.resolve();
        }
        return this.ownResult?.refresh?.() ?? Promise.resolve();
    }

    // ---- view model --------------------------------------------------------------------------

    get cards() {
        return this.edges.map(({ node }) => {
            const sentiment = node.Sentiment__c?.value;
            const needsActionBy = node.Needs_Action_By__r?.Name?.value;
            return {
                id: node.Id,
                headline: node.Name?.value ?? '',
                details: node.Details__c?.value ?? '',
                // The same words as the composer's buttons and the filters (custom labels).
                kind: choiceWords(KIND_OPTIONS, node.Kind__c),
                theme: choiceWords(THEME_OPTIONS, node.Theme__c),
                sentiment: choiceWords(SENTIMENT_OPTIONS, node.Sentiment__c),
                sentimentClass: SENTIMENT_CLASSES[sentiment] ?? 'slds-badge',
                occurredOn: formatDate(node.Occurred_On__c?.value),
                contact: node.Contact__r?.Name?.value,
                needsActionBy,
                // "Needs action by" only when somebody is named; a status alone is just "Action".
                actionLabel: needsActionBy ? NEEDS_ACTION_BY : ACTION,
                // "Not needed" is the default: saying so on every card would be noise.
                actionStatus: node.Action_Status__c?.value === 'Not Needed' ? '' : value(node.Action_Status__c),
                actionDue: formatDate(node.Action_Due__c?.value),
                overdue: isOverdue(node.Action_Due__c?.value, node.Action_Status__c?.value || 'Not Needed'),
                url: `/lightning/r/High_Card__c/${node.Id}/view`,
                hasAction: Boolean(
                    needsActionBy || (node.Action_Status__c?.value && node.Action_Status__c.value !== 'Not Needed')
                )
            };
        });
    }

    /** Overdue in words, not by colour alone. */
    overdueClass = 'slds-badge pact-overdue';

    get hasCards() {
        return this.edges.length > 0;
    }

    get showMore() {
        return Boolean(this.pageInfo?.hasNextPage);
    }

    get showMoreLabel() {
        return this.loadingPage && this.appending ? LOADING : SHOW_MORE;
    }

    get showEmpty() {
        return (
            !this.hasCards && !this.loadingPage && !this.ownErrors && (this.pageInfo !== undefined || this.isFiltered)
        );
    }

    get emptyText() {
        return this.isFiltered ? EMPTY_FILTERED : EMPTY;
    }

    get errorDetails() {
        return serverMessage(this.ownErrors ?? []);
    }

    get kindOptions() {
        return [{ value: '', label: ALL_KINDS }, ...KIND_OPTIONS];
    }

    get themeOptions() {
        return [{ value: '', label: ALL_THEMES }, ...THEME_OPTIONS];
    }
}
