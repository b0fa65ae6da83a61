import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import { NavigationMixin } from 'lightning/navigation';
import USER_ID from '@salesforce/user/Id';
import LABELS from './labels';
import { formatLabel, formatDate, isOverdue, todayInTimeZone } from 'c/pactFormat';
import { serverMessage } from 'c/pactSaveErrors';

// The current user's next conversations and the customer actions waiting on them.
// Call_Plan__c is the detail of Account (master-detail), so it has no OwnerId: "my plans" are
// the plans I created. High cards name who must act in Needs_Action_By__c.
// Nothing here is counted or scored: the lists only lead to the records.
// The open action statuses are the rulebook's OPEN_ACTION_STATUSES, written out because a gql
// template takes no interpolation; the component test fails if the two drift apart.
const MY_WEEK_QUERY = gql`
    query pactMyWeek($userId: ID, $from: Date, $until: Date) {
        uiapi {
            query {
                Call_Plan__c(
                    where: {
                        and: [
                            { CreatedById: { eq: $userId } }
                            { Status__c: { eq: "Planned" } }
                            { Planned_For__c: { gte: { value: $from } } }
                            { Planned_For__c: { lte: { value: $until } } }
                        ]
                    }
                    orderBy: { Planned_For__c: { order: ASC } }
                    first: 25
                ) {
                    edges {
                        node {
                            Id
                            Objective__c {
                                value
                            }
                            Planned_For__c {
                                value
                            }
                            Account__r {
                                Name {
                                    value
                                }
                            }
                            Contact__r {
                                Name {
                                    value
                                }
                            }
                        }
                    }
                }
                High_Card__c(
                    where: {
                        and: [
                            { Needs_Action_By__c: { eq: $userId } }
                            { Action_Status__c: { in: ["Open", "In Progress"] } }
                        ]
                    }
                    orderBy: { Action_Due__c: { order: ASC } }
                    first: 25
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
                            Action_Due__c {
                                value
                            }
                            Action_Status__c {
                                value
                                displayValue
                            }
                            Account__r {
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

const value = (field) => (field ? (field.value ?? null) : null);
const display = (field) => (field ? field.displayValue || field.value || '' : '');
const DAY_MS = 24 * 60 * 60 * 1000;

export default class PactMyWeek extends NavigationMixin(LightningElement) {
    /** How many days ahead "my week" looks (App Builder property, 7 to 14). */
    @api days = 14;

    labels = LABELS;
    plans = [];
    actions = [];
    loaded = false;
    loadError;

    get variables() {
        const days = Math.min(14, Math.max(7, Number(this.days) || 14));
        // Days as the rep counts them: from today in their time zone.
        const from = todayInTimeZone();
        return {
            userId: USER_ID,
            from,
            until: new Date(Date.parse(`${from}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
        };
    }

    @wire(graphql, { query: MY_WEEK_QUERY, variables: '$variables' })
    wiredWeek({ data, errors }) {
        if (data) {
            const query = data.uiapi.query;
            this.plans = query.Call_Plan__c.edges.map(({ node }) => ({
                id: node.Id,
                objective: value(node.Objective__c),
                plannedFor: formatDate(value(node.Planned_For__c)),
                where: [
                    node.Account__r ? value(node.Account__r.Name) : null,
                    node.Contact__r ? value(node.Contact__r.Name) : null
                ]
                    .filter(Boolean)
                    .join(' · '),
                url: `/lightning/r/Call_Plan__c/${node.Id}/view`,
                objectApiName: 'Call_Plan__c'
            }));
            // Due soonest first; undated actions after dated ones (the server sorts nulls first).
            this.actions = query.High_Card__c.edges
                .map(({ node }) => {
                    const due = value(node.Action_Due__c);
                    return {
                        id: node.Id,
                        headline: value(node.Name),
                        kind: display(node.Kind__c),
                        status: display(node.Action_Status__c),
                        due,
                        // One format for every calendar date (pactFormat), in the rep's locale.
                        dueText: due ? `${LABELS.due} ${formatDate(due)}` : LABELS.noDue,
                        overdue: isOverdue(due, value(node.Action_Status__c)),
                        account: node.Account__r ? formatLabel(LABELS.atAccount, value(node.Account__r.Name)) : '',
                        url: `/lightning/r/High_Card__c/${node.Id}/view`,
                        objectApiName: 'High_Card__c'
                    };
                })
                .sort((a, b) => (a.due || '9999-12-31').localeCompare(b.due || '9999-12-31'));
            this.loadError = undefined;
            this.loaded = true;
        } else if (errors) {
            this.loadError = formatLabel(LABELS.loadError, serverMessage(errors));
            this.loaded = true;
        }
    }

    /** Overdue in words, not by colour alone. */
    overdueClass = 'slds-badge pact-overdue';

    get isLoading() {
        return !this.loaded;
    }

    get hasPlans() {
        return this.plans.length > 0;
    }

    get hasActions() {
        return this.actions.length > 0;
    }

    get showLists() {
        return this.loaded && !this.loadError;
    }

    handleOpen(event) {
        // Keep the link a real link (new tab, copy address) but navigate inside the app on a plain click.
        event.preventDefault();
        const { id, object } = event.currentTarget.dataset;
        this[NavigationMixin.Navigate]({
            type: 'standard__recordPage',
            attributes: { recordId: id, objectApiName: object, actionName: 'view' }
        });
    }
}
