/**
 * The executive view's HTML: each bundled report (computed by reports.ts) as a bar chart in plain words,
 * one colour per kind, theme and sentiment in every chart, shares where the chart promises shares, the age
 * of open requests, and the customers' own words (with account and date) under each chart.
 */
import { formatDay, type ReportResult } from './reports';
import { escapeHtml } from './html';

/**
 * One colour per value, whichever chart shows it. Dark enough for white figures on them (4.5:1 or more).
 * Kinds and themes are told apart by hue; sentiment keeps the usual green, grey, red.
 */
export const VALUE_COLOURS: Record<string, Record<string, string>> = {
    Kind__c: {
        Feedback: '#0b5cab',
        Request: '#6b3fa0',
        Commitment: '#056764',
        Competitor: '#3e3e3c',
        'Buying Signal': '#22683e',
        Risk: '#9c5a00',
        Praise: '#b60554',
        Complaint: '#ba0517'
    },
    Theme__c: {
        Product: '#0b5cab',
        Pricing: '#6b3fa0',
        Service: '#056764',
        Delivery: '#9c5a00',
        Billing: '#b60554',
        Relationship: '#22683e',
        Other: '#5c5c5c'
    },
    Sentiment__c: { Positive: '#22683e', Neutral: '#5c5c5c', Negative: '#ba0517' }
};
const NO_VALUE = '#747474';
const DEFAULT_BAR = '#0b5cab';

export const EXEC_STYLES = `
.pact-report .pact-report__about { margin-top: .25rem; }
.pact-report .pact-report__what { margin: .5rem 0; padding-left: 1rem; list-style: disc; }
.pact-bar { display: flex; align-items: center; gap: .5rem; margin: .25rem 0; }
.pact-bar__label { width: 14rem; flex-shrink: 0; text-align: right; font-size: .8125rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.pact-bar__track { flex: 1; display: flex; height: 1.25rem; background: #fff; border: 1px solid #c9c9c9; min-width: 0; }
.pact-bar__part { height: 100%; color: #fff; font-size: .6875rem; line-height: 1.25rem; text-align: center; overflow: hidden; white-space: nowrap; }
.pact-bar__total { min-width: 2.5rem; font-size: .8125rem; }
.pact-bar__age { font-size: .75rem; color: #444; white-space: nowrap; }
.pact-legend { display: flex; flex-wrap: wrap; gap: .75rem; font-size: .75rem; margin: .5rem 0; padding: 0; list-style: none; }
.pact-legend li::before { content: ''; display: inline-block; width: .75rem; height: .75rem; margin-right: .25rem; background: var(--c); vertical-align: middle; }
.pact-quotes { margin-top: .75rem; border-top: 1px solid #e5e5e5; padding-top: .5rem; }
.pact-quote { margin: .5rem 0; }
.pact-quote blockquote { margin: 0; padding-left: .75rem; border-left: 3px solid var(--c, #c9c9c9); font-style: italic; overflow-wrap: anywhere; }
.pact-quote figcaption { font-size: .75rem; color: #444; margin-top: .125rem; padding-left: .75rem; }
@media (max-width: 767px) {
    .pact-bar { flex-wrap: wrap; gap: 0 .5rem; }
    .pact-bar__label { width: 100%; text-align: left; }
}
`;

const percent = (count: number, total: number) => Math.round((count / Math.max(1, total)) * 100);
const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

export function colourOf(field: string | undefined, key: string): string {
    if (!field || !VALUE_COLOURS[field]) return DEFAULT_BAR;
    // A value the picklist does not have ("No sentiment", a blank) is grey in every chart.
    return VALUE_COLOURS[field][key] ?? NO_VALUE;
}

