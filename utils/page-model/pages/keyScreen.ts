/**
 * The screen after "Add new key": Client ID, Key, the "won't be able to access it again after you leave this
 * page" warning and "Add another key". The key is read only from a field labelled Key (or, failing that, a
 * field holding the unmistakable current 8Q~ shape); masked, truncated and busy values are rejected here, and
 * the watcher waits for the value to hold still before trusting it.
 */

import { classifyKey } from '@/utils/shapes';
import { type Candidate, deepText, findLabels, hasLabel, isBusy, shownValue, valuesNear } from '../dom';
import { dateFor, guidFor } from '../fields';
import { matchesLabel } from '../labels';
import { type KeyScreenReading, SecretKey } from '../page-state';
import type { PageKindDefinition, ReadContext } from './kind';

function keyCandidates(ctx: ReadContext): Candidate[] {
  const out: Candidate[] = [];
  for (const label of findLabels(ctx.doc, 'key', ctx.elements)) out.push(...valuesNear(label));
  return out;
}

// A fallback for layouts where the Key label is not found next to the value: readonly fields only.
function readonlyFieldCandidates(ctx: ReadContext): Candidate[] {
  return ctx.elements
    .filter((el) => el.matches('input[readonly], textarea[readonly], code, pre'))
    .map((el) => ({ el, text: shownValue(el) }));
}

function readKey(ctx: ReadContext): Pick<KeyScreenReading, 'candidate' | 'rejected'> {
  for (const candidate of keyCandidates(ctx)) {
    const reading = classifyKey(candidate.text);
    if (reading.ok) {
      if (isBusy(candidate.el)) return { candidate: null, rejected: 'rendering' };
      return { candidate: new SecretKey(reading.value, reading.shape, reading.confidence), rejected: null };
    }
    // The nearest value that shows anything decides: a masked field is not overruled by a key-shaped
    // string further away.
    if (reading.reason !== 'none') return { candidate: null, rejected: reading.reason };
  }
  for (const candidate of readonlyFieldCandidates(ctx)) {
    const reading = classifyKey(candidate.text);
    if (reading.ok && reading.confidence === 'high' && !isBusy(candidate.el))
      return { candidate: new SecretKey(reading.value, reading.shape, reading.confidence), rejected: null };
  }
  const busy = findLabels(ctx.doc, 'key', ctx.elements).some(({ el }) => isBusy(el));
  return { candidate: null, rejected: busy ? 'rendering' : null };
}

export const keyScreen: PageKindDefinition<'keyScreen'> = {
  kind: 'keyScreen',
  exampleUrls: [
    'https://partner.microsoft.com/dashboard/account/v3/usermanagement#apps',
    'https://partner.microsoft.com/en-us/dashboard/account/v3/usermanagement#apps/3f2a4c1e-aaaa-4bbb-8ccc-0123456789ab/keys/new',
  ],
  // Labels "Client ID" and "Key" as labels (not words in a sentence) plus the warning or "Add another key".
  signature: ({ doc, elements }) =>
    hasLabel(doc, 'key', elements) &&
    hasLabel(doc, 'clientId', elements) &&
    (hasLabel(doc, 'addAnotherKey', elements) || matchesLabel(deepText(doc), 'keyWarning')),
  extract: (ctx): KeyScreenReading => ({
    kind: 'keyScreen',
    url: ctx.url.href,
    clientId: guidFor(ctx, 'clientId'),
    ...readKey(ctx),
    keyExpiresAt: dateFor(ctx, 'expires'),
  }),
};
