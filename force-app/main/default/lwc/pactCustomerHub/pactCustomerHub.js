import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import { getRecord } from 'lightning/uiRecordApi';
import { subscribe, unsubscribe, MessageContext } from 'lightning/messageService';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import HIGH_CARD_SAVED from '@salesforce/messageChannel/PACT_High_Card_Saved__c';
import PLAN_SAVED from '@salesforce/messageChannel/PACT_Plan_Saved__c';
import FORM_FACTOR from '@salesforce/client/formFactor';
import LOAD_FAILED from '@salesforce/label/c.PACT_Hub_Load_Failed';
import NO_ACCOUNT from '@salesforce/label/c.PACT_Hub_No_Account';
import SKIP_TO_COMPOSER from '@salesforce/label/c.PACT_Hub_Skip_To_Composer';
import { serverMessage } from 'c/pactSaveErrors';
import { pageAccount, pageAccountFields } from 'c/pactPageAccount';

/**
 * Everything the record page shows about the customer, in ONE request: the briefing and the first
 * page of the timeline. The timeline asks for later pages and filters with its own query, only
 * when the rep asks.
 */
// highCards must select what pactTimeline's query selects: tests/graphql/shared-selections.test.ts checks it.
const CUSTOMER_QUERY = gql`
    query pactCustomer($accountId: ID) {
        uiapi {
            query {
                Account(where: { Id: { eq: $accountId } }, first: 1) {
                    edges {
                        node {
                            Id
                            Name {
                                value
                            }
                            Customer_Alert__c {
                                value
                            }
                            Cases(
                                where: { IsClosed: { eq: false } }
                                orderBy: { CreatedDate: { order: DESC } }
                                first: 5
                            ) {
                                edges {
                                    node {
                                        Id
                                        CaseNumber {
                                            value
                                        }
                                        Subject {
                                            value
                                        }
                                        Status {
                                            value
                                            displayValue
                                        }
                                        Priority {
                                            value
                                            displayValue
                                        }
                                    }
                                }
                            }
                            Opportunities(
                                where: { IsClosed: { eq: false } }
                                orderBy: { CloseDate: { order: ASC } }
                                first: 5
                            ) {
                                edges {
                                    node {
                                        Id
                                        Name {
                                            value
                                        }
                                        StageName {
                                            value
                                            displayValue
                                        }
                                        CloseDate {
                                            value
                                            displayValue
                                        }
                                    }
                                }
                            }
                            Contacts(orderBy: { Name: { order: ASC } }, first: 10) {
                                edges {
                                    node {
                                        Id
                                        Name {
                                            value
                                        }
                                        Title {
                                            value
                                        }
                                        Email {
                                            value
                                        }
                                        Phone {
                                            value
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                highCards: High_Card__c(
                    where: { Account__c: { eq: $accountId } }
                    orderBy: { Occurred_On__c: { order: DESC, nulls: LAST }, CreatedDate: { order: DESC } }
                    first: 20
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
                openActions: High_Card__c(
                    where: {
                        and: [{ Account__c: { eq: $accountId } }, { Action_Status__c: { in: ["Open", "In Progress"] } }]
                    }
                    orderBy: { Action_Due__c: { order: ASC, nulls: LAST } }
                    first: 5
                ) {
                    edges {
                        node {
                            Id
                            Name {
                                value
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
                }
                upcomingPlans: Call_Plan__c(
                    where: {
                        and: [
                            { Account__c: { eq: $accountId } }
                            { Status__c: { eq: "Planned" } }
                            { Planned_For__c: { gte: { literal: TODAY } } }
                        ]
                    }
                    orderBy: { Planned_For__c: { order: ASC } }
                    first: 5
                ) {
                    edges {
                        node {
                            Id
                            Objective__c {
                                value
                            }
                            Planned_For__c {
                                value
                                displayValue
                            }
                            Contact__r {
                                Name {
                                    value
                                }
                            }
                        }
                    }
                }
            }
        }
    }
`;

const edgesOf = (connection) => connection?.edges ?? [];

export default class PactCustomerHub extends LightningElement {
    @api recordId;
    @api objectApiName;

    labels = { loadFailed: LOAD_FAILED, noAccount: NO_ACCOUNT, skipToComposer: SKIP_TO_COMPOSER };

    result;
    lookedUpAccountId;
    caseContactId;
    lookupDone = false;
    subscriptions = [];

    @wire(MessageContext) messageContext;

    connectedCallback() {
        // A card saved by the quick action, the planner's outcome or a composer placed on its own, and a plan
        // saved in the planner, also belong on this page: one page, one truth, without a reload.
        this.subscriptions = [HIGH_CARD_SAVED, PLAN_SAVED].map((channel) =>
            subscribe(this.messageContext, channel, (message) => this.handleMessage(message))
        );
        // A card made by a standard action (the New High Card quick action) sends no message: the record page
        // refreshes its view after the action (RefreshView API), and the hub refreshes its query with it.
        this.refreshHandlerId = registerRefreshHandler(this, () => this.refresh().then(() => true));
    }

