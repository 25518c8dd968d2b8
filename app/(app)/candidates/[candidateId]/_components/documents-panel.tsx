"use client";

import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { MAX_DOCUMENT_BYTES } from "@/lib/documents/limits";
import type { CandidateDocumentView } from "@/lib/documents/service";

import { sendDocumentToPersonioAction } from "../actions";

type Category = { id: number; name: string };
type Message = { tone: "error" | "success" | "info"; text: string };

// The profile's documents: upload (drop or choose, several at once, each with its progress),
// download, and for a profile already in Personio each document's transfer, with a category
// to send one that was not ticked at the send, or to retry a failed upload.
export function DocumentsPanel({
  candidateId,
  documents,
  categories,
  mayUpload,
  mayRead,
  maySend,
}: {
  candidateId: string;
  documents: CandidateDocumentView[];
  /** Null unless the profile is in Personio and the viewer may send. */
  categories: Category[] | null;
  mayUpload: boolean;
  mayRead: boolean;
  maySend: boolean;
}) {
  const t = useTranslations("documents");
  const router = useRouter();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<Record<string, number>>({});
  const [messages, setMessages] = useState<Message[]>([]);
  const [isDragging, setIsDragging] = useState(false);

  const upload = (file: File) =>
    new Promise<Message>((resolve) => {
      // Said at once rather than after sending 30 MB for the server to refuse (it checks again).
      if (file.size > MAX_DOCUMENT_BYTES)
        return resolve({ tone: "error", text: refusalText("too_large", null, file.name) });
      const request = new XMLHttpRequest();
      request.open("POST", `/api/candidates/${encodeURIComponent(candidateId)}/documents`);
      request.setRequestHeader("x-file-name", encodeURIComponent(file.name));
      request.setRequestHeader("content-type", "application/octet-stream");
      request.upload.onprogress = (event) => {
        if (event.lengthComputable)
          setProgress((current) => ({ ...current, [file.name]: Math.round((event.loaded / event.total) * 100) }));
      };
      request.onload = () => {
        if (request.status === 201) return resolve({ tone: "success", text: t("uploaded", { name: file.name }) });
        let body: { code?: string; detected?: string | null } = {};
        try {
          body = JSON.parse(request.responseText) as typeof body;
        } catch {
          // a proxy's error page: the generic message
        }
        resolve({ tone: "error", text: refusalText(body.code, body.detected ?? null, file.name) });
      };
      request.onerror = () => resolve({ tone: "error", text: t("refusals.unexpected", { name: file.name }) });
      request.send(file);
    });

  const refusalText = (code: string | undefined, detected: string | null, name: string) => {
    switch (code) {
      case "too_large":
      case "empty":
      case "forbidden":
      case "not_found":
        return t(`refusals.${code}`, { name });
      case "type_not_accepted":
        return detected ? t("refusals.type_not_accepted", { name, detected }) : t("refusals.type_unknown", { name });
      default:
        return t("refusals.unexpected", { name });
    }
  };

  const uploadAll = async (files: File[]) => {
    if (files.length === 0) return;
    setMessages([]);
    const results: Message[] = [];
    // One after another: each file's progress is its own, and the server streams one at a time.
    for (const file of files) results.push(await upload(file));
    setProgress({});
    setMessages(results);
    if (inputRef.current) inputRef.current.value = "";
    router.refresh();
  };

  const uploading = Object.entries(progress);
  // Transfers run in the background: while one is under way, the page reads their state again.
  const hasQueued = documents.some((document) => document.transferStatus === "QUEUED");
  useEffect(() => {
    if (!hasQueued) return;
    const timer = setInterval(() => router.refresh(), 2_000);
    return () => clearInterval(timer);
  }, [hasQueued, router]);

  return (
    <section aria-labelledby="documents-heading" className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="documents-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      {documents.length === 0 ? (
        <p className="mt-4 text-sm text-slate-500">{t("none")}</p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-100" aria-label={t("heading")}>
          {documents.map((document) => (
            <DocumentRow
              key={document.id}
              candidateId={candidateId}
              document={document}
              categories={categories}
              mayRead={mayRead}
              maySend={maySend}
            />
          ))}
        </ul>
      )}
      {mayUpload && (
        <div
          className={`mt-4 rounded-md border-2 border-dashed p-4 text-sm ${isDragging ? "border-indigo-500 bg-indigo-50" : "border-slate-300"}`}
          onDragOver={(event) => {
            event.preventDefault();
            setIsDragging(true);
          }}
          onDragLeave={() => setIsDragging(false)}
          onDrop={(event) => {
            event.preventDefault();
            setIsDragging(false);
            void uploadAll([...event.dataTransfer.files]);
          }}
        >
          <p className="text-slate-600">{t("dropHint")}</p>
          <label htmlFor={inputId} className="mt-2 inline-block cursor-pointer font-medium text-indigo-700 underline">
            {t("choose")}
          </label>
          <input
            ref={inputRef}
            id={inputId}
            type="file"
            multiple
            className="sr-only"
            onChange={(event) => void uploadAll([...(event.target.files ?? [])])}
          />
          {uploading.map(([name, percent]) => (
            <p key={name} className="mt-2" role="status">
              <progress max={100} value={percent} className="mr-2 align-middle" aria-hidden />
              {t("uploading", { name, percent })}
            </p>
          ))}
        </div>
      )}
      {messages.length > 0 && (
        <div className="mt-4 space-y-2">
          {messages.map((message) => (
            <Alert key={message.text} tone={message.tone}>
              {message.text}
            </Alert>
          ))}
        </div>
      )}
    </section>
  );
}

