import { createElement } from 'lwc';
import PactPlanner from 'c/pactPlanner';
import { graphql } from 'lightning/graphql';
import { getRecord, createRecord, updateRecord } from 'lightning/uiRecordApi';
import { publish } from 'lightning/messageService';
import { RULES } from 'c/pactRules';

const PLANS = require('./data/plans.json');
const NO_PLANS = require('./data/noPlans.json');
const VALIDATION_ERROR = require('./data/validationError.json');
const ACCESS_ERROR = require('./data/accessError.json');
const CONTACT = require('./data/contact.json');
const CONTACT_WITHOUT_ACCOUNT = require('./data/contactWithoutAccount.json');
const OPPORTUNITY = require('./data/opportunity.json');

// lightning/graphql gives each emitted result a refresh(); the stub's emit takes it as third argument.
const refreshGraphQL = jest.fn(() => Promise.resolve());

// Labels that carry the server's words: give them their real shape so the test sees the words.
jest.mock('@salesforce/label/c.PACT_Planner_Save_Failed', () => ({ default: 'Not saved: {0}' }), { virtual: true });
jest.mock(
    '@salesforce/label/c.PACT_Planner_Card_Failed',
    () => ({ default: 'The outcome is saved, but the high card is not: {0}' }),
    { virtual: true }
);

const ACCOUNT_ID = '0015g00000Acme1AAB';
const ruleMessage = (name) => RULES.find((rule) => rule.name === name).message;
const flushPromises = () => new Promise((resolve) => process.nextTick(resolve));

function createPlanner(props = { recordId: ACCOUNT_ID, objectApiName: 'Account' }) {
    const element = createElement('c-pact-planner', { is: PactPlanner });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];

