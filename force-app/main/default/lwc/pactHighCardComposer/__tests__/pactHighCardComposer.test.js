import { createElement } from 'lwc';
import PactHighCardComposer from 'c/pactHighCardComposer';
import { createRecord, getRecord } from 'lightning/uiRecordApi';
import { publish } from 'lightning/messageService';
import { draftKey } from 'c/pactDrafts';
import { preferencesKey } from 'c/pactPreferences';
import { RULES, LIMITS } from 'c/pactRules';
import { $, choiceButtons, choiceButton, chooseKind, type, pick, errorFor, openMore, save, flush } from './driver';

const createRecordSuccess = require('./data/createRecordSuccess.json');
const createRecordValidationError = require('./data/createRecordValidationError.json');

// sfdx-lwc-jest gives @salesforce/user/Id this value.
const USER_ID = '005000000000000000';
const ACCOUNT_ID = '001Dn00000AbCdEIAV';
const CUSTOMER_WORDS =
    'Head of Purchasing asked whether we can deliver the spring order two weeks earlier than planned.';
// Passes the rulebook; the fixture's server answer is an admin's own validation rule against payment data.
const CARD_NUMBER_WORDS = 'Accounts payable gave us card 4111 1111 1111 1111 to settle the March invoice.';
const ruleMessage = (name) => RULES.find((rule) => rule.name === name).message;

function createComposer(props = {}) {
    const element = createElement('c-pact-high-card-composer', { is: PactHighCardComposer });
    Object.assign(element, { recordId: ACCOUNT_ID, objectApiName: 'Account', ...props });
    document.body.appendChild(element);
    return element;
}

const storedDraft = (recordId = ACCOUNT_ID) =>
    JSON.parse(localStorage.getItem(draftKey('highCard', USER_ID, recordId)));

/**
 * A new component on the same record, as after a refresh: the stored complaint is offered and Restore brings it
 * back; on the next refresh Discard lets it go.
 */
async function restoreThenDiscard() {
    let element = createComposer();
    await flush();
    expect($(element, '.pact-draft-offer')).not.toBeNull();
    expect($(element, 'lightning-textarea.pact-details')).toBeNull();
    $(element, 'button.pact-restore').click();
    await flush();
    expect($(element, 'lightning-textarea.pact-details').value).toBe(CUSTOMER_WORDS);
    expect(choiceButton(element, 'Kind__c', 'Complaint').getAttribute('aria-checked')).toBe('true');
    document.body.removeChild(element);

    element = createComposer();
    await flush();
    $(element, 'button.pact-discard').click();
    await flush();
    expect($(element, 'lightning-textarea.pact-details').value).toBe('');
    expect(localStorage.getItem(draftKey('highCard', USER_ID, ACCOUNT_ID))).toBeNull();
}

