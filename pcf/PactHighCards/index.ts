import * as React from 'react';
import { IInputs, IOutputs } from './generated/ManifestTypes';
import { HighCards } from './components/HighCards';
import { CONTROL_COLUMNS, PAGE_SIZE } from './components/model';
import { createStrings } from './components/strings';

/** Lifecycle glue only: everything a rep sees is in components/. */
export class PactHighCards implements ComponentFramework.ReactControl<IInputs, IOutputs> {
    public init(context: ComponentFramework.Context<IInputs>): void {
        const dataset = context.parameters.highCards;
        // The columns the control reads, whatever the bound view carries (addColumn is optional in the API).
        const present = new Set(dataset.columns?.map((c) => c.name) ?? []);
        CONTROL_COLUMNS.filter((name) => !present.has(name)).forEach((name) => dataset.addColumn?.(name));
        // Page through the account's cards instead of loading them all; newest first on the server.
        dataset.paging.setPageSize(PAGE_SIZE);
        if (dataset.sorting && !dataset.sorting.some((s) => s.name === 'pact_occurredon')) {
            dataset.sorting.splice(0, dataset.sorting.length, { name: 'pact_occurredon', sortDirection: 1 });
            dataset.refresh();
        }
    }

    public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
        return React.createElement(HighCards, {
            dataset: context.parameters.highCards,
            accountId: accountIdOf(context),
            customerAlert: context.parameters.customerAlert?.raw ?? '',
            webAPI: context.webAPI,
            strings: createStrings(context.resources),
            storage: typeof window !== 'undefined' ? window.localStorage : undefined
        });
    }

    public getOutputs(): IOutputs {
        return {};
    }

    public destroy(): void {
        // React unmounts the tree; nothing else to release.
    }
}

/** The account whose form hosts the subgrid, or the accountId property elsewhere. */
function accountIdOf(context: ComponentFramework.Context<IInputs>): string {
    const info = (context.mode as unknown as { contextInfo?: { entityId?: string; entityTypeName?: string } })
        .contextInfo;
    const fromForm = info?.entityTypeName === 'account' ? info.entityId : undefined;
    return (fromForm || context.parameters.accountId?.raw || '').replace(/[{}]/g, '').toLowerCase();
}
