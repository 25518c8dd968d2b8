// The review form's queries: its data when it opens, and a send in flight that it watches.
export const handoffKeys = {
  status: (candidateId: string) => ["handoff", "status", candidateId] as const,
  form: (candidateId: string) => ["handoff", "form", candidateId] as const,
};
