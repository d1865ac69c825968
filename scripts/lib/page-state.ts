/** Reading the overlay's `data-page-state` (the extension's JSON summary of the page) for the walk's checks. */

/** JSON with sorted keys, so that expected fields compare whatever order the extension wrote them in. */
export function canon(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canon).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canon(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Whether the attribute's JSON has every expected field with an equal value (other fields are ignored). */
export function stateMatches(raw: string | null, expected: Record<string, unknown>): boolean {
  if (!raw) return false;
  let state: unknown;
  try {
    state = JSON.parse(raw);
  } catch {
    return false;
  }
  if (!state || typeof state !== 'object') return false;
  const fields = state as Record<string, unknown>;
  return Object.entries(expected).every(([key, value]) => canon(fields[key]) === canon(value));
}

/** One line for the report: the kind and whatever says where in the flow the page is. Never holds a key. */
export function describeState(raw: string): string {
  const state = JSON.parse(raw) as Record<string, unknown>;
  const parts = [`kind ${state.kind}`];
  for (const key of ['view', 'tab', 'appName', 'keyStatus', 'keyShape', 'keyLength', 'keyExpiresAt']) {
    if (state[key] !== undefined && state[key] !== null) parts.push(`${key} ${state[key]}`);
  }
  if (Array.isArray(state.tenants)) parts.push(`${state.tenants.length} tenants`);
  return parts.join(', ');
}
