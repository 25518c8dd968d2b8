import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";

import { CopyValue } from "@/components/audit/copy-value";
import { Cell, HeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { describeAuditEntry, type AuditEntryWords, type AuditLine } from "@/lib/audit-log/describe";
import type { AuditEntryRow } from "@/lib/audit-log/queries";
import { getAuditWords } from "@/lib/audit-log/words";

const OUTCOME_COLORS: Record<string, string> = {
  success: "bg-green-100 text-green-800",
  failure: "bg-red-100 text-red-800",
  denied: "bg-amber-100 text-amber-900",
  notice: "bg-sky-100 text-sky-900",
};

function OutcomeBadge({ outcome, label }: { outcome: string; label: string }) {
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${OUTCOME_COLORS[outcome] ?? "bg-slate-100 text-slate-700"}`}
    >
      {label}
    </span>
  );
}

function Target({ entry, words }: { entry: AuditEntryRow; words: AuditEntryWords }) {
  if (!words.target) return <>—</>;
  if (entry.target?.type === "candidate" && entry.target.id && entry.target.name) {
    return (
      <Link href={`/candidates/${entry.target.id}`} className="text-indigo-700 hover:underline">
        {words.target}
      </Link>
    );
  }
  return <>{words.target}</>;
}

type CopyTexts = { button: string; done: string; label: (label: string) => string };

// Labelled lines as a definition list (each dt with its dd, in a div), sentences as paragraphs.
function DetailList({ lines, copy }: { lines: AuditLine[]; copy: CopyTexts }) {
  const sentences = lines.filter((line) => line.label === null);
  const labelled = lines.filter((line): line is AuditLine & { label: string } => line.label !== null);
  return (
    <>
      {sentences.map((line, index) => (
        <p key={index} className="break-words">
          {line.text}
        </p>
      ))}
      {labelled.length > 0 && (
        <dl className="space-y-0.5">
          {labelled.map((line, index) => (
            <div key={index} className="break-words">
              <dt className="inline font-medium text-slate-500 after:content-[':_']">{line.label}</dt>
              <dd className="inline">
                {line.kind === "hash" ? (
                  <CopyValue
                    value={line.text}
                    texts={{ button: copy.button, done: copy.done, label: copy.label(line.label) }}
                  />
                ) : (
                  line.text
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}

// The first lines at once; the rest behind a disclosure, so a busy entry stays a short row.
const SHOWN_LINES = 3;

function Details({ lines, copy, more }: { lines: AuditLine[]; copy: CopyTexts; more: (count: number) => string }) {
  if (lines.length === 0) return <>—</>;
  const rest = lines.length > SHOWN_LINES + 1 ? lines.slice(SHOWN_LINES) : [];
  return (
    <div className="space-y-1">
      <DetailList lines={rest.length ? lines.slice(0, SHOWN_LINES) : lines} copy={copy} />
      {rest.length > 0 && (
        <details className="group">
          <summary className="cursor-pointer font-medium text-indigo-700 hover:underline">{more(rest.length)}</summary>
          <div className="mt-1">
            <DetailList lines={rest} copy={copy} />
          </div>
        </details>
      )}
    </div>
  );
}

// A table from md up; below it, one card per entry, so a phone shows every column without
// scrolling sideways. Both come from the same words (lib/audit-log/describe.ts), as the CSV does.
export async function AuditTable({ entries }: { entries: AuditEntryRow[] }) {
  const [t, words, format] = await Promise.all([getTranslations("audit"), getAuditWords(), getFormatter()]);
  const described = entries.map((entry) => ({ entry, words: describeAuditEntry(entry, words) }));
  const copy: CopyTexts = {
    button: t("copy.button"),
    done: t("copy.done"),
    label: (label) => t("copy.label", { label }),
  };
  const more = (count: number) => t("moreDetails", { count });
  const when = (at: Date) => (
    <time dateTime={at.toISOString()}>{format.dateTime(at, { dateStyle: "medium", timeStyle: "medium" })}</time>
  );

  return (
    <>
      <div className="hidden md:block">
        <Table>
          <TableHead>
            <HeaderCell>{t("columns.at")}</HeaderCell>
            <HeaderCell>{t("columns.actor")}</HeaderCell>
            <HeaderCell>{t("columns.action")}</HeaderCell>
            <HeaderCell>{t("columns.target")}</HeaderCell>
            <HeaderCell>{t("columns.outcome")}</HeaderCell>
            <HeaderCell>{t("columns.details")}</HeaderCell>
          </TableHead>
          <TableBody className="align-top">
            {described.map(({ entry, words: entryWords }) => (
              <tr key={entry.id}>
                <Cell className="whitespace-nowrap">{when(entry.at)}</Cell>
                <Cell>{entryWords.actor}</Cell>
                <Cell className="font-medium">{entryWords.action}</Cell>
                <Cell>
                  <Target entry={entry} words={entryWords} />
                </Cell>
                <Cell>
                  <OutcomeBadge outcome={entry.outcome} label={entryWords.outcome} />
                </Cell>
                <Cell className="min-w-56 text-xs text-slate-600">
                  <Details lines={entryWords.details} copy={copy} more={more} />
                </Cell>
              </tr>
            ))}
          </TableBody>
        </Table>
      </div>
      <ul className="space-y-3 md:hidden" aria-label={t("title")}>
        {described.map(({ entry, words: entryWords }) => (
          <li
            key={entry.id}
            className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 text-sm [overflow-wrap:anywhere]"
          >
            <div className="flex items-start justify-between gap-2">
              <p className="font-medium text-slate-900">{entryWords.action}</p>
              <OutcomeBadge outcome={entry.outcome} label={entryWords.outcome} />
            </div>
            <p className="mt-1 text-slate-600">
              {entryWords.actor} · {when(entry.at)}
            </p>
            {entryWords.target && (
              <p className="mt-1 break-words">
                <Target entry={entry} words={entryWords} />
              </p>
            )}
            {entryWords.details.length > 0 && (
              <div className="mt-2 border-t border-slate-100 pt-2 text-xs text-slate-600">
                <Details lines={entryWords.details} copy={copy} more={more} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
