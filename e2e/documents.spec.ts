import { randomInt } from "node:crypto";
import { truncate, writeFile } from "node:fs/promises";
import http from "node:http";

import type { Page } from "@playwright/test";

import { generateApiKey } from "@/lib/api-keys/key-material";

import {
  createTestCandidate,
  createTestUser,
  DATABASE_INDEPENDENT,
  db,
  expect,
  signIn,
  test,
  uniqueSuffix,
} from "./fixtures";
import { openSendDialog, sandbox, sandboxEmployeesWithEmail } from "./personio";
import { addSource, fixtureBody, postSigned } from "./webhooks";

// Documents on a candidate, and into the employee's file in Personio (the sandbox's categories:
// 1 Certificates of employment, 2 Other documents, 3 Contracts). One worker, in order: the upload
// fault of the retry test must meet this file's uploads only.
test.describe.configure({ mode: "default" });

const pdf = (name: string) => ({
  name,
  mimeType: "application/pdf",
  buffer: Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`),
});

async function uploadOnProfile(page: Page, candidateId: string, files: Array<ReturnType<typeof pdf>>) {
  await page.goto(`/candidates/${candidateId}`);
  await page.getByLabel("Choose files").setInputFiles(files);
  for (const file of files) await expect(page.getByText(`${file.name} uploaded.`)).toBeVisible();
}

async function sendWithDocuments(page: Page, candidateId: string, categories: Record<string, string>) {
  const dialog = await openSendDialog(page, candidateId);
  for (const [name, category] of Object.entries(categories)) {
    await dialog.getByLabel(`Personio category for ${name}`).selectOption({ label: category });
    await expect(dialog.getByLabel(`Send ${name}`)).toBeChecked();
  }
  await dialog.getByRole("button", { name: "Send" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Sent to Personio.");
  return dialog;
}

test("a CV and a contract uploaded on the profile go to the new employee's file in the chosen categories", async ({
  page,
}) => {
  const recruiter = await createTestUser("recruiter");
  const candidate = await createTestCandidate({ stage: "HIRED" });
  const cv = pdf(`cv-${uniqueSuffix()}.pdf`);
  const contract = pdf(`contract-${uniqueSuffix()}.pdf`);
  await signIn(page, recruiter);

  await test.step("both files are uploaded at once, stored with size, type and SHA-256", async () => {
    await uploadOnProfile(page, candidate.id, [cv, contract]);
    const rows = await db.candidateDocument.findMany({ where: { candidateId: candidate.id } });
    expect(rows.map((row) => [row.fileName, row.mimeType, row.size]).sort()).toEqual(
      [
        [contract.name, "application/pdf", contract.buffer.length],
        [cv.name, "application/pdf", cv.buffer.length],
      ].sort(),
    );
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.sha256))).toBe(true);
  });

  await test.step("a download is an attachment, never sniffed", async () => {
    const row = await db.candidateDocument.findFirstOrThrow({ where: { fileName: cv.name } });
    const response = await page.request.get(`/api/documents/${row.id}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(Buffer.from(await response.body()).equals(cv.buffer)).toBe(true);
  });

  const dialog = await test.step("send with each document in its category", async () =>
    sendWithDocuments(page, candidate.id, { [cv.name]: "Other documents", [contract.name]: "Contracts" }));
  await expect(dialog.getByText(`${cv.name} → Other documents: queued for the employee's file`)).toBeVisible();
  await expect(dialog.getByText(`${contract.name} → Contracts: queued for the employee's file`)).toBeVisible();

  await test.step("the sandbox's employee has both, in the chosen categories; the profile says where", async () => {
    const [employee, ...others] = await sandboxEmployeesWithEmail(candidate.email);
    expect(others).toHaveLength(0);
    await expect
      .poll(async () =>
        (await sandbox.documents())
          .filter((document) => document.employeeId === employee!.id)
          .map((document) => [document.title, document.categoryId])
          .sort(),
      )
      .toEqual(
        [
          [contract.name, 3],
          [cv.name, 2],
        ].sort(),
      );
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(page.getByText("In Personio: Other documents")).toBeVisible();
    await expect(page.getByText("In Personio: Contracts")).toBeVisible();
  });
});

