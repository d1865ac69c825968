// @vitest-environment happy-dom
/**
 * "Quote the page": a step that names a Partner Center button, tab or field says it in the words this page shows
 * (the page model's label match), in any language or a mix, and in English only where the target is missing.
 * The quote is the target's label and nothing else of the page: trimmed, capped, rendered as text.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_GUIDE_PROGRESS, type GuideProgress } from '@/utils/guidance';
import { GUIDES } from '@/utils/guidance/guides';
import { createTour } from '@/utils/guidance/tour';
import type { ApplicationPageState, PageState } from '@/utils/page-model/page-state';
import { findTarget, MAX_QUOTED_LABEL, quotedLabel, targetName, targetText } from '@/utils/page-model/targets';
import { mountDeep, shadowHost } from '../page-model/helpers';

const URL_APP = 'https://partner.microsoft.com/de-de/dashboard/account/v3/usermanagement#apps/x';
const appPage = (canAddKey = true): ApplicationPageState => ({
  kind: 'applicationPage',
  url: URL_APP,
  appName: 'App',
  tenantId: null,
  clientId: null,
  keys: [{ created: '2025-01-15', expires: '2027-01-15', createdText: '15.1.2025', expiresText: '15.1.2027' }],
  canAddKey,
});

/** An application page like Partner Center's: a keys grid with Remove buttons, and "Add new key" in a he-button. */
function applicationPage(words: { created: string; expires: string; remove: string; addNewKey: string }) {
  const root = mountDeep(
    `<h1>App</h1><table role="grid"><tr><th>${words.created}</th><th>${words.expires}</th><th></th></tr>
     <tr><td>1/15/2025</td><td>1/15/2027</td><td><button>${words.remove}</button></td></tr></table>`,
  );
  root.append(shadowHost('he-button', '<button part="control"><slot></slot></button>', words.addNewKey));
  return root;
}

async function tourOn(state: PageState, progress: GuideProgress = EMPTY_GUIDE_PROGRESS) {
  const tour = createTour({
    guides: GUIDES,
    findTarget: (id) => findTarget(id),
    load: async () => progress,
    save: () => undefined,
    anchor: () => () => undefined,
    isShown: (el) => el.isConnected,
  });
  await tour.ready;
  tour.setPage(state);
  const view = tour.getView();
  tour.destroy();
  return view;
}

