import { LightningElement, api } from 'lwc';
import TITLE from '@salesforce/label/c.PACT_Briefing_Title';
import CASES from '@salesforce/label/c.PACT_Briefing_Open_Cases';
import CASES_EMPTY from '@salesforce/label/c.PACT_Briefing_Open_Cases_Empty';
import CASE_WORD from '@salesforce/label/c.PACT_Briefing_Case';
import OPPORTUNITIES from '@salesforce/label/c.PACT_Briefing_Open_Opportunities';
import OPPORTUNITIES_EMPTY from '@salesforce/label/c.PACT_Briefing_Open_Opportunities_Empty';
import HIGH_CARDS from '@salesforce/label/c.PACT_Briefing_Latest_High_Cards';
import HIGH_CARDS_EMPTY from '@salesforce/label/c.PACT_Briefing_Latest_High_Cards_Empty';
import ACTIONS from '@salesforce/label/c.PACT_Briefing_Open_Actions';
import ACTIONS_EMPTY from '@salesforce/label/c.PACT_Briefing_Open_Actions_Empty';
import PLANS from '@salesforce/label/c.PACT_Briefing_Upcoming_Plans';
import PLANS_EMPTY from '@salesforce/label/c.PACT_Briefing_Upcoming_Plans_Empty';
import CONTACTS from '@salesforce/label/c.PACT_Briefing_Key_Contacts';
import CONTACTS_EMPTY from '@salesforce/label/c.PACT_Briefing_Key_Contacts_Empty';
import LOADING from '@salesforce/label/c.PACT_Briefing_Loading';
import CLOSES from '@salesforce/label/c.PACT_Briefing_Closes';
import DUE from '@salesforce/label/c.PACT_Briefing_Due';
import OVERDUE from '@salesforce/label/c.PACT_Action_Overdue';
import { formatLabel, formatDate, isOverdue } from 'c/pactFormat';
import { KIND_OPTIONS, choiceWords } from 'c/pactPicklists';

/** How many of the newest high cards a briefing shows; the timeline below has the rest. */
const LATEST_HIGH_CARDS = 3;

const nodes = (connection) => (connection?.edges ?? []).map((edge) => edge.node).filter(Boolean);
const shown = (field) => field?.displayValue ?? field?.value ?? '';
// Every calendar date in one format, the rep's locale (pactFormat), whatever the server's displayValue says.
const day = (field) => formatDate(field?.value);
const recordUrl = (objectApiName, id) => `/lightning/r/${objectApiName}/${id}/view`;

/**
 * Everything a rep needs before a call, on one card. Shows what pactCustomerHub loaded: it never
 * queries on its own, so the record page costs one request.
 */
export default class PactBriefing extends LightningElement {
    /** The Account node of the hub's query (with Cases, Opportunities, Contacts). */
    @api account;
    @api highCards;
    @api openActions;
    @api upcomingPlans;
    @api loading = false;
    /** On a phone the hub shows the alert itself, above the composer: not twice. */
    @api hideAlert = false;

    labels = {
        title: TITLE,
        cases: CASES,
        casesEmpty: CASES_EMPTY,
        opportunities: OPPORTUNITIES,
        opportunitiesEmpty: OPPORTUNITIES_EMPTY,
        highCards: HIGH_CARDS,
        highCardsEmpty: HIGH_CARDS_EMPTY,
        actions: ACTIONS,
        actionsEmpty: ACTIONS_EMPTY,
        plans: PLANS,
        plansEmpty: PLANS_EMPTY,
        contacts: CONTACTS,
        contactsEmpty: CONTACTS_EMPTY,
        loading: LOADING,
        overdue: OVERDUE
    };

    get ready() {
        return Boolean(this.account) && !this.loading;
    }

    get accountName() {
        return this.account?.Name?.value ?? '';
    }

    /** One string: the template compiler would drop the space between a text and an element. */
    get heading() {
        return this.accountName ? `${this.labels.title}: ${this.accountName}` : this.labels.title;
    }

    get customerAlert() {
        return this.account?.Customer_Alert__c?.value?.trim() || '';
    }

    get shownAlert() {
        return this.hideAlert ? '' : this.customerAlert;
    }

    get cases() {
        return nodes(this.account?.Cases).map((node) => {
            const number = node.CaseNumber?.value ?? '';
            const subject = node.Subject?.value ?? '';
            // A link always has words: the case number, else its subject, else the word for a case.
            return {
                id: node.Id,
                url: recordUrl('Case', node.Id),
                linkText: number || subject || CASE_WORD,
                subject: number ? subject : '',
                status: shown(node.Status),
                priority: shown(node.Priority)
            };
        });
    }

    get opportunities() {
        return nodes(this.account?.Opportunities).map((node) => ({
            id: node.Id,
            url: recordUrl('Opportunity', node.Id),
            name: node.Name?.value ?? '',
            stage: shown(node.StageName),
            closes: formatLabel(CLOSES, day(node.CloseDate))
        }));
    }

    get latestHighCards() {
        return nodes(this.highCards)
            .slice(0, LATEST_HIGH_CARDS)
            .map((node) => ({
                id: node.Id,
                url: recordUrl('High_Card__c', node.Id),
                headline: node.Name?.value ?? '',
                kind: choiceWords(KIND_OPTIONS, node.Kind__c),
                occurredOn: day(node.Occurred_On__c),
                contact: node.Contact__r?.Name?.value ?? ''
            }));
    }

    get actions() {
        return nodes(this.openActions).map((node) => ({
            id: node.Id,
            url: recordUrl('High_Card__c', node.Id),
            headline: node.Name?.value ?? '',
            who: node.Needs_Action_By__r?.Name?.value ?? '',
            status: shown(node.Action_Status__c),
            due: node.Action_Due__c?.value ? formatLabel(DUE, day(node.Action_Due__c)) : '',
            overdue: isOverdue(node.Action_Due__c?.value, node.Action_Status__c?.value)
        }));
    }

    get plans() {
        return nodes(this.upcomingPlans).map((node) => ({
            id: node.Id,
            url: recordUrl('Call_Plan__c', node.Id),
            objective: node.Objective__c?.value ?? '',
            plannedFor: day(node.Planned_For__c),
            contact: node.Contact__r?.Name?.value ?? ''
        }));
    }

    get contacts() {
        return nodes(this.account?.Contacts).map((node) => ({
            id: node.Id,
            url: recordUrl('Contact', node.Id),
            name: node.Name?.value ?? '',
            title: node.Title?.value ?? '',
            phone: node.Phone?.value ?? '',
            phoneUrl: node.Phone?.value ? `tel:${node.Phone.value}` : '',
            email: node.Email?.value ?? '',
            emailUrl: node.Email?.value ? `mailto:${node.Email.value}` : ''
        }));
    }

    get hasCases() {
        return this.cases.length > 0;
    }
    get hasOpportunities() {
        return this.opportunities.length > 0;
    }
    get hasHighCards() {
        return this.latestHighCards.length > 0;
    }
    get hasActions() {
        return this.actions.length > 0;
    }
    get hasPlans() {
        return this.plans.length > 0;
    }
    get hasContacts() {
        return this.contacts.length > 0;
    }
}
