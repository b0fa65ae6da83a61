/**
 * Test harness for the High Cards control: the context comes from @shko.online/componentframework-mock
 * (in-memory Dataverse for webAPI); the dataset is a small fake server that filters, sorts and pages
 * like a model-driven subgrid, so filter and paging tests exercise the control's real requests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ReactDOM from 'react-dom';
import { act } from 'react-dom/test-utils';
import { XMLParser } from 'fast-xml-parser';
import {
    AttributeMetadataGenerator,
    ComponentFrameworkMockGeneratorReact,
    DataSetMock,
    StringPropertyMock
} from '@shko.online/componentframework-mock';
import { PactHighCards } from '../PactHighCards';
import type { IInputs, IOutputs } from '../PactHighCards/generated/ManifestTypes';
import { OPTION_SETS, OPTION_VALUE_BASE } from '../PactHighCards/components/model';

export const PCF_ROOT = path.resolve(__dirname, '..');
export const ACCOUNT_ID = '5f1c2a9e-3b7d-4e21-9a0b-6c8d2e4f1a37';

/** Every string of the resx, as the platform's getString would return them. */
export function loadResx(): Record<string, string> {
    const xml = readFileSync(path.join(PCF_ROOT, 'PactHighCards/strings/PactHighCards.1033.resx'), 'utf8');
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const data = [parsed.root.data].flat() as { name: string; value: string }[];
    return Object.fromEntries(data.map((d) => [d.name, String(d.value)]));
}

export interface ServerRow {
    id: string;
    pact_name: string;
    kind: string;
    theme?: string;
    pact_details: string;
    /** YYYY-MM-DD */
    occurredOn: string;
}

type EntityRecord = ComponentFramework.PropertyHelper.DataSetApi.EntityRecord;
type FilterExpression = ComponentFramework.PropertyHelper.DataSetApi.FilterExpression;

const optionValueOf = (labels: string[], label?: string) => (label ? OPTION_VALUE_BASE + labels.indexOf(label) : null);

/** A subgrid's dataset backed by rows on a pretend server: filter, sort and page like Dataverse does. */
export class FakeServerDataset {
    rows: ServerRow[];
    pageSize = 25; // Dataverse's default until the control sets its own
    pagesLoaded = 1;
    filter: FilterExpression | null = null;
    sorting: ComponentFramework.PropertyHelper.DataSetApi.SortStatus[] = [];
    loading = false;
    error = false;
    errorMessage = '';
    columns: ComponentFramework.PropertyHelper.DataSetApi.Column[] = [];
    records: Record<string, EntityRecord> = {};
    sortedRecordIds: string[] = [];
    onChange: () => void = () => undefined;
    /** Calls the control made, for assertions. */
    calls = {
        setPageSize: [] as number[],
        loadNextPage: 0,
        refresh: 0,
        setFilter: [] as FilterExpression[],
        addColumn: [] as string[]
    };

    /** Like a subgrid bound to a view that lacks a column: the dataset then carries it as well. */
    addColumn(name: string): void {
        this.calls.addColumn.push(name);
        this.columns.push({
            name,
            displayName: name,
            dataType: 'SingleLine.Text',
            alias: name,
            order: this.columns.length,
            visualSizeFactor: 1
        });
    }

    paging: ComponentFramework.PropertyHelper.DataSetApi.Paging;
    filtering: ComponentFramework.PropertyHelper.DataSetApi.Filtering;

