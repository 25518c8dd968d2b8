export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** Plain server-rendered page; no scripts, so it works the same in every browser. */
export function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Personio sandbox</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;color:#1a1a1a;background:#f6f6f4}
header{background:#1a1a1a;color:#fff;padding:.75rem 1.5rem;display:flex;gap:1.5rem;align-items:center}
header a{color:#fff}main{max-width:60rem;margin:1.5rem auto;padding:0 1.5rem}
.card{background:#fff;border:1px solid #ddd;border-radius:8px;padding:1rem;margin:1rem 0}
label{margin-right:1rem}form{display:inline-block;margin:.25rem .5rem .25rem 0}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #ddd;padding:.5rem;text-align:left}
output{font-family:monospace;background:#fff4c2;padding:.1rem .3rem}.status{font-size:.8rem;color:#555}
</style></head>
<body><header><strong>Personio sandbox</strong><nav aria-label="Sandbox"><a href="/staff">Employees</a> · <a href="/settings/api-credentials">API credentials</a></nav></header>
<main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}
