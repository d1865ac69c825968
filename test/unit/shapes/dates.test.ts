/**
 * Display dates in every locale the label table speaks, with the `locale` the page model passes (the URL
 * prefix, or the document language): numeric forms in the locale's own day/month order, month names in the
 * locale's own words (and their grammatical cases), and null for what the locale does not settle.
 */
import { describe, expect, it } from 'vitest';
import { parseDisplayDate } from '@/utils/shapes/values';

/** Per locale: its URL prefix, then 15 Jan 2027 and 2 Mar 2026 as Partner Center would show them (written by hand). */
const WRITTEN: Record<string, [prefix: string, ...texts: string[]]> = {
  en: ['en-us', '1/15/2027', '3/2/2026', 'January 15, 2027', 'Mar 2, 2026'],
  de: ['de-de', '15.01.2027', '02.03.2026', '15. Januar 2027', '2. März 2026'],
  es: ['es-es', '15/01/2027', '02/03/2026', '15 de enero de 2027', '2 mar 2026'],
  fr: ['fr-fr', '15/01/2027', '02/03/2026', '15 janvier 2027', '2 mars 2026'],
  ja: ['ja-jp', '2027/01/15', '2026/3/2', '2027年1月15日', '2026年3月2日'],
  'zh-Hans': ['zh-cn', '2027/1/15', '2026/3/2', '2027年1月15日', '2026年3月2日'],
  'zh-Hant': ['zh-tw', '2027/1/15', '2026/3/2', '2027年1月15日', '2026年3月2日'],
  ko: ['ko-kr', '2027. 1. 15.', '2026. 3. 2.', '2027년 1월 15일', '2026년 3월 2일'],
  'pt-BR': ['pt-br', '15/01/2027', '02/03/2026', '15 de janeiro de 2027', '2 de mar. de 2026'],
  it: ['it-it', '15/01/2027', '02/03/2026', '15 gennaio 2027', '2 mar 2026'],
  nl: ['nl-nl', '15-1-2027', '2-3-2026', '15 januari 2027', '2 mrt 2026'],
  pl: ['pl-pl', '15.01.2027', '2.03.2026', '15 stycznia 2027', '2 marca 2026'],
  tr: ['tr-tr', '15.01.2027', '02.03.2026', '15 Ocak 2027', '2 Mart 2026'],
  ru: ['ru-ru', '15.01.2027', '02.03.2026', '15 января 2027 г.', '2 мар. 2026 г.'],
  sv: ['sv-se', '2027-01-15', '2026-03-02', '15 januari 2027', '2 mars 2026'],
  cs: ['cs-cz', '15. 1. 2027', '2. 3. 2026', '15. ledna 2027', '2. března 2026'],
};

const LOCALES: Record<string, string> = {
  en: 'en-US',
  de: 'de-DE',
  es: 'es-ES',
  fr: 'fr-FR',
  ja: 'ja-JP',
  'zh-Hans': 'zh-CN',
  'zh-Hant': 'zh-TW',
  ko: 'ko-KR',
  'pt-BR': 'pt-BR',
  it: 'it-IT',
  nl: 'nl-NL',
  pl: 'pl-PL',
  tr: 'tr-TR',
  ru: 'ru-RU',
  sv: 'sv-SE',
  cs: 'cs-CZ',
};

const isoOf = (date: Date) => date.toISOString().slice(0, 10);

