// Preview shim for lightning/messageService: one in-page channel bus.
const subscribers = new Map();

export class MessageContext {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }
    connect() {
        this.dataCallback({});
    }
    disconnect() {}
    update() {}
}

export const APPLICATION_SCOPE = Symbol('APPLICATION_SCOPE');

export function publish(_context, channel, message) {
    for (const handler of subscribers.get(channel) || []) handler(message);
}

export function subscribe(_context, channel, handler) {
    const list = subscribers.get(channel) || new Set();
    list.add(handler);
    subscribers.set(channel, list);
    return { channel, handler };
}

export function unsubscribe(subscription) {
    if (subscription) (subscribers.get(subscription.channel) || new Set()).delete(subscription.handler);
}

export function createMessageContext() {
    return {};
}

export function releaseMessageContext() {}
