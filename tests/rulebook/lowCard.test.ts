// isLowCard decides what the UI blocks before save; deriveHeadline names a card whose headline is empty.
import { LIMITS, deriveHeadline, isLowCard } from '../../force-app/main/default/lwc/pactRules/pactRules.js';

describe('isLowCard', () => {
    it.each([
        'Called',
        'Left voicemail',
        'Visited site',
        'Sent email',
        'Followed up',
        'Meeting held',
        'Demo given',
        'Touched base',
        'Checked in',
        'called.',
        '  CHECKED IN  ',
        'Called the customer today, left a voicemail',
        'Had a meeting with Acme procurement team',
        'Quick call with Jordan, no answer',
        'Sent the proposal via email again',
        'Zoom meeting with the client team this morning',
        'Called 👍👍 left voicemail',
        'Followed up with Dana — left a message … “no answer”'
    ])('%j only says that something happened', (details) => {
        expect(isLowCard(details)).toBe(true);
    });

    it.each([
        'Called Dana: they will move 40% of volume to a competitor unless we match 5%',
        'Visited the plant: they want pallets labelled with their own part numbers',
        'Customer wants the price list in euros',
        'Nordline quoted 8% below us for the 2027 frame contract',
        'Meeting held; CFO said budget for the second warehouse is approved',
        '<b>Buyer</b> says the portal logs them out every 5 minutes',
        'العميل يطلب خصمًا بنسبة ٥٪ على طلبية الربع القادم',
        'Called: العميل يطلب خصمًا بنسبة ٥٪ على طلبية الربع القادم',
        'Visited: 客户要求下个月前报价，并确认交货时间',
        'Called Müller: Preiserhöhung über 5 % wird nicht akzeptiert',
        'Звонил: клиент просит скидку 5% на следующий заказ',
        ''
    ])('%j is not a low card', (details) => {
        expect(isLowCard(details)).toBe(false);
    });

    it.each([
        ['an -ing form', 'calling the client'],
        ['a plural', 'two calls and three emails'],
        ['a participle', 'emailed, texted and phoned'],
        ['an irregular form', 'spoke with Dana, met her boss'],
        ['voicemail written short', 'lvm x2'],
        ['meeting written short', 'mtg w/ Acme'],
        ['follow-up written f/u', 'f/u w/ Jordan re: the quote'],
        ['appointment written short', 'appt set for tues 3pm'],
        ['a catch-up', 'catch-up with Priya'],
        ['a drop-in', 'dropped by the Lyon office'],
        ['a check-in', 'checked in with them again'],
        ['a plan', 'calling them again tomorrow'],
        ['a plan with will', 'will follow up next week'],
        ['a contraction', "we'll call back on monday"],
        ['a customer not reached', 'they were not in, left vm'],
        ['a customer who will call back', "she'll call back tomorrow"]
    ])('recognises %s: %j', (_what, details) => {
        expect(isLowCard(details)).toBe(true);
    });

    it.each([
        'called: they want a discount',
        'vm returned, she said no budget until Q3',
        'prices dropped 20% since the reorg',
        'they follow the EU standard for labels',
        'demo: they asked for SAP integration',
        'f/u on quote - they went with Nordline',
        'emailed, she prefers whatsapp'
    ])('keeps %j: a word only the customer says, or an activity verb that means something else', (details) => {
        expect(isLowCard(details)).toBe(false);
    });

    it('treats missing details as not a low card (the required rule handles them)', () => {
        expect(isLowCard(null)).toBe(false);
        expect(isLowCard(undefined)).toBe(false);
    });

    it('allows up to two unknown words (a person or a company) and no more', () => {
        expect(isLowCard('Called Dana')).toBe(true);
        expect(isLowCard('Called Dana Whitfield')).toBe(true);
        expect(isLowCard('Called Dana Whitfield urgently')).toBe(false);
    });

    it(`never judges details of ${LIMITS.lowCardMaxLength} characters or more`, () => {
        const repeated = 'called the customer and left a voicemail again. ';
        const long = repeated.repeat(Math.ceil(LIMITS.lowCardMaxLength / repeated.length) + 1);
        expect(long.trim().length).toBeGreaterThanOrEqual(LIMITS.lowCardMaxLength);
        expect(isLowCard(long)).toBe(false);
        expect(isLowCard(long.slice(0, LIMITS.lowCardMaxLength - 20))).toBe(true);
    });
});

describe('deriveHeadline', () => {
    it('keeps short details as they are, with whitespace collapsed', () => {
        expect(deriveHeadline('  Wants the price list\n\nin   euros ')).toBe('Wants the price list in euros');
    });

    it(`fits ${LIMITS.headlineMax} characters, cut at a word boundary with an ellipsis`, () => {
        const details =
            'The customer said that the delivery of the last three orders was late, and the plant manager is furious about it';
        const headline = deriveHeadline(details);
        expect(headline).toBe('The customer said that the delivery of the last three orders was late, and the…');
        expect(headline.length).toBeLessThanOrEqual(LIMITS.headlineMax);
    });

    it('drops trailing punctuation before the ellipsis', () => {
        const headline = deriveHeadline(
            `${'Price increase of 5% is not acceptable for our 2027 frame contract,'} they said again and again`
        );
        expect(headline.endsWith(',…')).toBe(false);
        expect(headline.length).toBeLessThanOrEqual(LIMITS.headlineMax);
    });

    it('cuts a single long word hard', () => {
        const headline = deriveHeadline('x'.repeat(200));
        expect(headline).toBe(`${'x'.repeat(LIMITS.headlineMax - 1)}…`);
        expect(headline).toHaveLength(LIMITS.headlineMax);
    });

    it('never splits an emoji when it cuts', () => {
        const headline = deriveHeadline('🎉'.repeat(50));
        expect(headline).toBe(`${'🎉'.repeat(39)}…`);
        expect(headline.length).toBeLessThanOrEqual(LIMITS.headlineMax);
        expect(headline).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    });

    it('gives an empty headline for empty details', () => {
        expect(deriveHeadline(null)).toBe('');
        expect(deriveHeadline('   ')).toBe('');
    });
});
