"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, type DragEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { buttonClassName } from "@/components/ui/button";
import { ACCEPTED_IMPORT_TYPES, MAX_IMPORT_BYTES, MAX_IMPORT_MEGABYTES } from "@/lib/imports/limits";

const FILE_ERRORS = [
  "file_too_large",
  "empty_file",
  "xls_not_supported",
  "binary_file",
  "malformed_csv",
  "unreadable_spreadsheet",
  "no_rows",
  "workbook_too_large",
  "workbook_bomb",
  "file_too_complex",
  "workbook_empty",
];

// Drop a file or choose one; it is uploaded as is and read on the server, which answers with
// the import to preview (or why the file cannot be read).
export function ImportDropzone() {
  const t = useTranslations("imports");
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [uploading, setUploading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function upload(file: File) {
    setError(null);
    if (file.size > MAX_IMPORT_BYTES) {
      setError(t("fileErrors.file_too_large", { megabytes: MAX_IMPORT_MEGABYTES }));
      return;
    }
    setUploading(file.name);
    try {
      const response = await fetch("/api/imports", {
        method: "POST",
        headers: { "content-type": "application/octet-stream", "x-file-name": encodeURIComponent(file.name) },
        body: file,
      });
      const body = (await response.json().catch(() => ({}))) as {
        importId?: string;
        code?: string;
        row?: number | null;
        megabytes?: number | null;
        sheet?: string | null;
      };
      if (response.ok && body.importId) {
        router.push(`/import/${body.importId}`);
        return;
      }
      const code = body.code && FILE_ERRORS.includes(body.code) ? body.code : "unexpected";
      setError(
        t(`fileErrors.${code}` as "fileErrors.unexpected", {
          megabytes: body.megabytes ?? MAX_IMPORT_MEGABYTES,
          row: body.row ?? "?",
          sheet: body.sheet ?? "",
        }),
      );
    } catch {
      setError(t("fileErrors.unexpected"));
    }
    setUploading(null);
    if (input.current) input.current.value = "";
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !uploading) void upload(file);
  }

  return (
    <div className="space-y-3">
      {error && <Alert tone="error">{error}</Alert>}
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="import-dropzone"
        className={`flex flex-col items-center justify-center gap-3 rounded-lg border-2 border-dashed px-6 py-10 text-center transition-colors ${
          dragging ? "border-indigo-500 bg-indigo-50" : "border-slate-300 bg-white"
        }`}
      >
        {uploading ? (
          <p role="status" className="text-sm text-slate-700">
            {t("dropzone.uploading", { name: uploading })}
          </p>
        ) : (
          <>
            <p className="font-medium text-slate-800">{dragging ? t("dropzone.dropActive") : t("dropzone.label")}</p>
            <p className="text-sm text-slate-500">{t("dropzone.or")}</p>
            <label
              className={buttonClassName(
                "secondary",
                "cursor-pointer focus-within:ring-2 focus-within:ring-indigo-500",
              )}
            >
              {t("dropzone.choose")}
              <input
                ref={input}
                type="file"
                accept={ACCEPTED_IMPORT_TYPES}
                className="sr-only"
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  if (file) void upload(file);
                }}
              />
            </label>
          </>
        )}
        <p className="max-w-xl text-xs text-slate-500">{t("dropzone.hint", { megabytes: MAX_IMPORT_MEGABYTES })}</p>
      </div>
    </div>
  );
}
