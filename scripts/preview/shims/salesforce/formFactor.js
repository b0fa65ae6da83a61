// Preview stand-in for @salesforce/client/formFactor: Small on a phone-wide viewport or ?formFactor=Small.
import { formFactor } from './browserContext';

export default formFactor();
