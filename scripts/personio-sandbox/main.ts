// CLI: `npm run personio:sandbox -- [--port 4010] [--host 127.0.0.1] [--demo]`. Local development and tests only.
import { DEMO_EXISTING_EMPLOYEES, demoCredential } from "./demo";
import { startPersonioSandbox, type PersonioSandboxOptions } from "./server";

function readFlag(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index >= 0) return args[index + 1];
  return args.find((arg) => arg.startsWith(`${name}=`))?.slice(name.length + 1);
}

function main(): void {
  const args = process.argv.slice(2);
  const port = Number(readFlag(args, "--port") ?? process.env.PERSONIO_SANDBOX_PORT ?? 4010);
  const host = readFlag(args, "--host") ?? "127.0.0.1";
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port ${String(port)}`);
  const options: PersonioSandboxOptions = { port, host };
  if (args.includes("--demo")) {
    options.credentials = [demoCredential()];
    options.employees = DEMO_EXISTING_EMPLOYEES;
  }
  startPersonioSandbox(options)
    .then((sandbox) => {
      console.log(`Personio sandbox listening on ${sandbox.url}`);
      console.log(`  credentials: ${sandbox.url}/settings/api-credentials  employees: ${sandbox.url}/staff`);
      if (args.includes("--demo")) console.log(`  demo client id: ${options.credentials?.[0]?.clientId ?? ""}`);
      const stop = () => void sandbox.close().then(() => process.exit(0));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    })
    .catch((error: unknown) => {
      console.error("Personio sandbox failed to start:", error);
      process.exit(1);
    });
}

main();
