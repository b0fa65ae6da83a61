/**
 * The preview's executive view (scripts/preview/reports.ts + execView.ts) over the real sample data: plain
 * words (no API names, no filter syntax), one colour per kind, theme and sentiment across every chart,
 * shares where the chart promises shares, open requests sorted by age with the age shown, and the
 * customers' own words with account and date under each chart.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeOrg } from '../../scripts/lib/graphql/describe';
import { PreviewStore, type RuleChecker } from '../../scripts/preview/store';
import { readReports, runReport, type ReportResult } from '../../scripts/preview/reports';
import { reportSection, VALUE_COLOURS } from '../../scripts/preview/execView';
import {
    checkRecord,
    HIGH_CARD_KINDS,
    SENTIMENTS,
    THEMES
} from '../../force-app/main/default/lwc/pactRules/pactRules.js';

const REPO = path.resolve(__dirname, '../..');
const FORCE_APP = path.join(REPO, 'force-app');
const org = describeOrg(FORCE_APP);

let dir: string;
let results: ReportResult[];
let html: Map<string, string>;

const byFile = (name: string) => results.find((r) => r.definition.file.endsWith(`/${name}.report-meta.xml`))!;
const text = (markup: string) =>
    markup
        .replace(/<[^>]+>/g, ' ')
        .replace(/&[a-z#0-9]+;/g, ' ')
        .replace(/\s+/g, ' ');

beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-exec-'));
    const store = new PreviewStore(
        org,
        path.join(REPO, 'config', 'sample-data'),
        path.join(dir, 'store.json'),
        checkRecord as unknown as RuleChecker,
        () => new Date('2026-12-01T10:00:00')
    );
    store.load();
    results = readReports(FORCE_APP).map((d) => runReport(d, store, org));
    html = new Map(results.map((r) => [r.definition.file, reportSection(r)]));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the executive view', () => {
    it('shows every bundled report', () => {
        expect(results.length).toBe(7);
        for (const r of results) expect(r.total).toBeGreaterThan(0);
    });

    it('speaks plain words: no API names, no filter syntax, no time-frame codes', () => {
        for (const [file, markup] of html) {
            const words = text(markup);
            expect({ file, apiNames: words.match(/\w+__[cr]\b|\w+\$\w+/g) }).toEqual({ file, apiNames: null });
            expect(words).not.toMatch(/INTERVAL_|\(last\d+\)|\b(equals|notEqual|greaterOrEqual|lessOrEqual)\b/);
            expect(words).not.toMatch(/NEXT_N_DAYS|TODAY\b/);
        }
        expect(byFile('Competitor_News_Last_90_Days').plain.filters).toEqual([
            'In the last 90 days (Sep 2, 2026 to Dec 1, 2026)',
            'Kind is Competitor'
        ]);
        expect(byFile('Plans_Next_14_Days').plain.filters).toEqual([
            'Status is Planned',
            'Planned for: on or after Dec 1, 2026',
            'Planned for: on or before Dec 15, 2026'
        ]);
        expect(byFile('Feedback_By_Theme_And_Kind').plain.grouping).toBe('By theme, then kind');
    });

    it('gives each kind, theme and sentiment one colour in every chart', () => {
        const picklistValues = new Set<string>([
            ...HIGH_CARD_KINDS.map((p: { value: string }) => p.value),
            ...THEMES.map((p: { value: string }) => p.value),
            ...SENTIMENTS.map((p: { value: string }) => p.value)
        ]);
        const seen = new Map<string, Set<string>>();
        for (const markup of html.values()) {
            for (const m of markup.matchAll(/background:(#[0-9a-f]{6})" title="([^:"]+):/g)) {
                if (picklistValues.has(m[2])) seen.set(m[2], (seen.get(m[2]) ?? new Set()).add(m[1]));
            }
            for (const m of markup.matchAll(/<li style="--c:(#[0-9a-f]{6})">([^<]+)<\/li>/g)) {
                if (picklistValues.has(m[2])) seen.set(m[2], (seen.get(m[2]) ?? new Set()).add(m[1]));
            }
        }
        expect(seen.size).toBeGreaterThan(8);
        for (const [value, colours] of seen)
            expect({ value, colours: [...colours] }).toEqual({ value, colours: [...colours].slice(0, 1) });
        // Kinds and themes each have a colour of their own (no two kinds look alike).
        for (const field of ['Kind__c', 'Theme__c', 'Sentiment__c']) {
            const colours = Object.values(VALUE_COLOURS[field]);
            expect(new Set(colours).size).toBe(colours.length);
        }
        // Competitor news shows one kind: its bars take the Competitor colour.
        expect(html.get(byFile('Competitor_News_Last_90_Days').definition.file)).toContain(
            `background:${VALUE_COLOURS.Kind__c.Competitor}`
        );
    });

    it('shows sentiment by month as shares of each month', () => {
        const sentiment = byFile('Sentiment_By_Month');
        expect(sentiment.shares).toBe(true);
        const markup = html.get(sentiment.definition.file)!;
        for (const g of sentiment.groups) {
            const shares = g.parts.map((p) => Math.round((p.count / g.total) * 100));
            expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 100)).toBeLessThanOrEqual(2);
        }
        expect(markup).toMatch(/>\d+ %<\/span>/);
        expect(markup).toContain('max-width:100%');
    });

    it('sorts open requests and commitments by age, the oldest first, with the age shown', () => {
        const open = byFile('Open_Requests_And_Commitments');
        expect(open.showsAge).toBe(true);
        const ages = open.groups.map((g) => g.oldestAgeDays!);
        expect(ages.every((a) => a >= 0)).toBe(true);
        expect([...ages].sort((a, b) => b - a)).toEqual(ages);
        const quoteAges = open.quotes.map((q) => q.ageDays);
        expect([...quoteAges].sort((a, b) => b - a)).toEqual(quoteAges);
        const markup = text(html.get(open.definition.file)!);
        expect(markup).toMatch(/oldest waiting \d+ days?/);
        expect(markup).toMatch(/waiting \d+ days?/);
    });

    it('puts the customers’ own words, with account and date, under each chart', () => {
        for (const r of results) {
            expect(r.quotes.length).toBeGreaterThan(0);
            const markup = html.get(r.definition.file)!;
            const figures = [
                ...markup.matchAll(/<blockquote[^>]*>([^<]+)<\/blockquote><figcaption>([^<]+)<\/figcaption>/g)
            ];
            expect(figures.length).toBe(r.quotes.length);
            for (const [, , caption] of figures)
                expect(caption).toMatch(/[A-Z][\w .&-]+, [A-Z][a-z]{2} \d{1,2}, \d{4}/);
        }
    });
});
