"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";

import type { HandoffResult } from "@/lib/handoff/send";

import { handoffKeys } from "./query-keys";
import type { SendReviewActions } from "./send-review-types";

// The outcome the review shows. Someone else's send of this candidate is in flight: watch it
// until it ends, then show that.
export function useShownOutcome(
  getHandoffStatus: SendReviewActions["getHandoffStatus"],
  candidateId: string,
  result: HandoffResult | null,
): HandoffResult | null {
  const router = useRouter();
  const watching = result?.outcome === "in_progress";
  const status = useQuery({
    queryKey: handoffKeys.status(candidateId),
    queryFn: async () => {
      const current = (await getHandoffStatus({ candidateId }))?.data?.status ?? null;
      if (current !== "SENDING") router.refresh();
      return current;
    },
    enabled: watching,
    refetchInterval: (query) => (query.state.data === "SENDING" || query.state.data === undefined ? 1000 : false),
    staleTime: 0,
  });
  const finished = watching && status.data !== undefined && status.data !== "SENDING";
  // Done by the other person: "already sent"; failed for them: this person may try again.
  return finished ? (status.data === "SENT" || status.data === "LINKED" ? { outcome: "already_sent" } : null) : result;
}
