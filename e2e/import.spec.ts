import fs from "node:fs";

import iconv from "iconv-lite";

import { createTestUser, DATABASE_INDEPENDENT, db, expect, signIn, test, uniqueSuffix } from "./fixtures";
import { offeredSettingsPages } from "./settings-navigation";
import { buildWorkbook } from "./support/xlsx-files";

// A file as German Excel writes it ("CSV (Trennzeichen-getrennt)"): semicolons, Windows-1252
// (umlauts, ß, € and „“ as single bytes), CRLF; here also with a UTF-8 BOM in front, as some
// tools add one. 31.12.2026 dates, formula cells (quoted as Excel quotes a cell holding ; or "),
// an empty row and two bad rows.
function germanExcelCsv(suffix: string) {
  const rows = [
    "Vorname;Nachname;E-Mail;Stelle;Status;Eintrittsdatum;Telefon;Externe ID;Notizen",
    `Jürgen;Weiß;juergen.weiss.${suffix}@example.com;Lagerlogistik ${suffix};Eingestellt;31.12.2026;+49 30 1234567;HR-${suffix}-1;Gehaltswunsch 55.000 €`,
    `Zoë;Çelik;zoe.celik.${suffix}@example.com;Lagerlogistik ${suffix};Angebot;01.02.2027;;HR-${suffix}-2;"=HYPERLINK(""http://evil.example"";""klick"")"`,
    ";;;;;;;;",
    `Søren;Groß;soeren.gross.${suffix}@example.com;Büro ${suffix};Vorstellungsgespräch;2027-03-15;;HR-${suffix}-3;„Top“ Referenzen`,
    `;Ohne Vorname;ohne.${suffix}@example.com;Büro ${suffix};Neu;;;HR-${suffix}-4;`,
    `Kaputt;Adresse;keine-mail-${suffix};Büro ${suffix};Neu;;;HR-${suffix}-5;"=HYPERLINK(""http://evil.example"";""x"")"`,
  ];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(rows.join("\r\n") + "\r\n", "win1252")]);
}

