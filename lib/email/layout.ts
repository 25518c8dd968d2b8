// Every email is a few blocks: paragraphs and at most one action (a link as a button). From
// them come both parts of the message, plain text and HTML, so the two always say the same.
// Every value is escaped for HTML here; the template functions pass plain strings.
export type EmailBlock = { paragraph: string } | { action: { label: string; url: string } };

export type RenderedEmail = { subject: string; text: string; html: string };

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

function blockText(block: EmailBlock): string {
  return "paragraph" in block ? block.paragraph : `${block.action.label}:\n${block.action.url}`;
}

function blockHtml(block: EmailBlock): string {
  if ("paragraph" in block) return `<p style="margin:0 0 16px">${escapeHtml(block.paragraph)}</p>`;
  const { label, url } = block.action;
  return (
    `<p style="margin:0 0 16px"><a href="${escapeHtml(url)}" style="display:inline-block;padding:10px 16px;` +
    `background:#1d4ed8;color:#ffffff;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(label)}</a></p>` +
    `<p style="margin:0 0 16px;font-size:13px;color:#4b5563;word-break:break-all">${escapeHtml(url)}</p>`
  );
}

export function layoutEmail({
  locale,
  subject,
  blocks,
  footer,
}: {
  locale: string;
  subject: string;
  blocks: EmailBlock[];
  footer: string;
}): RenderedEmail {
  const text = [...blocks.map(blockText), "--", footer].join("\n\n") + "\n";
  const html =
    `<!doctype html><html lang="${escapeHtml(locale)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="margin:0;padding:24px;background:#f3f4f6;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#111827">` +
    `<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px;font-size:15px;line-height:1.5">` +
    blocks.map(blockHtml).join("") +
    `<p style="margin:24px 0 0;font-size:13px;color:#6b7280">${escapeHtml(footer)}</p>` +
    `</div></body></html>`;
  return { subject, text, html };
}
