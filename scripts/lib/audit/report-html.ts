/**
 * pact audit --format html: one self-contained HTML file (inline CSS, inline SVG charts, a few lines
 * of inline script for the filter box; nothing fetched from a network) with the summary, charts and
 * every finding grouped by category and by object or folder, each with its reason, evidence and file.
 */
import type { OrgModel } from '../metadata/model';
import type { AuditResult } from './index';
import { AuditSummary, plural, summarise } from './summary';

function esc(value: string): string {
    return value
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
}

/** A horizontal bar chart as inline SVG, with its numbers as text so it reads without colour too. */
export function barChart(title: string, rows: [string, number][], colour: string): string {
    if (rows.length === 0) return '';
    const max = Math.max(...rows.map(([, n]) => n));
    const rowHeight = 26;
    const labelWidth = 300;
    const barWidth = 360;
    const height = rows.length * rowHeight + 8;
    const bars = rows
        .map(([label, n], i) => {
            const y = i * rowHeight + 4;
            const w = Math.max(2, Math.round((n / max) * barWidth));
            const shown = label.length > 44 ? `${label.slice(0, 43)}…` : label;
            return (
                `<text x="0" y="${y + 17}" class="chart-label">${esc(shown)}</text>` +
                `<rect x="${labelWidth}" y="${y + 4}" width="${w}" height="${rowHeight - 8}" fill="${colour}" rx="3"></rect>` +
                `<text x="${labelWidth + w + 6}" y="${y + 17}" class="chart-value">${n}</text>`
            );
        })
        .join('');
    return (
        `<figure class="chart"><figcaption>${esc(title)}</figcaption>` +
        `<svg role="img" aria-label="${esc(title)}" width="${labelWidth + barWidth + 60}" height="${height}" ` +
        `viewBox="0 0 ${labelWidth + barWidth + 60} ${height}">${bars}</svg></figure>`
    );
}

