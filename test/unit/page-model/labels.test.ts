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
    // Letters a UI writes either way: Turkish dotted/dotless i in any case, Russian ё.
    expect(normalizeLabel('İSTEMCİ KİMLİĞİ')).toBe(normalizeLabel('istemci kimliği'));
    expect(normalizeLabel('HESAP AYARLARI')).toBe(normalizeLabel('Hesap ayarları'));
    expect(normalizeLabel('Добавить ещё один ключ')).toBe(normalizeLabel('Добавить еще один ключ'));
    expect(normalizeLabel('Läuft ab')).toBe('läuftab');
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
    expect(textAfterLabel('Client ID: 1234', 'clientId')).toEqual({ rest: '1234', loose: false });
    expect(textAfterLabel('Tenant ID：abcd', 'tenantId')).toEqual({ rest: 'abcd', loose: false });
    expect(textAfterLabel('Note: Client ID', 'clientId')).toBeNull();
    expect(textAfterLabel('Client ID:', 'clientId')).toBeNull();
  });

  it('reads a value written after its label with no colon, keeping its case, as a loose match', () => {
    expect(textAfterLabel('Expires 1/15/2027', 'expires')).toEqual({ rest: '1/15/2027', loose: true });
    expect(textAfterLabel('Expires  on   Jan 15, 2027', 'expires')).toEqual({ rest: 'Jan 15, 2027', loose: true });
    expect(textAfterLabel('Läuft ab am 15.01.2027', 'expires')).toEqual({ rest: '15.01.2027', loose: true });
    expect(textAfterLabel('有効期限2027/01/15', 'expires')).toEqual({ rest: '2027/01/15', loose: true });
    expect(textAfterLabel('Key AbC8Q~xyz', 'key')).toEqual({ rest: 'AbC8Q~xyz', loose: true });
    // A longer word is not the label: "Keys 2" is no Key, "Expiresoon" no Expires.
    expect(textAfterLabel('Keys 2', 'key')).toBeNull();
    expect(textAfterLabel('Expiresoon 1/15/2027', 'expires')).toBeNull();
    expect(textAfterLabel('Expires', 'expires')).toBeNull();
  });
});

