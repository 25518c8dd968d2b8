"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { JobForm } from "@/app/(app)/admin/jobs/_components/job-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type JobRow = { id: string; title: string; department: string; office: string; candidates: number };

export function JobTable({ jobs }: { jobs: JobRow[] }) {
  const t = useTranslations("jobs");
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (jobs.length === 0) return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">{t("empty")}</p>;
  return (
    <div className="space-y-4">
      {saved && <Alert tone="success">{t("saved", { title: saved })}</Alert>}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-3">{t("jobTitle")}</th>
              <th scope="col" className="px-4 py-3">{t("department")}</th>
              <th scope="col" className="px-4 py-3">{t("office")}</th>
              <th scope="col" className="px-4 py-3 text-right">{t("candidates")}</th>
              <th scope="col" className="px-4 py-3"><span className="sr-only">{t("actions")}</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {jobs.map((job) =>
              editing === job.id ? (
                <tr key={job.id}>
                  <td colSpan={5} className="px-4 py-2">
                    <JobForm
                      job={job}
                      onCancel={() => setEditing(null)}
                      onDone={() => {
                        setEditing(null);
                        setSaved(job.title);
                      }}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={job.id}>
                  <td className="px-4 py-3 font-medium text-slate-900">{job.title}</td>
                  <td className="px-4 py-3 text-slate-700">{job.department || <span className="text-slate-400">{t("none")}</span>}</td>
                  <td className="px-4 py-3 text-slate-700">{job.office || <span className="text-slate-400">{t("none")}</span>}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{job.candidates}</td>
                  <td className="px-4 py-3 text-right">
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
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
