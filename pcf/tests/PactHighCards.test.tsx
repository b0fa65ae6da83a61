import { Simulate } from 'react-dom/test-utils';
import { act } from 'react-dom/test-utils';
import { RULES, deriveHeadline } from '../../force-app/main/default/lwc/pactRules/pactRules';
import { CONTROL_COLUMNS, draftKey } from '../PactHighCards/components/model';
import { registerSa11yMatcher } from '@sa11y/jest';
import { ACCOUNT_ID, Mounted, loadResx, mount, sampleRows, settle } from './harness';

registerSa11yMatcher();

const strings = loadResx();
const message = (rule: string) => RULES.find((r) => r.name === rule)?.message as string;
const SAID = 'The head of purchasing said they will double the order if we deliver by the 15th.';

const cardHeadlines = (m: Mounted) =>
    [...m.container.querySelectorAll('.pact-card-headline')].map((el) => el.textContent ?? '');
const button = (m: Mounted, text: string) => {
    const found = [...m.container.querySelectorAll('button')].find((b) => b.textContent === text);
    if (!found) throw new Error(`No button "${text}"`);
    return found;
};
const textarea = (m: Mounted) => m.container.querySelector('textarea') as HTMLTextAreaElement;
const type = (m: Mounted, text: string) => {
    const el = textarea(m);
    el.value = text;
    Simulate.change(el);
};
const ctrlEnter = (m: Mounted) => Simulate.keyDown(textarea(m), { key: 'Enter', ctrlKey: true });
const selectByLabel = (m: Mounted, labelText: string, value: string) => {
    const label = [...m.container.querySelectorAll('label.pact-filter')].find((l) =>
        l.textContent?.startsWith(labelText)
    );
    const select = label?.querySelector('select') as HTMLSelectElement;
    select.value = value;
    act(() => {
        Simulate.change(select);
    });
};

let mounted: Mounted | undefined;
afterEach(() => {
    mounted?.unmount();
    mounted = undefined;
    localStorage.clear();
});

