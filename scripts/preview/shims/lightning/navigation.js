// Preview shim for lightning/navigation: record pages open the preview's page for the record (the
// server sends a high card, plan, contact or opportunity to its account's page, with the record in view);
// everything else opens the preview's home page.
const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export function urlFor(pageReference) {
    const ref = pageReference || {};
    const attributes = ref.attributes || {};
    switch (ref.type) {
        case 'standard__recordPage':
        case 'standard__recordRelationshipPage': {
            const id = encodeURIComponent(attributes.recordId || '');
            // The URL an org uses, which the preview server also answers.
            return attributes.objectApiName
                ? `/lightning/r/${encodeURIComponent(attributes.objectApiName)}/${id}/view`
                : `/record/${id}`;
        }
        case 'standard__webPage':
            return attributes.url || '/';
        case 'standard__namedPage':
        case 'standard__objectPage':
        case 'standard__navItemPage':
        default:
            return '/home';
    }
}

export function NavigationMixin(Base) {
    return class extends Base {
        [Navigate](pageReference, replace) {
            const url = urlFor(pageReference);
            if (replace) window.location.replace(url);
            else window.location.assign(url);
        }

        [GenerateUrl](pageReference) {
            return Promise.resolve(urlFor(pageReference));
        }
    };
}
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

function currentReference() {
    const page = document.getElementById('pact-root');
    const recordId = page && page.dataset.recordId;
    return recordId
        ? {
              type: 'standard__recordPage',
              attributes: { recordId, objectApiName: page.dataset.objectApiName || 'Account', actionName: 'view' },
              state: {}
          }
        : { type: 'standard__namedPage', attributes: { pageName: 'home' }, state: {} };
}

export class CurrentPageReference {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }
    connect() {
        this.dataCallback(currentReference());
    }
    disconnect() {}
    update() {}
}