test(
  "a file over 30 MB and a program renamed .pdf are refused with messages that say why",
  DATABASE_INDEPENDENT,
  async ({ page }) => {
    const recruiter = await createTestUser("recruiter");
    const candidate = await createTestCandidate();
    await signIn(page, recruiter);
    await page.goto(`/candidates/${candidate.id}`);
    const program = Buffer.alloc(4096);
    program.write("MZ");
    program.writeUInt32LE(128, 60);
    program.write("PE\0\0", 128);
    // A sparse file on disk: the browser reads it from its path (31 MB as a buffer took half a minute to hand over).
    const big = test.info().outputPath("big.pdf");
    await writeFile(big, "%PDF-1.4\n");
    await truncate(big, 31 * 1024 * 1024);
    const offer = test.info().outputPath("offer.pdf");
    await writeFile(offer, program);
    await page.getByLabel("Choose files").setInputFiles([big, offer]);
    await expect(page.getByText("big.pdf is larger than 30 MB, the most Personio accepts for a file.")).toBeVisible();
    await expect(
      page.getByText("offer.pdf is not a type Personio accepts (its content is exe, whatever its name says).", {
        exact: false,
      }),
    ).toBeVisible();
    expect(await db.candidateDocument.count({ where: { candidateId: candidate.id } })).toBe(0);
    const refusal = await db.auditLog.findFirstOrThrow({
      where: { action: "document.upload", targetId: candidate.id, outcome: "failure" },
    });
    expect(JSON.parse(refusal.details!)).toMatchObject({ fileName: "offer.pdf", code: "type_not_accepted" });
  },
);

test("an upload Personio refuses leaves one employee, and Retry uploads only the missing document", async ({
  page,
}) => {
  const recruiter = await createTestUser("recruiter");
  const candidate = await createTestCandidate({ stage: "HIRED" });
  const cv = pdf(`cv-${uniqueSuffix()}.pdf`);
  const contract = pdf(`contract-${uniqueSuffix()}.pdf`);
  await signIn(page, recruiter);
  await uploadOnProfile(page, candidate.id, [cv, contract]);

  // The first upload is refused (a 422, which no automatic retry mends); the second goes through.
  await sandbox.addFault({
    endpoint: "POST /v1/company/documents",
    kind: "status",
    status: 422,
    field: "file",
    times: 1,
  });
  try {
    const dialog = await sendWithDocuments(page, candidate.id, {
      [cv.name]: "Other documents",
      [contract.name]: "Contracts",
    });
    await dialog.getByRole("button", { name: "Close" }).click();
    // The uploads run in the background after the send: the fault stays until both have ended.
    await expect
      .poll(async () =>
        (await db.candidateDocument.findMany({ where: { candidateId: candidate.id } }))
          .map((row) => row.transferStatus)
          .sort(),
      )
      .toEqual(["FAILED", "SENT"]);
  } finally {
    await sandbox.clearFaults("POST /v1/company/documents");
  }
  const [employee, ...others] = await sandboxEmployeesWithEmail(candidate.email);
  expect(others).toHaveLength(0);
  const inFile = async () =>
    (await sandbox.documents()).filter((document) => document.employeeId === employee!.id).map((d) => d.title);

  const failed = await test.step("one document failed, the other is in the employee's file", async () => {
    await expect(page.getByText(/Not sent to Personio \(validation_error\)/)).toBeVisible();
    const failedRow = await db.candidateDocument.findFirstOrThrow({
      where: { candidateId: candidate.id, transferStatus: "FAILED" },
    });
    await expect.poll(inFile).toHaveLength(1);
    expect(await inFile()).not.toContain(failedRow.fileName);
    return failedRow;
  });

  await test.step("Retry uploads only the missing one, the employee untouched", async () => {
    await page.getByRole("button", { name: `Retry ${failed.fileName}` }).click();
    await expect.poll(async () => (await inFile()).sort()).toEqual([contract.name, cv.name].sort());
    await expect(page.getByText(/Not sent to Personio/)).toHaveCount(0);
    expect(await sandboxEmployeesWithEmail(candidate.email)).toHaveLength(1);
  });
});