describe('PACT High Cards control', () => {
    it('renders the account high cards from the dataset, newest first, asking the server for pages of 20', async () => {
        const rows = sampleRows(3);
        // The server hands rows over in another order; the control asks for pact_occurredon descending.
        mounted = mount({ rows: [rows[2], rows[0], rows[1]] });
        await settle();
        expect(mounted.dataset.calls.setPageSize).toEqual([20]);
        expect(mounted.dataset.sorting).toEqual([{ name: 'pact_occurredon', sortDirection: 1 }]);
        expect(cardHeadlines(mounted)).toEqual(rows.map((r) => r.pact_name));
        const meta = mounted.container.querySelector('.pact-card-meta')?.textContent;
        expect(meta).toBe(`${rows[0].kind} · ${rows[0].theme} · ${rows[0].occurredOn}`);
        expect(mounted.container.textContent).toContain(rows[0].pact_details);
    });

    it('adds the columns it reads to the dataset, whatever view the subgrid is bound to', async () => {
        mounted = mount();
        await settle();
        expect(mounted.dataset.calls.addColumn).toEqual(CONTROL_COLUMNS);
        // A second init (the form reloads) adds nothing the dataset already has.
        mounted.generator.ExecuteInit();
        expect(mounted.dataset.calls.addColumn).toEqual(CONTROL_COLUMNS);
    });

    it('says when the dataset could not be loaded', async () => {
        mounted = mount({ rows: [] });
        await settle();
        Object.assign(mounted.dataset, { error: true, errorMessage: 'The view pact_highcard_account is missing.' });
        mounted.render();
        expect(mounted.container.querySelector('.pact-list [role="alert"]')?.textContent).toBe(
            'High cards could not be loaded: The view pact_highcard_account is missing.'
        );
    });

    it('filters by kind and theme on the server (dataset filtering) and clears the filter again', async () => {
        mounted = mount({ rows: sampleRows(60) });
        await settle();
        selectByLabel(mounted, strings.Filter_Kind, 'Risk');
        await settle();
        expect(mounted.dataset.calls.setFilter.at(-1)).toEqual({
            filterOperator: 0,
            conditions: [{ attributeName: 'pact_kind', conditionOperator: 0, value: '100000005' }]
        });
        const risks = cardHeadlines(mounted);
        expect(risks).toHaveLength(7);
        risks.forEach((h) => expect(h).toContain('Risk'));

        selectByLabel(mounted, strings.Filter_Theme, 'Delivery');
        await settle();
        expect(mounted.dataset.calls.setFilter.at(-1)?.conditions).toEqual([
            { attributeName: 'pact_kind', conditionOperator: 0, value: '100000005' },
            { attributeName: 'pact_theme', conditionOperator: 0, value: '100000003' }
        ]);
        // Risk is every 8th card from index 5, Delivery every 7th from index 3: only index 45 is both.
        expect(cardHeadlines(mounted)).toEqual([expect.stringMatching(/^Card 046: Risk/)]);

        selectByLabel(mounted, strings.Filter_Kind, '');
        selectByLabel(mounted, strings.Filter_Theme, '');
        await settle();
        expect(mounted.dataset.filter).toBeNull();
        expect(cardHeadlines(mounted)).toHaveLength(20);
    });

    it('pages with loadNextPage instead of loading everything', async () => {
        mounted = mount({ rows: sampleRows(45) });
        await settle();
        expect(cardHeadlines(mounted)).toHaveLength(20);
        act(() => {
            button(mounted as Mounted, strings.List_More).click();
        });
        await settle();
        expect(mounted.dataset.calls.loadNextPage).toBe(1);
        expect(cardHeadlines(mounted)).toHaveLength(40);
        act(() => {
            button(mounted as Mounted, strings.List_More).click();
        });
        await settle();
        expect(cardHeadlines(mounted)).toHaveLength(45);
        expect(() => button(mounted as Mounted, strings.List_More)).toThrow();
    });

    it('saves a high card with Ctrl+Enter, bound to the account, and refreshes the dataset', async () => {
        mounted = mount({ rows: sampleRows(2) });
        await settle();
        act(() => {
            button(mounted as Mounted, 'Commitment').click();
        });
        type(mounted, SAID);
        expect(JSON.parse(localStorage.getItem(draftKey(ACCOUNT_ID)) as string)).toEqual({
            kind: 'Commitment',
            details: SAID
        });
        const refreshesBefore = mounted.dataset.calls.refresh;
        act(() => ctrlEnter(mounted as Mounted));
        await settle();

        expect(mounted.webAPI.createRecord.callCount).toBe(1);
        const [table, payload] = mounted.webAPI.createRecord.firstCall.args;
        expect(table).toBe('pact_highcard');
        expect(payload).toEqual({
            pact_name: deriveHeadline(SAID),
            pact_kind: 100000002,
            pact_details: SAID,
            pact_occurredon: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
            'pact_accountid@odata.bind': `/accounts(${ACCOUNT_ID})`
        });
        expect(payload.pact_name).toBe('The head of purchasing said they will double the order if we deliver by the…');
        // The in-memory Dataverse really holds the new row.
        const stored = mounted.generator.metadata.GetAllRows('pact_highcard').rows;
        expect(stored).toEqual([expect.objectContaining({ pact_details: SAID, pact_kind: 100000002 })]);
        expect(mounted.dataset.calls.refresh).toBe(refreshesBefore + 1);
        expect(localStorage.getItem(draftKey(ACCOUNT_ID))).toBeNull();
        expect(textarea(mounted).value).toBe('');
        expect(mounted.container.textContent).toContain(strings.Composer_Saved);
    });

    it('keeps the draft when createRecord fails, shows the reason, and a retry sends it exactly once', async () => {
        mounted = mount({ rows: [] });
        await settle();
        mounted.webAPI.createRecord.rejects(new Error('Network request failed'));
        act(() => {
            button(mounted as Mounted, 'Request').click();
        });
        type(mounted, SAID);
        act(() => ctrlEnter(mounted as Mounted));
        await settle();

        const alert = mounted.container.querySelector('.pact-failure[role="alert"]');
        expect(alert?.textContent).toContain('Network request failed');
        expect(textarea(mounted).value).toBe(SAID);
        expect(JSON.parse(localStorage.getItem(draftKey(ACCOUNT_ID)) as string)).toEqual({
            kind: 'Request',
            details: SAID
        });

        // A reload (new control instance) finds the draft again.
        mounted.unmount();
        mounted = mount({ rows: [] });
        await settle();
        expect(textarea(mounted).value).toBe(SAID);
        expect(button(mounted, 'Request').getAttribute('aria-pressed')).toBe('true');

        // Retry: a slow server and an impatient rep pressing twice still make one card.
        let resolve: (v: ComponentFramework.LookupValue) => void = () => undefined;
        mounted.webAPI.createRecord.callsFake(() => new Promise<ComponentFramework.LookupValue>((r) => (resolve = r)));
        act(() => ctrlEnter(mounted as Mounted));
        act(() => ctrlEnter(mounted as Mounted));
        act(() => {
            button(mounted as Mounted, strings.Composer_Saving).click();
        });
        expect(mounted.webAPI.createRecord.callCount).toBe(1);
        expect(localStorage.getItem(draftKey(ACCOUNT_ID))).not.toBeNull();
        await act(async () => {
            resolve({ id: 'new-id', name: SAID, entityType: 'pact_highcard' });
        });
        await settle();
        expect(mounted.webAPI.createRecord.callCount).toBe(1);
        expect(localStorage.getItem(draftKey(ACCOUNT_ID))).toBeNull();
    });

    it('says so when the device is offline, and keeps the draft', async () => {
        mounted = mount({ rows: [] });
        await settle();
        const online = jest.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false);
        mounted.webAPI.createRecord.rejects(new TypeError('Failed to fetch'));
        act(() => {
            button(mounted as Mounted, 'Risk').click();
        });
        type(mounted, SAID);
        act(() => {
            button(mounted as Mounted, strings.Composer_Save).click();
        });
        await settle();
        online.mockRestore();
        const failure = mounted.container.querySelector('.pact-failure')?.textContent;
        expect(failure).toBe(strings.Composer_Failed.replace('{0}', strings.Composer_Offline));
        expect(JSON.parse(localStorage.getItem(draftKey(ACCOUNT_ID)) as string)).toEqual({
            kind: 'Risk',
            details: SAID
        });
        expect(button(mounted, strings.Composer_Retry)).toBeTruthy();
    });

    it('refuses a low card with the rulebook message and sends nothing', async () => {
        mounted = mount();
        await settle();
        act(() => {
            button(mounted as Mounted, 'Feedback').click();
        });
        type(mounted, 'Called, left voicemail');
        act(() => ctrlEnter(mounted as Mounted));
        await settle();
        expect(mounted.container.textContent).toContain(message('PACT_No_Low_Cards'));
        expect(mounted.webAPI.createRecord.callCount).toBe(0);
        expect(textarea(mounted).value).toBe('Called, left voicemail');
    });

    it('asks for the kind and for enough words before saving', async () => {
        mounted = mount();
        await settle();
        type(mounted, 'Too short');
        act(() => {
            button(mounted as Mounted, strings.Composer_Save).click();
        });
        await settle();
        const group = mounted.container.querySelector('[role="group"]') as HTMLElement;
        const described = document.getElementById(group.getAttribute('aria-describedby') as string);
        expect(described?.textContent).toBe(strings.Composer_KindRequired);
        expect(mounted.container.textContent).toContain(message('PACT_Details_Specific'));
        expect(mounted.webAPI.createRecord.callCount).toBe(0);
    });

    it("shows the account's customer alert at the top with role=alert", async () => {
        mounted = mount({ accountAlert: 'On credit hold - refer to accounts receivable' });
        await settle();
        const alert = mounted.container.querySelector('.pact-alert');
        expect(alert?.getAttribute('role')).toBe('alert');
        expect(alert?.textContent).toBe(`${strings.Alert_Title} On credit hold - refer to accounts receivable`);
        expect(mounted.container.querySelector('.pact-highcards')?.firstElementChild).toBe(alert);
        expect(mounted.webAPI.retrieveRecord.firstCall.args).toEqual([
            'account',
            ACCOUNT_ID,
            '?$select=pact_customeralert'
        ]);
    });

    it('shows no alert when the account has none, and the input property wins when set', async () => {
        mounted = mount({ accountAlert: null });
        await settle();
        expect(mounted.container.querySelector('.pact-alert')).toBeNull();
        mounted.unmount();
        mounted = mount({ accountAlert: 'Old text', alertProperty: 'Legal review pending' });
        await settle();
        expect(mounted.container.querySelector('.pact-alert')?.textContent).toContain('Legal review pending');
        expect(mounted.webAPI.retrieveRecord.callCount).toBe(0);
    });

    it('passes the axe accessibility rules with the alert, cards and a refused save on screen', async () => {
        mounted = mount({ rows: sampleRows(3), accountAlert: 'On credit hold - refer to accounts receivable' });
        await settle();
        type(mounted, 'Called, left voicemail');
        act(() => ctrlEnter(mounted as Mounted));
        await settle();
        await expect(mounted.container).toBeAccessible();
    }, 60000);

    it('labels every input and keeps every control reachable by keyboard', async () => {
        mounted = mount();
        await settle();
        const text = textarea(mounted);
        const label = mounted.container.querySelector(`label[for="${text.id}"]`);
        expect(label?.textContent).toContain(strings.Composer_DetailsLabel);
        mounted.container.querySelectorAll('select').forEach((select) => {
            expect(select.closest('label')?.textContent).toBeTruthy();
        });
        const kinds = mounted.container.querySelector('[role="group"]');
        expect(kinds?.getAttribute('aria-labelledby')).toBeTruthy();
        mounted.container.querySelectorAll('button, textarea, select').forEach((el) => {
            expect(el.getAttribute('tabindex')).not.toBe('-1');
        });
    });
});