export function reportSection(result: ReportResult): string {
    const d = result.definition;
    const secondaryColoured = result.colorField !== undefined && result.colorField === d.groupings[1]?.field;
    const partColour = (partKey: string, groupKey: string) => {
        if (secondaryColoured) return colourOf(result.colorField, partKey);
        if (result.colorField) return colourOf(result.colorField, groupKey);
        return result.singleColorKey ? colourOf('Kind__c', result.singleColorKey) : DEFAULT_BAR;
    };
    const max = Math.max(1, ...result.groups.map((g) => g.total));
    const bars = result.groups
        .map((g) => {
            const parts = g.parts
                .map((p) => {
                    const share = percent(p.count, g.total);
                    const what = `${p.key || g.label}: ${p.count} of ${g.total} (${share} %)`;
                    const figure = result.shares ? `${share} %` : String(p.count);
                    return `<span class="pact-bar__part" style="flex:${p.count};background:${partColour(p.key, g.key)}" title="${escapeHtml(what)}">${figure}</span>`;
                })
                .join('');
            // Shares fill the whole width (each bar is 100 %); counts are as long as their number.
            const width = result.shares ? 100 : Math.max(4, (g.total / max) * 100);
            const age =
                g.oldestAgeDays !== undefined
                    ? `<span class="pact-bar__age">oldest waiting ${days(g.oldestAgeDays)}</span>`
                    : '';
            const summary = result.shares
                ? g.parts.map((p) => `${p.key || 'none'} ${percent(p.count, g.total)} %`).join(', ')
                : `${g.total}`;
            return `<li class="pact-bar" aria-label="${escapeHtml(`${g.label}: ${summary}${g.oldestAgeDays !== undefined ? `, oldest waiting ${days(g.oldestAgeDays)}` : ''}`)}"><span class="pact-bar__label" title="${escapeHtml(g.label)}">${escapeHtml(g.label)}</span>
<span class="pact-bar__track" style="max-width:${width}%" aria-hidden="true">${parts}</span><span class="pact-bar__total" aria-hidden="true">${g.total}</span>${age}</li>`;
        })
        .join('');
    const legendKeys = result.secondaryKeys.filter((k) => k !== '');
    const legend = legendKeys.length
        ? `<ul class="pact-legend" aria-label="Colours">${legendKeys.map((k) => `<li style="--c:${colourOf(result.colorField, k)}">${escapeHtml(k)}</li>`).join('')}</ul>`
        : '';
    const quotesHeading = d.object === 'Call_Plan__c' ? 'Coming up' : 'In the customers’ own words';
    const quotes = result.quotes.length
        ? `<div class="pact-quotes"><h3 class="slds-text-title_caps">${quotesHeading}</h3>${result.quotes
              .map((q) => {
                  const when = result.showsAge ? `${formatDay(q.date)}, waiting ${days(q.ageDays)}` : formatDay(q.date);
                  const kind = q.kind ? `${q.kind} · ` : '';
                  const colour = q.kind ? colourOf('Kind__c', q.kind) : DEFAULT_BAR;
                  return `<figure class="pact-quote" style="--c:${colour}"><blockquote dir="auto">${escapeHtml(q.text)}</blockquote><figcaption>${escapeHtml(`${kind}${q.account}, ${when}`)}</figcaption></figure>`;
              })
              .join('')}</div>`
        : '';
    const what = result.plain.filters.length
        ? `<ul class="pact-report__what slds-text-body_small">${result.plain.filters.map((f) => `<li>${escapeHtml(f)}</li>`).join('')}</ul>`
        : '';
    const counted = d.object === 'Call_Plan__c' ? 'plans' : 'high cards';
    return `<article class="slds-card pact-report" data-report="${escapeHtml(d.file)}">
<div class="slds-card__header"><h2 class="slds-card__header-title slds-text-heading_small">${escapeHtml(d.chartTitle ?? d.name)}</h2></div>
<div class="slds-card__body slds-card__body_inner">
<p class="slds-text-body_small pact-report__about">${escapeHtml(d.description)}</p>
<p class="slds-text-body_small slds-m-top_x-small">${escapeHtml(result.plain.grouping)}${result.shares ? ', as shares of each month' : ''}${result.showsAge ? ', the oldest first' : ''}: <strong class="pact-report-total">${result.total}</strong> ${counted}.</p>
${what}
${legend}
<ul class="pact-bars" aria-label="${escapeHtml(d.chartTitle ?? d.name)}">${bars || '<li class="slds-text-color_weak">No records match this report yet.</li>'}</ul>
${quotes}
</div></article>`;
}
