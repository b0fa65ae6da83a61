// A small stand-in for the model-driven form that hosts the PACT High Cards control: a dataset of the
// account's high cards and a webAPI, both over the preview server (the same store, schema and rulebook
// as the Salesforce pages). Dataverse names map to the Salesforce fields: pact_details <-> Details__c.
(function host() {
    const root = document.getElementById('pcf-root');
    const config = JSON.parse(root.dataset.config);
    const OPTION_BASE = 100000000;
    const sets = config.optionSets;
    const ctor = window.__pcfControls['Pact.PactHighCards'];

    function showProblem(message) {
        const p = document.createElement('p');
        p.className = 'slds-text-color_error';
        p.textContent = message;
        root.replaceChildren(p);
        document.documentElement.dataset.pactReady = 'true';
    }

    if (!ctor || !window.ReactDOM || !window.FluentUIReactv940) {
        showProblem('The control, React or Fluent did not load: see the browser console.');
        return;
    }

    async function graphql(query, variables) {
        const response = await fetch('/__preview/graphql', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ query, variables })
        });
        const result = await response.json();
        if (result.errors && result.errors.length) throw new Error(result.errors.map((e) => e.message).join('; '));
        return result.data;
    }

    const toOption = (setName, label) => {
        const index = sets[setName].labels.indexOf(label);
        return index < 0 ? null : OPTION_BASE + index;
    };
    function fromOption(setName, value) {
        return value === null || value === undefined ? null : sets[setName].labels[Number(value) - OPTION_BASE];
    }

    function entityRecord(node) {
        const values = {
            pact_highcardid: node.Id,
            pact_name: node.Name.value,
            pact_details: node.Details__c.value,
            pact_occurredon: node.Occurred_On__c.value,
            pact_kind: toOption('pact_kind', node.Kind__c.value),
            pact_theme: toOption('pact_theme', node.Theme__c.value),
            pact_sentiment: toOption('pact_sentiment', node.Sentiment__c.value),
            pact_actionstatus: toOption('pact_actionstatus', node.Action_Status__c.value)
        };
        const formatted = {
            pact_kind: node.Kind__c.value,
            pact_theme: node.Theme__c.value,
            pact_sentiment: node.Sentiment__c.value,
            pact_actionstatus: node.Action_Status__c.value,
            pact_occurredon: node.Occurred_On__c.displayValue
        };
        return {
            getRecordId: () => node.Id,
            getNamedReference: () => ({ id: { guid: node.Id }, etn: 'pact_highcard', name: node.Name.value }),
            getValue: (column) => (column in values ? values[column] : null),
            getFormattedValue: (column) => (column in formatted ? formatted[column] : (values[column] ?? ''))
        };
    }

    const CARDS = `query pcfCards($where: High_Card__c_Filter, $first: Int, $after: String) { uiapi { query {
        High_Card__c(where: $where, first: $first, after: $after, orderBy: { Occurred_On__c: { order: DESC }, CreatedDate: { order: DESC } }) {
            edges { node { Id Name { value } Details__c { value } Occurred_On__c { value displayValue } Kind__c { value }
                Theme__c { value } Sentiment__c { value } Action_Status__c { value } } }
            pageInfo { hasNextPage endCursor } totalCount } } } }`;

    let endCursor = null;
    let filterExpression = null;
    const dataset = {
        loading: true,
        error: false,
        errorMessage: '',
        sortedRecordIds: [],
        records: {},
        columns: ['pact_name', 'pact_kind', 'pact_theme', 'pact_details', 'pact_occurredon'].map((name, order) => ({
            name,
            displayName: name,
            dataType: 'SingleLine.Text',
            alias: name,
            order,
            visualSizeFactor: 1
        })),
        sorting: [{ name: 'pact_occurredon', sortDirection: 1 }],
        filtering: {
            setFilter: (expression) => {
                filterExpression = expression;
            },
            clearFilter: () => {
                filterExpression = null;
            },
            getFilter: () => filterExpression
        },
        paging: {
            pageSize: 25,
            totalResultCount: 0,
            hasNextPage: false,
            hasPreviousPage: false,
            setPageSize(size) {
                this.pageSize = size;
            },
            loadNextPage: (loadOnlyNewPage) => load(true, loadOnlyNewPage),
            loadPreviousPage: () => undefined,
            reset: () => load(false),
            loadExactPage: () => load(false)
        },
        refresh: () => load(false),
        getTargetEntityType: () => 'pact_highcard',
        getTitle: () => 'High Cards',
        getSelectedRecordIds: () => [],
        setSelectedRecordIds: () => undefined,
        clearSelectedRecordIds: () => undefined,
        openDatasetItem: () => undefined
    };

    function whereClause() {
        const and = [{ Account__c: { eq: config.accountId } }];
        for (const condition of (filterExpression && filterExpression.conditions) || []) {
            const set = sets[condition.attributeName];
            if (set) and.push({ [set.field]: { eq: fromOption(condition.attributeName, condition.value) } });
        }
        return { and };
    }

    async function load(append, onlyNewPage) {
        dataset.loading = true;
        render();
        try {
            const data = await graphql(CARDS, {
                where: whereClause(),
                first: dataset.paging.pageSize,
                after: append ? endCursor : null
            });
            const connection = data.uiapi.query.High_Card__c;
            if (!append || onlyNewPage) {
                dataset.records = {};
                dataset.sortedRecordIds = [];
            }
            for (const edge of connection.edges) {
                dataset.records[edge.node.Id] = entityRecord(edge.node);
                dataset.sortedRecordIds.push(edge.node.Id);
            }
            endCursor = connection.pageInfo.endCursor;
            dataset.paging.hasNextPage = connection.pageInfo.hasNextPage;
            dataset.paging.totalResultCount = connection.totalCount;
            dataset.error = false;
            dataset.errorMessage = '';
        } catch (error) {
            dataset.error = true;
            dataset.errorMessage = error.message;
        }
        dataset.loading = false;
        render();
    }

    /** Dataverse rejects with a plain { errorCode, message } object, not an Error. */
    function failure(errorCode, message) {
        return Promise.reject({ errorCode, message });
    }

    /** Dataverse-style rejection: { errorCode, message }, the message being the rulebook's or the server's words. */
    function dataverseError(body) {
        const output = (body && body.output) || {};
        const fieldMessages = Object.values(output.fieldErrors || {}).flatMap((list) => list.map((e) => e.message));
        const formMessages = (output.errors || []).map((e) => e.message);
        const message = [...fieldMessages, ...formMessages][0] || (body && body.message) || 'The record was not saved.';
        return { errorCode: 0x80040265, message };
    }

    const webAPI = {
        async createRecord(entityType, data) {
            if (entityType !== 'pact_highcard') {
                return failure(0x80040217, `The preview stores only pact_highcard, not ${entityType}`);
            }
            const bind = String(data['pact_accountid@odata.bind'] || '');
            const match = /\/accounts\(([^)]+)\)/.exec(bind);
            const fields = {
                Name: data.pact_name,
                Details__c: data.pact_details,
                Occurred_On__c: data.pact_occurredon,
                Account__c: match ? match[1] : null,
                Kind__c: fromOption('pact_kind', data.pact_kind)
            };
            if (data.pact_theme !== undefined) fields.Theme__c = fromOption('pact_theme', data.pact_theme);
            if (data.pact_sentiment !== undefined)
                fields.Sentiment__c = fromOption('pact_sentiment', data.pact_sentiment);
            // A dropped connection rejects with the browser's TypeError, as in a real form.
            const response = await fetch('/__preview/ui-api/records', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ apiName: 'High_Card__c', fields })
            });
            const body = await response.json().catch(() => ({}));
            if (!response.ok) {
                const error = dataverseError(body);
                return failure(error.errorCode, error.message);
            }
            return { id: body.id, entityType };
        },
        async retrieveRecord(entityType, rawId) {
            // The control lower-cases record ids (Dataverse GUIDs); Salesforce Ids are matched case-sensitively.
            const id = String(rawId).toLowerCase() === config.accountId.toLowerCase() ? config.accountId : rawId;
            if (entityType !== 'account') return failure(0x80040217, `No ${entityType} records in the preview`);
            const data = await graphql(
                'query acc($id: ID) { uiapi { query { Account(where: { Id: { eq: $id } }, first: 1) { edges { node { Id Name { value } Customer_Alert__c { value } } } } } } }',
                { id }
            );
            const edge = data.uiapi.query.Account.edges[0];
            if (!edge) return failure(0x80040217, 'Account not found');
            return { accountid: id, name: edge.node.Name.value, pact_customeralert: edge.node.Customer_Alert__c.value };
        },
        retrieveMultipleRecords: async () => ({ entities: [], nextLink: undefined }),
        updateRecord: () => failure(0x80040220, 'The preview control host does not update records'),
        deleteRecord: () => failure(0x80040220, 'The preview control host does not delete records')
    };

    const stringsPromise = fetch('/pcf/host/strings.json').then((r) => r.json());
    let context;
    let control;

    function render() {
        if (!control || !context) return;
        const element = control.updateView(context);
        window.ReactDOM.render(element, root);
        document.documentElement.dataset.pactReady = 'true';
    }

    stringsPromise.then((strings) => {
        context = {
            parameters: {
                highCards: dataset,
                customerAlert: { raw: null, formatted: '' },
                accountId: { raw: config.accountId, formatted: config.accountId }
            },
            webAPI,
            resources: { getString: (key) => (key in strings ? strings[key] : key), getResource: () => undefined },
            mode: {
                contextInfo: {
                    entityId: config.accountId,
                    entityTypeName: 'account',
                    entityRecordName: config.accountName
                },
                isControlDisabled: false,
                isVisible: true,
                allocatedWidth: root.clientWidth,
                allocatedHeight: -1,
                label: 'High Cards',
                trackContainerResize: () => undefined,
                setControlState: () => undefined,
                setFullScreen: () => undefined
            },
            userSettings: { userId: config.userId, languageId: 1033, userName: 'Sales Rep', isRTL: false },
            client: { getFormFactor: () => 1, isOffline: () => false },
            navigation: { openUrl: (url) => window.open(url, '_blank') },
            utils: { hasEntityPrivilege: () => true },
            updatedProperties: []
        };
        control = new ctor();
        control.init(context, () => undefined, {});
        return load(false);
    });
})();
