import { createElement } from 'lwc';
import PactMyWeek from 'c/pactMyWeek';
import { graphql, gql } from 'lightning/graphql';
import { OPEN_ACTION_STATUSES, ACTION_STATUSES } from 'c/pactRules';

const MY_WEEK = require('./data/myWeek.json');
const EMPTY_WEEK = require('./data/emptyWeek.json');

// The stub's Navigate does nothing: record every navigation instead.
const mockNavigate = jest.fn();
jest.mock('lightning/navigation', () => {
    const Navigate = Symbol('Navigate');
    const GenerateUrl = Symbol('GenerateUrl');
    const NavigationMixin = (Base) =>
        class extends Base {
            [Navigate](pageReference) {
                mockNavigate(pageReference);
            }
            [GenerateUrl]() {
                return Promise.resolve('/lightning/page/home');
            }
        };
    NavigationMixin.Navigate = Navigate;
    NavigationMixin.GenerateUrl = GenerateUrl;
    return { NavigationMixin };
});
jest.mock('@salesforce/label/c.PACT_MyWeek_Load_Error', () => ({ default: 'Your week could not be loaded: {0}' }), {
    virtual: true
});

const flushPromises = () => new Promise((resolve) => process.nextTick(resolve));
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];

function createMyWeek(props = {}) {
    const element = createElement('c-pact-my-week', { is: PactMyWeek });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

describe('c-pact-my-week', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        mockNavigate.mockClear();
    });

    it("asks for the current user's plans of the next 14 days", async () => {
        jest.useFakeTimers({ now: new Date(2026, 10, 23, 9, 30), doNotFake: ['nextTick'] });
        try {
            createMyWeek();
            await flushPromises();
            expect(graphql.getLastConfig().variables).toEqual({
                userId: '005000000000000000',
                from: '2026-11-23',
                until: '2026-12-07'
            });
        } finally {
            jest.useRealTimers();
        }
    });

    it('looks 7 days ahead when the page asks for a week, never fewer', async () => {
        jest.useFakeTimers({ now: new Date(2026, 10, 23, 9, 30), doNotFake: ['nextTick'] });
        try {
            createMyWeek({ days: 3 });
            await flushPromises();
            expect(graphql.getLastConfig().variables.until).toBe('2026-11-30');
        } finally {
            jest.useRealTimers();
        }
    });

    it('filters actions by exactly the open statuses of the rulebook', () => {
        createMyWeek();
        const queryText = gql.mock.calls.map(([strings]) => strings.join('')).join('\n');
        const statuses = queryText.match(/Action_Status__c:\s*\{\s*in:\s*\[([^\]]*)\]/)[1];
        expect(JSON.parse(`[${statuses}]`)).toEqual(OPEN_ACTION_STATUSES);
        ACTION_STATUSES.filter((s) => !OPEN_ACTION_STATUSES.includes(s.value)).forEach((closed) =>
            expect(statuses).not.toContain(closed.value)
        );
    });

    it('lists my next conversations and the actions waiting on me, soonest due first', async () => {
        const element = createMyWeek();
        graphql.emit(MY_WEEK);
        await flushPromises();

        const plans = $$(element, 'li.plan a').map((a) => a.textContent.trim());
        expect(plans).toEqual([
            'Learn why deliveries to the north warehouse keep arriving late',
            'Agree the scope of the spring pricing review with purchasing'
        ]);
        expect($$(element, 'li.plan')[1].textContent).toContain('Contoso Manufacturing · Head of Purchasing');

        const actions = $$(element, 'li.action a').map((a) => a.textContent.trim());
        expect(actions).toEqual(['Invoices must be split by cost centre', 'Wants the safety data sheets in Polish']);
        expect($$(element, 'li.action')[1].querySelector('.due').textContent).toBe('c.PACT_MyWeek_No_Due');
        expect(element.shadowRoot.textContent).not.toMatch(/\d+\s+(plans|actions|calls|visits)/i);
    });

    it('writes every date in the one format of pactFormat and marks an overdue action in words', async () => {
        // The rep's today: 28 November, so the action due on the 27th is overdue.
        jest.useFakeTimers({ now: new Date('2026-11-28T17:00:00.000Z'), doNotFake: ['nextTick'] });
        try {
            const element = createMyWeek();
            graphql.emit(MY_WEEK);
            await flushPromises();
            expect($$(element, 'li.plan .planned-for').map((p) => p.textContent)).toEqual([
                'Nov 26, 2026',
                'Dec 2, 2026'
            ]);
            const [dated, undated] = $$(element, 'li.action');
            expect(dated.querySelector('.due').textContent).toBe('c.PACT_MyWeek_Due Nov 27, 2026');
            expect(dated.querySelector('.pact-overdue').textContent.trim()).toBe('c.PACT_Action_Overdue');
            expect(undated.querySelector('.pact-overdue')).toBeNull();
        } finally {
            jest.useRealTimers();
        }
    });

    it('opens the record of a plan and of an action through navigation', async () => {
        const element = createMyWeek();
        graphql.emit(MY_WEEK);
        await flushPromises();

        const planLink = $(element, 'li.plan a');
        expect(planLink.getAttribute('href')).toBe('/lightning/r/Call_Plan__c/a0B5g00000Qx1PmAAJ/view');
        planLink.click();
        $$(element, 'li.action a')[0].click();

        expect(mockNavigate.mock.calls).toEqual([
            [
                {
                    type: 'standard__recordPage',
                    attributes: { recordId: 'a0B5g00000Qx1PmAAJ', objectApiName: 'Call_Plan__c', actionName: 'view' }
                }
            ],
            [
                {
                    type: 'standard__recordPage',
                    attributes: { recordId: 'a0C5g00000HcAreAAB', objectApiName: 'High_Card__c', actionName: 'view' }
                }
            ]
        ]);
    });

    it('opens a record from the keyboard: links are real links in tab order', async () => {
        const element = createMyWeek();
        graphql.emit(MY_WEEK);
        await flushPromises();
        const link = $(element, 'li.action a');
        link.focus();
        expect(element.shadowRoot.activeElement).toBe(link);
        // Enter on a focused link fires click in browsers.
        link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail: 0 }));
        expect(mockNavigate).toHaveBeenCalledTimes(1);
    });

    it('says what to do next when nothing is planned or waiting', async () => {
        const element = createMyWeek();
        graphql.emit(EMPTY_WEEK);
        await flushPromises();
        expect($(element, '.empty-plans').textContent).toBe('c.PACT_MyWeek_Empty_Plans');
        expect($(element, '.empty-actions').textContent).toBe('c.PACT_MyWeek_Empty_Actions');
        expect($$(element, 'li')).toHaveLength(0);
    });

    it("shows the server's words when the week cannot be loaded", async () => {
        const element = createMyWeek();
        graphql.emitErrors([{ message: 'No such column Needs_Action_By__c on entity High_Card__c' }]);
        await flushPromises();
        const error = $(element, '.load-error');
        expect(error.textContent).toBe(
            'Your week could not be loaded: No such column Needs_Action_By__c on entity High_Card__c'
        );
        expect(error.getAttribute('role')).toBe('alert');
        expect($(element, 'section')).toBeNull();
    });

    it('is accessible with data, empty and in error', async () => {
        const element = createMyWeek();
        await expect(element).toBeAccessible();
        graphql.emit(MY_WEEK);
        await flushPromises();
        await expect(element).toBeAccessible();
        graphql.emit(EMPTY_WEEK);
        await flushPromises();
        await expect(element).toBeAccessible();
        graphql.emitErrors([{ message: 'Request failed' }]);
        await flushPromises();
        await expect(element).toBeAccessible();
    });
});
