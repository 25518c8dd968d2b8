import { startPostgresServer } from "@/scripts/lib/postgres-server";
const server = await startPostgresServer();
console.log(server.url);
process.on("SIGTERM", async () => { await server.stop(); process.exit(0); });
setInterval(() => {}, 1 << 30);