function type(input, value) {
    input.value = value;
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function planItem(element, id) {
    return $(element, `li[data-id="${id}"]`);
}

// The outcome panel is its own component (c-pact-outcome-panel): its parts live in its shadow root.
const outcomePanel = (item) => item.querySelector('c-pact-outcome-panel');
const inPanel = (item, selector) => outcomePanel(item).shadowRoot.querySelector(selector);
// The kinds are a radio group (the panel's c-pact-choice-group), its radios and message in its own shadow root.
const kindGroup = (item) => inPanel(item, 'c-pact-choice-group.kinds');
const cardError = (item) => kindGroup(item).shadowRoot.querySelector('.pact-choice-message');
const kindButtons = (item) => [...kindGroup(item).shadowRoot.querySelectorAll('button')];
const kindButton = (item, kind) => kindButtons(item).find((button) => button.dataset.value === kind);

async function renderWithPlans(data = PLANS, props) {
    const element = createPlanner(props);
    graphql.emit(data, undefined, refreshGraphQL);
    await flushPromises();
    return element;
}

describe('c-pact-planner', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        window.localStorage.clear();
    });

    describe('rendering', () => {
        it('asks for the account plans and lists upcoming plans first, soonest first', async () => {
            const element = await renderWithPlans();

            expect(graphql.getLastConfig().variables).toEqual({ accountId: ACCOUNT_ID });
            const upcoming = $$(element, 'ul.upcoming .objective-text').map((node) => node.textContent.trim());
            expect(upcoming).toEqual([
                'Learn why deliveries to the north warehouse keep arriving late',
                'Agree the scope of the spring pricing review with purchasing'
            ]);
            // Dates in the one format of pactFormat, as the briefing beside the planner writes them.
            expect($$(element, 'ul.upcoming .planned-for').map((node) => node.textContent.trim())).toEqual([
                'Nov 26, 2026',
                'Dec 9, 2026'
            ]);
            const earlier = $$(element, 'ul.earlier .objective-text').map((node) => node.textContent.trim());
            expect(earlier).toEqual([
                "Hear the operations team's view of the new billing portal",
                'Walk through the renewal terms before the board meeting',
                'Introduce the new service lead to the plant manager'
            ]);
        });

        it('shows who planned a conversation and with whom, but no counts per person', async () => {
            const element = await renderWithPlans();
            const first = planItem(element, 'a0B5g00000Qx1PlAAJ');
            expect(first.textContent).toContain('c.PACT_Planner_With_Contact');
            expect(first.textContent).toContain('c.PACT_Planner_Planned_By');
            expect(element.shadowRoot.textContent).not.toMatch(/\b\d+\s+(plans|calls|visits)\b/i);
        });

        it('offers to turn a held outcome into a high card only when it is not one yet', async () => {
            const element = await renderWithPlans();
            expect(planItem(element, 'a0B5g00000Qx1PnAAJ').querySelector('.make-card')).not.toBeNull();
            expect(planItem(element, 'a0B5g00000Qx1PoAAJ').querySelector('.make-card')).toBeNull();
            expect(planItem(element, 'a0B5g00000Qx1PoAAJ').querySelector('.card-kept')).not.toBeNull();
        });

        it('shows an empty state that says what to do next', async () => {
            const element = await renderWithPlans(NO_PLANS);
            expect($(element, '.empty').textContent).toBe('c.PACT_Planner_Empty');
            expect($(element, '.new-plan')).not.toBeNull();
        });

        it("shows the server's words when plans cannot be loaded", async () => {
            const element = createPlanner();
            graphql.emitErrors([{ message: 'Field Planned_For__c is not accessible to you.' }]);
            await flushPromises();
            const error = $(element, '.load-error');
            expect(error.getAttribute('role')).toBe('alert');
            expect(error.textContent).toContain('c.PACT_Planner_Load_Error');
            expect($(element, '.new-plan')).toBeNull();
        });

        it('finds the account of a contact and plans against it', async () => {
            const element = createPlanner({ recordId: '0035g00000AbCdEAAZ', objectApiName: 'Contact' });
            getRecord.emit(CONTACT);
            await flushPromises();
            expect(graphql.getLastConfig().variables).toEqual({ accountId: ACCOUNT_ID });
            graphql.emit(NO_PLANS, undefined, refreshGraphQL);
            await flushPromises();

            $(element, '.new-plan').click();
            await flushPromises();
            expect($(element, 'lightning-record-picker.contact').value).toBe('0035g00000AbCdEAAZ');
            type($(element, 'lightning-input.objective'), 'Agree who tests the new ordering portal');
            $(element, '.save-plan').click();
            await flushPromises();
            expect(createRecord.mock.calls[0][0].fields).toMatchObject({
                Account__c: ACCOUNT_ID,
                Contact__c: '0035g00000AbCdEAAZ'
            });
        });

        it('plans on the account of an opportunity and links the plan to the opportunity', async () => {
            const element = createPlanner({ recordId: '0065g00000XyZ12AAB', objectApiName: 'Opportunity' });
            getRecord.emit(OPPORTUNITY);
            await flushPromises();
            graphql.emit(NO_PLANS, undefined, refreshGraphQL);
            await flushPromises();
            $(element, '.new-plan').click();
            await flushPromises();
            type($(element, 'lightning-input.objective'), 'Confirm the budget owner for the fleet renewal');
            $(element, '.save-plan').click();
            await flushPromises();
            expect(createRecord.mock.calls[0][0].fields).toMatchObject({
                Account__c: ACCOUNT_ID,
                Opportunity__c: '0065g00000XyZ12AAB',
                Contact__c: null
            });
        });

        it('says so when a contact has no account', async () => {
            const element = createPlanner({ recordId: '0035g00000AbCdGAAZ', objectApiName: 'Contact' });
            getRecord.emit(CONTACT_WITHOUT_ACCOUNT);
            await flushPromises();
            expect($(element, '.no-account').textContent).toBe('c.PACT_Planner_No_Account');
            expect($(element, '.new-plan')).toBeNull();
        });
    });

    describe('planning', () => {
        it('checks the objective with the rulebook and saves nothing while it is too vague', async () => {
            const element = await renderWithPlans(NO_PLANS);
            $(element, '.new-plan').click();
            await flushPromises();
            type($(element, 'lightning-input.objective'), 'Catch up');
            $(element, '.save-plan').click();
            await flushPromises();

            // Shown by the field itself (constraint API): aria-invalid and aria-describedby in the browser.
            expect($(element, 'lightning-input.objective').helpMessage).toBe(ruleMessage('PACT_Objective_Specific'));
            expect(createRecord).not.toHaveBeenCalled();
        });

        it('creates a plan on the account, refreshes the list and tells the page (briefing)', async () => {
            createRecord.mockResolvedValueOnce({ id: 'a0B5g00000NewPlAAJ' });
            const element = await renderWithPlans(NO_PLANS);
            $(element, '.new-plan').click();
            await flushPromises();
            type($(element, 'lightning-input.objective'), '  Agree the scope of the spring pricing review  ');
            type($(element, 'lightning-input.planned-for'), '2026-12-09');
            type($(element, 'lightning-textarea.questions'), 'Which product lines are in scope?');
            $(element, 'lightning-record-picker.contact').dispatchEvent(
                new CustomEvent('change', { detail: { recordId: '0035g00000AbCdEAAZ' } })
            );
            $(element, '.save-plan').click();
            await flushPromises();

            expect(createRecord).toHaveBeenCalledWith({
                apiName: 'Call_Plan__c',
                fields: {
                    Account__c: ACCOUNT_ID,
                    Status__c: 'Planned',
                    Objective__c: 'Agree the scope of the spring pricing review',
                    Planned_For__c: '2026-12-09',
                    Contact__c: '0035g00000AbCdEAAZ',
                    Questions__c: 'Which product lines are in scope?',
                    Desired_Outcome__c: null
                }
            });
            expect(refreshGraphQL).toHaveBeenCalledTimes(1);
            expect(publish.mock.calls.map((call) => [call[1], call[2]])).toEqual([
                ['PACT_Plan_Saved__c', { recordId: 'a0B5g00000NewPlAAJ', accountId: ACCOUNT_ID }]
            ]);
            expect($(element, 'form')).toBeNull();
            expect($(element, '.status').textContent).toBe('c.PACT_Planner_Saved');
        });

        it("keeps what was typed and shows the server's message when a save fails", async () => {
            createRecord.mockRejectedValueOnce(ACCESS_ERROR);
            const element = await renderWithPlans(NO_PLANS);
            $(element, '.new-plan').click();
            await flushPromises();
            type($(element, 'lightning-input.objective'), 'Agree the scope of the spring pricing review');
            type($(element, 'lightning-textarea.desired-outcome'), 'A date for the review');
            $(element, '.save-plan').click();
            await flushPromises();

            expect($(element, '.form-server-error').textContent).toContain(
                "You don't have permission to create High Card records for this account."
            );
            expect($(element, 'lightning-input.objective').value).toBe('Agree the scope of the spring pricing review');
            expect($(element, 'lightning-textarea.desired-outcome').value).toBe('A date for the review');
            expect(refreshGraphQL).not.toHaveBeenCalled();
        });

        it('edits a plan with updateRecord', async () => {
            const element = await renderWithPlans();
            planItem(element, 'a0B5g00000Qx1PmAAJ').querySelector('.edit').click();
            await flushPromises();
            expect($(element, 'lightning-input.objective').value).toBe(
                'Learn why deliveries to the north warehouse keep arriving late'
            );
            type($(element, 'lightning-input.planned-for'), '2026-11-27');
            $(element, '.save-plan').click();
            await flushPromises();

            expect(updateRecord).toHaveBeenCalledWith({
                fields: {
                    Id: 'a0B5g00000Qx1PmAAJ',
                    Objective__c: 'Learn why deliveries to the north warehouse keep arriving late',
                    Planned_For__c: '2026-11-27',
                    Contact__c: null,
                    Questions__c: null,
                    Desired_Outcome__c: null
                }
            });
            expect(createRecord).not.toHaveBeenCalled();
        });

        it('cancels a plan after asking once', async () => {
            const element = await renderWithPlans();
            const item = planItem(element, 'a0B5g00000Qx1PlAAJ');
            item.querySelector('.cancel-plan').click();
            await flushPromises();
            expect(updateRecord).not.toHaveBeenCalled();
            item.querySelector('.confirm-cancel-yes').click();
            await flushPromises();
            expect(updateRecord).toHaveBeenCalledWith({ fields: { Id: 'a0B5g00000Qx1PlAAJ', Status__c: 'Cancelled' } });
            expect(refreshGraphQL).toHaveBeenCalled();
            expect(publish.mock.calls.map((call) => call[1])).toEqual(['PACT_Plan_Saved__c']);
        });
    });

    describe('held, outcome and high card', () => {
        it('requires the outcome in words before marking a plan held (rulebook)', async () => {
            const element = await renderWithPlans();
            const item = planItem(element, 'a0B5g00000Qx1PlAAJ');
            item.querySelector('.mark-held').click();
            await flushPromises();
            type(inPanel(item, 'lightning-textarea.outcome'), '   ');
            inPanel(item, '.save-outcome').click();
            await flushPromises();

            expect(inPanel(item, 'lightning-textarea.outcome').helpMessage).toBe(
                ruleMessage('PACT_Held_Needs_Outcome')
            );
            expect(updateRecord).not.toHaveBeenCalled();
        });

        it('marks held and keeps the outcome as a high card in one step, and tells the page about both', async () => {
            createRecord.mockResolvedValueOnce({ id: 'a015g00000NewCdAAF' });
            const element = await renderWithPlans();
            const item = planItem(element, 'a0B5g00000Qx1PlAAJ');
            item.querySelector('.mark-held').click();
            await flushPromises();
            const outcome =
                'Purchasing will only review prices if we include the spare parts catalogue. They asked for a draft by Friday.';
            type(inPanel(item, 'lightning-textarea.outcome'), outcome);
            kindButton(item, 'Request').click();
            await flushPromises();
            expect(kindButton(item, 'Request').getAttribute('aria-checked')).toBe('true');
            inPanel(item, '.save-outcome').click();
            await flushPromises();

            expect(updateRecord).toHaveBeenCalledWith({
                fields: { Id: 'a0B5g00000Qx1PlAAJ', Status__c: 'Held', Outcome__c: outcome }
            });
            const card = createRecord.mock.calls[0][0];
            expect(card.apiName).toBe('High_Card__c');
            expect(card.fields).toMatchObject({
                Account__c: ACCOUNT_ID,
                Plan__c: 'a0B5g00000Qx1PlAAJ',
                Contact__c: '0035g00000AbCdEAAZ',
                Kind__c: 'Request',
                Details__c: outcome
            });
            expect(card.fields.Name.length).toBeLessThanOrEqual(80);
            expect(refreshGraphQL).toHaveBeenCalledTimes(1);
            // The briefing (planned conversations) and the timeline (the new card) beside the planner refresh.
            expect(publish.mock.calls.map((call) => [call[1], call[2]])).toEqual([
                ['PACT_Plan_Saved__c', { recordId: 'a0B5g00000Qx1PlAAJ', accountId: ACCOUNT_ID }],
                ['PACT_High_Card_Saved__c', { recordId: 'a015g00000NewCdAAF', accountId: ACCOUNT_ID }]
            ]);
            expect($(element, '.status').textContent).toBe('c.PACT_Planner_Card_Saved');
        });

        it('marks held without a card when no kind is chosen', async () => {
            const element = await renderWithPlans();
            const item = planItem(element, 'a0B5g00000Qx1PmAAJ');
            item.querySelector('.mark-held').click();
            await flushPromises();
            type(inPanel(item, 'lightning-textarea.outcome'), 'The late deliveries come from the new carrier.');
            inPanel(item, '.save-outcome').click();
            await flushPromises();
            expect(updateRecord).toHaveBeenCalledTimes(1);
            expect(createRecord).not.toHaveBeenCalled();
        });

        it('runs the high-card rules first and saves nothing when the outcome is a low card', async () => {
            const element = await renderWithPlans();
            const item = planItem(element, 'a0B5g00000Qx1PlAAJ');
            item.querySelector('.mark-held').click();
            await flushPromises();
            type(inPanel(item, 'lightning-textarea.outcome'), 'Met with the client, followed up by email');
            kindButton(item, 'Feedback').click();
            await flushPromises();
            inPanel(item, '.save-outcome').click();
            await flushPromises();

            expect(cardError(item).textContent.trim()).toBe(ruleMessage('PACT_No_Low_Cards'));
            expect(updateRecord).not.toHaveBeenCalled();
            expect(createRecord).not.toHaveBeenCalled();
            expect(inPanel(item, 'lightning-textarea.outcome').value).toBe('Met with the client, followed up by email');
        });

        it("keeps the outcome and shows the server's message when marking held fails", async () => {
            updateRecord.mockRejectedValueOnce(VALIDATION_ERROR);
            const element = await renderWithPlans();
            const item = planItem(element, 'a0B5g00000Qx1PlAAJ');
            item.querySelector('.mark-held').click();
            await flushPromises();
            type(inPanel(item, 'lightning-textarea.outcome'), 'They will decide after the trade fair.');
            inPanel(item, '.save-outcome').click();
            await flushPromises();

            expect(inPanel(item, '.outcome-server-error').textContent).toContain(
                ruleMessage('PACT_Held_Needs_Outcome')
            );
            expect(inPanel(item, 'lightning-textarea.outcome').value).toBe('They will decide after the trade fair.');
        });

        it('keeps the plan held and offers the card again when only the card fails', async () => {
            createRecord.mockRejectedValueOnce(ACCESS_ERROR);
            const element = await renderWithPlans();
            const item = planItem(element, 'a0B5g00000Qx1PlAAJ');
            item.querySelector('.mark-held').click();
            await flushPromises();
            type(
                inPanel(item, 'lightning-textarea.outcome'),
                'They will move the whole fleet to us if the pilot site is live by March.'
            );
            kindButton(item, 'Buying Signal').click();
            await flushPromises();
            inPanel(item, '.save-outcome').click();
            await flushPromises();

            const heldItem = planItem(element, 'a0B5g00000Qx1PlAAJ');
            expect(heldItem.closest('ul').classList.contains('earlier')).toBe(true);
            expect(inPanel(heldItem, '.outcome-server-error').textContent).toContain(
                "You don't have permission to create High Card records for this account."
            );

            inPanel(heldItem, '.save-outcome').click();
            await flushPromises();
            expect(updateRecord).toHaveBeenCalledTimes(1);
            expect(createRecord).toHaveBeenCalledTimes(2);
            expect(createRecord.mock.calls[1][0].fields.Kind__c).toBe('Buying Signal');
        });

        it('turns an earlier outcome into a high card in one step', async () => {
            const element = await renderWithPlans();
            const item = planItem(element, 'a0B5g00000Qx1PnAAJ');
            item.querySelector('.make-card').click();
            await flushPromises();
            inPanel(item, '.save-outcome').click();
            await flushPromises();
            expect(cardError(item).textContent.trim()).toBe('c.PACT_Planner_Kind_Required');
            expect(createRecord).not.toHaveBeenCalled();

            kindButton(item, 'Complaint').click();
            await flushPromises();
            inPanel(item, '.save-outcome').click();
            await flushPromises();
            expect(updateRecord).not.toHaveBeenCalled();
            expect(createRecord.mock.calls[0][0].fields).toMatchObject({
                Plan__c: 'a0B5g00000Qx1PnAAJ',
                Contact__c: '0035g00000AbCdFAAZ',
                Kind__c: 'Complaint',
                Details__c:
                    'They want invoices split by cost centre before the next quarter, otherwise finance rejects them.',
                Occurred_On__c: '2026-11-12'
            });
        });
    });

    describe('drafts', () => {
        const reload = async (element) => {
            document.body.removeChild(element);
            return renderWithPlans();
        };

        it('brings back an unsaved plan after a reload, and forgets it once the server has it', async () => {
            let element = await renderWithPlans();
            $(element, '.new-plan').click();
            await flushPromises();
            type($(element, 'lightning-input.objective'), 'Find out who replaces the plant manager in January');
            element = await reload(element);

            expect($(element, 'lightning-input.objective').value).toBe(
                'Find out who replaces the plant manager in January'
            );
            expect($(element, '.status').textContent).toBe('c.PACT_Planner_Draft_Restored');

            $(element, '.save-plan').click();
            await flushPromises();
            expect(createRecord).toHaveBeenCalledTimes(1);
            element = await reload(element);
            expect($(element, 'form')).toBeNull();
        });

        it('keeps a failed save in the browser too', async () => {
            createRecord.mockRejectedValueOnce(ACCESS_ERROR);
            let element = await renderWithPlans();
            $(element, '.new-plan').click();
            await flushPromises();
            type($(element, 'lightning-input.objective'), 'Find out who replaces the plant manager in January');
            $(element, '.save-plan').click();
            await flushPromises();
            element = await reload(element);
            expect($(element, 'lightning-input.objective').value).toBe(
                'Find out who replaces the plant manager in January'
            );
        });

        it('brings back an unsaved outcome in its open panel', async () => {
            let element = await renderWithPlans();
            planItem(element, 'a0B5g00000Qx1PlAAJ').querySelector('.mark-held').click();
            await flushPromises();
            type(
                inPanel(planItem(element, 'a0B5g00000Qx1PlAAJ'), 'lightning-textarea.outcome'),
                'They will sign if we add the spare parts catalogue.'
            );
            element = await reload(element);
            const panel = outcomePanel(planItem(element, 'a0B5g00000Qx1PlAAJ'));
            expect(panel.shadowRoot.querySelector('lightning-textarea.outcome').value).toBe(
                'They will sign if we add the spare parts catalogue.'
            );
        });

        it('brings back the plan and outcome a rep typed before this version, and stores them anew', async () => {
            // sfdx-lwc-jest gives @salesforce/user/Id this value.
            const oldKey = `pact.planDraft.v1:005000000000000000:${ACCOUNT_ID}`;
            window.localStorage.setItem(
                oldKey,
                JSON.stringify({
                    form: { Objective__c: 'Find out who replaces the plant manager in January' },
                    outcomes: { a0B5g00000Qx1PlAAJ: 'They will sign if we add the spare parts catalogue.' }
                })
            );
            let element = await renderWithPlans();
            expect($(element, 'lightning-input.objective').value).toBe(
                'Find out who replaces the plant manager in January'
            );
            type($(element, 'lightning-input.objective'), 'Find out who replaces the plant manager in February');
            expect(window.localStorage.getItem(oldKey)).toBeNull();

            element = await reload(element);
            expect($(element, 'lightning-input.objective').value).toBe(
                'Find out who replaces the plant manager in February'
            );
            $(element, '.close-form').click();
            await flushPromises();
            planItem(element, 'a0B5g00000Qx1PlAAJ').querySelector('.mark-held').click();
            await flushPromises();
            expect(inPanel(planItem(element, 'a0B5g00000Qx1PlAAJ'), 'lightning-textarea.outcome').value).toBe(
                'They will sign if we add the spare parts catalogue.'
            );
        });

        it('keeps working when the browser refuses to store drafts', async () => {
            const setItem = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
                throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            });
            try {
                const element = await renderWithPlans(NO_PLANS);
                $(element, '.new-plan').click();
                await flushPromises();
                expect($(element, '.draft-not-stored')).toBeNull();
                type($(element, 'lightning-input.objective'), 'Agree who tests the new ordering portal');
                await flushPromises();
                expect($(element, '.draft-not-stored').textContent.trim()).toBe('c.PACT_Planner_Draft_Not_Stored');
                $(element, '.save-plan').click();
                await flushPromises();
                expect(createRecord).toHaveBeenCalledTimes(1);
                // Saved on the server: nothing is left to keep, so the warning goes.
                expect($(element, '.draft-not-stored')).toBeNull();
            } finally {
                setItem.mockRestore();
            }
        });
    });

    describe('keyboard', () => {
        it('closes the form with Escape and brings the typed words back on reopening', async () => {
            const element = await renderWithPlans(NO_PLANS);
            $(element, '.new-plan').click();
            await flushPromises();
            type($(element, 'lightning-input.objective'), 'Agree who tests the new ordering portal');
            $(element, 'form').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
            await flushPromises();
            expect($(element, 'form')).toBeNull();
            expect($(element, '.new-plan').getAttribute('aria-expanded')).toBe('false');

            $(element, '.new-plan').click();
            await flushPromises();
            expect($(element, 'lightning-input.objective').value).toBe('Agree who tests the new ordering portal');
        });

        it('saves a plan and an outcome with Ctrl+Enter from any field', async () => {
            const element = await renderWithPlans();
            $(element, '.new-plan').click();
            await flushPromises();
            const objective = $(element, 'lightning-input.objective');
            type(objective, 'Agree who tests the new ordering portal');
            objective.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
            await flushPromises();
            expect(createRecord).toHaveBeenCalledTimes(1);

            const item = planItem(element, 'a0B5g00000Qx1PmAAJ');
            item.querySelector('.mark-held').click();
            await flushPromises();
            const outcome = inPanel(item, 'lightning-textarea.outcome');
            type(outcome, 'The late deliveries come from the new carrier.');
            outcome.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', metaKey: true, bubbles: true }));
            await flushPromises();
            expect(updateRecord).toHaveBeenCalledWith({
                fields: {
                    Id: 'a0B5g00000Qx1PmAAJ',
                    Status__c: 'Held',
                    Outcome__c: 'The late deliveries come from the new carrier.'
                }
            });
        });

        it('does not save on a plain Enter in a text area', async () => {
            const element = await renderWithPlans(NO_PLANS);
            $(element, '.new-plan').click();
            await flushPromises();
            type($(element, 'lightning-input.objective'), 'Agree who tests the new ordering portal');
            $(element, 'lightning-textarea.questions').dispatchEvent(
                new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })
            );
            await flushPromises();
            expect(createRecord).not.toHaveBeenCalled();
        });

        it('offers kinds as one radio group whose radios report their checked state', async () => {
            const element = await renderWithPlans();
            const item = planItem(element, 'a0B5g00000Qx1PnAAJ');
            item.querySelector('.make-card').click();
            await flushPromises();
            const kinds = kindButtons(item);
            expect(kinds.map((button) => button.dataset.value)).toEqual([
                'Feedback',
                'Request',
                'Commitment',
                'Competitor',
                'Buying Signal',
                'Risk',
                'Praise',
                'Complaint'
            ]);
            expect(kinds[1].textContent.trim()).toBe('c.PACT_Kind_Request');
            kinds[1].focus();
            expect(element.shadowRoot.activeElement).toBe(outcomePanel(item));
            expect(outcomePanel(item).shadowRoot.activeElement).toBe(kindGroup(item));
            expect(kindGroup(item).shadowRoot.activeElement).toBe(kinds[1]);
            kinds[1].click();
            await flushPromises();
            expect(kinds[1].getAttribute('aria-checked')).toBe('true');
            kinds[1].click();
            await flushPromises();
            expect(kinds[1].getAttribute('aria-checked')).toBe('false');

            inPanel(item, '.outcome-panel').dispatchEvent(
                new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })
            );
            await flushPromises();
            expect(outcomePanel(item)).toBeNull();
        });
    });

    describe('accessibility', () => {
        it('is accessible with plans, an open form and an open outcome panel', async () => {
            const element = await renderWithPlans();
            $(element, '.new-plan').click();
            planItem(element, 'a0B5g00000Qx1PlAAJ').querySelector('.mark-held').click();
            await flushPromises();
            await expect(element).toBeAccessible();
        });

        it('is accessible with refused fields: a vague objective and an outcome without words', async () => {
            const element = await renderWithPlans();
            $(element, '.new-plan').click();
            await flushPromises();
            type($(element, 'lightning-input.objective'), 'Call');
            $(element, '.save-plan').click();
            const item = planItem(element, 'a0B5g00000Qx1PlAAJ');
            item.querySelector('.mark-held').click();
            await flushPromises();
            inPanel(item, '.save-outcome').click();
            await flushPromises();
            expect($(element, 'lightning-input.objective').helpMessage).toBeTruthy();
            expect(inPanel(item, 'lightning-textarea.outcome').helpMessage).toBeTruthy();
            await expect(element).toBeAccessible();
        });

        it('is accessible when empty and when loading fails', async () => {
            const element = await renderWithPlans(NO_PLANS);
            await expect(element).toBeAccessible();
            graphql.emitErrors([{ message: 'Request failed' }]);
            await flushPromises();
            await expect(element).toBeAccessible();
        });
    });
});
