// Preview stand-in for lightning-record-picker (a platform component that lightning-base-components
// does not ship): searches the preview's records by name through the same GraphQL endpoint, honours
// `filter` criteria, and fires `change` with { recordId } like the real picker.
import { LightningElement, api } from 'lwc';

const SEARCH_DELAY_MS = 150;
let idCounter = 0;

async function runQuery(query, variables) {
    const response = await fetch('/__preview/graphql', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query, variables })
    });
    const result = await response.json();
    if (result.errors && result.errors.length) throw new Error(result.errors.map((e) => e.message).join('; '));
    return result.data;
}

function criteriaToWhere(filter) {
    const criteria = (filter && filter.criteria) || [];
    return criteria.map((c) => {
        const path = String(c.fieldPath).split('.');
        let clause = { [c.operator]: c.value };
        clause = { [path[path.length - 1]]: clause };
        for (let i = path.length - 2; i >= 0; i--) clause = { [path[i]]: clause };
        return clause;
    });
}

export default class RecordPicker extends LightningElement {
    @api label;
    @api placeholder = 'Search...';
    @api objectApiName;
    @api filter;
    @api displayInfo;
    @api matchingInfo;
    @api required = false;
    @api disabled = false;
    @api variant;
    @api fieldLevelHelp;

    inputId = `pact-record-picker-${++idCounter}`;
    listboxId = `pact-record-picker-list-${idCounter}`;
    searchText = '';
    results = [];
    open = false;
    activeIndex = -1;
    selectedName = '';
    errorMessage = '';
    customValidity = '';
    _value;
    searchTimer;

    @api
    get value() {
        return this._value;
    }
    set value(id) {
        this._value = id || null;
        if (this._value) this.loadSelectedName();
        else this.selectedName = '';
    }

    get nameField() {
        return (
            (this.displayInfo && this.displayInfo.primaryField) ||
            (this.objectApiName === 'Case' ? 'CaseNumber' : 'Name')
        );
    }

    get hasSelection() {
        return Boolean(this._value);
    }

    get comboboxClass() {
        return `slds-combobox slds-dropdown-trigger slds-dropdown-trigger_click${this.open ? ' slds-is-open' : ''}`;
    }

    get formElementClass() {
        return `slds-form-element${this.errorMessage ? ' slds-has-error' : ''}`;
    }

    get options() {
        return this.results.map((r, index) => ({
            ...r,
            optionId: `${this.listboxId}-${index}`,
            className: `slds-media slds-listbox__option slds-listbox__option_entity${index === this.activeIndex ? ' slds-has-focus' : ''}`,
            selected: index === this.activeIndex
        }));
    }

    get activeDescendant() {
        return this.activeIndex >= 0 ? `${this.listboxId}-${this.activeIndex}` : null;
    }

    get noResults() {
        return this.open && this.searchText.length > 0 && this.results.length === 0;
    }

    async loadSelectedName() {
        const id = this._value;
        try {
            const data = await runQuery(
                `query pickerName($id: ID) { uiapi { query { ${this.objectApiName}(where: { Id: { eq: $id } }, first: 1) { edges { node { Id ${this.nameField} { value } } } } } } }`,
                { id }
            );
            const edge = data.uiapi.query[this.objectApiName].edges[0];
            if (id === this._value) this.selectedName = edge ? edge.node[this.nameField].value : id;
        } catch {
            this.selectedName = id;
        }
    }

    async search() {
        const text = this.searchText.trim();
        if (!text) {
            this.results = [];
            return;
        }
        const where = { and: [{ [this.nameField]: { like: `%${text}%` } }, ...criteriaToWhere(this.filter)] };
        try {
            const data = await runQuery(
                `query pickerSearch($where: ${this.objectApiName}_Filter) { uiapi { query { ${this.objectApiName}(where: $where, first: 10, orderBy: { ${this.nameField}: { order: ASC } }) { edges { node { Id ${this.nameField} { value } } } } } } }`,
                { where }
            );
            if (text !== this.searchText.trim()) return;
            this.results = data.uiapi.query[this.objectApiName].edges.map((e) => ({
                id: e.node.Id,
                name: e.node[this.nameField].value
            }));
            this.activeIndex = this.results.length ? 0 : -1;
            this.open = true;
        } catch (error) {
            this.results = [];
            this.errorMessage = error.message;
        }
    }

    handleInput(event) {
        this.searchText = event.target.value;
        window.clearTimeout(this.searchTimer);
        this.searchTimer = window.setTimeout(() => this.search(), SEARCH_DELAY_MS);
    }

    handleKeyDown(event) {
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            if (!this.results.length) return;
            this.open = true;
            const step = event.key === 'ArrowDown' ? 1 : -1;
            this.activeIndex = (this.activeIndex + step + this.results.length) % this.results.length;
        } else if (event.key === 'Enter' && this.open && this.activeIndex >= 0) {
            event.preventDefault();
            this.select(this.results[this.activeIndex]);
        } else if (event.key === 'Escape' && this.open) {
            event.preventDefault();
            event.stopPropagation();
            this.open = false;
        }
    }

    handleOptionClick(event) {
        const result = this.results.find((r) => r.id === event.currentTarget.dataset.id);
        if (result) this.select(result);
    }

    handleBlur() {
        // Let a click on an option land first.
        window.setTimeout(() => {
            this.open = false;
        }, 200);
        this.dispatchEvent(new CustomEvent('blur'));
    }

    handleFocus() {
        this.dispatchEvent(new CustomEvent('focus'));
    }

    select(result) {
        this._value = result.id;
        this.selectedName = result.name;
        this.searchText = '';
        this.results = [];
        this.open = false;
        this.errorMessage = '';
        this.dispatchEvent(new CustomEvent('change', { detail: { recordId: result.id } }));
    }

    handleClear() {
        this._value = null;
        this.selectedName = '';
        this.dispatchEvent(new CustomEvent('change', { detail: { recordId: null } }));
        Promise.resolve().then(() => this.focus());
    }

    @api
    clearSelection() {
        this._value = null;
        this.selectedName = '';
    }

    @api
    focus() {
        const input = this.template.querySelector('input');
        if (input) input.focus();
    }

    @api
    blur() {
        const input = this.template.querySelector('input');
        if (input) input.blur();
    }

    @api
    checkValidity() {
        return !this.customValidity && !(this.required && !this._value);
    }

    @api
    reportValidity() {
        const valid = this.checkValidity();
        this.errorMessage = valid ? '' : this.customValidity || 'Complete this field.';
        return valid;
    }

    @api
    setCustomValidity(message) {
        this.customValidity = message || '';
    }

    get validity() {
        return { valid: this.checkValidity() };
    }
}