describe('c-pact-high-card-composer', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        localStorage.clear();
        createRecord.mockReset();
        publish.mockClear();
    });

    it('offers every kind as a radio of one radio group, not a dropdown', async () => {
        const element = createComposer();
        await flush();
        const buttons = choiceButtons(element, 'Kind__c');
        expect(buttons.map((b) => b.dataset.value)).toEqual([
            'Feedback',
            'Request',
            'Commitment',
            'Competitor',
            'Buying Signal',
            'Risk',
            'Praise',
            'Complaint'
        ]);
        expect(buttons.every((b) => b.getAttribute('aria-checked') === 'false')).toBe(true);
        chooseKind(element, 'Risk');
        await flush();
        expect(choiceButton(element, 'Kind__c', 'Risk').getAttribute('aria-checked')).toBe('true');
        expect(choiceButton(element, 'Kind__c', 'Praise').getAttribute('aria-checked')).toBe('false');
        // Required: a second press keeps the kind (only the optional sentiment can be cleared that way).
        chooseKind(element, 'Risk');
        await flush();
        expect(choiceButton(element, 'Kind__c', 'Risk').getAttribute('aria-checked')).toBe('true');
    });

    it('saves a typical card in three interactions with the right fields and asks for a refresh', async () => {
        createRecord.mockResolvedValue(createRecordSuccess);
        const element = createComposer();
        const saved = jest.fn();
        const toast = jest.fn();
        element.addEventListener('highcardsaved', saved);
        element.addEventListener('lightning__showtoast', toast);
        await flush();

        chooseKind(element, 'Request');
        type(element, 'lightning-textarea.pact-details', CUSTOMER_WORDS);
        await save(element);

        expect(createRecord).toHaveBeenCalledTimes(1);
        const { apiName, fields } = createRecord.mock.calls[0][0];
        expect(apiName).toBe('High_Card__c');
        expect(fields).toEqual({
            Name: 'Head of Purchasing asked whether we can deliver the spring order two weeks…',
            Account__c: ACCOUNT_ID,
            Kind__c: 'Request',
            Details__c: CUSTOMER_WORDS,
            Action_Status__c: 'Not Needed',
            Occurred_On__c: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)
        });
        expect(fields.Name.length).toBeLessThanOrEqual(LIMITS.headlineMax);
        expect(saved).toHaveBeenCalledTimes(1);
        expect(saved.mock.calls[0][0].detail.recordId).toBe(createRecordSuccess.id);
        expect(toast).toHaveBeenCalledTimes(1);
        expect(localStorage.getItem(draftKey('highCard', USER_ID, ACCOUNT_ID))).toBeNull();
        expect($(element, 'lightning-textarea.pact-details').value).toBe('');
    });

    it('sends contact, opportunity, who acts and due date, and marks the action open', async () => {
        createRecord.mockResolvedValue(createRecordSuccess);
        const element = createComposer({
            accountId: ACCOUNT_ID,
            contacts: [{ value: '003Dn00000Q1w2eIAB', label: 'Head of Purchasing' }],
            opportunities: [{ value: '006Dn00000R5t6yIAB', label: 'Spring replenishment 2027' }]
        });
        await flush();
        await openMore(element);
        chooseKind(element, 'Commitment');
        type(
            element,
            'lightning-textarea.pact-details',
            'They will sign the framework agreement once legal has reviewed clause 7.'
        );
        type(element, 'lightning-input.pact-headline', 'Framework agreement after legal review');
        type(element, 'lightning-combobox.pact-contact', '003Dn00000Q1w2eIAB');
        type(element, 'lightning-combobox.pact-opportunity', '006Dn00000R5t6yIAB');
        type(element, 'lightning-combobox.pact-theme', 'Relationship');
        choiceButton(element, 'Sentiment__c', 'Positive').click();
        pick(element, 'lightning-record-picker.pact-needs-action-by', '005Dn00000Z9x8wIAB');
        type(element, 'lightning-input.pact-action-due', '2026-12-04');
        await save(element);

        expect(createRecord.mock.calls[0][0].fields).toMatchObject({
            Name: 'Framework agreement after legal review',
            Kind__c: 'Commitment',
            Contact__c: '003Dn00000Q1w2eIAB',
            Opportunity__c: '006Dn00000R5t6yIAB',
            Theme__c: 'Relationship',
            Sentiment__c: 'Positive',
            Needs_Action_By__c: '005Dn00000Z9x8wIAB',
            Action_Due__c: '2026-12-04',
            Action_Status__c: 'Open'
        });
    });

    it('shows the rulebook messages next to the right field and does not call the server', async () => {
        const element = createComposer();
        await flush();
        await openMore(element);
        type(element, 'lightning-textarea.pact-details', 'Called, left voicemail');
        type(element, 'lightning-input.pact-action-due', '2026-12-04');
        await save(element);

        expect(createRecord).not.toHaveBeenCalled();
        expect(errorFor(element, 'Kind__c')).toBe('c.PACT_Composer_Kind_Required');
        expect(errorFor(element, 'Details__c')).toBe(ruleMessage('PACT_No_Low_Cards'));
        expect(errorFor(element, 'Needs_Action_By__c')).toBe(ruleMessage('PACT_Due_Needs_Owner'));
        // The kind's message sits in its group, which is marked invalid and described by it, and the focus goes
        // to its first radio: one key press fixes it.
        const kindGroup = $(element, 'c-pact-choice-group[data-field="Kind__c"]');
        const radiogroup = kindGroup.shadowRoot.querySelector('[role="radiogroup"]');
        expect(radiogroup.getAttribute('aria-invalid')).toBe('true');
        expect(radiogroup.getAttribute('aria-describedby')).toBe(
            kindGroup.shadowRoot.querySelector('.pact-choice-message').id
        );
        await flush();
        expect(element.shadowRoot.activeElement).toBe(kindGroup);
        expect(kindGroup.shadowRoot.activeElement).toBe(choiceButtons(element, 'Kind__c')[0]);
    });

    it('explains a future date and an over-long headline instead of cutting or guessing', async () => {
        const element = createComposer();
        await flush();
        await openMore(element);
        chooseKind(element, 'Commitment');
        type(element, 'lightning-textarea.pact-details', CUSTOMER_WORDS);
        const headline = 'Spring order earlier: '.repeat(5);
        type(element, 'lightning-input.pact-headline', headline);
        type(element, 'lightning-input.pact-occurred-on', '2099-01-01');
        await save(element);
        expect(createRecord).not.toHaveBeenCalled();
        expect(errorFor(element, 'Occurred_On__c')).toBe(ruleMessage('PACT_Occurred_Not_Future'));
        expect(errorFor(element, 'Name')).toBe('c.PACT_Composer_Headline_Too_Long');
        expect($(element, 'lightning-input.pact-headline').value).toBe(headline);
    });

    it.each([
        ['empty', '', 'PACT_Details_Required'],
        ['whitespace only', '   \n\t  ', 'PACT_Details_Required'],
        ['too short', 'Price too high', 'PACT_Details_Specific'],
        ['longer than a card holds', 'x'.repeat(LIMITS.detailsMax + 1), 'PACT_Details_Fit']
    ])('rejects %s details with a clear message and keeps them', async (_case, details, rule) => {
        const element = createComposer();
        await flush();
        chooseKind(element, 'Feedback');
        type(element, 'lightning-textarea.pact-details', details);
        await save(element);
        expect(createRecord).not.toHaveBeenCalled();
        expect(errorFor(element, 'Details__c')).toBe(ruleMessage(rule));
        // Nothing is cut off: the textarea still holds every character the rep typed or pasted.
        expect($(element, 'lightning-textarea.pact-details').value).toBe(details);
    });

    it.each([
        ['emoji', 'Loved the new dashboard 🎉🚀, wants it for all 12 depots by March 👍'],
        ['right-to-left text', 'المدير قال إن التسليم تأخر ثلاث مرات هذا الشهر ويريد خطة واضحة'],
        ['pasted markup', '<script>alert("x")</script><b>Asked</b> for a quote on 40 pallets of the new SKU']
    ])('stores %s verbatim', async (_case, details) => {
        createRecord.mockResolvedValue(createRecordSuccess);
        const element = createComposer();
        await flush();
        chooseKind(element, 'Feedback');
        type(element, 'lightning-textarea.pact-details', details);
        await save(element);
        expect(createRecord.mock.calls[0][0].fields.Details__c).toBe(details);
        expect(element.shadowRoot.querySelector('script')).toBeNull();
    });

    it('keeps the draft and shows server messages inline when the save is rejected, then saves after the fix', async () => {
        createRecord.mockRejectedValueOnce(createRecordValidationError);
        const element = createComposer();
        await flush();
        chooseKind(element, 'Feedback');
        type(element, 'lightning-textarea.pact-details', CARD_NUMBER_WORDS);
        await save(element);

        expect(createRecord).toHaveBeenCalledTimes(1);
        expect(errorFor(element, 'Details__c')).toBe(
            createRecordValidationError.body.output.fieldErrors.Details__c[0].message
        );
        expect($(element, '.pact-form-problem').textContent).toContain(
            createRecordValidationError.body.output.errors[0].message
        );
        expect($(element, '.pact-form-problem').textContent).not.toMatch(/^\s*error\s*$/i);
        expect(storedDraft().values.details).toBe(CARD_NUMBER_WORDS);

        createRecord.mockResolvedValueOnce(createRecordSuccess);
        type(element, 'lightning-textarea.pact-details', CUSTOMER_WORDS);
        await flush();
        expect(errorFor(element, 'Details__c')).toBeUndefined();
        await save(element);
        expect(createRecord).toHaveBeenCalledTimes(2);
        expect(localStorage.getItem(draftKey('highCard', USER_ID, ACCOUNT_ID))).toBeNull();
        expect($(element, '.pact-form-problem')).toBeNull();
    });

    it('keeps the words and says so when the network fails', async () => {
        createRecord.mockRejectedValueOnce(new TypeError('Failed to fetch'));
        const element = createComposer();
        const saved = jest.fn();
        element.addEventListener('highcardsaved', saved);
        await flush();
        chooseKind(element, 'Risk');
        type(element, 'lightning-textarea.pact-details', CUSTOMER_WORDS);
        await save(element);

        expect($(element, '.pact-network-error').textContent).toBe('c.PACT_Composer_Not_Saved_Network');
        expect(storedDraft().values).toMatchObject({ kind: 'Risk', details: CUSTOMER_WORDS });
        expect($(element, 'lightning-textarea.pact-details').value).toBe(CUSTOMER_WORDS);
        expect(saved).not.toHaveBeenCalled();
    });

    it('offers the draft again after a page refresh, and restores or discards it', async () => {
        const element = createComposer();
        await flush();
        chooseKind(element, 'Complaint');
        type(element, 'lightning-textarea.pact-details', CUSTOMER_WORDS);
        expect(storedDraft().values).toMatchObject({ kind: 'Complaint', details: CUSTOMER_WORDS });
        document.body.removeChild(element);

        await restoreThenDiscard();
    });

    it('offers a draft the previous version kept, under its old key, and lets it go on discard', async () => {
        const oldKey = `pact.highCardDraft.v1:${USER_ID}:${ACCOUNT_ID}`;
        localStorage.setItem(
            oldKey,
            JSON.stringify({
                savedAt: '2026-11-20T08:15:00.000Z',
                values: { kind: 'Complaint', details: CUSTOMER_WORDS }
            })
        );
        await restoreThenDiscard();
        expect(localStorage.getItem(oldKey)).toBeNull();
    });

    it('holds the form still while the save is on its way, so no new words are cleared with it', async () => {
        let confirm;
        createRecord.mockReturnValue(new Promise((resolve) => (confirm = resolve)));
        const element = createComposer();
        await flush();
        chooseKind(element, 'Request');
        type(element, 'lightning-textarea.pact-details', CUSTOMER_WORDS);
        await save(element);
        expect($(element, 'lightning-textarea.pact-details').disabled).toBe(true);
        expect(choiceButton(element, 'Kind__c', 'Risk').disabled).toBe(true);
        expect($(element, 'lightning-button.pact-save').label).toBe('c.PACT_Composer_Saving');
        // A second Ctrl+Enter while saving does not send the card twice.
        $(element, 'lightning-textarea.pact-details').dispatchEvent(
            new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true })
        );
        expect(createRecord).toHaveBeenCalledTimes(1);
        confirm(createRecordSuccess);
        await flush();
        expect($(element, 'lightning-textarea.pact-details').disabled).toBe(false);
        expect($(element, 'lightning-button.pact-save').label).toBe('c.PACT_Composer_Save');
    });

    it('tells the rest of the page about the card when it runs on its own, not inside the hub', async () => {
        createRecord.mockResolvedValue(createRecordSuccess);
        const element = createComposer();
        await flush();
        chooseKind(element, 'Request');
        type(element, 'lightning-textarea.pact-details', CUSTOMER_WORDS);
        await save(element);
        expect(publish).toHaveBeenCalledTimes(1);
        expect(publish.mock.calls[0][1]).toBe('PACT_High_Card_Saved__c');
        expect(publish.mock.calls[0][2]).toEqual({ recordId: createRecordSuccess.id, accountId: ACCOUNT_ID });
        document.body.removeChild(element);

        const inHub = createComposer({ accountId: ACCOUNT_ID, contacts: [], opportunities: [] });
        await flush();
        chooseKind(inHub, 'Request');
        type(inHub, 'lightning-textarea.pact-details', CUSTOMER_WORDS);
        await save(inHub);
        expect(createRecord).toHaveBeenCalledTimes(2);
        expect(publish).toHaveBeenCalledTimes(1);
    });

    it('reports success once the server has the card, even if telling the page fails', async () => {
        createRecord.mockResolvedValue(createRecordSuccess);
        publish.mockImplementationOnce(() => {
            throw new Error('Message service unavailable');
        });
        const element = createComposer();
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        await flush();
        chooseKind(element, 'Praise');
        type(element, 'lightning-textarea.pact-details', CUSTOMER_WORDS);
        await save(element);
        expect($(element, '.pact-form-problem')).toBeNull();
        expect(toast).toHaveBeenCalledTimes(1);
        expect(toast.mock.calls[0][0].detail.variant).toBe('success');
        expect(localStorage.getItem(draftKey('highCard', USER_ID, ACCOUNT_ID))).toBeNull();
    });

    it('keeps drafts apart per record', async () => {
        const element = createComposer();
        await flush();
        type(element, 'lightning-textarea.pact-details', CUSTOMER_WORDS);
        document.body.removeChild(element);
        const other = createComposer({ recordId: '001Dn00000ZzYyXIAV' });
        await flush();
        expect($(other, '.pact-draft-offer')).toBeNull();
    });

    it('saves with Ctrl+Enter and Cmd+Enter', async () => {
        createRecord.mockResolvedValue(createRecordSuccess);
        const element = createComposer();
        await flush();
        chooseKind(element, 'Praise');
        type(element, 'lightning-textarea.pact-details', CUSTOMER_WORDS);
        $(element, 'lightning-textarea.pact-details').dispatchEvent(
            new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true })
        );
        await flush();
        expect(createRecord).toHaveBeenCalledTimes(1);

        chooseKind(element, 'Praise');
        type(element, 'lightning-textarea.pact-details', CUSTOMER_WORDS);
        $(element, 'lightning-textarea.pact-details').dispatchEvent(
            new KeyboardEvent('keydown', { key: 'Enter', metaKey: true, bubbles: true, composed: true })
        );
        await flush();
        expect(createRecord).toHaveBeenCalledTimes(2);

        // Plain Enter is a new line, not a save.
        $(element, 'lightning-textarea.pact-details').dispatchEvent(
            new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true })
        );
        await flush();
        expect(createRecord).toHaveBeenCalledTimes(2);
    });

    it('searches contacts and opportunities within the customer when the hub gives no list, and shows their server messages there', async () => {
        createRecord.mockRejectedValueOnce({
            status: 400,
            body: {
                message: 'The opportunity is closed.',
                output: {
                    errors: [],
                    fieldErrors: { Opportunity__c: [{ message: 'Choose an open opportunity of this customer.' }] }
                }
            }
        });
        const element = createComposer();
        await flush();
        await openMore(element);
        expect($(element, 'lightning-combobox.pact-contact')).toBeNull();
        const contactPicker = $(element, 'lightning-record-picker.pact-contact');
        const opportunityPicker = $(element, 'lightning-record-picker.pact-opportunity');
        expect(contactPicker.objectApiName).toBe('Contact');
        expect(opportunityPicker.objectApiName).toBe('Opportunity');
        expect(opportunityPicker.filter).toEqual({
            criteria: [{ fieldPath: 'AccountId', operator: 'eq', value: ACCOUNT_ID }]
        });
        chooseKind(element, 'Request');
        type(element, 'lightning-textarea.pact-details', CUSTOMER_WORDS);
        pick(element, 'lightning-record-picker.pact-contact', '003Dn00000Q1w2eIAB');
        pick(element, 'lightning-record-picker.pact-opportunity', '006Dn00000R5t6yIAB');
        await save(element);

        expect(createRecord.mock.calls[0][0].fields).toMatchObject({
            Contact__c: '003Dn00000Q1w2eIAB',
            Opportunity__c: '006Dn00000R5t6yIAB'
        });
        expect(errorFor(element, 'Opportunity__c')).toBe('Choose an open opportunity of this customer.');
        expect(errorFor(element, 'Contact__c')).toBeUndefined();
        // Picking again clears the message of that field only.
        pick(element, 'lightning-record-picker.pact-opportunity', '006Dn00000R5t6zIAB');
        await flush();
        expect(errorFor(element, 'Opportunity__c')).toBeUndefined();
        expect(storedDraft().values).toMatchObject({
            contactId: '003Dn00000Q1w2eIAB',
            opportunityId: '006Dn00000R5t6zIAB'
        });
    });

    it("on its own on a case page, captures on the case's account and names the case's contact", async () => {
        createRecord.mockResolvedValue(createRecordSuccess);
        const CASE_ID = '500Dn00000CaSe1IAB';
        const element = createComposer({ recordId: CASE_ID, objectApiName: 'Case' });
        await flush();
        expect(getRecord.getLastConfig()).toEqual({
            recordId: CASE_ID,
            fields: [
                { objectApiName: 'Case', fieldApiName: 'AccountId' },
                { objectApiName: 'Case', fieldApiName: 'ContactId' }
            ]
        });
        getRecord.emit({
            apiName: 'Case',
            id: CASE_ID,
            fields: {
                AccountId: { value: ACCOUNT_ID, displayValue: null },
                ContactId: { value: '003Dn00000Q1w2eIAB', displayValue: null }
            }
        });
        await flush();
        chooseKind(element, 'Complaint');
        type(element, 'lightning-textarea.pact-details', CUSTOMER_WORDS);
        await save(element);
        expect(createRecord.mock.calls[0][0].fields).toMatchObject({
            Account__c: ACCOUNT_ID,
            Contact__c: '003Dn00000Q1w2eIAB'
        });
        expect(publish.mock.calls[0][2]).toEqual({ recordId: createRecordSuccess.id, accountId: ACCOUNT_ID });
    });

    it('names the contact of a contact page and asks for the account when there is no record', async () => {
        const onContact = createComposer({ recordId: '003Dn00000Q1w2eIAB', objectApiName: 'Contact' });
        await flush();
        await openMore(onContact);
        expect($(onContact, 'lightning-record-picker.pact-contact').value).toBe('003Dn00000Q1w2eIAB');
        document.body.removeChild(onContact);

        const onHome = createComposer({ recordId: undefined, objectApiName: undefined });
        await flush();
        chooseKind(onHome, 'Feedback');
        type(onHome, 'lightning-textarea.pact-details', CUSTOMER_WORDS);
        await save(onHome);
        expect(createRecord).not.toHaveBeenCalled();
        expect(errorFor(onHome, 'Account__c')).toBe('c.PACT_Composer_Account_Required');
        // The shortcut and focus() start where the rep must: the customer, until one is picked.
        const accountPicker = $(onHome, 'lightning-record-picker.pact-account');
        accountPicker.focus = jest.fn();
        onHome.focus();
        expect(accountPicker.focus).toHaveBeenCalledTimes(1);
        pick(onHome, 'lightning-record-picker.pact-account', ACCOUNT_ID);
        await flush();
        onHome.focus();
        expect(accountPicker.focus).toHaveBeenCalledTimes(1);
        expect(onHome.shadowRoot.activeElement).toBe($(onHome, 'c-pact-choice-group[data-field="Kind__c"]'));
    });

    describe('two inputs first', () => {
        const LABELS_XML = require('fs').readFileSync(
            require('path').join(__dirname, '../../../labels/CustomLabels.labels-meta.xml'),
            'utf8'
        );
        const labelValue = (name) =>
            new RegExp(`<fullName>${name}</fullName>[\\s\\S]*?<value>([^<]*)</value>`).exec(LABELS_XML)?.[1];

        it('shows only the kind, the words, "More details" and Save until the rep asks for more', async () => {
            const element = createComposer();
            await flush();
            const fields = [...element.shadowRoot.querySelectorAll('[data-field]')].map((f) => f.dataset.field);
            expect(fields).toEqual(['Kind__c', 'Details__c']);
            const toggle = $(element, 'button.pact-more-details');
            expect(toggle.getAttribute('aria-expanded')).toBe('false');
            expect(toggle.textContent.trim()).toBe('c.PACT_Composer_More_Details');
            const region = $(element, '.pact-more');
            expect(toggle.getAttribute('aria-controls')).toBe(region.id);
            expect(region.hidden).toBe(true);
            expect($(element, 'lightning-button.pact-save')).not.toBeNull();

            await openMore(element);
            expect(toggle.getAttribute('aria-expanded')).toBe('true');
            expect(region.hidden).toBe(false);
            const more = [...region.querySelectorAll('[data-field]')].map((f) => f.dataset.field);
            expect(more).toEqual([
                'Name',
                'Theme__c',
                'Sentiment__c',
                'Contact__c',
                'Opportunity__c',
                'Needs_Action_By__c',
                'Action_Due__c',
                'Occurred_On__c'
            ]);
        });

        it('says "(optional)" on every detail behind "More details", the toggle included', async () => {
            const element = createComposer();
            await flush();
            await openMore(element);
            const labels = [
                ...[...$(element, '.pact-more').querySelectorAll('[data-field]')].map((f) => f.label),
                $(element, 'button.pact-more-details').textContent.trim()
            ];
            expect(labels).toHaveLength(9);
            for (const label of labels) {
                const name = label.replace(/^c\./, '');
                expect([name, labelValue(name)]).toEqual([name, expect.stringMatching(/\(optional\)$/)]);
            }
        });

        it('remembers "More details" per user across page loads', async () => {
            let element = createComposer();
            await flush();
            await openMore(element);
            expect(JSON.parse(localStorage.getItem(preferencesKey(USER_ID)))).toEqual({ moreDetails: true });
            document.body.removeChild(element);
            element = createComposer();
            await flush();
            expect($(element, 'button.pact-more-details').getAttribute('aria-expanded')).toBe('true');
            $(element, 'button.pact-more-details').click();
            await flush();
            expect($(element, 'lightning-input.pact-headline')).toBeNull();
            expect(JSON.parse(localStorage.getItem(preferencesKey(USER_ID)))).toEqual({ moreDetails: false });
        });

        it('brings a restored draft back whole: details behind "More details" open with it', async () => {
            localStorage.setItem(
                draftKey('highCard', USER_ID, ACCOUNT_ID),
                JSON.stringify({
                    savedAt: '2026-11-20T08:15:00.000Z',
                    values: { kind: 'Request', details: CUSTOMER_WORDS, headline: 'Spring order two weeks earlier' }
                })
            );
            const element = createComposer();
            await flush();
            $(element, 'button.pact-restore').click();
            await flush();
            expect($(element, 'button.pact-more-details').getAttribute('aria-expanded')).toBe('true');
            expect($(element, 'lightning-input.pact-headline').value).toBe('Spring order two weeks earlier');
        });

        it('opens "More details" by itself when the server refuses a field there', async () => {
            createRecord.mockRejectedValueOnce({
                status: 400,
                body: {
                    message: 'Due date in the past',
                    output: { errors: [], fieldErrors: { Action_Due__c: [{ message: 'Pick a day from today on.' }] } }
                }
            });
            const element = createComposer();
            await flush();
            chooseKind(element, 'Request');
            type(element, 'lightning-textarea.pact-details', CUSTOMER_WORDS);
            await save(element);
            await flush();
            expect($(element, 'button.pact-more-details').getAttribute('aria-expanded')).toBe('true');
            expect(errorFor(element, 'Action_Due__c')).toBe('Pick a day from today on.');
            // Opened for the message, not the rep's choice: the next page load starts closed.
            expect(localStorage.getItem(preferencesKey(USER_ID))).toBeNull();
        });
    });

    describe('keyboard', () => {
        const keydown = (target, init) =>
            target.dispatchEvent(
                new KeyboardEvent('keydown', { bubbles: true, composed: true, cancelable: true, ...init })
            );
        const kindGroup = (element) => $(element, 'c-pact-choice-group[data-field="Kind__c"]');
        const focusedKind = (element) => kindGroup(element).shadowRoot.activeElement;

        it('Alt+Shift+H anywhere on the page brings the keyboard to the kind', async () => {
            const element = createComposer();
            await flush();
            keydown(document.body, { key: 'H', code: 'KeyH', altKey: true, shiftKey: true });
            expect(element.shadowRoot.activeElement).toBe(kindGroup(element));
            expect(focusedKind(element).dataset.value).toBe('Feedback');
            // Other chords are left to the page.
            document.body.focus();
            const plain = new KeyboardEvent('keydown', { key: 'h', code: 'KeyH', altKey: true, bubbles: true });
            document.body.dispatchEvent(plain);
            expect(plain.defaultPrevented).toBe(false);
        });

        it('saves a card in 4 key presses besides the words, then is ready for the next one', async () => {
            createRecord.mockResolvedValue(createRecordSuccess);
            const element = createComposer();
            await flush();
            let presses = 0;
            // 1. the shortcut, 2. ArrowRight checks Request (in the browser "r" does too; here the labels are their
            // names), 3. Tab to the words (jsdom has no Tab: the words get the focus as in the browser),
            // 4. Ctrl+Enter. The browser tests count the same keys in Chromium.
            keydown(document.body, { key: 'H', code: 'KeyH', altKey: true, shiftKey: true });
            presses++;
            keydown(focusedKind(element), { key: 'ArrowRight' });
            presses++;
            await flush();
            expect(focusedKind(element).dataset.value).toBe('Request');
            presses++;
            type(element, 'lightning-textarea.pact-details', CUSTOMER_WORDS);
            keydown($(element, 'lightning-textarea.pact-details'), { key: 'Enter', ctrlKey: true });
            presses++;
            await flush();
            await flush();
            expect(createRecord).toHaveBeenCalledTimes(1);
            expect(createRecord.mock.calls[0][0].fields.Kind__c).toBe('Request');
            expect(presses).toBeLessThanOrEqual(6);

            // Empty, focused on the kind again, and the save announced (role=status).
            expect($(element, 'lightning-textarea.pact-details').value).toBe('');
            expect(element.shadowRoot.activeElement).toBe(kindGroup(element));
            expect(focusedKind(element).getAttribute('tabindex')).toBe('0');
            const announcement = $(element, '.pact-saved-announcement');
            expect(announcement.getAttribute('role')).toBe('status');
            expect(announcement.textContent.trim()).toBe('c.PACT_Composer_Saved_Announcement');
        });

        it('saves a card in 3 clicks: a kind, into the words, Save', async () => {
            createRecord.mockResolvedValue(createRecordSuccess);
            const element = createComposer();
            await flush();
            let clicks = 0;
            chooseKind(element, 'Praise');
            clicks++;
            $(element, 'lightning-textarea.pact-details').click();
            clicks++;
            type(element, 'lightning-textarea.pact-details', CUSTOMER_WORDS);
            await save(element);
            clicks++;
            expect(createRecord).toHaveBeenCalledTimes(1);
            expect(clicks).toBe(3);
        });
    });

    it('is accessible: empty, with field errors, with More details open and when offering a draft', async () => {
        const element = createComposer();
        await flush();
        await expect(element).toBeAccessible();
        chooseKind(element, 'Feedback');
        await save(element);
        expect(errorFor(element, 'Details__c')).toBeTruthy();
        await expect(element).toBeAccessible();
        await openMore(element);
        await expect(element).toBeAccessible();
        type(element, 'lightning-textarea.pact-details', CUSTOMER_WORDS);
        document.body.removeChild(element);

        const offering = createComposer();
        await flush();
        expect($(offering, '.pact-draft-offer')).not.toBeNull();
        await expect(offering).toBeAccessible();
    });
});