    constructor(rows: ServerRow[]) {
        this.rows = rows;
        // eslint-disable-next-line @typescript-eslint/no-this-alias
        const self = this;
        this.paging = {
            get totalResultCount() {
                return self.matching().length;
            },
            get firstPageNumber() {
                return 1;
            },
            get lastPageNumber() {
                return self.pagesLoaded;
            },
            get pageSize() {
                return self.pageSize;
            },
            get hasNextPage() {
                return self.matching().length > self.pagesLoaded * self.pageSize;
            },
            get hasPreviousPage() {
                return false;
            },
            loadNextPage: () => {
                this.calls.loadNextPage++;
                this.pagesLoaded++;
                this.load();
            },
            loadPreviousPage: () => undefined,
            loadExactPage: () => undefined,
            reset: () => {
                this.pagesLoaded = 1;
            },
            setPageSize: (size: number) => {
                this.calls.setPageSize.push(size);
                this.pageSize = size;
            }
        } as ComponentFramework.PropertyHelper.DataSetApi.Paging;
        this.filtering = {
            getFilter: () => this.filter as FilterExpression,
            setFilter: (expression: FilterExpression) => {
                this.calls.setFilter.push(expression);
                this.filter = expression;
            },
            clearFilter: () => {
                this.filter = null;
            }
        };
        this.compute();
    }

    /** The mock library refreshes its own property types through this; the fake keeps its state. */
    _Refresh(): void {}

    refresh(): void {
        this.calls.refresh++;
        this.pagesLoaded = 1;
        this.load();
    }

    getTargetEntityType(): string {
        return 'pact_highcard';
    }

    /** Rows the server would return for the current filter and sorting. */
    matching(): ServerRow[] {
        const conditions = this.filter?.conditions ?? [];
        const value = (row: ServerRow, column: string) =>
            column === 'pact_kind'
                ? optionValueOf(OPTION_SETS.kind.labels, row.kind)
                : column === 'pact_theme'
                  ? optionValueOf(OPTION_SETS.theme.labels, row.theme)
                  : null;
        const filtered = this.rows.filter((row) =>
            conditions.every((c) => String(value(row, c.attributeName)) === String(c.value))
        );
        const byDate = this.sorting[0]?.name === 'pact_occurredon';
        const descending = this.sorting[0]?.sortDirection === 1;
        return [...filtered].sort((a, b) =>
            byDate
                ? (descending ? -1 : 1) * a.occurredOn.localeCompare(b.occurredOn)
                : a.pact_name.localeCompare(b.pact_name)
        );
    }

    private load(): void {
        this.compute();
        // The platform calls updateView later, never inside the control's own call.
        setTimeout(() => this.onChange(), 0);
    }

    private compute(): void {
        const page = this.matching().slice(0, this.pagesLoaded * this.pageSize);
        this.records = Object.fromEntries(page.map((row) => [row.id, recordOf(row)]));
        this.sortedRecordIds = page.map((row) => row.id);
    }
}

function recordOf(row: ServerRow): EntityRecord {
    const values: Record<string, unknown> = {
        pact_name: row.pact_name,
        pact_kind: optionValueOf(OPTION_SETS.kind.labels, row.kind),
        pact_theme: optionValueOf(OPTION_SETS.theme.labels, row.theme),
        pact_details: row.pact_details,
        // Date-only columns come back as Date objects at local midnight.
        pact_occurredon: new Date(`${row.occurredOn}T00:00:00`)
    };
    return {
        getRecordId: () => row.id,
        getValue: (column: string) => values[column] as string,
        getFormattedValue: (column: string) => String(values[column] ?? ''),
        getNamedReference: () => ({ id: { guid: row.id }, name: row.pact_name, etn: 'pact_highcard' })
    } as unknown as EntityRecord;
}

export function sampleRows(count: number, start = '2026-11-20'): ServerRow[] {
    const kinds = OPTION_SETS.kind.labels;
    const themes = OPTION_SETS.theme.labels;
    const first = new Date(`${start}T00:00:00Z`).getTime();
    return Array.from({ length: count }, (_, i) => {
        const kind = kinds[i % kinds.length];
        const day = new Date(first - i * 86400000).toISOString().slice(0, 10);
        return {
            id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
            pact_name: `Card ${String(i + 1).padStart(3, '0')}: ${kind} from the head of purchasing`,
            kind,
            theme: themes[i % themes.length],
            pact_details: `The head of purchasing said renewal depends on delivery times (card ${i + 1}).`,
            occurredOn: day
        };
    });
}

