// Where focus goes when the control that opened the send form is gone (a send turned the status
// strip into the Personio panel): the panel's heading. Shared by the panel (a server component)
// and the send flow (a client one), so it lives in neither.
export const SEND_FOCUS_FALLBACK_ID = "personio-panel-heading";
