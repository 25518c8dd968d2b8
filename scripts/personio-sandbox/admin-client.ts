import type { ApiEndpoint } from "./http-types";
import type {
  Behaviour,
  CredentialInput,
  Fault,
  FaultKind,
  RateLimits,
  RecordedExchange,
  SandboxDocument,
  SandboxEmployee,
} from "./state";

export type FaultInput = {
  endpoint?: ApiEndpoint | "*";
  kind: FaultKind;
  latencyMs?: number;
  status?: number;
  retryAfterSeconds?: number;
  /** For a 422 status fault: the field named in Personio's `error_data`. */
  field?: string;
  /** Apply to the next N matching requests only. */
  times?: number;
};

type DeepPartial<T> = { [K in keyof T]?: Partial<T[K]> };

/** Typed access to the sandbox's /__sandbox/ admin API, for tests and the dev script. */
export function createSandboxAdmin(baseUrl: string) {
  const root = `${baseUrl.replace(/\/+$/, "")}/__sandbox`;

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${root}${path}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = (await response.json()) as T & { error?: string };
    if (!response.ok) throw new Error(`sandbox admin ${method} ${path}: ${response.status} ${data.error ?? ""}`);
    return data;
  }

  const credentialPath = (clientId: string) => `/credentials/${encodeURIComponent(clientId)}`;

  return {
    reset: () => call<{ ok: true }>("POST", "/reset"),
    counters: async () => (await call<{ counters: Partial<Record<ApiEndpoint, number>> }>("GET", "/counters")).counters,
    requests: async () => (await call<{ requests: RecordedExchange[] }>("GET", "/requests")).requests,
    clearRequests: () => call("DELETE", "/requests"),
    addFault: async (fault: FaultInput) => (await call<{ fault: Fault }>("POST", "/faults", fault)).fault,
    clearFaults: (endpoint?: ApiEndpoint) =>
      call("DELETE", endpoint ? `/faults?endpoint=${encodeURIComponent(endpoint)}` : "/faults"),
    employees: async () => (await call<{ employees: SandboxEmployee[] }>("GET", "/employees")).employees,
    documents: async () => (await call<{ documents: SandboxDocument[] }>("GET", "/documents")).documents,
    seedEmployees: async (
      employees: Array<{
        firstName: string;
        lastName: string;
        email: string;
        position?: string;
        department?: string;
        office?: string;
        subcompany?: string;
      }>,
    ) => (await call<{ employees: SandboxEmployee[] }>("POST", "/employees", { employees })).employees,
    createCredential: (input: CredentialInput) =>
      call<{ credential: { clientId: string; name: string }; clientSecret: string }>("POST", "/credentials", input),
    updateCredential: (clientId: string, input: Partial<Omit<CredentialInput, "clientId" | "clientSecret">>) =>
      call("PATCH", credentialPath(clientId), input),
    disableCredential: (clientId: string) => call("POST", `${credentialPath(clientId)}/disable`),
    enableCredential: (clientId: string) => call("POST", `${credentialPath(clientId)}/enable`),
    removeCredential: (clientId: string) => call("DELETE", credentialPath(clientId)),
    expireTokens: () => call("POST", "/tokens/expire"),
    setRateLimits: (limits: DeepPartial<RateLimits>) => call("PUT", "/rate-limits", limits),
    setBehaviour: (behaviour: Partial<Behaviour>) => call("PUT", "/behaviour", behaviour),
  };
}

export type SandboxAdmin = ReturnType<typeof createSandboxAdmin>;
