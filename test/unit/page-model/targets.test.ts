// @vitest-environment happy-dom
/** Finding a guide's target by meaning: role + label in any locale, through open shadow roots. */
import { beforeEach, describe, expect, it } from 'vitest';
import { OWN_UI_TAG } from '@/utils/page-model/dom';
import { findTarget } from '@/utils/page-model/targets';
import { mountDeep, shadowHost } from './helpers';

describe('findTarget', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('finds a button three shadow roots deep and returns the control inside a component host', () => {
    const root = mountDeep('<p>Add new key</p>');
    const button = shadowHost('he-button', '<button part="control"><slot></slot></button>', 'Add new key');
    root.append(button);
    const found = findTarget('addNewKey');
    expect(found?.tagName).toBe('BUTTON');
    expect(found?.getRootNode()).toBe(button.shadowRoot);
  });

  it('does not take text that merely mentions the label (a heading or a paragraph)', () => {
    mountDeep('<h1>Add new key</h1><p>Press Add new key below.</p>');
    expect(findTarget('addNewKey')).toBeNull();
  });

  it('finds the gear icon by its aria-label, in German too', () => {
    mountDeep('<header><button aria-label="Kontoeinstellungen">⚙</button></header>');
    expect(findTarget('accountSettings')?.getAttribute('aria-label')).toBe('Kontoeinstellungen');
  });

  it('finds tabs, localized buttons and older names', () => {
    mountDeep(
      '<div role="tablist"><a role="tab" href="#users">Users</a><a role="tab" href="#apps">Azure AD applications</a></div><button>Confirmer</button><button>テナント管理に戻る</button>',
    );
    expect(findTarget('entraApplicationsTab')?.getAttribute('href')).toBe('#apps');
    expect(findTarget('confirm')?.textContent).toBe('Confirmer');
    expect(findTarget('returnToTenantManagement')).not.toBeNull();
  });

  it('finds a form field through its label, and the keys grid through its Expires column', () => {
    const root = mountDeep(
      '<label for="d">Domain name</label><input id="d"><table role="grid"><tr><th>Created</th><th>Expires</th></tr><tr><td>1/1/2025</td><td>1/1/2027</td></tr></table>',
    );
    expect(findTarget('domainNameField')).toBe(root.getElementById('d'));
    expect(findTarget('keysList')?.tagName).toBe('TABLE');
  });

  it('returns null when the target is missing or renamed, and ignores hidden elements and our own UI', () => {
    mountDeep('<button>Register an app</button><button hidden>Add Microsoft Entra application</button>');
    expect(findTarget('addApplication')).toBeNull();
    const own = document.createElement(OWN_UI_TAG);
    own.innerHTML = '<button>Add new key</button>';
    document.body.append(own);
    expect(findTarget('addNewKey')).toBeNull();
  });
});
