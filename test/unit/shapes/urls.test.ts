/** Every URL predicate against its own example URLs and every other kind's (github-url-detection style). */
import { describe, expect, it } from 'vitest';
import { PAGE_DEFINITIONS, pageKindOfUrl } from '@/utils/page-model/pages';
import { isPartnerCenterUrl, partnerCenterPath, urlLocale } from '@/utils/shapes/urls';

const withPredicate = Object.values(PAGE_DEFINITIONS).filter((def) => def.matchesUrl);

const NOT_PARTNER_CENTER = [
  'https://partner.microsoft.com.example.net/dashboard/account/v3/usermanagement#apps',
  'https://partner.microsoft.com.evil.test/dashboard',
  'https://evil-partner.microsoft.com/dashboard',
  'https://xpartner.microsoft.com/dashboard/account/v3/tenantmanagement',
  'http://partner.microsoft.com/dashboard/account/v3/usermanagement#apps',
  'https://partner.microsoft.com:8443/dashboard/account/v3/usermanagement#apps',
  'https://partnercenter.microsoft.com/dashboard/account/v3/usermanagement#apps',
  'https://partner.microsoft.com@evil.test/dashboard/account/v3/usermanagement#apps',
  'https://evil.test/partner.microsoft.com/dashboard/account/v3/usermanagement#apps',
  'https://evil.test/?next=https://partner.microsoft.com/dashboard',
  'not a url',
];

describe('URL predicates', () => {
  for (const def of withPredicate) {
    it(`${def.kind} matches each of its example URLs`, () => {
      expect(def.exampleUrls.length).toBeGreaterThan(0);
      for (const url of def.exampleUrls) expect(def.matchesUrl?.(new URL(url)), url).toBe(true);
    });
    for (const other of withPredicate.filter((o) => o !== def)) {
      it(`${def.kind} matches none of ${other.kind}'s example URLs`, () => {
        for (const url of other.exampleUrls) expect(def.matchesUrl?.(new URL(url)), url).toBe(false);
      });
    }
    it(`${def.kind} never matches a lookalike host, plain http, another port or another host`, () => {
      for (const url of NOT_PARTNER_CENTER) {
        const parsed = URL.canParse(url) ? new URL(url) : null;
        if (parsed) expect(def.matchesUrl?.(parsed), url).toBe(false);
      }
    });
  }

  it('gives the kind of every example URL, and none off Partner Center', () => {
    for (const def of withPredicate) for (const url of def.exampleUrls) expect(pageKindOfUrl(url), url).toBe(def.kind);
    for (const url of NOT_PARTNER_CENTER) expect(pageKindOfUrl(url), url).toBeNull();
  });

  it('covers every URL variant REFERENCE.md lists', () => {
    const expected: Record<string, string> = {
      'https://partner.microsoft.com/dashboard/account/v3/usermanagement#apps': 'userManagement',
      'https://partner.microsoft.com/dashboard/account/v3/usermanagement#users': 'userManagement',
      'https://partner.microsoft.com/dashboard/account/v3/usermanagement': 'userManagement',
      'https://partner.microsoft.com/dashboard/account/usermanagement': 'userManagement',
      'https://partner.microsoft.com/dashboard/account/usermanagement#azureadapplications': 'userManagement',
      'https://partner.microsoft.com/dashboard/account/v3/tenantmanagement': 'tenants',
      'https://partner.microsoft.com/dashboard/account/v3/tenants/associated': 'tenants',
      'https://partner.microsoft.com/dashboard/account/TenantSetup': 'tenants',
      'https://partner.microsoft.com/dashboard/account/v3/organization/legalinfo#mpn': 'dashboard',
      'https://partner.microsoft.com/dashboard/account/v3/organization/legalinfo#developer': 'dashboard',
      'https://partner.microsoft.com/dashboard': 'dashboard',
      'https://partner.microsoft.com/dashboard/v2/home?route=v2': 'dashboard',
      'https://partner.microsoft.com/en-us/dashboard/account/v3/usermanagement#apps': 'userManagement',
      'https://partner.microsoft.com/de-de/dashboard/account/v3/tenantmanagement': 'tenants',
      'https://partner.microsoft.com/ja-jp/dashboard/account/v3/usermanagement#apps': 'userManagement',
    };
    for (const [url, kind] of Object.entries(expected)) expect(pageKindOfUrl(url), url).toBe(kind);
  });

  it('accepts only the exact host over https', () => {
    expect(isPartnerCenterUrl('https://partner.microsoft.com/dashboard')).toBe(true);
    expect(isPartnerCenterUrl('https://PARTNER.microsoft.com/dashboard')).toBe(true);
    for (const url of NOT_PARTNER_CENTER) expect(isPartnerCenterUrl(url), url).toBe(false);
  });

  it('strips an optional locale prefix and keeps the rest of the path', () => {
    const url = new URL('https://partner.microsoft.com/de-DE/dashboard/account/v3/UserManagement/#apps');
    expect(urlLocale(url)).toBe('de-de');
    expect(partnerCenterPath(url)).toBe('/dashboard/account/v3/usermanagement');
    expect(urlLocale(new URL('https://partner.microsoft.com/dashboard'))).toBeNull();
  });
});