test.describe("import candidates from a spreadsheet", () => {
  test("an admin imports a German Excel CSV, sees the problems first, gets a report and the rejected rows; a second import changes nothing", async ({
    page,
  }) => {
    const suffix = uniqueSuffix();
    const admin = await createTestUser("admin");
    await signIn(page, admin);
    const file = germanExcelCsv(suffix);
    const fileName = `bewerber-${suffix}.csv`;

    await test.step("drop the file on the import page", async () => {
      await page.goto("/import");
      await expect(page.getByRole("heading", { name: "Import candidates" })).toBeVisible();
      const dataTransfer = await page.evaluateHandle(
        ({ bytes, name }) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([new Uint8Array(bytes)], name, { type: "text/csv" }));
          return transfer;
        },
        { bytes: [...file], name: fileName },
      );
      await page.getByTestId("import-dropzone").dispatchEvent("drop", { dataTransfer });
      await expect(page.getByRole("heading", { name: fileName })).toBeVisible();
    });

    await test.step("the preview shows the file as read and the two problems, before anything is written", async () => {
      await expect(page.getByText("5 rows · CSV, semicolon-separated, Windows-1252 with BOM")).toBeVisible();
      await expect(page.getByText("Nothing has been imported yet.")).toBeVisible();
      await expect(page.getByTestId("preview-summary")).toHaveText("5 rows in the file; 2 will be rejected.");
      // Columns recognised from the German headers.
      await expect(page.getByLabel("First name")).toHaveValue("0");
      await expect(page.getByLabel("Start date")).toHaveValue("5");
      await expect(page.getByLabel("External ID")).toHaveValue("7");
      await expect(page.getByTestId("preview-row-2")).toContainText("OK");
      await expect(page.getByTestId("preview-row-2")).toContainText("Gehaltswunsch 55.000 €");
      await expect(page.getByTestId("preview-row-3")).toContainText('=HYPERLINK("http://evil.example";"klick")');
      await expect(page.getByTestId("preview-row-5")).toContainText("„Top“ Referenzen");
      await expect(page.getByTestId("preview-row-6")).toContainText("First name missing");
      await expect(page.getByTestId("preview-row-7")).toContainText("Email not valid");
      expect(await db.candidate.count({ where: { email: { contains: suffix } } })).toBe(0);
    });

    await test.step("import: progress, then the report", async () => {
      await page.getByRole("button", { name: "Import 3 rows" }).click();
      await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible({ timeout: 30_000 });
      const report = page.getByTestId("import-report");
      await expect(report).toContainText("New candidates3");
      await expect(report).toContainText("Updated0");
      await expect(report).toContainText("Rejected2");
      await expect(page.getByTestId("rejected-row-6")).toContainText("First name missing");
      await expect(page.getByTestId("rejected-row-7")).toContainText("Email not valid");

      const jurgen = await db.candidate.findFirstOrThrow({
        where: { externalId: `HR-${suffix}-1` },
        include: { job: true },
      });
      expect(jurgen).toMatchObject({
        firstName: "Jürgen",
        lastName: "Weiß",
        stage: "HIRED",
        startDate: "2026-12-31",
        phone: "+49 30 1234567",
        notes: "Gehaltswunsch 55.000 €",
      });
      expect(jurgen.job.title).toBe(`Lagerlogistik ${suffix}`);
      const zoe = await db.candidate.findFirstOrThrow({ where: { externalId: `HR-${suffix}-2` } });
      expect(zoe.notes).toBe('=HYPERLINK("http://evil.example";"klick")'); // stored as text
      expect(await db.candidate.count({ where: { email: { contains: suffix } } })).toBe(3);
      const audit = await db.auditLog.findFirstOrThrow({ where: { action: "import.run", actorId: admin.id } });
      expect(JSON.parse(audit.details!)).toMatchObject({ fileName, created: 3, rejected: 2 });
    });

    await test.step("download the rejected rows to fix them", async () => {
      const downloadPromise = page.waitForEvent("download");
      await page.getByRole("link", { name: "Download rejected rows (CSV)" }).click();
      const download = await downloadPromise;
      expect(download.suggestedFilename()).toBe(`bewerber-${suffix}-rejected.csv`);
      const text = fs.readFileSync((await download.path())!, "utf8");
      const lines = text.split("\r\n");
      expect(lines[0]).toBe(
        "\uFEFFVorname;Nachname;E-Mail;Stelle;Status;Eintrittsdatum;Telefon;Externe ID;Notizen;Row;Problems",
      );
      expect(lines[1]).toBe(
        `;Ohne Vorname;ohne.${suffix}@example.com;Büro ${suffix};Neu;;;HR-${suffix}-4;;6;First name missing`,
      );
      // The formula is neutralised: a spreadsheet shows it as text instead of running it.
      expect(lines[2]).toBe(
        `Kaputt;Adresse;keine-mail-${suffix};Büro ${suffix};Neu;;;HR-${suffix}-5;"'=HYPERLINK(""http://evil.example"";""x"")";7;Email not valid`,
      );
    });

    await test.step("importing the same file again changes nothing", async () => {
      const before = await db.candidate.findMany({ where: { email: { contains: suffix } }, orderBy: { id: "asc" } });
      await page.getByRole("link", { name: "Import another file" }).click();
      await page.getByLabel("Choose a file").setInputFiles({ name: fileName, mimeType: "text/csv", buffer: file });
      await page.getByRole("button", { name: "Import 3 rows" }).click();
      await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible({ timeout: 30_000 });
      const report = page.getByTestId("import-report");
      await expect(report).toContainText("New candidates0");
      await expect(report).toContainText("Updated0");
      await expect(report).toContainText("Unchanged3");
      await expect(report).toContainText("Rejected2");
      // Never "Nothing changed" beside rejected rows (issue 24): the report says both.
      await expect(
        page.getByText(
          "No candidate was created or changed: the 3 valid rows matched candidates as they already are, and 2 rows were rejected (listed below).",
        ),
      ).toBeVisible();
      await expect(page.getByText(/Nothing changed/)).toHaveCount(0);
      expect(await db.candidate.findMany({ where: { email: { contains: suffix } }, orderBy: { id: "asc" } })).toEqual(
        before,
      );
    });
  });

  test(
    "the report names an unknown stage's value and the accepted ones, and Abgelehnt is the rejected stage; the preview fits 1440 px",
    DATABASE_INDEPENDENT,
    async ({ page }) => {
      await page.setViewportSize({ width: 1440, height: 900 });
      const suffix = uniqueSuffix();
      await signIn(page, await createTestUser("admin"));
      await page.goto("/import");
      // Wide columns the import does not use: the preview leaves them out.
      const long = "Sehr langes Anschreiben ".repeat(20);
      const csv = [
        "Vorname;Nachname;E-Mail;Stelle;Status;Anschreiben;Interne Notiz;Quelle-URL",
        `Rita;Abgelehnt-${suffix};rita.${suffix}@example.com;Lager ${suffix};Abgelehnt;${long};${long};https://ats.example/${"x".repeat(120)}`,
        `Paul;Probe-${suffix};paul.${suffix}@example.com;Lager ${suffix};Probearbeit;${long};${long};`,
      ].join("\n");
      await page
        .getByLabel("Choose a file")
        .setInputFiles({ name: `stages-${suffix}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
      const unknownStage =
        "Unknown stage “Probearbeit”: use one of Applied, Screening, Interview, Offer, Hired, Rejected (English or German names)";
      await expect(page.getByTestId("preview-row-3")).toContainText(unknownStage);
      await expect(page.getByTestId("preview-row-2")).toContainText("OK");
      const fit = await page.getByRole("table").evaluate((table) => ({
        table: table.getBoundingClientRect().width,
        box: table.parentElement!.clientWidth,
        page: document.documentElement.scrollWidth,
      }));
      expect(fit.table, "the preview table is no wider than its card").toBeLessThanOrEqual(fit.box);
      expect(fit.page, "the page is no wider than the screen").toBeLessThanOrEqual(1440);

      await page.getByRole("button", { name: "Import 1 row" }).click();
      await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId("rejected-row-3")).toContainText(unknownStage);
      await expect(page.getByText(/Nothing changed/)).toHaveCount(0);
      expect(
        await db.candidate.findFirstOrThrow({
          where: { email: `rita.${suffix}@example.com` },
          select: { stage: true },
        }),
      ).toEqual({ stage: "REJECTED" });
      const downloadPromise = page.waitForEvent("download");
      await page.getByRole("link", { name: "Download rejected rows (CSV)" }).click();
      const text = fs.readFileSync((await (await downloadPromise).path())!, "utf8");
      expect(text.split("\r\n")[1]!.endsWith(`;3;${unknownStage}`), text).toBe(true);
    },
  );

  test("a candidate already in Personio is only completed, and the report says so", async ({ page }) => {
    const suffix = uniqueSuffix();
    const admin = await createTestUser("admin");
    const job = await db.job.create({ data: { title: `Sent job ${suffix}`, department: "People", office: "Berlin" } });
    const sent = await db.candidate.create({
      data: {
        firstName: "Aoife",
        lastName: "Ní Bhriain",
        email: `aoife.${suffix}@example.com`,
        jobId: job.id,
        stage: "HIRED",
      },
    });
    await db.handoff.create({
      data: { candidateId: sent.id, status: "SENT", personioEmployeeId: 4711, sentAt: new Date() },
    });
    await signIn(page, admin);
    await page.goto("/import");
    const csv = `First name,Last name,Email,Job,Stage,Start date,Phone\nAoife,Nee Bree,aoife.${suffix}@example.com,Sent job ${suffix},Offer,2027-01-04,+353 1 555\n`;
    await page
      .getByLabel("Choose a file")
      .setInputFiles({ name: "ats-export.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await expect(page.getByText("1 row · CSV, comma-separated, UTF-8")).toBeVisible();
    await page.getByRole("button", { name: "Import 1 row" }).click();
    await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("import-report")).toContainText("Updated1");
    await expect(
      page.getByText("1 candidate is already in Personio: only missing values were added, nothing was changed."),
    ).toBeVisible();
    expect(await db.candidate.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({
      lastName: "Ní Bhriain",
      stage: "HIRED",
      startDate: "2027-01-04",
      phone: "+353 1 555",
    });
  });

  test(
    "a workbook as HR keeps it: the sheet with data and the header row below a title are found, both can be changed, and a General-format date imports",
    DATABASE_INDEPENDENT,
    async ({ page }) => {
      const suffix = uniqueSuffix();
      const header = ["Vorname", "Nachname", "E-Mail", "Stelle", "Eintrittsdatum"];
      const workbook = buildWorkbook([
        { name: "Deckblatt", rows: [] },
        {
          name: "Bewerber",
          rows: [
            ["Bewerberliste Q4/2026"],
            header,
            // 46387 typed into a "General" cell: Excel's serial number of 2026-12-31.
            ["Hanne", `Sheet-${suffix}`, `hanne.${suffix}@example.com`, `Lager ${suffix}`, 46387],
          ],
        },
        {
          name: "Nachzügler",
          rows: [
            header,
            ["Ilse", `Sheet-${suffix}`, `ilse.${suffix}@example.com`, `Lager ${suffix}`, { serial: 46388 }],
          ],
        },
      ]);
      await signIn(page, await createTestUser("admin"));
      await page.goto("/import");
      await page.getByLabel("Choose a file").setInputFiles({
        name: `bewerber-${suffix}.xlsx`,
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: workbook,
      });

      await test.step("the empty cover sheet is passed over and the title row above the header too", async () => {
        await expect(page.getByLabel("Sheet")).toHaveValue("1");
        await expect(page.getByLabel("Header row")).toHaveValue("2");
        await expect(page.getByLabel("First name")).toHaveValue("0");
        await expect(page.getByTestId("preview-row-3")).toContainText("Hanne");
        await expect(page.getByTestId("preview-row-3")).toContainText("OK");
      });

      await test.step("the title row chosen as header: its columns are not recognised", async () => {
        await page.getByLabel("Header row").fill("1");
        await page.getByRole("button", { name: "Use this row" }).click();
        await expect(page.getByRole("button", { name: "Use this row" })).toBeDisabled();
        await expect(page.getByLabel("First name")).not.toHaveValue("0");
        await page.getByLabel("Header row").fill("2");
        await page.getByRole("button", { name: "Use this row" }).click();
        await expect(page.getByLabel("First name")).toHaveValue("0");
      });

      await test.step("another sheet chosen: its rows are the preview", async () => {
        await page.getByLabel("Sheet").selectOption({ label: "Nachzügler" });
        await expect(page.getByTestId("preview-row-2")).toContainText("Ilse");
        await expect(page.getByLabel("Header row")).toHaveValue("1");
        await page.getByLabel("Sheet").selectOption({ label: "Bewerber" });
        await expect(page.getByTestId("preview-row-3")).toContainText("Hanne");
      });

      await test.step("imported: the serial number arrives as the date", async () => {
        await page.getByRole("button", { name: "Import 1 row" }).click();
        await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible({ timeout: 30_000 });
        const hanne = await db.candidate.findFirstOrThrow({ where: { email: `hanne.${suffix}@example.com` } });
        expect(hanne.startDate).toBe("2026-12-31");
        expect(await db.candidate.count({ where: { email: `ilse.${suffix}@example.com` } })).toBe(0);
      });
    },
  );

  test("bad files get a clear answer and store nothing", DATABASE_INDEPENDENT, async ({ page }, testInfo) => {
    const admin = await createTestUser("admin");
    await signIn(page, admin);
    await page.goto("/import");
    // This admin's imports only: other workers' import tests run at the same time.
    const mine = () => db.candidateImport.count({ where: { createdById: admin.id } });
    expect(await mine()).toBe(0);
    const chooser = page.getByLabel("Choose a file");
    const alert = page.getByRole("main").getByRole("alert");

    await chooser.setInputFiles({
      name: "photo.csv",
      mimeType: "text/csv",
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    });
    await expect(alert).toHaveText(
      "This file is not a spreadsheet (it holds binary data). Choose a CSV or .xlsx file.",
    );
    await chooser.setInputFiles({
      name: "old.xls",
      mimeType: "application/vnd.ms-excel",
      buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    });
    await expect(alert).toContainText("This is an old Excel file (.xls).");
    await chooser.setInputFiles({
      name: "quote.csv",
      mimeType: "text/csv",
      buffer: Buffer.from('Vorname;Nachname\nAnna;"Müller\nBen;Otto\n'),
    });
    await expect(alert).toContainText("a quote is not closed (around row 2)");
    await chooser.setInputFiles({ name: "empty.csv", mimeType: "text/csv", buffer: Buffer.from("") });
    await expect(alert).toHaveText("The file is empty.");
    await chooser.setInputFiles({
      name: "header-only.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("Vorname;Nachname;E-Mail\r\n;;\r\n"),
    });
    await expect(alert).toHaveText("The file has no rows below its header row.");
    // Over the stated limit: refused in the browser before uploading, and by the server.
    const huge = testInfo.outputPath("huge.csv");
    fs.writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024 + 1, 0x61));
    await chooser.setInputFiles(huge);
    await expect(alert).toContainText("The file is larger than 50 MB.");
    const response = await page.request.post("/api/imports", {
      headers: { "content-type": "application/octet-stream", "x-file-name": "huge.csv" },
      data: Buffer.alloc(50 * 1024 * 1024 + 1, 0x61),
    });
    expect(response.status()).toBe(413);
    expect(await response.json()).toEqual({ code: "file_too_large" });
    expect(await mine()).toBe(0);
  });

  test(
    "people without the import permission get neither the page nor the upload",
    DATABASE_INDEPENDENT,
    async ({ page }) => {
      const recruiter = await createTestUser("recruiter");
      await signIn(page, recruiter);
      expect(await offeredSettingsPages(page)).not.toContain("Import");
      const response = await page.goto("/import");
      // Issue 13's "no access" page: 403, saying so.
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { level: 1, name: "No access" })).toBeVisible();
      const upload = await page.request.post("/api/imports", {
        headers: { "content-type": "application/octet-stream" },
        data: Buffer.from("a,b\n1,2\n"),
      });
      expect(upload.status()).toBe(403);
    },
  );
});
