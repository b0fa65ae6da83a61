// The preview page runtime: places the built components where the server's page asks for them
// (elements with data-pact-component and data-props) and shows the toasts they raise, as the
// Lightning Experience page would.
import { createElement } from 'lwc';

const kebab = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function showToast(detail) {
    const container = document.getElementById('pact-toasts');
    if (!container || !detail) return;
    const variant = ['success', 'error', 'warning', 'info'].includes(detail.variant) ? detail.variant : 'info';
    const toast = document.createElement('div');
    toast.className = `slds-notify slds-notify_toast slds-theme_${variant}`;
    toast.setAttribute('role', 'status');
    toast.dataset.variant = variant;
    const body = document.createElement('div');
    body.className = 'slds-notify__content';
    const title = document.createElement('h2');
    title.className = 'slds-text-heading_small';
    title.textContent = detail.title || detail.label || '';
    body.appendChild(title);
    if (detail.message) {
        const message = document.createElement('p');
        message.textContent = detail.message;
        body.appendChild(message);
    }
    toast.appendChild(body);
    container.appendChild(toast);
    const stay = detail.mode === 'sticky' ? null : variant === 'error' ? 10000 : 4000;
    if (stay) window.setTimeout(() => toast.remove(), stay);
}

/** Every element of the page in document order, looking inside the components' shadow trees. */
function* deepElements(root) {
    for (const element of root.querySelectorAll('*')) {
        yield element;
        if (element.shadowRoot) yield* deepElements(element.shadowRoot);
    }
}

const deepFind = (root, test) => {
    for (const element of deepElements(root)) if (test(element)) return element;
    return null;
};

const TABBABLE = 'a[href], button, input, select, textarea, [tabindex]';

function isTabbable(element) {
    if (!element.matches(TABBABLE) || element.disabled || element.tabIndex < 0) return false;
    if (element.type === 'hidden' || element.getClientRects().length === 0) return false;
    return getComputedStyle(element).visibility !== 'hidden';
}

/** The focused element, looking through the shadow roots that hold it. */
function deepActiveElement() {
    let element = document.activeElement;
    while (element && element.shadowRoot && element.shadowRoot.activeElement)
        element = element.shadowRoot.activeElement;
    return element;
}

/**
 * The shell's skip link: focus where a rep starts writing, the composer's first stop (its own @api focus(),
 * else, when that left the focus elsewhere, its first tab stop), as the page's main-content link does for
 * everyone else.
 */
function skipToComposer(event) {
    const composer = deepFind(document, (e) => e.localName === 'c-pact-high-card-composer');
    if (!composer) return;
    event.preventDefault();
    composer.scrollIntoView({ block: 'start' });
    composer.focus();
    const active = deepActiveElement();
    if (!composer.contains(active) && active !== composer) {
        const first = deepFind(composer.shadowRoot || composer, isTabbable);
        if (first) first.focus();
    }
}

/**
 * A link to a record that lives on this page (/account/<Id>#<cardId>): once the components have
 * rendered it, bring the record into view - its timeline card first, else wherever the page names it.
 */
function revealRecordFromHash() {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!/^[a-zA-Z0-9]{15,18}$/.test(id)) return;
    const key = id.slice(0, 15);
    const names = (e) =>
        (e.dataset && e.dataset.recordId && e.dataset.recordId.slice(0, 15) === key) ||
        (e.localName === 'a' && (e.getAttribute('href') || '').includes(key));
    const started = Date.now();
    const look = () => {
        const timeline = deepFind(document, (e) => e.localName === 'c-pact-timeline');
        const target = (timeline && deepFind(timeline.shadowRoot || timeline, names)) || deepFind(document, names);
        if (!target) {
            if (Date.now() - started < 20000) window.setTimeout(look, 200);
            return;
        }
        const card = target.closest('li') || target;
        card.scrollIntoView({ block: 'center' });
        card.classList.add('pact-linked-record');
        const link = target.localName === 'a' ? target : target.querySelector('a[href]');
        if (link) link.focus({ preventScroll: true });
        document.documentElement.dataset.pactLinkedRecord = id;
    };
    look();
}

export function startPreview(registry) {
    const skip = document.querySelector('[data-pact-skip="composer"]');
    if (skip) skip.addEventListener('click', skipToComposer);
    window.__pactPreview = { components: Object.keys(registry), mounted: 0 };
    document.addEventListener('lightning__showtoast', (event) => showToast(event.detail));
    for (const slot of document.querySelectorAll('[data-pact-component]')) {
        const name = slot.dataset.pactComponent;
        const ctor = registry[name];
        if (!ctor) {
            slot.replaceChildren();
            const note = document.createElement('p');
            note.className = 'slds-text-color_weak slds-p-around_small pact-missing';
            note.textContent = `${name} is not in this build yet.`;
            slot.appendChild(note);
            continue;
        }
        const element = createElement(`c-${kebab(name)}`, { is: ctor });
        const props = JSON.parse(slot.dataset.props || '{}');
        for (const [key, value] of Object.entries(props)) element[key] = value;
        slot.replaceChildren(element);
        window.__pactPreview.mounted++;
    }
    document.documentElement.dataset.pactReady = 'true';
    revealRecordFromHash();
}
