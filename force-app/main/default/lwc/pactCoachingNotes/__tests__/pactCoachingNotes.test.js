import { createElement } from 'lwc';
import PactCoachingNotes from 'c/pactCoachingNotes';
import { graphql } from 'lightning/graphql';
import { createRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { RULES } from 'c/pactRules';
import { draftKey } from 'c/pactDrafts';

const fs = require('fs');
const path = require('path');
const { parse } = require('graphql');

const NOTES = require('./data/notes.json');
const NOTES_FIRST_PAGE = require('./data/notesFirstPage.json');
const NO_NOTES = require('./data/noNotes.json');
const REPORTS = require('./data/reports.json');
const NO_REPORTS = require('./data/noReports.json');
const OBJECT_INFO_MANAGER = require('./data/objectInfoManager.json');
const OBJECT_INFO_REP = require('./data/objectInfoRep.json');
const VALIDATION_ERROR = require('./data/validationError.json');
const FLOW_ERROR = require('./data/flowError.json');

// lightning/graphql gives each emitted result a refresh(); the stub's emit takes it as third argument.
const refreshNotes = jest.fn(() => Promise.resolve());

// Labels with placeholders get their real words, so the test sees what is filled in.
jest.mock(
    '@salesforce/label/c.PACT_Coaching_Load_Error',
    () => ({ default: 'Coaching notes could not be loaded: {0}' }),
    {
        virtual: true
    }
);
jest.mock('@salesforce/label/c.PACT_Coaching_With_Manager', () => ({ default: 'Manager: {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.PACT_Coaching_With_Rep', () => ({ default: 'Rep: {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.PACT_Coaching_Saved', () => ({ default: 'Saved. {0} can read it; you can edit it.' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.PACT_Coaching_Period_Range', () => ({ default: '{0} to {1}' }), { virtual: true });
jest.mock('@salesforce/label/c.PACT_Coaching_Period_From', () => ({ default: 'From {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.PACT_Coaching_Period_Until', () => ({ default: 'Until {0}' }), { virtual: true });
jest.mock(
    '@salesforce/label/c.PACT_Coaching_Save_Failed',
    () => ({ default: 'Not saved: {0} Your note is kept on this device.' }),
    { virtual: true }
);

// sfdx-lwc-jest gives @salesforce/user/Id this value.
const ME = '005000000000000000';
const REP = '0055g00000SlsRpAAA';
const DRAFT_KEY = draftKey('coachingNote', ME, 'new');
// Where the previous version kept the note: among the high card drafts.
const OLD_DRAFT_KEY = `pact.highCardDraft.v1:${ME}:coachingNote`;
const ruleMessage = (name) => RULES.find((rule) => rule.name === name).message;
const flushPromises = () => new Promise((resolve) => process.nextTick(resolve));

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];
const text = (node) => node.textContent.replace(/\s+/g, ' ').trim();

function createNotes() {
    const element = createElement('c-pact-coaching-notes', { is: PactCoachingNotes });
    document.body.appendChild(element);
    return element;
}

// Two queries: the notes (variables me, first) and the reps this user manages (variable manager).
const isNotesQuery = (config) => config?.variables?.first !== undefined;
const isReportsQuery = (config) => config?.variables?.manager !== undefined;

async function render({ data = NOTES, objectInfo = OBJECT_INFO_MANAGER, reports = REPORTS } = {}) {
    const element = createNotes();
    // The wires have their variables once connected: emit to each query by its variables.
    await flushPromises();
    if (objectInfo) getObjectInfo.emit(objectInfo);
    if (reports) graphql.emit(reports, isReportsQuery);
    if (data) graphql.emit(data, isNotesQuery, refreshNotes);
    await flushPromises();
    return element;
}

/** The message a base field shows through its constraint API (see force-app/test/jest-mocks/lightning). */
const fieldMessage = (element, selector) => $(element, selector).helpMessage || null;

function type(input, value) {
    input.value = value;
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function chooseRep(element, recordId) {
    $(element, 'lightning-combobox.rep').dispatchEvent(new CustomEvent('change', { detail: { value: recordId } }));
}

// The reasons are a radio group (c-pact-choice-group), its radios and message inside its own shadow root.
const reasonGroup = (element) => $(element, 'c-pact-choice-group.reasons');
const reasonError = (element) => reasonGroup(element).shadowRoot.querySelector('.pact-choice-message');
const reasonButtons = (element) => [...reasonGroup(element).shadowRoot.querySelectorAll('button')];
const reasonButton = (element, reason) => reasonButtons(element).find((button) => button.dataset.value === reason);

function chooseReason(element, reason) {
    reasonButton(element, reason).click();
}

async function fillNote(element, { rep = REP, reason = 'Training', start, end, note } = {}) {
    if (rep) chooseRep(element, rep);
    if (reason) chooseReason(element, reason);
    if (start) type($(element, 'lightning-input.period-start'), start);
    if (end) type($(element, 'lightning-input.period-end'), end);
    if (note !== undefined) type($(element, 'lightning-textarea.note'), note);
    await flushPromises();
}

async function clickSave(element) {
    $(element, 'lightning-button.save').click();
    await flushPromises();
}

const storedDraft = () => JSON.parse(window.localStorage.getItem(DRAFT_KEY));

describe('c-pact-coaching-notes', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        window.localStorage.clear();
    });

    describe('reading', () => {
        it('asks for the notes where I am the rep or the manager, the first page only', async () => {
            await render();
            expect(graphql.getLastConfig().variables).toEqual({ me: ME, first: 20 });
        });

        it('lists the notes in the order the server sends them: newest period first', async () => {
            const element = await render();
            expect($$(element, 'li.coaching-note').map((li) => li.dataset.id)).toEqual([
                'a0D5g00000CnOt1AAA',
                'a0D5g00000CnOt2AAA',
                'a0D5g00000CnOt3AAA',
                'a0D5g00000CnOt4AAA'
            ]);
            expect($$(element, '.reason-text').map(text)).toEqual([
                'Training',
                'Performance Plan',
                'Training',
                'c.PACT_Coaching_Note'
            ]);
            expect($$(element, '.period').map(text)).toEqual([
                'Nov 2, 2026 to Dec 18, 2026',
                'Oct 1, 2026 to Dec 31, 2026',
                'From Sep 14, 2026',
                'c.PACT_Coaching_No_Period'
            ]);
        });

        it("names the other person: the rep for the manager's notes, the manager for my own", async () => {
            const element = await render();
            const withText = (id) => {
                const node = $(element, `li[data-id="${id}"] .with`);
                return node ? text(node) : null;
            };
            expect(withText('a0D5g00000CnOt1AAA')).toBe('· Rep: Field Sales Rep');
            expect(withText('a0D5g00000CnOt2AAA')).toBe('· Manager: Sales Director');
            expect(withText('a0D5g00000CnOt3AAA')).toBe('· Rep: Inside Sales Rep');
            // A rep the manager can no longer see (Rep__r null): no name, nothing invented.
            expect(withText('a0D5g00000CnOt4AAA')).toBeNull();
        });

        it('shows the note as plain text, markup and line breaks included as written', async () => {
            const element = await render();
            const note = $(element, 'li[data-id="a0D5g00000CnOt1AAA"] .note-text');
            expect(note.textContent).toBe(NOTES.uiapi.query.Coaching_Note__c.edges[0].node.Note__c.value);
            expect(note.querySelector('b')).toBeNull();
            const source = fs.readFileSync(path.join(__dirname, '..', 'pactCoachingNotes.html'), 'utf8');
            expect(source).not.toMatch(/inner-html|innerHTML/i);
        });

        it('says who can read the notes, to a manager and to a rep, and counts nothing', async () => {
            const asRep = await render({ objectInfo: OBJECT_INFO_REP, reports: NO_REPORTS });
            expect(text($(asRep, '.privacy'))).toBe('c.PACT_Coaching_Private');
            document.body.removeChild(asRep);
            const element = await render();
            expect(text($(element, '.privacy'))).toBe('c.PACT_Coaching_Private_Manager');
            expect(element.shadowRoot.textContent).not.toMatch(/\b\d+\s+(notes?|reps?|calls?)\b/i);
        });

        it('shows an empty state in words, for a rep and for a manager', async () => {
            const asRep = await render({ data: NO_NOTES, objectInfo: OBJECT_INFO_REP, reports: NO_REPORTS });
            expect(text($(asRep, '.empty'))).toBe('c.PACT_Coaching_Empty');
            document.body.removeChild(asRep);
            const element = await render({ data: NO_NOTES });
            expect(text($(element, '.empty'))).toBe('c.PACT_Coaching_Empty_Manager');
            expect($(element, 'ul.notes')).toBeNull();
        });

        it("shows the server's words when the notes cannot be loaded, and keeps the form", async () => {
            const element = await render({ data: null });
            graphql.emitErrors([{ message: 'Field Note__c is not accessible to you.' }], isNotesQuery);
            await flushPromises();
            const error = $(element, '.load-error');
            expect(error.getAttribute('role')).toBe('alert');
            expect(text(error)).toBe('Coaching notes could not be loaded: Field Note__c is not accessible to you.');
            expect($(element, '.empty')).toBeNull();
            expect($(element, 'form.note-form')).not.toBeNull();
        });

        it('loads older notes on request, without counting them', async () => {
            const element = await render({ data: NOTES_FIRST_PAGE });
            const older = $(element, 'lightning-button.older');
            expect(older.label).toBe('c.PACT_Coaching_Older');
            older.click();
            await flushPromises();
            const configs = [];
            graphql.emit(undefined, (config) => configs.push(config) && false);
            expect(configs.filter(isNotesQuery).map((config) => config.variables)).toEqual([{ me: ME, first: 40 }]);
            graphql.emit(NOTES, isNotesQuery, refreshNotes);
            await flushPromises();
            expect($$(element, 'li.coaching-note')).toHaveLength(4);
            expect($(element, 'lightning-button.older')).toBeNull();
        });
    });

    describe('who may write', () => {
        it('shows no form to a rep, even one who could create records, who manages nobody', async () => {
            // A rep is never offered to write about a colleague or an executive: with no reports there is no form.
            const element = await render({ reports: NO_REPORTS });
            expect($(element, 'form.note-form')).toBeNull();
            expect($$(element, 'li.coaching-note')).toHaveLength(4);
            expect(text($(element, '.privacy'))).toBe('c.PACT_Coaching_Private');
        });

        it('shows no form when the list of reps cannot be loaded', async () => {
            const element = await render({ reports: null });
            graphql.emitErrors([{ message: 'No access to User' }], isReportsQuery);
            await flushPromises();
            expect($(element, 'form.note-form')).toBeNull();
        });

        it('turns away a restored draft about someone the manager does not manage', async () => {
            window.localStorage.setItem(
                DRAFT_KEY,
                JSON.stringify({
                    savedAt: '2026-11-20T08:15:00.000Z',
                    values: { rep: '0055g00000ExecXAAA', reason: 'Training', details: 'Prepare the board review.' }
                })
            );
            const element = await render();
            await clickSave(element);
            expect(fieldMessage(element, 'lightning-combobox.rep')).toBe('c.PACT_Coaching_Rep_Not_Managed');
            expect(createRecord).not.toHaveBeenCalled();
        });

        it('shows no form to a rep who may only read notes', async () => {
            const element = await render({ objectInfo: OBJECT_INFO_REP });
            expect($(element, 'form.note-form')).toBeNull();
            expect($$(element, 'li.coaching-note')).toHaveLength(4);
        });

        it('shows no form until the object info says the user may create notes', async () => {
            const element = await render({ objectInfo: null });
            expect($(element, 'form.note-form')).toBeNull();
            expect($$(element, 'li.coaching-note')).toHaveLength(4);
            getObjectInfo.emit(OBJECT_INFO_MANAGER);
            await flushPromises();
            expect($(element, 'form.note-form')).not.toBeNull();
        });

        it('tells a user without any access to coaching notes so in words, not with a server error', async () => {
            const element = await render({ data: null, objectInfo: null });
            getObjectInfo.error({ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }, 404);
            graphql.emitErrors([
                {
                    message:
                        "Validation error of type FieldUndefined: Field 'Coaching_Note__c' in type 'RecordQuery' is undefined @ 'uiapi/query/Coaching_Note__c'",
                    locations: [],
                    extensions: null,
                    path: null
                }
            ]);
            await flushPromises();
            expect(text($(element, '.no-access'))).toBe('c.PACT_Coaching_No_Access');
            expect($(element, '.load-error')).toBeNull();
            expect($(element, 'form.note-form')).toBeNull();
            expect($(element, 'lightning-spinner')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('shows the form to a manager, offering only the reps they manage', async () => {
            const element = await render();
            expect($(element, 'form.note-form')).not.toBeNull();
            const configs = [];
            graphql.emit(undefined, (config) => configs.push(config) && false);
            expect(configs.filter(isReportsQuery).map((config) => config.variables)).toEqual([{ manager: ME }]);
            expect($(element, 'lightning-combobox.rep').options).toEqual([
                { value: REP, label: 'Field Sales Rep (Account Executive)', name: 'Field Sales Rep' },
                { value: '0055g00000SlsRqAAA', label: 'Inside Sales Rep', name: 'Inside Sales Rep' }
            ]);
            expect(reasonButtons(element).map(text)).toEqual([
                'c.PACT_Coaching_Reason_Training',
                'c.PACT_Coaching_Reason_Performance_Plan'
            ]);
        });
    });

    describe('writing', () => {
        it('asks for a rep, a reason and the note before anything is sent', async () => {
            const element = await render();
            await clickSave(element);
            expect(fieldMessage(element, 'lightning-combobox.rep')).toBe('c.PACT_Coaching_Rep_Required');
            expect(text(reasonError(element))).toBe('c.PACT_Coaching_Reason_Required');
            expect(fieldMessage(element, 'lightning-textarea.note')).toBe('c.PACT_Coaching_Note_Required');
            expect(createRecord).not.toHaveBeenCalled();
        });

        it('moves the focus to the first field that needs the manager', async () => {
            const element = await render();
            chooseRep(element, REP);
            await flushPromises();
            const firstReason = reasonButtons(element)[0];
            await clickSave(element);
            await flushPromises();
            expect(element.shadowRoot.activeElement).toBe(reasonGroup(element));
            expect(reasonGroup(element).shadowRoot.activeElement).toBe(firstReason);

            const note = $(element, 'lightning-textarea.note');
            note.focus = jest.fn();
            chooseReason(element, 'Training');
            await clickSave(element);
            await flushPromises();
            expect(note.focus).toHaveBeenCalledTimes(1);
        });

        it('checks the period with the rulebook and shows its message at the end date', async () => {
            const element = await render();
            await fillNote(element, {
                start: '2026-12-01',
                end: '2026-11-30',
                note: 'Prepare the pricing review together.'
            });
            await clickSave(element);
            expect(fieldMessage(element, 'lightning-input.period-end')).toBe(ruleMessage('PACT_Period_In_Order'));
            expect(fieldMessage(element, 'lightning-combobox.rep')).toBeNull();
            expect(createRecord).not.toHaveBeenCalled();
        });

        it('checks with the rulebook that the manager is not the rep, at the rep picker', async () => {
            const element = await render();
            await fillNote(element, { rep: ME, note: 'Notes to myself do not belong here.' });
            await clickSave(element);
            expect(fieldMessage(element, 'lightning-combobox.rep')).toBe(ruleMessage('PACT_Manager_Not_Rep'));
            expect(createRecord).not.toHaveBeenCalled();
        });

        it('clears a message when its field is fixed', async () => {
            const element = await render();
            await clickSave(element);
            chooseReason(element, 'Performance Plan');
            await flushPromises();
            expect(reasonError(element)).toBeNull();
            expect(fieldMessage(element, 'lightning-combobox.rep')).not.toBeNull();
            expect(reasonButton(element, 'Performance Plan').getAttribute('aria-checked')).toBe('true');
            expect(reasonButton(element, 'Training').getAttribute('aria-checked')).toBe('false');
        });

        it('creates the note with me as manager, lets the draft go and refreshes the list', async () => {
            createRecord.mockResolvedValueOnce({ id: 'a0D5g00000CnOt9AAA', apiName: 'Coaching_Note__c' });
            const element = await render();
            await fillNote(element, {
                reason: 'Performance Plan',
                start: '2026-11-23',
                end: '2027-01-29',
                note: '\nEach week, bring one customer request in their own words to our one-to-one.\n'
            });
            expect(storedDraft().values.details).toContain('one customer request');
            await clickSave(element);

            expect(createRecord).toHaveBeenCalledTimes(1);
            expect(createRecord).toHaveBeenCalledWith({
                apiName: 'Coaching_Note__c',
                fields: {
                    Rep__c: REP,
                    Manager__c: ME,
                    Reason__c: 'Performance Plan',
                    Period_Start__c: '2026-11-23',
                    Period_End__c: '2027-01-29',
                    Note__c: 'Each week, bring one customer request in their own words to our one-to-one.'
                }
            });
            expect(refreshNotes).toHaveBeenCalledTimes(1);
            expect(window.localStorage.getItem(DRAFT_KEY)).toBeNull();
            // Says what is true once the sharing flow has run: the rep reads it, the manager (me) edits it.
            expect(text($(element, '.status'))).toBe('Saved. Field Sales Rep can read it; you can edit it.');
            expect($(element, 'lightning-textarea.note').value).toBe('');
        });

        it('says so when the saved note cannot be fetched again, after letting the draft go', async () => {
            refreshNotes.mockRejectedValueOnce(new Error('The connection dropped while refreshing.'));
            const element = await render();
            await fillNote(element, { note: 'Listen for the reason behind each price question.' });
            await clickSave(element);
            expect(createRecord).toHaveBeenCalledTimes(1);
            expect(text($(element, '.load-error'))).toBe(
                'Coaching notes could not be loaded: The connection dropped while refreshing.'
            );
            expect(window.localStorage.getItem(DRAFT_KEY)).toBeNull();
        });

        it('sends a note once, and holds the form still while the server answers', async () => {
            let answer;
            createRecord.mockReturnValueOnce(
                new Promise((resolve) => {
                    answer = resolve;
                })
            );
            const element = await render();
            await fillNote(element, { note: 'Listen for the reason behind each price question.' });
            $(element, 'lightning-button.save').click();
            $(element, 'lightning-button.save').click();
            await flushPromises();
            expect(createRecord).toHaveBeenCalledTimes(1);
            expect($(element, 'lightning-textarea.note').disabled).toBe(true);
            expect($(element, 'lightning-combobox.rep').disabled).toBe(true);
            expect($(element, 'lightning-button.save').disabled).toBe(true);
            expect($(element, 'lightning-button.discard').disabled).toBe(true);

            answer({ id: 'a0D5g00000CnOt9AAA' });
            await flushPromises();
            expect($(element, 'lightning-textarea.note').disabled).toBe(false);
            expect($(element, 'lightning-textarea.note').value).toBe('');
        });

        it('saves without a period: blank dates are sent as empty fields', async () => {
            const element = await render();
            await fillNote(element, { note: 'Listen for the reason behind each price question.' });
            await clickSave(element);
            expect(createRecord.mock.calls[0][0].fields).toEqual({
                Rep__c: REP,
                Manager__c: ME,
                Reason__c: 'Training',
                Period_Start__c: null,
                Period_End__c: null,
                Note__c: 'Listen for the reason behind each price question.'
            });
        });

        it("keeps the note and its draft when the server refuses it, and shows the server's words in place", async () => {
            createRecord.mockRejectedValueOnce(VALIDATION_ERROR);
            const element = await render();
            await fillNote(element, { start: '2026-11-02', end: '2026-12-18', note: 'Practise opening questions.' });
            await clickSave(element);

            expect(fieldMessage(element, 'lightning-input.period-end')).toBe("The period can't end before it starts.");
            expect($(element, 'lightning-textarea.note').value).toBe('Practise opening questions.');
            expect(storedDraft().values).toEqual({
                rep: REP,
                reason: 'Training',
                periodStart: '2026-11-02',
                periodEnd: '2026-12-18',
                details: 'Practise opening questions.'
            });
            expect(refreshNotes).not.toHaveBeenCalled();
            expect($(element, 'lightning-button.save').disabled).toBe(false);
        });

        it('shows a failed sharing flow as a form message and keeps the draft', async () => {
            createRecord.mockRejectedValueOnce(FLOW_ERROR);
            const element = await render();
            await fillNote(element, { note: 'Practise opening questions.' });
            await clickSave(element);
            const errors = $(element, '.form-errors');
            expect(errors.getAttribute('role')).toBe('alert');
            expect(text(errors)).toBe(
                `Not saved: ${FLOW_ERROR.body.output.errors[0].message} Your note is kept on this device.`
            );
            expect(storedDraft().values.details).toBe('Practise opening questions.');
        });

        it('says the server could not be reached when the connection drops, and keeps the draft', async () => {
            createRecord.mockRejectedValueOnce(new TypeError('Failed to fetch'));
            const element = await render();
            await fillNote(element, { note: 'Practise opening questions.' });
            await clickSave(element);
            expect(text($(element, '.form-errors'))).toBe('c.PACT_Coaching_Offline');
            expect(storedDraft().values.details).toBe('Practise opening questions.');
        });

        it('brings an unsaved note back after a reload', async () => {
            const first = await render();
            await fillNote(first, { reason: 'Performance Plan', note: 'Agree three customer visits to prepare.' });
            document.body.removeChild(first);

            const element = await render();
            expect($(element, 'lightning-textarea.note').value).toBe('Agree three customer visits to prepare.');
            expect($(element, 'lightning-combobox.rep').value).toBe(REP);
            expect(reasonButton(element, 'Performance Plan').getAttribute('aria-checked')).toBe('true');
            expect(text($(element, '.status'))).toBe('c.PACT_Coaching_Draft_Restored');
        });

        it('keeps coaching notes apart from high card drafts', async () => {
            const element = await render();
            await fillNote(element, { note: 'Agree three customer visits to prepare.' });
            expect(Object.keys(window.localStorage)).toEqual([DRAFT_KEY]);
            expect(DRAFT_KEY).not.toContain('highCard');
        });

        it('brings back a note the previous version kept, and moves it to its own key', async () => {
            window.localStorage.setItem(
                OLD_DRAFT_KEY,
                JSON.stringify({
                    savedAt: '2026-11-20T08:15:00.000Z',
                    values: {
                        rep: REP,
                        reason: 'Training',
                        details: 'Listen for the reason behind each price question.'
                    }
                })
            );
            const element = await render();
            expect($(element, 'lightning-textarea.note').value).toBe(
                'Listen for the reason behind each price question.'
            );
            expect(text($(element, '.status'))).toBe('c.PACT_Coaching_Draft_Restored');
            expect(storedDraft().values.details).toBe('Listen for the reason behind each price question.');

            await fillNote(element, { note: 'Listen for the reason behind each price question, then ask.' });
            expect(window.localStorage.getItem(OLD_DRAFT_KEY)).toBeNull();
            $(element, 'lightning-button.discard').click();
            await flushPromises();
            document.body.removeChild(element);
            const reloaded = await render();
            expect($(reloaded, 'lightning-textarea.note').value).toBe('');
        });

        it('warns when the browser cannot keep a draft, and still saves', async () => {
            const setItem = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
                throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
            });
            try {
                const element = await render();
                await fillNote(element, { note: 'Agree three customer visits to prepare.' });
                expect(text($(element, '.draft-not-stored'))).toBe('c.PACT_Coaching_Draft_Not_Stored');
                await clickSave(element);
                expect(createRecord).toHaveBeenCalledTimes(1);
                expect($(element, '.draft-not-stored')).toBeNull();
            } finally {
                setItem.mockRestore();
            }
        });

        it('discards the draft only when asked', async () => {
            const element = await render();
            await fillNote(element, { note: 'Agree three customer visits to prepare.' });
            $(element, 'lightning-button.discard').click();
            await flushPromises();
            expect(window.localStorage.getItem(DRAFT_KEY)).toBeNull();
            expect($(element, 'lightning-textarea.note').value).toBe('');
        });

        it('saves with Ctrl+Enter from the note', async () => {
            const element = await render();
            await fillNote(element, { note: 'Listen for the reason behind each price question.' });
            $(element, 'lightning-textarea.note').dispatchEvent(
                new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true })
            );
            await flushPromises();
            expect(createRecord).toHaveBeenCalledTimes(1);
        });
    });

    describe('accessibility', () => {
        it('is accessible with notes and the form', async () => {
            const element = await render();
            await expect(element).toBeAccessible();
        });

        it('is accessible with messages on every field', async () => {
            const element = await render({ data: NO_NOTES });
            await clickSave(element);
            await expect(element).toBeAccessible();
        });

        it('is accessible for a rep with no notes yet', async () => {
            const element = await render({ data: NO_NOTES, objectInfo: OBJECT_INFO_REP });
            await expect(element).toBeAccessible();
        });
    });
});

describe('pactCoachingNotes fixtures and placement', () => {
    /** Every difference between a value and a selection set, with its path. */
    function shapeProblems(value, selectionSet, at) {
        if (value === null) return [];
        if (Array.isArray(value)) return value.flatMap((item, i) => shapeProblems(item, selectionSet, `${at}[${i}]`));
        const fields = selectionSet.selections.filter((s) => s.kind === 'Field');
        const expected = fields.map((f) => (f.alias ?? f.name).value).sort();
        const problems = [];
        if (JSON.stringify(expected) !== JSON.stringify(Object.keys(value).sort())) {
            problems.push(`${at}: fields ${JSON.stringify(Object.keys(value).sort())}, query selects ${expected}`);
        }
        for (const field of fields) {
            const key = (field.alias ?? field.name).value;
            if (field.selectionSet && key in value) {
                problems.push(...shapeProblems(value[key], field.selectionSet, `${at}.${key}`));
            }
        }
        return problems;
    }

    const source = fs.readFileSync(path.join(__dirname, '..', 'pactCoachingNotes.js'), 'utf8');
    const operation = parse(/gql`([^`]*)`/.exec(source)[1]).definitions[0];

    it.each([['notes.json'], ['notesFirstPage.json'], ['noNotes.json']])(
        '%s has exactly the shape of the query',
        (file) => {
            const data = JSON.parse(fs.readFileSync(path.join(__dirname, 'data', file), 'utf8'));
            expect(shapeProblems(data, operation.selectionSet, 'data')).toEqual([]);
        }
    );

    it.each([['reports.json'], ['noReports.json']])('%s has exactly the shape of the reports query', (file) => {
        const reportsQuery = parse([...source.matchAll(/gql`([^`]*)`/g)][1][1]).definitions[0];
        expect(reportsQuery.name.value).toBe('pactCoachingReports');
        const data = JSON.parse(fs.readFileSync(path.join(__dirname, 'data', file), 'utf8'));
        expect(shapeProblems(data, reportsQuery.selectionSet, 'data')).toEqual([]);
    });

    it('notices a fixture field the query does not select', () => {
        const data = JSON.parse(JSON.stringify(NOTES));
        data.uiapi.query.Coaching_Note__c.edges[0].node.Owner = { Name: { value: 'Regional Sales Manager' } };
        expect(shapeProblems(data, operation.selectionSet, 'data')).toHaveLength(1);
    });

    it('sits on the PACT Home page beside My Week and the charter', () => {
        const home = fs.readFileSync(
            path.join(__dirname, '..', '..', '..', 'flexipages', 'PACT_Home_Page.flexipage-meta.xml'),
            'utf8'
        );
        for (const name of ['c:pactCoachingNotes', 'c:pactMyWeek', 'c:pactCharter']) {
            expect(home).toContain(`<componentName>${name}</componentName>`);
        }
        const meta = fs.readFileSync(path.join(__dirname, '..', 'pactCoachingNotes.js-meta.xml'), 'utf8');
        expect(meta).toContain('<target>lightning__HomePage</target>');
        expect(meta).toContain('<target>lightning__AppPage</target>');
        expect(meta).toContain('<isExposed>true</isExposed>');
    });
});
