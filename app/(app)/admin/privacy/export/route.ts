import { NextResponse } from "next/server";

import { recordAccessDenied } from "@/lib/auth/access-denied";
import { getCurrentUser } from "@/lib/auth/current-user";
import { can } from "@/lib/permissions";
import { exportPersonData } from "@/lib/privacy/export";
import { ZPersonQuery } from "@/lib/privacy/schemas";

// The access request's download: a form POST (the email stays out of URLs and access logs), one
// JSON file with everything Handoff holds about the person. Audited with counts only.
export async function POST(request: Request) {
  const user = await getCurrentUser();
  if (!can(user, "privacy:manage")) {
    await recordAccessDenied(user, "privacy:manage", "action");
    return new NextResponse(null, { status: user ? 403 : 401 });
  }
  const form = await request.formData();
  const query = ZPersonQuery.safeParse({
    email: form.get("email")?.toString() || undefined,
    candidateId: form.get("candidateId")?.toString() || undefined,
  });
  if (!query.success) return new NextResponse(null, { status: 400 });
  const result = await exportPersonData({ ...query.data, actorId: user!.id });
  if (!result) return new NextResponse(null, { status: 400 });
  const day = new Date().toISOString().slice(0, 10);
  return new NextResponse(JSON.stringify(result.document, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="handoff-personal-data-${day}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
