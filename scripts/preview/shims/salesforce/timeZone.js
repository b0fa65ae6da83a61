// Preview stand-in for @salesforce/i18n/timeZone: the browser's time zone, or ?timeZone=.
import { timeZone } from './browserContext';

export default timeZone();