describe('the label table in sixteen locales', () => {
  const en = Object.keys(LABELS.en) as LabelId[];
  const exactIds = (Object.keys(LABEL_MATCH) as LabelId[]).filter((id) => LABEL_MATCH[id] === 'exact');
  /** Every normalised spelling of `id` in `locales`, each with the locale it comes from. */
  const spellings = (id: LabelId, locales: readonly string[] = LABEL_LOCALES) =>
    locales.flatMap((locale) =>
      (LABELS[locale as (typeof LABEL_LOCALES)[number]][id] ?? []).map((text) => ({
        locale,
        form: normalizeLabel(text),
      })),
    );

  it('gives every locale every label English has, no other, and no empty spelling', () => {
    for (const locale of LABEL_LOCALES) {
      expect(Object.keys(LABELS[locale]).sort(), locale).toEqual([...en].sort());
      for (const id of en) {
        const texts = LABELS[locale][id] ?? [];
        expect(texts.length, `${locale}.${id}`).toBeGreaterThan(0);
        for (const text of texts) expect(normalizeLabel(text), `${locale}.${id}: "${text}"`).not.toBe('');
      }
    }
  });

  it('lists several spellings of Created and Expires in every added locale', () => {
    const added = ['zh-Hans', 'zh-Hant', 'ko', 'pt-BR', 'it', 'nl', 'pl', 'tr', 'ru', 'sv', 'cs'] as const;
    for (const locale of added) {
      expect(LABELS[locale].created?.length ?? 0, `${locale}.created`).toBeGreaterThanOrEqual(3);
      expect(LABELS[locale].expires?.length ?? 0, `${locale}.expires`).toBeGreaterThanOrEqual(4);
    }
  });

  it('never spells Client ID, Tenant ID or Key like another label, in any locale or across locales', () => {
    // Matching takes every locale's spellings at once, so a collision between two languages confuses as much as
    // one inside a language (Russian writes "клиент" for both client and, in older texts, tenant).
    for (const critical of ['clientId', 'tenantId', 'key'] as const) {
      const mine = spellings(critical);
      for (const other of exactIds) {
        if (other === critical) continue;
        for (const { locale, form } of spellings(other)) {
          const clash = mine.find((m) => m.form === form);
          expect(clash, `${clash?.locale}.${critical} = ${locale}.${other} ("${form}")`).toBeUndefined();
        }
      }
    }
  });

  it('never spells two labels the signatures use alike in the same locale', () => {
    const ids = [...new Set<LabelId>([...SIGNATURE_LABELS, 'created', 'expires', 'remove', 'users'])].filter(
      (id) => LABEL_MATCH[id] === 'exact',
    );
    for (const locale of LABEL_LOCALES) {
      const seen = new Map<string, LabelId>();
      for (const id of ids) {
        for (const { form } of spellings(id, [locale])) {
          const before = seen.get(form);
          expect(before === undefined || before === id, `${locale}: "${form}" is both ${before} and ${id}`).toBe(true);
          seen.set(form, id);
        }
      }
    }
  });

  it('keeps the warning fragments out of every other label', () => {
    const fragments = spellings('keyWarning').map(({ form }) => form);
    for (const id of exactIds)
      for (const { locale, form } of spellings(id))
        for (const fragment of fragments)
          expect(form.includes(fragment), `${locale}.${id} "${form}" contains "${fragment}"`).toBe(false);
  });

  it('matches the warning as Microsoft translates it, in each added locale', () => {
    const sentences = {
      'zh-Hans': '请务必打印或复制此信息，因为离开此页面后将无法再次访问它。',
      'zh-Hant': '請務必列印或複製此資訊，因為離開此頁面後，您將無法再存取它。',
      ko: '이 페이지를 벗어나면 다시 액세스할 수 없으므로 이 정보를 인쇄하거나 복사해야 합니다.',
      'pt-BR':
        'Certifique-se de imprimir ou copiar essas informações, pois você não poderá acessá-las novamente depois de sair desta página.',
      it: 'Assicurarsi di stampare o copiare queste informazioni, perché non sarà possibile accedervi di nuovo dopo aver lasciato questa pagina.',
      nl: 'Zorg ervoor dat u deze gegevens afdrukt of kopieert, omdat u deze niet meer kunt openen nadat u deze pagina hebt verlaten.',
      pl: 'Pamiętaj, aby wydrukować lub skopiować te informacje, ponieważ nie będzie można uzyskać do nich dostępu ponownie po opuszczeniu tej strony.',
      tr: 'Bu sayfadan ayrıldıktan sonra bu bilgilere yeniden erişemeyeceğiniz için bu bilgileri yazdırdığınızdan veya kopyaladığınızdan emin olun.',
      ru: 'Обязательно распечатайте или скопируйте эти сведения, так как вы не сможете получить к ним доступ после того, как покинете эту страницу.',
      sv: 'Se till att skriva ut eller kopiera den här informationen eftersom du inte kommer att kunna komma åt den igen när du har lämnat den här sidan.',
      cs: 'Nezapomeňte si tyto informace vytisknout nebo zkopírovat, protože po opuštění této stránky k nim už nebudete mít přístup.',
    };
    for (const [locale, sentence] of Object.entries(sentences))
      expect(matchesLabel(sentence, 'keyWarning'), `${locale}: ${sentence}`).toBe(true);
    // Each locale's own fragments suffice: the warning does not depend on another language's table.
    for (const [locale, sentence] of Object.entries(sentences)) {
      const own = (LABELS[locale as keyof typeof sentences].keyWarning ?? []).map(normalizeLabel);
      expect(
        own.some((fragment) => normalizeLabel(sentence).includes(fragment)),
        locale,
      ).toBe(true);
    }
  });

  it("knows Microsoft's Entra wording for the IDs and the key", () => {
    const cases: [string, LabelId][] = [
      ['应用程序(客户端) ID', 'clientId'],
      ['应用程序 (客户端) ID', 'clientId'],
      ['目录(租户) ID', 'tenantId'],
      ['客户端密码', 'key'],
      ['應用程式 (用戶端) 識別碼', 'clientId'],
      ['目錄 (租用戶) 識別碼', 'tenantId'],
      ['애플리케이션(클라이언트) ID', 'clientId'],
      ['디렉터리(테넌트) ID', 'tenantId'],
      ['ID do aplicativo (cliente)', 'clientId'],
      ['ID do diretório (locatário)', 'tenantId'],
      ['Segredo do cliente', 'key'],
      ['ID applicazione (client)', 'clientId'],
      ['Toepassings-id (client)', 'clientId'],
      ['Identyfikator aplikacji (klienta)', 'clientId'],
      ['Wpis tajny klienta', 'key'],
      ['Uygulama (istemci) kimliği', 'clientId'],
      ['İstemci Kimliği', 'clientId'],
      ['Идентификатор приложения (клиента)', 'clientId'],
      ['Идентификатор каталога (арендатора)', 'tenantId'],
      ['Program-ID (klient)', 'clientId'],
      ['Klientorganisations-ID', 'tenantId'],
      ['ID aplikace (klienta)', 'clientId'],
      ['Tajný klíč klienta', 'key'],
    ];
    for (const [text, id] of cases) expect(matchesLabel(text, id), `${text} → ${id}`).toBe(true);
    // The near misses stay apart: a client is no tenant, in Russian and Swedish least of all.
    expect(matchesLabel('Идентификатор клиента', 'tenantId')).toBe(false);
    expect(matchesLabel('Klient-ID', 'tenantId')).toBe(false);
    expect(matchesLabel('Klientorganisations-ID', 'clientId')).toBe(false);
    expect(matchesLabel('新しいキーの追加', 'addAnotherKey')).toBe(false);
    expect(matchesLabel('Добавить ещё один ключ', 'addAnotherKey')).toBe(true);
    expect(matchesLabel('Aggiungi un’altra chiave', 'addAnotherKey')).toBe(true);
  });
});
