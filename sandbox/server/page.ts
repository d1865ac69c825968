// GET / : a stand-in for the Stactize web app (create a pairing code, see what arrived). Received values are
// escaped server-side and set with textContent client-side; a CSP without inline scripts backs that up.
import type { OverviewRow } from './admin';

export const PAGE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

const COLUMNS: Array<[string, (row: OverviewRow) => string]> = [
  ['Capture', (r) => r.captureId],
  ['Tenant', (r) => r.tenantId],
  ['Client', (r) => r.clientId],
  ['App name', (r) => r.applicationName ?? '—'],
  ['Status', (r) => r.status],
  ['Reason', (r) => r.reason ?? ''],
  ['Received', (r) => r.receivedAt],
  ['Key', (r) => r.secretHint],
  ['Submissions', (r) => String(r.submissions)],
];

export function renderPage(rows: OverviewRow[]): string {
  const head = COLUMNS.map(([title]) => `<th>${escapeHtml(title)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${COLUMNS.map(([, get]) => `<td>${escapeHtml(get(row))}</td>`).join('')}</tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Stactize sandbox</title>
<style>
  body { font: 15px system-ui, sans-serif; margin: 2rem; color: #1b1b1f; }
  #code { font: 700 3rem ui-monospace, monospace; letter-spacing: 0.2em; margin: 1rem 0; min-height: 3.5rem; }
  table { border-collapse: collapse; font-size: 13px; }
  th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; }
  .note { color: #666; }
</style>
</head>
<body>
<h1>Stactize sandbox</h1>
<p class="note">Local stand-in for the Stactize web app and Intake API. Dev-only keys: nothing here is secret.</p>
<button id="create" type="button">Create pairing code</button>
<div id="code" aria-live="polite"></div>
<div id="expires" class="note"></div>
<h2>Received credentials</h2>
<table>
<thead><tr>${head}</tr></thead>
<tbody id="rows">
${body}
</tbody>
</table>
<script src="/app.js"></script>
</body>
</html>
`;
}

/** Page behaviour; builds every cell with textContent, never markup. */
export const APP_JS = `'use strict';
const columns = ${JSON.stringify(['captureId', 'tenantId', 'clientId', 'applicationName', 'status', 'reason', 'receivedAt', 'secretHint', 'submissions'])};
document.getElementById('create').addEventListener('click', async () => {
  const res = await fetch('/__sandbox/pairing-codes', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  const data = await res.json();
  document.getElementById('code').textContent = data.code;
  document.getElementById('expires').textContent = 'valid until ' + new Date(data.expiresAt).toLocaleTimeString();
});
async function refresh() {
  const res = await fetch('/__sandbox/overview');
  if (!res.ok) return;
  const { credentials } = await res.json();
  const tbody = document.getElementById('rows');
  tbody.replaceChildren(...credentials.map((row) => {
    const tr = document.createElement('tr');
    for (const key of columns) {
      const td = document.createElement('td');
      const value = row[key];
      td.textContent = value === null || value === undefined ? (key === 'applicationName' ? '—' : '') : String(value);
      tr.append(td);
    }
    return tr;
  }));
}
setInterval(refresh, 1500);
`;
