import { getCurrentUser } from "@/lib/auth/current-user";
import { getImportStatus } from "@/lib/imports/service";
import { can } from "@/lib/permissions";

// Polled by the import page while the server works through the file.
export async function GET(_request: Request, { params }: { params: Promise<{ importId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ code: "unauthenticated" }, { status: 401 });
  if (!can(user, "candidates:import")) return Response.json({ code: "forbidden" }, { status: 403 });
  const status = await getImportStatus((await params).importId);
  if (!status) return Response.json({ code: "not_found" }, { status: 404 });
  return Response.json(status, { headers: { "cache-control": "no-store" } });
}
