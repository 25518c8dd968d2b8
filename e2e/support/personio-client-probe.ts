// Runs the real Personio client and prints each outcome as one line, "probe: " and JSON (other
// output, such as log lines, is not mistaken for it). The e2e test starts
// it in a child process with `--conditions=react-server`, because the client is marked
// "server-only". One input as an argument: one probe, then it exits. Without one, it answers each
// line of JSON on stdin until stdin closes: a test that probes several times pays for starting
// Node and loading the client once (on a busy machine that start is what takes the time).
import readline from "node:readline";

import { createPersonioClient } from "@/lib/personio/client";
import { isPersonioError } from "@/lib/personio/errors";

const PREFIX = "probe: ";

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

const answer = async (line: string) => {
  process.stdout.write(`${PREFIX}${JSON.stringify(await probe(JSON.parse(line) as ProbeInput))}\n`);
};

if (process.argv[2]) {
  await answer(process.argv[2]);
} else {
  // One at a time, in order: the test waits for each answer before it sends the next input.
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (line.trim()) await answer(line);
  }
}
