// Long and worst-case texts for the low-card patterns, as the formula hands them to REGEX
// (" " + lower(trim(details)) + " "): up to the 32,000 characters a card holds.
import { lowCardText } from '../../../force-app/main/default/lwc/pactRules/pactRules.js';

const fill = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** @param limit the length below which a card is judged (LIMITS.lowCardMaxLength) */
export function longTexts(limit: number): { name: string; text: string }[] {
    const activity = 'called the customer again and left a voicemail, f/u tomorrow w/ dana. ';
    const plain = 'They asked for weekly delivery reports and a named contact for escalations. ';
    return [
        { name: 'activity words, just under the limit', text: lowCardText(fill(activity, limit - 1)) },
        { name: 'activity words, at the limit', text: lowCardText(fill(activity, limit)) },
        {
            name: 'vocabulary only with two names, just under the limit',
            text: lowCardText(`${fill('called them again, ', limit - 20)}dana whitfield`)
        },
        { name: 'separators only', text: ` ${fill(' .,;-/!', limit - 1)} ` },
        { name: 'one long word', text: lowCardText(fill('x', limit - 1)) },
        ...[2000, 20000, 32000].flatMap((length) => [
            { name: `${length} characters of activity words`, text: lowCardText(fill(activity, length)) },
            { name: `${length} characters of plain text`, text: lowCardText(fill(plain, length)) },
            { name: `${length} characters of one word`, text: lowCardText(fill('x', length)) },
            { name: `${length} characters of separators`, text: ` ${fill(' .,;-/!', length)} ` },
            { name: `${length} characters of emoji and activity`, text: lowCardText(fill('called 👍 vm 📞 ', length)) }
        ])
    ];
}
