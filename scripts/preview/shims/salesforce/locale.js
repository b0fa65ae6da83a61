// Preview stand-in for @salesforce/i18n/locale: the browser's language, or ?locale=.
import { locale } from './browserContext';

export default locale();
