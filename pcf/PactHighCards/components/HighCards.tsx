import * as React from 'react';
import { Button, FluentProvider, Select, webLightTheme } from '@fluentui/react-components';
import { Composer } from './Composer';
import { Filter, HIGH_CARD_KINDS, THEMES, filterExpression, readRows } from './model';
import type { Strings } from './strings';

export interface HighCardsProps {
    dataset: ComponentFramework.PropertyTypes.DataSet;
    accountId: string;
    /** The alert from the control's input property; when empty the account's pact_customeralert is read. */
    customerAlert: string;
    webAPI: ComponentFramework.WebApi;
    strings: Strings;
    storage: Storage | undefined;
}

/** The input property wins; otherwise account.pact_customeralert, read once per account. */
function useCustomerAlert(webAPI: ComponentFramework.WebApi, accountId: string, fromInput: string): string {
    const [fromAccount, setFromAccount] = React.useState('');
    React.useEffect(() => {
        let current = true;
        setFromAccount('');
        if (fromInput || !accountId) return undefined;
        webAPI
            .retrieveRecord('account', accountId, '?$select=pact_customeralert')
            .then((account) => {
                const text = account?.pact_customeralert;
                if (current && typeof text === 'string') setFromAccount(text.trim());
            })
            // No alert is shown when the account cannot be read; the cards still work.
            .catch(() => undefined);
        return () => {
            current = false;
        };
    }, [webAPI, accountId, fromInput]);
    return fromInput.trim() || fromAccount;
}

/** The account's high cards, newest first, with the composer on top and the customer alert above all. */
export function HighCards(props: HighCardsProps): React.ReactElement {
    const { dataset, accountId, customerAlert, webAPI, strings, storage } = props;
    const [filter, setFilter] = React.useState<Filter>({ kind: '', theme: '' });
    const rows = readRows(dataset);
    const alert = useCustomerAlert(webAPI, accountId, customerAlert);

    const applyFilter = (next: Filter) => {
        setFilter(next);
        const expression = filterExpression(next);
        if (expression) dataset.filtering.setFilter(expression);
        else dataset.filtering.clearFilter();
        dataset.refresh();
    };

    return (
        <FluentProvider theme={webLightTheme} className="pact-highcards">
            {alert ? (
                <div role="alert" className="pact-alert">
                    <strong>{strings.get('Alert_Title')}</strong> {alert}
                </div>
            ) : null}
            <Composer
                accountId={accountId}
                webAPI={webAPI}
                strings={strings}
                storage={storage}
                onSaved={() => dataset.refresh()}
            />
            <section className="pact-list" aria-label={strings.get('List_Title')}>
                <h3 className="pact-heading">{strings.get('List_Title')}</h3>
                <div className="pact-filters">
                    <label className="pact-filter">
                        <span className="pact-label">{strings.get('Filter_Kind')}</span>
                        <Select
                            value={filter.kind}
                            onChange={(_e, data) => applyFilter({ ...filter, kind: data.value })}
                        >
                            <option value="">{strings.get('Filter_All')}</option>
                            {HIGH_CARD_KINDS.map((p) => (
                                <option key={p.value} value={p.value}>
                                    {p.label}
                                </option>
                            ))}
                        </Select>
                    </label>
                    <label className="pact-filter">
                        <span className="pact-label">{strings.get('Filter_Theme')}</span>
                        <Select
                            value={filter.theme}
                            onChange={(_e, data) => applyFilter({ ...filter, theme: data.value })}
                        >
                            <option value="">{strings.get('Filter_All')}</option>
                            {THEMES.map((p) => (
                                <option key={p.value} value={p.value}>
                                    {p.label}
                                </option>
                            ))}
                        </Select>
                    </label>
                </div>
                {dataset.error ? (
                    <p role="alert" className="pact-error">
                        {strings.format('List_Error', dataset.errorMessage || '')}
                    </p>
                ) : null}
                {dataset.loading && rows.length === 0 ? (
                    <p className="pact-muted">{strings.get('List_Loading')}</p>
                ) : rows.length === 0 ? (
                    <p className="pact-muted">{strings.get('List_Empty')}</p>
                ) : (
                    <ul className="pact-cards">
                        {rows.map((row) => (
                            <li key={row.id} className="pact-card">
                                <div className="pact-card-meta">
                                    {[row.kind, row.theme, row.occurredOn].filter(Boolean).join(' · ')}
                                </div>
                                <div className="pact-card-headline">{row.headline}</div>
                                {row.details && row.details !== row.headline ? (
                                    <div className="pact-card-details">{row.details}</div>
                                ) : null}
                            </li>
                        ))}
                    </ul>
                )}
                {dataset.paging.hasNextPage ? (
                    <Button onClick={() => dataset.paging.loadNextPage()}>{strings.get('List_More')}</Button>
                ) : null}
            </section>
        </FluentProvider>
    );
}
