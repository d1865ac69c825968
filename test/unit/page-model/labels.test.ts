/** The label table: complete for the signatures in every locale, and matched tolerantly but exactly. */
import { describe, expect, it } from 'vitest';
import {
  LABEL_LOCALES,
  LABEL_MATCH,
  LABELS,
  type LabelId,
  matchesLabel,
  normalizeLabel,
  SIGNATURE_LABELS,
  textAfterLabel,
} from '@/utils/page-model/labels';

describe('the label table', () => {
  for (const locale of LABEL_LOCALES) {
    it(`translates every label the signatures use in ${locale}`, () => {
      for (const id of SIGNATURE_LABELS) expect(LABELS[locale][id]?.length ?? 0, `${locale}.${id}`).toBeGreaterThan(0);
    });
  }

  it('includes English, German, Spanish, French and Japanese', () => {
    expect([...LABEL_LOCALES]).toEqual(expect.arrayContaining(['en', 'de', 'es', 'fr', 'ja']));
  });

  it('matches every entry of every locale against itself, also upper-cased, spaced out and with a colon', () => {
    for (const locale of LABEL_LOCALES) {
      for (const [id, texts] of Object.entries(LABELS[locale]) as [LabelId, string[]][]) {
        for (const text of texts) {
          expect(matchesLabel(text, id), `${locale}.${id}: ${text}`).toBe(true);
          expect(matchesLabel(`  ${text.toUpperCase()} :`, id), `${locale}.${id} upper`).toBe(true);
          expect(matchesLabel(`${text.replace(/ /g, '\n  ')}：`, id), `${locale}.${id} spaced`).toBe(true);
        }
      }
    }
  });

  it('knows the older names', () => {
    expect(matchesLabel('Azure AD applications', 'entraApplications')).toBe(true);
    expect(matchesLabel('Developer settings', 'accountSettings')).toBe(true);
    expect(matchesLabel('Associate Azure AD with your Partner Center account', 'associateTenant')).toBe(true);
    expect(matchesLabel('Aplicaciones de Azure AD', 'entraApplications')).toBe(true);
    expect(matchesLabel('Administración de usuarios', 'userManagement')).toBe(true);
    expect(matchesLabel('Configuración de cuenta', 'accountSettings')).toBe(true);
  });

  it('normalises Unicode (NFKC), typographic apostrophes and full-width colons', () => {
    expect(normalizeLabel('Ｃｌｉｅｎｔ　ＩＤ：')).toBe('clientid');
    expect(matchesLabel('クライアント ID：', 'clientId')).toBe(true);
    expect(matchesLabel('クライアントID', 'clientId')).toBe(true);
    expect(matchesLabel('You won’t be able to access it again after you leave this page.', 'keyWarning')).toBe(true);
  });

  it('does not match a sentence that merely mentions a label', () => {
    expect(matchesLabel('Copy the Client ID and Key now', 'clientId')).toBe(false);
    expect(matchesLabel('Copy the Client ID and Key now', 'key')).toBe(false);
    expect(matchesLabel('Keys', 'key')).toBe(false);
    expect(matchesLabel('', 'key')).toBe(false);
  });

  it('matches the warning as a fragment in every locale', () => {
    expect(LABEL_MATCH.keyWarning).toBe('contains');
    const sentences = [
      "Be sure to print or copy this info, as you won't be able to access it again after you leave this page.",
      'Drucken oder kopieren Sie diese Informationen, da Sie nach dem Verlassen dieser Seite nicht mehr darauf zugreifen können.',
      'Asegúrese de copiar esta información, ya que no podrá volver a acceder a ella después de salir de esta página.',
      'Veillez à copier ces informations, car vous ne pourrez plus y accéder après avoir quitté cette page.',
      'この情報は必ずコピーしてください。このページを離れると、再度アクセスすることはできません。',
    ];
    for (const sentence of sentences) expect(matchesLabel(sentence, 'keyWarning'), sentence).toBe(true);
  });

  it('splits "Label: value" text', () => {
    expect(textAfterLabel('Client ID: 1234', 'clientId')).toBe('1234');
    expect(textAfterLabel('Tenant ID：abcd', 'tenantId')).toBe('abcd');
    expect(textAfterLabel('Note: Client ID', 'clientId')).toBeNull();
  });
});
