/**
 * Every Partner Center label the page model recognises, by locale: ONE table a translator can extend.
 * Partner Center is translated and renamed over time (Dev Center → Partner Center, Azure AD → Microsoft Entra,
 * Developer settings → Account settings), so each entry lists current and older names. English comes from
 * Microsoft's docs; the other locales are best guesses [guess] and tolerate small variations through
 * normalisation (case, whitespace, colons, Unicode NFKC, typographic apostrophes).
 */

export const LABEL_LOCALES = ['en', 'de', 'es', 'fr', 'ja'] as const;
export type LabelLocale = (typeof LABEL_LOCALES)[number];

/** How a label is recognised: the whole text of a node (`exact`) or a fragment of a longer sentence (`contains`). */
export const LABEL_MATCH = {
  accountSettings: 'exact',
  userManagement: 'exact',
  tenants: 'exact',
  users: 'exact',
  entraApplications: 'exact',
  addApplication: 'exact',
  replyUrl: 'exact',
  appName: 'exact',
  clientId: 'exact',
  tenantId: 'exact',
  key: 'exact',
  addNewKey: 'exact',
  addAnotherKey: 'exact',
  keyWarning: 'contains',
  created: 'exact',
  expires: 'exact',
  unauthorized: 'exact',
  associateTenant: 'exact',
  createTenant: 'exact',
  confirm: 'exact',
  allSet: 'exact',
  returnToTenantManagement: 'exact',
  domainName: 'exact',
  contactEmail: 'exact',
  tenantName: 'exact',
  // Guide targets only (utils/partner-center/targets.ts); no page signature depends on these.
  remove: 'exact',
} as const;

export type LabelId = keyof typeof LABEL_MATCH;

/** Labels the page signatures depend on: every locale must translate these (a unit test checks it). */
export const SIGNATURE_LABELS = [
  'clientId',
  'key',
  'tenantId',
  'addNewKey',
  'addAnotherKey',
  'keyWarning',
  'entraApplications',
  'tenants',
  'accountSettings',
  'userManagement',
  'unauthorized',
] as const satisfies readonly LabelId[];

type LabelTable = Record<LabelLocale, Partial<Record<LabelId, readonly string[]>>>;

