import { showFieldMessages } from 'c/pactFieldMessages';

/** A base component as far as the constraint API goes (what lightning-input and the others offer). */
function field(name) {
    const calls = [];
    return {
        dataset: { field: name },
        calls,
        setCustomValidity: (message) => calls.push(['set', message]),
        reportValidity: () => calls.push(['report'])
    };
}

describe('c/pactFieldMessages', () => {
    it('reports each message on its field once, leaves untouched fields alone and clears a message when its problem is gone', () => {
        const details = field('Details__c');
        const due = field('Action_Due__c');
        const group = { dataset: { field: 'Kind__c' } }; // c-pact-choice-group: no constraint API
        const template = { querySelectorAll: () => [details, due, group] };
        const shown = new WeakMap();
        let messages = { Details__c: 'Say what the customer said.' };

        showFieldMessages(template, (name) => messages[name], shown);
        expect(details.calls).toEqual([['set', 'Say what the customer said.'], ['report']]);
        // Not reported while it never had a problem: an empty required field would say "Complete this field.".
        expect(due.calls).toEqual([]);

        showFieldMessages(template, (name) => messages[name], shown);
        expect(details.calls).toHaveLength(2);

        messages = {};
        showFieldMessages(template, (name) => messages[name], shown);
        expect(details.calls.slice(2)).toEqual([['set', ''], ['report']]);
    });
});