    disconnectedCallback() {
        this.subscriptions.forEach((subscription) => unsubscribe(subscription));
        this.subscriptions = [];
        unregisterRefreshHandler(this.refreshHandlerId);
    }

    handleMessage(message) {
        if (message?.accountId && message.accountId === this.accountId) this.refresh(message.recordId);
    }

    /** The keyboard's way to the composer: the skip link, a shell's own skip link, or a shortcut. */
    @api
    focus() {
        this.template.querySelector('c-pact-high-card-composer')?.focus();
    }

    handleSkip(event) {
        event.preventDefault();
        this.focus();
    }

    // On a contact or opportunity page the customer is its account. The page has loaded that record
    // already, so this read comes from the client cache and adds no GraphQL request.
    @wire(getRecord, { recordId: '$lookupRecordId', fields: '$lookupFields' })
    wiredPageRecord({ data, error }) {
        if (data) {
            // A support agent on a Case sees the case's customer; the card names the case's contact unless changed.
            const { accountId, contactId } = pageAccount(this.objectApiName, data);
            this.lookedUpAccountId = accountId;
            this.caseContactId = contactId || undefined;
            this.lookupDone = true;
        } else if (error) {
            this.lookupDone = true;
        }
    }

    @wire(graphql, { query: CUSTOMER_QUERY, variables: '$variables' })
    wiredCustomer(result) {
        this.result = result;
    }

    get lookupFields() {
        return pageAccountFields(this.objectApiName);
    }

    get lookupRecordId() {
        return this.lookupFields ? this.recordId : undefined;
    }

    @api
    get accountId() {
        if (this.objectApiName === 'Account' || !this.objectApiName) return this.recordId;
        return this.lookedUpAccountId || undefined;
    }

    /** Undefined until the account is known, which keeps the query from running with no customer. */
    get variables() {
        return this.accountId ? { accountId: this.accountId } : undefined;
    }

    get data() {
        return this.result?.data?.uiapi?.query;
    }

    get loading() {
        return Boolean(this.accountId) && !this.data && !this.hasErrors;
    }

    get hasErrors() {
        return Boolean(this.result?.errors?.length);
    }

    /** The server's own words, so a rep can tell an admin exactly what failed. */
    get errorDetails() {
        return serverMessage(this.result?.errors ?? []);
    }

    /** A contact, opportunity or case without an account has no customer to brief on. */
    get noAccount() {
        return Boolean(this.lookupFields) && this.lookupDone && !this.lookedUpAccountId;
    }

    /**
     * On a phone the rep is usually just out of a conversation: capturing comes before reading, after the one
     * thing nobody may miss, the customer alert (shown here, above the composer, instead of in the briefing).
     */
    get composerFirst() {
        return FORM_FACTOR === 'Small';
    }

    get phoneAlert() {
        return this.composerFirst ? this.account?.Customer_Alert__c?.value?.trim() || '' : '';
    }

    get composerAfterBriefing() {
        return !this.composerFirst;
    }

    get account() {
        return edgesOf(this.data?.Account)[0]?.node;
    }

    get highCards() {
        return this.data?.highCards;
    }

    get openActions() {
        return this.data?.openActions;
    }

    get upcomingPlans() {
        return this.data?.upcomingPlans;
    }

    get contactOptions() {
        if (!this.data) return undefined;
        return edgesOf(this.account?.Contacts).map(({ node }) => {
            const name = node.Name?.value ?? node.Id;
            const title = node.Title?.value;
            return { value: node.Id, label: title && title !== name ? `${name} (${title})` : name };
        });
    }

    get opportunityOptions() {
        if (!this.data) return undefined;
        return edgesOf(this.account?.Opportunities).map(({ node }) => ({
            value: node.Id,
            label: node.Name?.value ?? node.Id
        }));
    }

    handleSaved(event) {
        return this.refresh(event?.detail?.recordId);
    }

    /**
     * After a save: fetch the same query again (briefing and first timeline page), not a page reload. On a wide
     * screen the new card is then brought into view in the timeline, just below the composer; on a phone the
     * timeline is screens away, and scrolling there would take the composer (and the keyboard's focus in it) out
     * of sight: the composer's announcement says the card is saved instead.
     */
    async refresh(recordId) {
        const timeline = this.template.querySelector('c-pact-timeline');
        if (recordId && !this.composerFirst) timeline?.revealCard(recordId);
        await Promise.all([this.result?.refresh?.(), timeline?.refresh()]);
    }
}
