// Preview shim for lightning/graphql: the wire adapter POSTs the component's real query and variables
// to the preview server, which runs them with graphql-js against the schema generated from force-app.
import { registerWire, unregisterWire, send, deepFreeze, mentionsAny } from './previewBus';

/** The platform's gql parses at build time; here the query text is kept as is. */
export function gql(strings, ...values) {
    if (values.length) throw new Error('gql: use GraphQL variables instead of ${...} interpolation');
    return strings.raw.join('');
}

const adapters = new WeakMap();

export class graphql {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
        this.config = undefined;
        this.connected = false;
        this.lastValue = undefined;
        this.sequence = 0;
    }

    connect() {
        this.connected = true;
        registerWire(this);
        if (this.config) this.fetch();
    }

    disconnect() {
        this.connected = false;
        unregisterWire(this);
    }

    update(config) {
        this.config = config;
        if (this.connected) this.fetch();
    }

    mentions(ids) {
        return mentionsAny(this.lastValue && this.lastValue.data, ids);
    }

    refresh() {
        return this.fetch();
    }

    ready() {
        const config = this.config;
        if (!config || !config.query) return false;
        // Like the data service, wait until every variable has a value.
        const variables = config.variables || {};
        return Object.keys(variables).every((key) => variables[key] !== undefined);
    }

    async fetch() {
        if (!this.ready()) return undefined;
        const sequence = ++this.sequence;
        const { query, variables, operationName } = this.config;
        let value;
        try {
            const result = await send('POST', '/__preview/graphql', { query, variables, operationName });
            value = { data: result.data ? deepFreeze(result.data) : undefined, errors: result.errors };
        } catch (error) {
            value = { data: undefined, errors: [error && error.body ? error.body : { message: String(error) }] };
        }
        // lightning/graphql (v2) hands out refresh on the emitted value; it resolves once fresh data is delivered.
        value.refresh = () => this.refresh();
        // An older response must not overwrite a newer one.
        if (sequence !== this.sequence || !this.connected) return undefined;
        this.lastValue = value;
        adapters.set(value, this);
        this.dataCallback(value);
        return value;
    }
}

/** For lightning/uiGraphQLApi (v1) only: lightning/graphql (v2) has no refreshGraphQL, its results carry refresh(). */
export function refreshResult(result) {
    const adapter = adapters.get(result);
    return adapter ? adapter.refresh() : Promise.resolve(undefined);
}
