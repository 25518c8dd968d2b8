// Pure: the transfer job's kind, apart from both the job (lib/documents/transfer-job.ts) and what
// queues it (lib/documents/transfer.ts). Queuing imports the runner, the runner the job kinds:
// the name in either of them made an import cycle, and the job's definition read it before it
// was set (a production build failed the first send after a start).
export const DOCUMENT_TRANSFER_JOB = "document-transfer";
