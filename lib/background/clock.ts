// Where the background runner takes the time from. One place, so a test (or the retention job's
// tests later) can move time instead of waiting for it.
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };
