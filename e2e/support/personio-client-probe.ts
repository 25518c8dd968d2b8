// Runs the real Personio client once and prints the outcome as JSON. The e2e test starts it in a
// child process with `--conditions=react-server`, because the client is marked "server-only".
import { createPersonioClient } from "@/lib/personio/client";
import { isPersonioError } from "@/lib/personio/errors";

type ProbeInput = { baseUrl: string; clientId: string; clientSecret: string; email?: string };

async function probe(input: ProbeInput): Promise<Record<string, unknown>> {
  const client = createPersonioClient({ ...input, appId: "HANDOFF_E2E", timeoutMs: 5_000 });
  try {
    const { scopes } = await client.authenticate();
    const found = await client.findEmployeeByEmail(input.email ?? "probe@example.com");
    return { ok: true, scopes, found };
  } catch (error) {
    if (isPersonioError(error)) return { ok: false, code: error.code, status: error.status };
    return { ok: false, code: "crash", message: String(error) };
  }
}

probe(JSON.parse(process.argv[2] ?? "{}") as ProbeInput).then((result) => {
  process.stdout.write(`${JSON.stringify(result)}\n`);
});