test(
  "a document's URL: 403 without documents:read, nothing signed out",
  DATABASE_INDEPENDENT,
  async ({ page, playwright }) => {
    const candidate = await createTestCandidate();
    const document = await db.candidateDocument.create({
      data: {
        candidateId: candidate.id,
        fileName: "secret.pdf",
        mimeType: "application/pdf",
        extension: "pdf",
        size: 3,
        sha256: "0".repeat(64),
      },
    });
    const manager = await createTestUser("hiring_manager");
    await signIn(page, manager);
    expect((await page.request.get(`/api/documents/${document.id}`)).status()).toBe(403);

    const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    const response = await anonymous.get(`/api/documents/${document.id}`, { maxRedirects: 0 });
    expect(response.status()).toBe(401);
    expect(await response.body()).toHaveLength(0);
    await anonymous.dispose();
  },
);

test("a Greenhouse hire's attachments arrive on the candidate; a URL to a private address is refused and logged", async ({
  request,
}) => {
  const [host, port] = process.env.E2E_ATTACHMENT_HOST!.split(":");
  const resume = pdf("resume.pdf");
  const offer = pdf("offer-letter.pdf");
  // The ATS's file host: a redirect first, as signed storage links often give.
  const server = http.createServer((req, res) => {
    if (req.url === "/signed/resume") return res.writeHead(302, { location: "/files/resume" }).end();
    const file = req.url === "/files/resume" ? resume : req.url === "/files/offer" ? offer : null;
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": "application/pdf" }).end(file.buffer);
  });
  await new Promise<void>((resolve) => server.listen(Number(port), host, resolve));
  try {
    const source = await addSource(request, "greenhouse");
    const id = String(randomInt(100_000_000, 999_999_999));
    const payload = JSON.parse(
      fixtureBody("greenhouse-hire_candidate.json")
        .toString("utf8")
        .replaceAll("35897443", id)
        .replaceAll("265788", id)
        .replace("personal@example.com", `personal.${id}@example.com`),
    ) as { payload: { application: { candidate: { attachments: unknown[] } } } };
    payload.payload.application.candidate.attachments = [
      { filename: "resume.pdf", url: `http://${host}:${port}/signed/resume`, type: "resume" },
      { filename: "offer-letter.pdf", url: `http://${host}:${port}/files/offer`, type: "offer_letter" },
      { filename: "metadata.pdf", url: "https://169.254.169.254/latest/meta-data/iam", type: "other" },
    ];
    const delivery = await postSigned(request, source, JSON.stringify(payload));
    expect(delivery.status).toBe(200);
    const candidate = await db.candidate.findFirstOrThrow({ where: { externalId: id } });
    await expect
      .poll(async () =>
        (await db.candidateDocument.findMany({ where: { candidateId: candidate.id } }))
          .map((row) => [row.fileName, row.kind, row.size])
          .sort(),
      )
      .toEqual(
        [
          ["offer-letter.pdf", "CONTRACT", offer.buffer.length],
          ["resume.pdf", "CV", resume.buffer.length],
        ].sort(),
      );
    // The refused link is the third attachment, fetched after both files above are stored.
    await expect
      .poll(async () => {
        const refusal = await db.auditLog.findFirst({
          where: { action: "document.fetch-refused", targetId: candidate.id },
        });
        return refusal ? (JSON.parse(refusal.details!) as Record<string, unknown>) : null;
      })
      .toMatchObject({ host: "169.254.169.254", reason: "private_address" });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test(
  "the API takes a document as multipart with the documents:write scope",
  DATABASE_INDEPENDENT,
  async ({ request }) => {
    const candidate = await createTestCandidate();
    const key = async (scopes: string) => {
      const material = generateApiKey();
      await db.apiKey.create({
        data: { name: `e2e ${uniqueSuffix()}`, prefix: material.prefix, keyHash: material.keyHash, scopes },
      });
      return { authorization: `Bearer ${material.key}` };
    };
    const url = `/api/v1/candidates/${candidate.id}/documents`;
    const cv = pdf("api-cv.pdf");
    const withoutScope = await request.post(url, {
      headers: await key("candidates:write"),
      multipart: { file: cv },
    });
    expect(withoutScope.status()).toBe(403);
    const headers = await key("documents:write");
    const created = await request.post(url, { headers, multipart: { file: cv } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(await db.candidateDocument.findUniqueOrThrow({ where: { id } })).toMatchObject({
      fileName: "api-cv.pdf",
      mimeType: "application/pdf",
      size: cv.buffer.length,
    });
    const program = await request.post(url, {
      headers,
      multipart: { file: { name: "cv.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ\x90\x00not a pdf") } },
    });
    expect(program.status()).toBe(422);
  },
);