function DocumentRow({
  candidateId,
  document,
  categories,
  mayRead,
  maySend,
}: {
  candidateId: string;
  document: CandidateDocumentView;
  categories: Category[] | null;
  mayRead: boolean;
  maySend: boolean;
}) {
  const t = useTranslations("documents");
  const router = useRouter();
  const selectId = useId();
  // The category last used for this document (a failed upload's) until another is chosen.
  const [chosenCategoryId, setCategoryId] = useState<number | null>(null);
  const categoryId = chosenCategoryId ?? document.personioCategoryId;
  const send = useAction(sendDocumentToPersonioAction, { onSuccess: () => router.refresh() });
  const categoryName = (id: number | null) => categories?.find((category) => category.id === id)?.name ?? String(id);
  const status =
    document.transferStatus === "SENT"
      ? t("status.SENT", { category: categoryName(document.personioCategoryId) })
      : document.transferStatus === "FAILED"
        ? t("status.FAILED", { code: document.transferError ?? "" })
        : document.transferStatus === "QUEUED"
          ? t("status.QUEUED")
          : t("status.NONE");
  const canSend = maySend && categories && (document.transferStatus === "NONE" || document.transferStatus === "FAILED");
  return (
    <li className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3" data-document-id={document.id}>
      <div className="min-w-0 flex-1">
        {mayRead ? (
          <a
            href={`/api/documents/${document.id}`}
            className="font-medium break-all text-indigo-700 underline"
            aria-label={t("download", { name: document.fileName })}
          >
            {document.fileName}
          </a>
        ) : (
          <span className="font-medium break-all">{document.fileName}</span>
        )}
        <p className="text-xs text-slate-500">
          {t(`kinds.${document.kind as "CV"}`)} · {t("size", { size: (document.size / 1024 / 1024).toFixed(1) })} ·{" "}
          <span data-testid="transfer-status">{status}</span>
        </p>
      </div>
      {canSend && (
        <div className="flex items-center gap-2">
          <label htmlFor={selectId} className="sr-only">
            {t("category", { name: document.fileName })}
          </label>
          <select
            id={selectId}
            className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            value={categoryId ?? ""}
            onChange={(event) => setCategoryId(event.target.value ? Number(event.target.value) : null)}
          >
            <option value="">{t("chooseCategory")}</option>
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </select>
          <Button
            variant="secondary"
            disabled={!categoryId || send.isPending}
            onClick={() => categoryId && send.execute({ candidateId, documentId: document.id, categoryId })}
          >
            {document.transferStatus === "FAILED"
              ? t("retry", { name: document.fileName })
              : t("sendToPersonio", { name: document.fileName })}
          </Button>
        </div>
      )}
    </li>
  );
}