describe('display dates in every locale', () => {
  for (const [locale, [prefix, ...texts]] of Object.entries(WRITTEN)) {
    it(`reads ${locale} dates as written, numeric and with month names (${prefix})`, () => {
      const [jan, mar, janLong, marLong] = texts;
      expect(parseDisplayDate(jan ?? '', prefix), jan).toBe('2027-01-15');
      expect(parseDisplayDate(mar ?? '', prefix), mar).toBe('2026-03-02');
      expect(parseDisplayDate(janLong ?? '', prefix), janLong).toBe('2027-01-15');
      expect(parseDisplayDate(marLong ?? '', prefix), marLong).toBe('2026-03-02');
      // The document language gives the same answer as the URL prefix.
      expect(parseDisplayDate(mar ?? '', locale.toLowerCase()), `${mar} (${locale})`).toBe('2026-03-02');
    });
  }

  // Intl's "short" style writes two-digit years, which Partner Center's key dates are not read from.
  it("reads every month of every locale in Intl's numeric, medium, long and full forms", () => {
    for (const [locale, tag] of Object.entries(LOCALES)) {
      const prefix = WRITTEN[locale]?.[0] ?? tag;
      for (let month = 0; month < 12; month++) {
        for (const day of [2, 15, 28]) {
          const date = new Date(Date.UTC(2027, month, day));
          for (const dateStyle of ['medium', 'long', 'full'] as const) {
            const text = new Intl.DateTimeFormat(tag, { dateStyle, timeZone: 'UTC' }).format(date);
            expect(parseDisplayDate(text, prefix), `${tag} ${dateStyle}: ${text}`).toBe(isoOf(date));
          }
          for (const options of [{}, { year: 'numeric', month: '2-digit', day: '2-digit' }] as const) {
            const numeric = new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' }).format(date);
            expect(parseDisplayDate(numeric, prefix), `${tag}: ${numeric}`).toBe(isoOf(date));
          }
        }
      }
    }
  });

  it('reads a month name in its grammatical case and abbreviated, with or without the dot', () => {
    expect(parseDisplayDate('15. července 2027', 'cs-cz')).toBe('2027-07-15');
    expect(parseDisplayDate('15. června 2027', 'cs-cz')).toBe('2027-06-15');
    expect(parseDisplayDate('15 czerwca 2027', 'pl-pl')).toBe('2027-06-15');
    expect(parseDisplayDate('15 lip 2027', 'pl-pl')).toBe('2027-07-15');
    expect(parseDisplayDate('15 июля 2027 г.', 'ru-ru')).toBe('2027-07-15');
    expect(parseDisplayDate('15 февр. 2027 г.', 'ru-ru')).toBe('2027-02-15');
    expect(parseDisplayDate('15 KASIM 2027', 'tr-tr')).toBe('2027-11-15');
    expect(parseDisplayDate('15 Ağu 2027', 'tr-tr')).toBe('2027-08-15');
    expect(parseDisplayDate('15 de dez. de 2027', 'pt-br')).toBe('2027-12-15');
    expect(parseDisplayDate('15 ott 2027', 'it-it')).toBe('2027-10-15');
    expect(parseDisplayDate('15 okt. 2027', 'sv-se')).toBe('2027-10-15');
    expect(parseDisplayDate('15 mei 2027', 'nl-nl')).toBe('2027-05-15');
  });

  it('reads every Intl month name of every locale on a page of another or an unknown language', () => {
    for (const tag of Object.values(LOCALES)) {
      for (let month = 0; month < 12; month++) {
        const date = new Date(Date.UTC(2027, month, 15));
        for (const options of [{ month: 'long' }, { month: 'short' }, { day: 'numeric', month: 'long' }] as const) {
          const name = new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' })
            .formatToParts(date)
            .find((part) => part.type === 'month')?.value;
          // Chinese, Japanese and Korean month names are numbers (1月, 一月, 1월), as are some Czech forms.
          if (!name || !/^\p{L}{3,}\.?$/u.test(name)) continue;
          for (const page of ['xx-yy', 'en-us', 'ja-jp'])
            expect(parseDisplayDate(`15 ${name} 2027`, page), `${tag} ${name} on ${page}`).toBe(isoOf(date));
        }
      }
    }
  });

  it('reads a month name of another Partner Center language when the page language is unknown or mixed', () => {
    expect(parseDisplayDate('15 stycznia 2027', 'en-us')).toBe('2027-01-15');
    expect(parseDisplayDate('15. ledna 2027', 'xx-yy')).toBe('2027-01-15');
    expect(parseDisplayDate('15 января 2027 г.', 'zh-cn')).toBe('2027-01-15');
    expect(parseDisplayDate('January 15, 2027', 'ko-kr')).toBe('2027-01-15');
  });

  it('reads numeric dates in the order of the URL locale, whatever the separator', () => {
    expect(parseDisplayDate('02/03/2026', 'pt-br')).toBe('2026-03-02');
    expect(parseDisplayDate('02/03/2026', 'it-it')).toBe('2026-03-02');
    expect(parseDisplayDate('2-3-2026', 'nl-nl')).toBe('2026-03-02');
    expect(parseDisplayDate('02.03.2026', 'tr-tr')).toBe('2026-03-02');
    expect(parseDisplayDate('2. 3. 2026', 'cs-cz')).toBe('2026-03-02');
    expect(parseDisplayDate('3/2/2026', 'en-us')).toBe('2026-03-02');
    expect(parseDisplayDate('3/2/2026', 'en')).toBe('2026-03-02');
    expect(parseDisplayDate('02/03/2026', 'en-gb')).toBe('2026-03-02');
    // A day above 12 settles it in any locale; so do equal day and month.
    expect(parseDisplayDate('15/01/2027', 'en-us')).toBe('2027-01-15');
    expect(parseDisplayDate('1/15/2027', 'pt-br')).toBe('2027-01-15');
    expect(parseDisplayDate('03/03/2026', 'ja-jp')).toBe('2026-03-03');
  });

  it('gives null where neither the text nor the locale settles day and month', () => {
    // Locales that write the year first say nothing about the order of a day-month-year date.
    for (const locale of ['ja-jp', 'zh-cn', 'zh-tw', 'ko-kr', 'sv-se'])
      expect(parseDisplayDate('02/03/2026', locale), locale).toBeNull();
    // Locales Intl does not know, and no locale at all.
    expect(parseDisplayDate('02/03/2026', 'xx-yy')).toBeNull();
    expect(parseDisplayDate('02/03/2026', '')).toBeNull();
    expect(parseDisplayDate('02/03/2026', 'not a locale')).toBeNull();
    // Month names that could be two months, in the page's language or any other.
    expect(parseDisplayDate('15 jui 2027', 'fr-fr')).toBeNull();
    expect(parseDisplayDate('15. čer 2027', 'cs-cz')).toBeNull();
    expect(parseDisplayDate('15 ию 2027', 'ru-ru')).toBeNull();
    // Impossible dates.
    expect(parseDisplayDate('31.02.2027', 'ru-ru')).toBeNull();
    expect(parseDisplayDate('2027. 2. 30.', 'ko-kr')).toBeNull();
    expect(parseDisplayDate('2027년 13월 1일', 'ko-kr')).toBeNull();
  });
});
