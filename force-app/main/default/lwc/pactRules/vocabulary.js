// @ts-check
/**
 * Words that describe that an activity happened, not what the customer said or did.
 * A card made only of these words (plus at most LOW_CARD_MAX_CONTENT_WORDS other words,
 * e.g. a name) is a low card. Lower case, letters/digits/apostrophes only: the same
 * lists become a JavaScript RegExp here and a Salesforce REGEX() in the validation rule.
 */

/** Words that show an activity was recorded. A low card must contain at least one. */
export const ACTIVITY_WORDS = [
    'called', 'call', 'calls', 'phoned', 'phone', 'rang', 'dialled', 'dialed',
    'emailed', 'email', 'emails', 'mailed', 'texted', 'messaged', 'pinged',
    'voicemail', 'voicemails', 'vm',
    'visited', 'visit', 'visits', 'met', 'meeting', 'meetings',
    'demo', 'demos', 'demoed', 'demonstrated', 'presented', 'presentation',
    'followed', 'followup', 'touched', 'touchpoint', 'checked', 'reached',
    'contacted', 'attempted', 'logged', 'completed', 'held', 'sent',
    'dropped', 'stopped', 'chatted', 'spoke', 'talked', 'discussed',
    'lunch', 'coffee', 'dinner', 'zoom', 'webinar', 'conference'
];

/** Words that carry no customer content on their own ("with the client today"). */
export const FILLER_WORDS = [
    'a', 'an', 'the', 'to', 'with', 'at', 'on', 'in', 'into', 'for', 'of', 'and', 'or',
    'but', 'by', 'about', 're', 'regarding', 'via', 'from', 'up', 'out', 'over',
    'again', 'also', 'just', 'then', 'there', 'here', 'around', 'as', 'per', 'usual',
    'today', 'yesterday', 'tomorrow', 'tonight', 'this', 'that', 'morning', 'afternoon',
    'evening', 'week', 'month', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
    'last', 'next', 'them', 'they', 'him', 'her', 'he', 'she', 'it', 'we', 'i', 'me', 'us',
    'our', 'my', 'their', 'his', 'its', 'customer', 'customers', 'client', 'clients',
    'contact', 'contacts', 'account', 'prospect', 'team', 'site', 'office', 'onsite',
    'base', 'touch', 'left', 'leave', 'message', 'messages', 'msg', 'quick', 'brief',
    'short', 'back', 'no', 'answer', 'reply', 'went', 'had', 'did', 'done', 'was', 'were',
    'is', 'has', 'have', 'made', 'make', 'gave', 'given', 'do', 'number', 'times',
    'time', 'some', 'all', 'new', 'regular', 'routine', 'scheduled', 'planned', 'weekly',
    'monthly', 'quarterly', 'intro', 'introductory', 'initial', 'another', 'first',
    'second', 'status', 'update', 'updates', 'note', 'notes', 'info', 'information',
    'details', 'materials', 'brochure', 'deck', 'proposal', 'quote', 'agenda', 'invite',
    'invitation', 'calendar', 'linkedin', 'teams', 'call', 'check', 'follow', 'see',
    'how', 'things', 'are', 'going', 'catch', 'caught', 'general', 'relationship',
    'courtesy', 'appointment', 'attempt', 'again', 'twice', 'once', 'ok', 'fine', 'good'
];
