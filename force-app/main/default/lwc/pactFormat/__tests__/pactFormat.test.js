import { formatLabel, formatDate, formatDateTime, todayInTimeZone, isOverdue } from 'c/pactFormat';

// sfdx-lwc-jest sets the locale to en-US and the time zone to America/Los_Angeles.
describe('c/pactFormat', () => {
    it('fills label placeholders as text', () => {
        expect(formatLabel('You have an unsaved high card from {0}.', 'Nov 23')).toBe(
            'You have an unsaved high card from Nov 23.'
        );
        expect(formatLabel('{1} from {0}', 'Northwind', '<b>Risk</b>')).toBe('<b>Risk</b> from Northwind');
        expect(formatLabel('due {0}', undefined)).toBe('due ');
    });

    it('formats a calendar date without shifting the day', () => {
        expect(formatDate('2026-11-23')).toBe('Nov 23, 2026');
        expect(formatDate('2027-01-01')).toBe('Jan 1, 2027');
        expect(formatDate('23/11/2026')).toBe('');
        expect(formatDate(null)).toBe('');
    });

    it("formats a moment in the rep's time zone", () => {
        expect(formatDateTime('2026-11-23T15:40:00.000Z')).toMatch(/^Nov 23, 2026,? 7:40\s?AM$/);
        expect(formatDateTime('not a date')).toBe('');
        expect(formatDateTime(undefined)).toBe('');
    });

    it("knows today's date in the rep's time zone, not the machine's", () => {
        // 06:30 UTC on 24 November is still the 23rd in California.
        expect(todayInTimeZone(new Date('2026-11-24T06:30:00.000Z'))).toBe('2026-11-23');
        expect(todayInTimeZone(new Date('2026-11-24T09:00:00.000Z'))).toBe('2026-11-24');
    });

    it('marks an action overdue only when it is past due and still open', () => {
        expect(isOverdue('2026-11-22', 'Open', '2026-11-23')).toBe(true);
        expect(isOverdue('2026-11-22', 'In Progress', '2026-11-23')).toBe(true);
        expect(isOverdue('2026-11-23', 'Open', '2026-11-23')).toBe(false);
        expect(isOverdue('2026-11-22', 'Resolved', '2026-11-23')).toBe(false);
        expect(isOverdue('2026-11-22', 'Not Needed', '2026-11-23')).toBe(false);
        expect(isOverdue('', 'Open', '2026-11-23')).toBe(false);
        expect(isOverdue(null, 'Open', '2026-11-23')).toBe(false);
    });
});