const STYLE = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#181818;background:#f3f3f3}
header{background:#032d60;color:#fff;padding:20px 32px}header h1{margin:0 0 4px;font-size:22px}
main{padding:16px 32px 48px;max-width:1200px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
.card{background:#fff;border-radius:8px;padding:12px 16px;min-width:180px;box-shadow:0 1px 2px rgba(0,0,0,.1)}
.card .n{font-size:28px;font-weight:700}.card.control .n{color:#ba0517}.card.note .n{color:#8c4b02}
.charts{display:flex;flex-wrap:wrap;gap:16px}.chart{background:#fff;border-radius:8px;padding:12px;margin:0}
.chart figcaption{font-weight:600;margin-bottom:6px}.chart-label,.chart-value{font-size:13px;fill:#181818}
section.category{background:#fff;border-radius:8px;padding:4px 16px 12px;margin:16px 0}
section.category h2{font-size:18px}.why{color:#444;margin-top:-6px}
details{border-top:1px solid #e5e5e5;padding:6px 0}summary{cursor:pointer;font-weight:600}
table{border-collapse:collapse;width:100%;margin-top:6px;table-layout:fixed}th:first-child{width:24%}th:last-child{width:24%}td{overflow-wrap:anywhere}th,td{text-align:left;vertical-align:top;padding:6px;border-bottom:1px solid #eee}
th{font-size:13px;color:#444}td.file{font-family:ui-monospace,monospace;font-size:12px;color:#444;word-break:break-all}
ul.evidence{margin:0;padding-left:18px;font-size:13px;color:#333}
.next li{margin:4px 0}input[type=search]{padding:6px 10px;width:320px;border:1px solid #c9c9c9;border-radius:4px}
.tier-note{color:#8c4b02}.hidden{display:none}
`;

const FILTER_SCRIPT = `
document.getElementById('filter').addEventListener('input', function (e) {
  var q = e.target.value.toLowerCase();
  document.querySelectorAll('tr.finding').forEach(function (row) {
    row.classList.toggle('hidden', q !== '' && row.textContent.toLowerCase().indexOf(q) < 0);
  });
  document.querySelectorAll('details.group').forEach(function (d) {
    var any = d.querySelector('tr.finding:not(.hidden)');
    d.classList.toggle('hidden', !any);
    if (q !== '' && any) d.open = true;
  });
});
`;

function summaryHtml(summary: AuditSummary): string {
    const categoryRows = summary.sections.map((s) => [s.info.title, s.findings.length] as [string, number]);
    return (
        `<div class="cards">` +
        `<div class="card control"><div class="n" data-testid="activity-controls">${summary.activityControls}</div>activity controls</div>` +
        `<div class="card note"><div class="n" data-testid="people-ranking">${summary.peopleRanking}</div>people-ranking notes</div>` +
        `<div class="card"><div class="n">${summary.benign}</div>judged benign</div>` +
        `<div class="card"><div class="n">${summary.judged.reports}</div>reports read</div>` +
        `</div>` +
        (summary.next.length
            ? `<h2>What to do next</h2><ol class="next">${summary.next.map((n) => `<li>${esc(n)}</li>`).join('')}</ol>`
            : '') +
        `<div class="charts">` +
        barChart('Findings by category', categoryRows, '#0176d3') +
        barChart(`${summary.terms.objects} with the most activity controls`, summary.top.objects, '#ba0517') +
        barChart(summary.terms.folderChart, summary.top.folders, '#ba0517') +
        barChart('Dashboards with the most activity controls', summary.top.dashboards, '#ba0517') +
        `</div>`
    );
}

function sectionsHtml(summary: AuditSummary): string {
    return summary.sections
        .map((section) => {
            const groups = section.groups
                .map((group) => {
                    const rows = group.findings
                        .map(
                            (f) =>
                                `<tr class="finding" data-tier="${esc(f.tier ?? '')}" data-category="${esc(f.category ?? '')}">` +
                                `<td><strong>${esc(f.component)}</strong></td>` +
                                `<td>${esc(f.reason)}<ul class="evidence">${(f.evidence ?? []).map((e) => `<li>${esc(e)}</li>`).join('')}</ul></td>` +
                                `<td class="file">${esc(f.file)}</td></tr>`
                        )
                        .join('');
                    return (
                        `<details class="group"${section.info.tier === 'activity-control' ? ' open' : ''}>` +
                        `<summary>${esc(group.key)} (${group.findings.length})</summary>` +
                        `<table><thead><tr><th>Component</th><th>Why, and the evidence</th><th>File</th></tr></thead>` +
                        `<tbody>${rows}</tbody></table></details>`
                    );
                })
                .join('');
            const tierClass = section.info.tier === 'people-ranking' ? ' class="tier-note"' : '';
            return (
                `<section class="category" id="${esc(section.info.id)}"><h2${tierClass}>${esc(section.info.title)} ` +
                `(${section.findings.length})</h2><p class="why">${esc(section.info.why)}</p>${groups}</section>`
            );
        })
        .join('');
}

export function renderHtml(
    model: OrgModel,
    result: AuditResult,
    options: { description: string; commandTarget: string; generatedAt?: Date }
): string {
    const summary = summarise(model, result, options.commandTarget);
    const when = (options.generatedAt ?? new Date()).toISOString().slice(0, 16).replace('T', ' ');
    const headline =
        result.findings.length === 0
            ? 'Nothing found: no activity controls, no people rankings.'
            : `${plural(summary.activityControls, 'activity control')}, ${plural(summary.peopleRanking, 'people-ranking note')}`;
    return (
        `<!DOCTYPE html>\n<!-- Generated by pact audit (scripts/lib/audit/report-html.ts). Do not edit: run pact audit again. -->\n` +
        `<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">` +
        `<title>PACT audit: ${esc(options.description)}</title><style>${STYLE}</style></head><body>` +
        `<header><h1>PACT audit</h1><div>${esc(options.description)} · ${esc(when)} UTC</div></header><main>` +
        `<p class="headline"><strong>${esc(headline)}</strong></p>` +
        summaryHtml(summary) +
        (result.findings.length
            ? `<p><label>Filter findings: <input type="search" id="filter" placeholder="object, folder, field, word"></label></p>`
            : '') +
        sectionsHtml(summary) +
        `</main>${result.findings.length ? `<script>${FILTER_SCRIPT}</script>` : ''}</body></html>\n`
    );
}
