import { getTranslations } from "next-intl/server";

import { getCurrentUser } from "@/lib/auth/current-user";
import { describeRowProblem } from "@/lib/imports/problem-text";
import { getImportStatus, rejectedRowsCsv } from "@/lib/imports/service";
import { can } from "@/lib/permissions";

// The rejected rows as a CSV download, streamed a page of rows at a time.
export async function GET(_request: Request, { params }: { params: Promise<{ importId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  if (!can(user, "candidates:import")) return new Response("Forbidden.", { status: 403 });
  const { importId } = await params;
  const status = await getImportStatus(importId);
  if (!status) return new Response("Not found.", { status: 404 });
  const [t, tStages] = await Promise.all([getTranslations("imports"), getTranslations("stages")]);
  const rows = rejectedRowsCsv(importId, {
    row: t("download.row"),
    problems: t("download.problems"),
    describe: (problem, row) =>
      describeRowProblem(problem, row, {
        problem: (key) => t(`problems.${key}`),
        unknownStage: (values) => t("problemDetails.unknown_stage", values),
        stage: (stage) => tStages(stage),
      }),
  });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  const base = status.fileName.replace(/\.[^.]+$/, "").replace(/[^\w.-]+/g, "_") || "import";
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${base}-rejected.csv"`,
      "cache-control": "no-store",
    },
  });
}
