// Shared by server and client code.
export const NEW_HIRE_MODES = ["OFF", "IMMEDIATE", "DIGEST"] as const;
export type NewHireMode = (typeof NEW_HIRE_MODES)[number];
