import "server-only";

import { documentTransferJob } from "@/lib/documents/transfer-job";
import { sendEmailJob } from "@/lib/email/send-job";
import { automaticSendJob } from "@/lib/handoff/automatic/job";
import { automaticSendSummaryJob } from "@/lib/handoff/automatic/summary-job";
import { importJob } from "@/lib/imports/run-import";
import { digestJob } from "@/lib/notifications/digest-job";
import { newHiresJob } from "@/lib/notifications/new-hires-job";
import { retentionJob } from "@/lib/privacy/retention-job";

import { createJobRegistry } from "./registry";

// Every kind of background job the app runs. A kind missing here is never claimed by this
// build; the admin page names each kind from backgroundJobs.kinds.<kind> in the catalogues.
export const APP_JOB_KINDS = createJobRegistry([
  importJob,
  sendEmailJob,
  newHiresJob,
  digestJob,
  retentionJob,
  automaticSendJob,
  automaticSendSummaryJob,
  documentTransferJob,
]);