export interface Mounted {
    container: HTMLElement;
    generator: ComponentFrameworkMockGeneratorReact<IInputs, IOutputs>;
    dataset: FakeServerDataset;
    webAPI: ComponentFrameworkMockGeneratorReact<IInputs, IOutputs>['context']['webAPI'];
    render: () => void;
    unmount: () => void;
}

export interface MountOptions {
    rows?: ServerRow[];
    accountId?: string;
    /** account.pact_customeralert in the in-memory Dataverse */
    accountAlert?: string | null;
    /** the customerAlert input property */
    alertProperty?: string;
}

/** Inits the control on a mock context, as a model-driven form would, and renders its element. */
export function mount(options: MountOptions = {}): Mounted {
    const strings = loadResx();
    const generator = new ComponentFrameworkMockGeneratorReact<IInputs, IOutputs>(PactHighCards, {
        highCards: DataSetMock,
        customerAlert: StringPropertyMock,
        accountId: StringPropertyMock
    });
    const { context } = generator;
    context.resources.getString.callsFake((key: string) => strings[key]);
    context.webAPI._Delay = 0;
    const accountId = options.accountId ?? ACCOUNT_ID;
    Object.assign(context.mode, { contextInfo: { entityId: accountId, entityTypeName: 'account' } });

    generator.metadata.initMetadata([
        {
            LogicalName: 'pact_highcard',
            EntitySetName: 'pact_highcards',
            PrimaryIdAttribute: 'pact_highcardid',
            PrimaryNameAttribute: 'pact_name',
            Attributes: [
                { EntityLogicalName: 'pact_highcard', LogicalName: 'pact_highcardid', AttributeType: 15 },
                ...new AttributeMetadataGenerator('pact_highcard').AddString([
                    'pact_name',
                    'pact_details',
                    'pact_occurredon'
                ]).Attributes,
                ...new AttributeMetadataGenerator('pact_highcard').AddInteger(['pact_kind']).Attributes
            ]
        },
        {
            LogicalName: 'account',
            EntitySetName: 'accounts',
            PrimaryIdAttribute: 'accountid',
            PrimaryNameAttribute: 'name',
            Attributes: [
                { EntityLogicalName: 'account', LogicalName: 'accountid', AttributeType: 15 },
                ...new AttributeMetadataGenerator('account').AddString(['name', 'pact_customeralert']).Attributes
            ]
        }
    ] as never);
    generator.metadata.initItems({
        '@odata.context': '#accounts',
        value: [{ accountid: accountId, name: 'Northwind Traders', pact_customeralert: options.accountAlert ?? null }]
    });

    const dataset = new FakeServerDataset(options.rows ?? sampleRows(3));
    const params = context.parameters as unknown as Record<string, unknown>;
    const mocks = context._parameters as unknown as Record<string, unknown>;
    params.highCards = dataset;
    mocks.highCards = dataset;
    context._SetCanvasItems({ customerAlert: options.alertProperty ?? null, accountId: null } as never);

    const container = document.createElement('div');
    document.body.appendChild(container);
    const render = () =>
        act(() => {
            generator.RefreshParameters();
            ReactDOM.render(generator.control.updateView(context) as React.ReactElement, container);
        });
    dataset.onChange = render;
    generator.ExecuteInit();
    render();
    return {
        container,
        generator,
        dataset,
        webAPI: context.webAPI,
        render,
        unmount: () => {
            ReactDOM.unmountComponentAtNode(container);
            container.remove();
        }
    };
}

/** Lets promises and the dataset's deferred updateView run. */
export async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) {
        await act(async () => {
            await new Promise((resolve) => setTimeout(resolve, 0));
        });
    }
}
