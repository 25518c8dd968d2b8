import { getFormatter, getTranslations } from "next-intl/server";

import { NewEmployeeAddressesForm } from "@/app/(app)/admin/email/_components/new-employee-addresses-form";
import { TestEmailForm } from "@/app/(app)/admin/email/_components/test-email-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { PageHeader } from "@/components/ui/page-header";
import { Cell, HeaderCell, RowHeaderCell, Table, TableBody, TableHead } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/require-user";
import { describeEmailSettings } from "@/lib/email/admin";
import { listOutboxMessages } from "@/lib/email/outbox";
import { readNewEmployeeAddresses } from "@/lib/notifications/addresses";

export async function generateMetadata() {
  const t = await getTranslations("emailAdmin");
  return { title: t("title") };
}

// The SMTP settings as the environment gives them (changed there, not here), a test message, and
// the outbox: recipient, subject, state, error; never a message's content.
export default async function EmailPage() {
  const user = await requireUser("integrations:manage");
  const [t, format, messages, addresses] = await Promise.all([
    getTranslations("emailAdmin"),
    getFormatter(),
    listOutboxMessages(),
    readNewEmployeeAddresses(),
  ]);
  const settings = describeEmailSettings();
  const time = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "medium" });
  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} intro={t("intro")} />
      <section aria-labelledby="email-settings" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="email-settings" className="text-lg font-semibold">
          {t("settings")}
        </h2>
        {settings.enabled ? (
          <>
            <p className="text-sm font-medium text-green-800">{t("on")}</p>
            <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
              <dt className="text-slate-600">{t("server")}</dt>
              <dd className="font-mono">
                {settings.host}:{settings.port}
              </dd>
              <dt className="text-slate-600">{t("security")}</dt>
              <dd>{t(`securityModes.${settings.security as "starttls"}`)}</dd>
              <dt className="text-slate-600">{t("login")}</dt>
              <dd className="font-mono">{settings.user ?? t("noLogin")}</dd>
              <dt className="text-slate-600">{t("sender")}</dt>
              <dd className="font-mono">{settings.from}</dd>
            </dl>
            <ClientMessages>
              <TestEmailForm defaultTo={user.email} />
            </ClientMessages>
          </>
        ) : (
          <p className="text-sm text-slate-700">{t("off")}</p>
        )}
      </section>
      <section
        aria-labelledby="new-employee-addresses-heading"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-6"
      >
        <h2 id="new-employee-addresses-heading" className="text-lg font-semibold">
          {t("addressesTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("addressesIntro")}</p>
        <NewEmployeeAddressesForm
          initial={addresses}
          texts={{
            label: t("addressesLabel"),
            save: t("addressesSave"),
            invalid: t("addressesInvalid"),
            saved: {
              zero: t("addressesSaved", { count: 0 }),
              one: t("addressesSaved", { count: 1 }),
              other: t("addressesSaved", { count: 2 }).replace("2", "#"),
            },
          }}
        />
      </section>
      <section aria-labelledby="email-outbox" className="space-y-3">
        <h2 id="email-outbox" className="text-lg font-semibold">
          {t("outbox")}
        </h2>
        {messages.length === 0 ? (
          <p className="text-sm text-slate-600">{t("outboxEmpty")}</p>
        ) : (
          <Table stackBelowMd>
            <TableHead>
              <HeaderCell>{t("columns.recipient")}</HeaderCell>
              <HeaderCell>{t("columns.subject")}</HeaderCell>
              <HeaderCell>{t("columns.state")}</HeaderCell>
              <HeaderCell>{t("columns.time")}</HeaderCell>
              <HeaderCell>{t("columns.error")}</HeaderCell>
            </TableHead>
            <TableBody>
              {messages.map((message) => (
                <tr key={message.id}>
                  <RowHeaderCell className="font-mono text-slate-900">{message.recipient}</RowHeaderCell>
                  <Cell label={t("columns.subject")}>{message.subject}</Cell>
                  <Cell label={t("columns.state")}>
                    {t(`states.${message.status}`)}
                    <span className="block text-xs text-slate-500">
                      {t("attempts", { attempts: message.attempts })}
                    </span>
                  </Cell>
                  <Cell label={t("columns.time")} className="text-xs text-slate-600">
                    <span className="block">{t("queuedAt", { time: time(message.createdAt) })}</span>
                    {message.sentAt && <span className="block">{t("sentAt", { time: time(message.sentAt) })}</span>}
                  </Cell>
                  <Cell label={t("columns.error")} className="text-slate-700">
                    {message.lastError ? (
                      <span className="font-mono text-xs">{message.lastError}</span>
                    ) : (
                      <span className="text-slate-500">{t("noError")}</span>
                    )}
                  </Cell>
                </tr>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}
