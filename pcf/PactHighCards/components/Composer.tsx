import * as React from 'react';
import { Button, Field, Textarea, ToggleButton } from '@fluentui/react-components';
import {
    Draft,
    HIGH_CARD_KINDS,
    LIMITS,
    createPayload,
    draftProblems,
    failureReason,
    loadDraft,
    saveDraft
} from './model';
import type { Strings } from './strings';

export interface ComposerProps {
    accountId: string;
    webAPI: ComponentFramework.WebApi;
    strings: Strings;
    storage: Storage | undefined;
    /** Called once the server confirmed the card. */
    onSaved: () => void;
}

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; reason: string };

/**
 * Two required inputs, as on Salesforce: what kind of high card, and what the customer said or did.
 * The draft is kept per account in localStorage until createRecord resolves, so a failure loses nothing.
 */
export function Composer({ accountId, webAPI, strings, storage, onSaved }: ComposerProps): React.ReactElement {
    const [draft, setDraft] = React.useState<Draft>(() => loadDraft(storage, accountId));
    const [problems, setProblems] = React.useState<string[]>([]);
    const [status, setStatus] = React.useState<Status>({ kind: 'idle' });
    const inFlight = React.useRef(false);
    const mounted = React.useRef(true);
    const idPrefix = React.useMemo(() => `pact-hc-${Math.random().toString(36).slice(2, 8)}`, []);

    React.useEffect(() => {
        setDraft(loadDraft(storage, accountId));
        setProblems([]);
        setStatus({ kind: 'idle' });
    }, [accountId, storage]);
    React.useEffect(
        () => () => {
            mounted.current = false;
        },
        []
    );

    const update = (next: Draft) => {
        setDraft(next);
        saveDraft(storage, accountId, next);
        if (status.kind === 'saved') setStatus({ kind: 'idle' });
    };

    const save = async () => {
        // One request at a time: a second Ctrl+Enter while saving must not create a second card.
        if (inFlight.current) return;
        const found = [...(draft.kind ? [] : [strings.get('Composer_KindRequired')]), ...draftProblems(draft)];
        setProblems(found);
        if (found.length) return;
        if (!accountId) {
            setStatus({ kind: 'failed', reason: strings.get('Composer_NoAccount') });
            return;
        }
        inFlight.current = true;
        setStatus({ kind: 'saving' });
        try {
            await webAPI.createRecord('pact_highcard', createPayload(draft, accountId));
            saveDraft(storage, accountId, { kind: '', details: '' });
            if (mounted.current) {
                setDraft({ kind: '', details: '' });
                setStatus({ kind: 'saved' });
            }
            onSaved();
        } catch (error) {
            const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
            const reason = offline
                ? strings.get('Composer_Offline')
                : failureReason(error) || strings.get('Composer_Unknown');
            if (mounted.current) setStatus({ kind: 'failed', reason });
        } finally {
            inFlight.current = false;
        }
    };

    const onKeyDown = (event: React.KeyboardEvent) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void save();
        }
    };

    const saving = status.kind === 'saving';
    const detailsMessage = problems.filter((p) => p !== strings.get('Composer_KindRequired')).join(' ');
    const kindMissing = problems.includes(strings.get('Composer_KindRequired'));

    return (
        <section className="pact-composer" aria-labelledby={`${idPrefix}-title`} onKeyDown={onKeyDown}>
            <h3 id={`${idPrefix}-title`} className="pact-heading">
                {strings.get('Composer_Title')}
            </h3>
            <div
                role="group"
                aria-labelledby={`${idPrefix}-kind`}
                aria-describedby={kindMissing ? `${idPrefix}-kind-error` : undefined}
                className="pact-kinds"
            >
                <span id={`${idPrefix}-kind`} className="pact-label">
                    {strings.get('Composer_KindLabel')}
                </span>
                {HIGH_CARD_KINDS.map((kind) => (
                    <ToggleButton
                        key={kind.value}
                        size="small"
                        checked={draft.kind === kind.value}
                        aria-pressed={draft.kind === kind.value}
                        onClick={() => update({ ...draft, kind: draft.kind === kind.value ? '' : kind.value })}
                    >
                        {kind.label}
                    </ToggleButton>
                ))}
            </div>
            {kindMissing ? (
                <p className="pact-error" id={`${idPrefix}-kind-error`}>
                    {strings.get('Composer_KindRequired')}
                </p>
            ) : null}
            <Field
                label={strings.get('Composer_DetailsLabel')}
                hint={strings.get('Composer_DetailsHint')}
                validationState={detailsMessage ? 'error' : 'none'}
                validationMessage={detailsMessage || undefined}
                required
            >
                <Textarea
                    value={draft.details}
                    maxLength={LIMITS.detailsMax}
                    resize="vertical"
                    onChange={(_e, data) => update({ ...draft, details: data.value })}
                />
            </Field>
            <div className="pact-actions">
                <Button appearance="primary" disabled={saving} onClick={() => void save()}>
                    {saving
                        ? strings.get('Composer_Saving')
                        : status.kind === 'failed'
                          ? strings.get('Composer_Retry')
                          : strings.get('Composer_Save')}
                </Button>
                <span className="pact-shortcut">{strings.get('Composer_Shortcut')}</span>
            </div>
            <div aria-live="polite" className="pact-status">
                {status.kind === 'saved' ? strings.get('Composer_Saved') : ''}
            </div>
            {status.kind === 'failed' ? (
                <div role="alert" className="pact-error pact-failure">
                    {strings.format('Composer_Failed', status.reason)}
                </div>
            ) : null}
        </section>
    );
}
