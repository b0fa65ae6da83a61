/** Names the solution parts share. */
export const CONTROL_NAME = 'pact_Pact.PactHighCards';
export const APP_UNIQUE_NAME = 'pact_PACT';