describe('targetText: the label a target shows on this page', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  const pages: Array<[string, { created: string; expires: string; remove: string; addNewKey: string }]> = [
    ['de', { created: 'Erstellt', expires: 'Läuft ab', remove: 'Entfernen', addNewKey: 'Neuen Schlüssel hinzufügen' }],
    ['es', { created: 'Creado', expires: 'Expira', remove: 'Quitar', addNewKey: 'Agregar nueva clave' }],
    ['fr', { created: 'Créé le', expires: 'Expire le', remove: 'Supprimer', addNewKey: 'Ajouter une nouvelle clé' }],
    ['ja', { created: '作成日', expires: '有効期限', remove: '削除', addNewKey: '新しいキーの追加' }],
    // Partially translated, as Partner Center leaves some pages: the button stays English.
    ['ja, mixed', { created: '作成日', expires: '有効期限', remove: 'Remove', addNewKey: 'Add new key' }],
  ];
  for (const [locale, words] of pages) {
    it(`${locale}: "Add new key" and "Remove" as the page writes them, in the guide's step`, async () => {
      applicationPage(words);
      expect(targetText('addNewKey')).toBe(words.addNewKey);
      expect(targetText('removeKey')).toBe(words.remove);
      const view = await tourOn(appPage());
      expect(view?.body).toBe(
        `Press “${words.addNewKey}”. Partner Center shows the key once; the companion secures it the moment it appears.`,
      );
      const rotate = await tourOn(appPage(), {
        ...EMPTY_GUIDE_PROGRESS,
        guide: 'rotate',
        completed: ['event.keyDelivered', 'event.keyVerified'],
      });
      expect(rotate?.stepRef).toBe('rotate.applicationPage.removeOld');
      expect(rotate?.body).toContain(`with its “${words.remove}” button`);
    });
  }

  it('a target missing from the page is null, and the step names it in English', async () => {
    applicationPage({ created: 'Erstellt', expires: 'Läuft ab', remove: 'Entfernen', addNewKey: '' });
    expect(targetText('addNewKey')).toBeNull();
    expect(targetName('addNewKey')).toBe('Add new key');
    const view = await tourOn(appPage(false));
    expect(view?.title).toBe('“Add new key” is missing');
  });

  it('fields by their label element or a component label, tabs and the gear icon by their names', () => {
    const root = mountDeep(
      `<label for="d">Domänenname *</label><input id="d"><label for="e">  Kontakt-E-Mail\n : </label><input id="e">
       <div role="tablist"><a role="tab" href="#apps">Microsoft Entra-Anwendungen</a></div>
       <button aria-label="Kontoeinstellungen">⚙</button>`,
    );
    const field = document.createElement('he-text-field');
    field.setAttribute('label', 'Antwort-URL');
    field.attachShadow({ mode: 'open' }).innerHTML = '<input>';
    root.append(field);
    expect(targetText('domainNameField')).toBe('Domänenname');
    expect(targetText('contactEmailField')).toBe('Kontakt-E-Mail');
    expect(targetText('entraApplicationsTab')).toBe('Microsoft Entra-Anwendungen');
    expect(targetText('accountSettings')).toBe('Kontoeinstellungen');
    expect(targetText('replyUrlField')).toBe('Antwort-URL');
  });
});

describe('the quote is the label and nothing else of the page', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('folds whitespace, drops invisible and bidi characters and the colons or asterisks a form adds', () => {
    expect(quotedLabel('  Add \n\t new   key  ', 'addNewKey')).toBe('Add new key');
    expect(quotedLabel('Add\u200b new\u202e key\u2066', 'addNewKey')).toBe('Add new key');
    expect(quotedLabel('Domain name: *', 'domainName')).toBe('Domain name');
    expect(quotedLabel(`Add new key${':'.repeat(500)}`, 'addNewKey')).toBe('Add new key');
  });

  it('is empty for text that is not the label, or longer than any label could be', () => {
    expect(quotedLabel('Add new key <img src=x onerror=alert(1)>', 'addNewKey')).toBe('');
    expect(quotedLabel('Add new key and send it to evil.example', 'addNewKey')).toBe('');
    expect(quotedLabel('Confirm', 'addNewKey')).toBe('');
    const long = `Add new key${' '.repeat(10)}`.padEnd(MAX_QUOTED_LABEL + 20, '\u200b');
    expect(quotedLabel(long, 'addNewKey')).toBe('Add new key');
    expect(quotedLabel('a'.repeat(MAX_QUOTED_LABEL + 1), 'addNewKey')).toBe('');
  });

  it('a button whose name is the label but whose text says more is quoted by its name only', async () => {
    const root = mountDeep('');
    const button = document.createElement('button');
    button.setAttribute('aria-label', 'Neuen Schlüssel hinzufügen');
    button.innerHTML = '<span>Neuen Schlüssel hinzufügen</span><span hidden>and paste it at evil.example</span>';
    root.append(button);
    expect(targetText('addNewKey')).toBe('Neuen Schlüssel hinzufügen');
    const view = await tourOn(appPage());
    expect(view?.body).not.toContain('evil');
  });

  it('markup in a label stays text: the guide gets a string, never HTML', async () => {
    mountDeep('<button>&lt;b&gt;Add new key&lt;/b&gt;</button>');
    // Not the label, so not quoted at all: the step says it in English.
    expect(targetText('addNewKey')).toBeNull();
    const view = await tourOn(appPage());
    expect(view?.body).toMatch(/^Press “Add new key”\./);
  });
});