export const LABELS: LabelTable = {
  en: {
    accountSettings: ['Account settings', 'Developer settings'], // older: Dev Center era
    userManagement: ['User management', 'Manage users'],
    tenants: ['Tenants', 'Tenant management'],
    users: ['Users'],
    entraApplications: ['Microsoft Entra applications', 'Azure AD applications', 'Azure Active Directory applications'],
    addApplication: [
      'Add Microsoft Entra application',
      'Create Microsoft Entra application',
      'Add Azure AD application',
      'Add Azure AD applications', // older
      'New Azure AD application', // older
      'Create Azure AD application',
    ],
    replyUrl: ['Reply URL', 'Redirect URI'],
    appName: ['Application name', 'App name', 'Display name'],
    clientId: ['Client ID', 'Application (client) ID', 'Client Id'],
    tenantId: ['Tenant ID', 'Directory (tenant) ID', 'Directory ID'],
    key: ['Key', 'Client secret', 'Secret', 'Key value'],
    addNewKey: ['Add new key', 'Add key', 'New key'],
    addAnotherKey: ['Add another key'],
    keyWarning: [
      "won't be able to access it again after you leave this page",
      "won't be able to access it again",
      'will not be able to access it again',
    ],
    created: ['Created', 'Created on', 'Creation date', 'Start date', 'Start'],
    expires: ['Expires', 'Expires on', 'Expiration', 'Expiration date', 'Expiry', 'End date'],
    unauthorized: [
      'Unauthorized',
      'Access denied',
      "You don't have access",
      "You don't have access to this page",
      "You don't have permission to access this page",
      'You are not authorized to view this page',
    ],
    associateTenant: [
      'Associate Microsoft Entra ID with your Partner Center account',
      'Associate Azure AD with your Partner Center account', // older
      'Associate another Microsoft Entra ID tenant',
      'Associate another Azure AD tenant', // older
      'Associate',
    ],
    createTenant: ['Create new Microsoft Entra ID', 'Create new Azure AD'],
    confirm: ['Confirm'],
    allSet: ['All set', "You're all set"],
    returnToTenantManagement: ['Return to tenant management'],
    domainName: ['Domain name', 'Domain', 'Primary domain'],
    contactEmail: ['Contact email', 'Contact email address'],
    tenantName: ['Name', 'Organization name', 'Tenant name', 'Organization', 'Display name'],
    remove: ['Remove', 'Delete'],
  },
  de: {
    accountSettings: ['Kontoeinstellungen', 'Entwicklereinstellungen'],
    userManagement: ['Benutzerverwaltung'],
    tenants: ['Mandanten', 'Mandantenverwaltung'],
    users: ['Benutzer'],
    entraApplications: ['Microsoft Entra-Anwendungen', 'Azure AD-Anwendungen'],
    addApplication: [
      'Microsoft Entra-Anwendung hinzufügen',
      'Microsoft Entra-Anwendung erstellen',
      'Azure AD-Anwendung hinzufügen',
      'Neue Azure AD-Anwendung',
    ],
    replyUrl: ['Antwort-URL', 'Umleitungs-URI'],
    appName: ['Anwendungsname', 'Anzeigename'],
    clientId: ['Client-ID', 'Anwendungs-ID (Client)'],
    tenantId: ['Mandanten-ID', 'Verzeichnis-ID (Mandant)', 'Verzeichnis-ID'],
    key: ['Schlüssel', 'Geheimer Clientschlüssel'],
    addNewKey: ['Neuen Schlüssel hinzufügen', 'Schlüssel hinzufügen'],
    addAnotherKey: ['Weiteren Schlüssel hinzufügen'],
    keyWarning: ['nach dem Verlassen dieser Seite nicht mehr darauf zugreifen', 'nicht mehr darauf zugreifen'],
    created: ['Erstellt', 'Erstellt am', 'Erstellungsdatum'],
    expires: ['Läuft ab', 'Ablaufdatum', 'Gültig bis', 'Läuft ab am'],
    unauthorized: ['Nicht autorisiert', 'Zugriff verweigert', 'Sie haben keinen Zugriff auf diese Seite'],
    associateTenant: [
      'Microsoft Entra ID mit Ihrem Partner Center-Konto verknüpfen',
      'Azure AD mit Ihrem Partner Center-Konto verknüpfen',
      'Weiteren Microsoft Entra ID-Mandanten verknüpfen',
      'Verknüpfen',
      'Zuordnen',
    ],
    createTenant: ['Neue Microsoft Entra ID erstellen', 'Neues Azure AD erstellen'],
    confirm: ['Bestätigen'],
    allSet: ['Alles erledigt', 'Alles bereit'],
    returnToTenantManagement: ['Zurück zur Mandantenverwaltung'],
    domainName: ['Domänenname', 'Domäne'],
    contactEmail: ['Kontakt-E-Mail', 'Kontakt-E-Mail-Adresse'],
    tenantName: ['Name', 'Organisationsname', 'Mandantenname'],
    remove: ['Entfernen', 'Löschen'], // [guess]
  },
  es: {
    accountSettings: ['Configuración de cuenta', 'Configuración de la cuenta', 'Configuración del desarrollador'],
    userManagement: ['Administración de usuarios'],
    tenants: ['Inquilinos', 'Administración de inquilinos'],
    users: ['Usuarios'],
    entraApplications: ['Aplicaciones de Microsoft Entra', 'Aplicaciones de Azure AD'],
    addApplication: [
      'Agregar aplicación de Microsoft Entra',
      'Crear aplicación de Microsoft Entra',
      'Agregar aplicación de Azure AD',
      'Nueva aplicación de Azure AD',
    ],
    replyUrl: ['URL de respuesta', 'URI de redirección'],
    appName: ['Nombre de la aplicación', 'Nombre para mostrar'],
    clientId: ['Id. de cliente', 'ID de cliente', 'Id. de aplicación (cliente)'],
    tenantId: ['Id. de inquilino', 'ID de inquilino', 'Id. de directorio (inquilino)'],
    key: ['Clave', 'Secreto de cliente'],
    addNewKey: ['Agregar nueva clave', 'Agregar clave'],
    addAnotherKey: ['Agregar otra clave'],
    keyWarning: ['no podrá volver a acceder a ella después de salir de esta página', 'no podrá volver a acceder'],
    created: ['Creado', 'Creada', 'Fecha de creación'],
    expires: ['Expira', 'Caduca', 'Fecha de expiración', 'Fecha de caducidad'],
    unauthorized: ['No autorizado', 'Acceso denegado', 'No tiene acceso a esta página'],
    associateTenant: [
      'Asociar Microsoft Entra ID con su cuenta del Centro de partners',
      'Asociar Azure AD con su cuenta del Centro de partners',
      'Asociar otro inquilino de Microsoft Entra ID',
      'Asociar',
    ],
    createTenant: ['Crear nuevo Microsoft Entra ID', 'Crear nuevo Azure AD'],
    confirm: ['Confirmar'],
    allSet: ['Todo listo'],
    returnToTenantManagement: ['Volver a la administración de inquilinos'],
    domainName: ['Nombre de dominio', 'Dominio'],
    contactEmail: ['Correo electrónico de contacto'],
    tenantName: ['Nombre', 'Nombre de la organización'],
    remove: ['Quitar', 'Eliminar'], // [guess]
  },
  fr: {
    accountSettings: ['Paramètres du compte', 'Paramètres du développeur'],
    userManagement: ['Gestion des utilisateurs'],
    tenants: ['Locataires', 'Gestion des locataires'],
    users: ['Utilisateurs'],
    entraApplications: ['Applications Microsoft Entra', 'Applications Azure AD'],
    addApplication: [
      'Ajouter une application Microsoft Entra',
      'Créer une application Microsoft Entra',
      'Ajouter une application Azure AD',
      'Nouvelle application Azure AD',
    ],
    replyUrl: ['URL de réponse', 'URI de redirection'],
    appName: ["Nom de l'application", "Nom d'affichage"],
    clientId: ['ID client', 'ID de client', "ID d'application (client)"],
    tenantId: ['ID de locataire', 'ID du locataire', "ID de l'annuaire (locataire)"],
    key: ['Clé', 'Secret client'],
    addNewKey: ['Ajouter une nouvelle clé', 'Ajouter une clé'],
    addAnotherKey: ['Ajouter une autre clé'],
    keyWarning: ['vous ne pourrez plus y accéder après avoir quitté cette page', 'vous ne pourrez plus y accéder'],
    created: ['Créé', 'Créée', 'Créé le', 'Date de création'],
    expires: ['Expire', 'Expire le', "Date d'expiration"],
    unauthorized: ['Non autorisé', 'Accès refusé', "Vous n'avez pas accès à cette page"],
    associateTenant: [
      'Associer Microsoft Entra ID à votre compte Espace partenaires',
      'Associer Azure AD à votre compte Espace partenaires',
      'Associer un autre locataire Microsoft Entra ID',
      'Associer',
    ],
    createTenant: ['Créer un nouvel ID Microsoft Entra', 'Créer un nouvel Azure AD'],
    confirm: ['Confirmer'],
    allSet: ['Tout est prêt', 'Vous êtes prêt'],
    returnToTenantManagement: ['Revenir à la gestion des locataires', 'Retour à la gestion des locataires'],
    domainName: ['Nom de domaine', 'Domaine'],
    contactEmail: ['E-mail de contact', 'Adresse e-mail de contact'],
    tenantName: ['Nom', "Nom de l'organisation"],
    remove: ['Supprimer', 'Retirer'], // [guess]
  },
  ja: {
    accountSettings: ['アカウント設定', '開発者向け設定'],
    userManagement: ['ユーザー管理'],
    tenants: ['テナント', 'テナント管理'],
    users: ['ユーザー'],
    entraApplications: ['Microsoft Entra アプリケーション', 'Azure AD アプリケーション'],
    addApplication: [
      'Microsoft Entra アプリケーションの追加',
      'Microsoft Entra アプリケーションを追加',
      'Microsoft Entra アプリケーションの作成',
      'Azure AD アプリケーションの追加',
    ],
    replyUrl: ['応答 URL', 'リダイレクト URI'],
    appName: ['アプリケーション名', '表示名'],
    clientId: ['クライアント ID', 'アプリケーション (クライアント) ID'],
    tenantId: ['テナント ID', 'ディレクトリ (テナント) ID'],
    key: ['キー', 'クライアント シークレット'],
    addNewKey: ['新しいキーの追加', '新しいキーを追加'],
    addAnotherKey: ['別のキーの追加', '別のキーを追加'],
    keyWarning: ['このページを離れると、再度アクセスすることはできません', '再度アクセスすることはできません'],
    created: ['作成日', '作成日時'],
    expires: ['有効期限', '期限'],
    unauthorized: ['権限がありません', 'アクセスが拒否されました', '承認されていません'],
    associateTenant: [
      'Microsoft Entra ID をパートナー センター アカウントに関連付ける',
      'Azure AD をパートナー センター アカウントに関連付ける',
      '関連付け',
      '関連付ける',
    ],
    createTenant: [
      '新しい Microsoft Entra ID を作成する',
      '新しい Microsoft Entra ID の作成',
      '新しい Azure AD の作成',
    ],
    confirm: ['確認', '確定'],
    allSet: ['準備完了', 'すべて完了しました'],
    returnToTenantManagement: ['テナント管理に戻る'],
    domainName: ['ドメイン名'],
    contactEmail: ['連絡先メール アドレス', '連絡先の電子メール'],
    tenantName: ['名前', '組織名'],
    remove: ['削除'], // [guess]
  },
};

