// Stand-in for the "server-only" marker package when vitest runs server code directly.
export {};
