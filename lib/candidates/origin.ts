// Who writes a candidate, named in every audit entry of the write: a person at the screen, an
// import (and who started it), an API key (and who created it) or a webhook source. Pure.

export type CandidateOrigin =
  | { via: "screen"; userId: string }
  | { via: "import"; userId: string | null; importId: string }
  | { via: "api"; apiKeyId: string }
  | { via: "webhook"; sourceId: string };

export type OriginDetails = { via: CandidateOrigin["via"]; importId?: string; apiKeyId?: string; sourceId?: string };

/** The audit log's actor: a person, when one stands behind the write. */
export function originActorId(origin: CandidateOrigin): string | null {
  return origin.via === "screen" || origin.via === "import" ? origin.userId : null;
}

export function originDetails(origin: CandidateOrigin): OriginDetails {
  switch (origin.via) {
    case "screen":
      return { via: "screen" };
    case "import":
      return { via: "import", importId: origin.importId };
    case "api":
      return { via: "api", apiKeyId: origin.apiKeyId };
    case "webhook":
      return { via: "webhook", sourceId: origin.sourceId };
  }
}
