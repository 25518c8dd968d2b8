// How long a session lasts (README, "Sessions"). Idle: the session cookie's JWT expires this long
// after it was last renewed; the app renews it while the person works (components/auth/
// session-keep-alive.tsx asks /api/auth/session at most every KEEP_ALIVE_SECONDS of activity).
// Absolute: however active, a session ends this long after the password was entered.
export const SESSION_IDLE_SECONDS = 2 * 60 * 60;
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
export const SESSION_KEEP_ALIVE_SECONDS = 5 * 60;
