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

export function startPreview(registry) {
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
}
