"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { JobForm } from "@/app/(app)/admin/jobs/_components/job-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Cell, HeaderCell, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";

type JobRow = { id: string; title: string; department: string; office: string; candidates: number };

export function JobTable({ jobs }: { jobs: JobRow[] }) {
  const t = useTranslations("jobs");
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (jobs.length === 0)
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
        {t("empty")}
      </p>
    );
  return (
    <div className="space-y-4">
      {saved && <Alert tone="success">{t("saved", { title: saved })}</Alert>}
      <Table>
        <TableHead>
          <HeaderCell>{t("jobTitle")}</HeaderCell>
          <HeaderCell>{t("department")}</HeaderCell>
          <HeaderCell>{t("office")}</HeaderCell>
          <HeaderCell className="text-right">{t("candidates")}</HeaderCell>
          <HeaderCell>
            <span className="sr-only">{t("actions")}</span>
          </HeaderCell>
        </TableHead>
        <TableBody>
          {jobs.map((job) =>
            editing === job.id ? (
              <tr key={job.id}>
                <Cell colSpan={5}>
                  <JobForm
                    job={job}
                    onCancel={() => setEditing(null)}
                    onDone={() => {
                      setEditing(null);
                      setSaved(job.title);
                    }}
                  />
                </Cell>
              </tr>
            ) : (
              <tr key={job.id}>
                <RowHeaderCell className="text-slate-900">{job.title}</RowHeaderCell>
                <Cell className="text-slate-700">
                  {job.department || <span className="text-slate-500">{t("none")}</span>}
                </Cell>
                <Cell className="text-slate-700">
                  {job.office || <span className="text-slate-500">{t("none")}</span>}
                </Cell>
                <Cell className="text-right tabular-nums">{job.candidates}</Cell>
                <Cell className="text-right">
                  <Button
                    variant="secondary"
                    aria-label={t("editLabel", { title: job.title })}
                    onClick={() => {
                      setSaved(null);
                      setEditing(job.id);
                    }}
                  >
                    {t("edit")}
                  </Button>
                </Cell>
              </tr>
            ),
          )}
        </TableBody>
      </Table>
    </div>
  );
}