/**
 * The comparison form of a label or a piece of page text: NFKC (full-width colons and letters fold),
 * typographic apostrophes folded, lower case, whitespace removed, edge colons/asterisks/stops dropped.
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc\u00b4`]/g, "'")
    .toLowerCase()
    .replace(/[\s\u200b\u00a0]+/g, '')
    .replace(/^[:*.!]+|[:*.!]+$/g, '');
}

const normalizedCache = new Map<LabelId, readonly string[]>();

/** Every normalised spelling of a label, across all locales. */
export function labelForms(id: LabelId): readonly string[] {
  let forms = normalizedCache.get(id);
  if (!forms) {
    const all = new Set<string>();
    for (const locale of LABEL_LOCALES) for (const text of LABELS[locale][id] ?? []) all.add(normalizeLabel(text));
    all.delete('');
    forms = [...all];
    normalizedCache.set(id, forms);
  }
  return forms;
}

/** Whether `text` is the label `id` (the whole text, or containing it for sentence fragments). */
export function matchesLabel(text: string, id: LabelId): boolean {
  const normalized = normalizeLabel(text);
  if (!normalized) return false;
  const forms = labelForms(id);
  return LABEL_MATCH[id] === 'contains' ? forms.some((form) => normalized.includes(form)) : forms.includes(normalized);
}

/** If `text` starts with the label `id` followed by a colon, what follows it ("Client ID: 1234…" → "1234…"). */
export function textAfterLabel(text: string, id: LabelId): string | null {
  const folded = text.normalize('NFKC');
  const colon = folded.indexOf(':');
  if (colon <= 0) return null;
  return matchesLabel(folded.slice(0, colon), id) ? folded.slice(colon + 1).trim() : null;
}
