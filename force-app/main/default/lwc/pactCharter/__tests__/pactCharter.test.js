import { createElement } from 'lwc';
import PactCharter, { PROMISES } from 'c/pactCharter';

const fs = require('fs');
const path = require('path');

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
                return Promise.resolve('/lightning/o/Dashboard/home');
            }
        };
    NavigationMixin.Navigate = Navigate;
    NavigationMixin.GenerateUrl = GenerateUrl;
    return { NavigationMixin };
});

const DEFAULT = path.resolve(__dirname, '../../..');
const flushPromises = () => new Promise((resolve) => process.nextTick(resolve));
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];

const decode = (text) =>
    text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');

/** fullName -> value of every custom label in the package. */
function readLabels() {
    const xml = fs.readFileSync(path.join(DEFAULT, 'labels/CustomLabels.labels-meta.xml'), 'utf8');
    const labels = {};
    for (const [, block] of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
        const name = block.match(/<fullName>([^<]*)<\/fullName>/)[1];
        labels[name] = decode(block.match(/<value>([\s\S]*?)<\/value>/)[1]);
    }
    return labels;
}

/** The shipped PACT_Promise__mdt records: developer name -> field -> value. */
function readPromiseRecords() {
    const dir = path.join(DEFAULT, 'customMetadata');
    return fs
        .readdirSync(dir)
        .filter((file) => file.startsWith('PACT_Promise.') && file.endsWith('.md-meta.xml'))
        .map((file) => {
            const xml = fs.readFileSync(path.join(dir, file), 'utf8');
            const fields = {};
            for (const [, block] of xml.matchAll(/<values>([\s\S]*?)<\/values>/g)) {
                const field = block.match(/<field>([^<]*)<\/field>/)[1];
                fields[field] = decode(block.match(/<value[^>]*>([\s\S]*?)<\/value>/)[1]);
            }
            return { key: file.slice('PACT_Promise.'.length, -'.md-meta.xml'.length), ...fields };
        });
}

function labelName(labelImport) {
    // sfdx-lwc-jest resolves a label import to the string "c." followed by the label name.
    return labelImport.replace(/^c\./, '');
}

describe('c-pact-charter', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        mockNavigate.mockClear();
    });

    it('shows every promise with its detail, in order', async () => {
        const element = createElement('c-pact-charter', { is: PactCharter });
        document.body.appendChild(element);
        await flushPromises();

        const items = $$(element, 'li.promise');
        expect(items.map((item) => item.dataset.key)).toEqual([
            'No_Low_Cards',
            'No_Tick_Boxes',
            'Cards_Stay_With_Customer',
            'Reports_About_Customers',
            'Coaching_Stays_Private',
            'What_You_Get_Back'
        ]);
        expect(items[0].querySelector('.promise-text').textContent).toBe('c.PACT_Charter_Promise_1');
        expect(items[0].querySelector('.promise-detail').textContent).toBe('c.PACT_Charter_Detail_1');
    });

    it('asks for no acknowledgement: nothing to tick, nothing to submit', async () => {
        const element = createElement('c-pact-charter', { is: PactCharter });
        document.body.appendChild(element);
        await flushPromises();
        expect($$(element, 'input, lightning-input, lightning-checkbox-group, button, lightning-button')).toHaveLength(
            0
        );
    });

    it('links to the customer feedback dashboards, also from the keyboard', async () => {
        const element = createElement('c-pact-charter', { is: PactCharter });
        document.body.appendChild(element);
        await flushPromises();
        const link = $(element, 'a.dashboard-link');
        expect(link.getAttribute('href')).toBe('/lightning/o/Dashboard/home');
        link.focus();
        expect(element.shadowRoot.activeElement).toBe(link);
        link.click();
        expect(mockNavigate).toHaveBeenCalledWith({
            type: 'standard__objectPage',
            attributes: { objectApiName: 'Dashboard', actionName: 'home' }
        });
    });

    it('says the same as the shipped PACT_Promise__mdt records, in the same order', () => {
        const labels = readLabels();
        const records = readPromiseRecords()
            .filter((record) => record.Status__c === 'Active')
            .sort((a, b) => Number(a.Order__c) - Number(b.Order__c));

        expect(records.map((record) => record.key)).toEqual(PROMISES.map((item) => item.key));
        PROMISES.forEach((item, index) => {
            const record = records[index];
            expect({ key: item.key, promise: labels[labelName(item.promise)] }).toEqual({
                key: record.key,
                promise: record.Promise__c
            });
            expect(labels[labelName(item.detail)]).toBe(record.Detail__c);
        });
    });

    it('uses only words a rep should see', () => {
        const labels = readLabels();
        const words = PROMISES.flatMap((item) => [labels[labelName(item.promise)], labels[labelName(item.detail)]]);
        expect(words.every(Boolean)).toBe(true);
        words.forEach((text) => expect(text).not.toMatch(/\bCRM\b|activity logging|\bSFA\b/i));
    });

    it('is accessible', async () => {
        const element = createElement('c-pact-charter', { is: PactCharter });
        document.body.appendChild(element);
        await flushPromises();
        await expect(element).toBeAccessible();
    });
});
