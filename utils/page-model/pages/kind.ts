/**
 * The shape every page kind file follows: example URLs, a URL predicate where Partner Center has a known
 * address, a content signature where it has none (client-side views), and extract().
 */

import { urlLocale } from '@/utils/shapes';
import { deepElements } from '../dom';
import type { PageKind, PageReading } from '../page-state';

/** One read of the page: the deep element list is computed once and shared by every signature. */
export interface ReadContext {
  doc: Document;
  url: URL;
  /** Locale for reading dates: URL prefix, else the document language, else en-us. */
  locale: string;
  elements: Element[];
  hints: ReadHints;
}

/** What the watcher knows beyond this one read: the page before, and what the user did on it. */
export interface ReadHints {
  now: number;
  /** When the user last pressed "Add new key" in this tab (epoch ms). */
  addKeyPressedAt?: number;
  /** Client IDs of the application this tab showed last (from its application page). */
  knownClientIds?: readonly string[];
}

export function readContext(doc: Document, url: URL, hints: ReadHints = { now: Date.now() }): ReadContext {
  const locale = urlLocale(url) ?? (doc.documentElement?.getAttribute('lang') || 'en-us').toLowerCase();
  return { doc, url, locale, elements: deepElements(doc), hints };
}

export interface PageKindDefinition<K extends PageKind> {
  kind: K;
  /** URLs this kind is served at; with a predicate, the both-ways URL test checks them. */
  exampleUrls: readonly string[];
  /** Whether the URL alone says this kind; absent where Partner Center shows the view at no address of its own. */
  matchesUrl?: (url: URL) => boolean;
  /** Whether the page content says this kind, whatever the URL. */
  signature?: (ctx: ReadContext) => boolean;
  extract: (ctx: ReadContext) => Extract<PageReading, { kind: K }>;
}
