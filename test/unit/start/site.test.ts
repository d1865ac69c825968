import { describe, expect, it } from 'vitest';
import { usDate } from '../../../sandbox/simulator/pages';
import { createSimulator, KEY_PATH, PATHS, pageFor, SIMULATED } from '../../../sandbox/simulator/site';

const PC = 'https://partner.microsoft.com';

describe('Partner Center simulator routing', () => {
  it.each([
    [`${PC}/`, 'dashboard'],
    [`${PC}/dashboard`, 'dashboard'],
    [`${PC}/dashboard/v2/home?route=v2`, 'dashboard'],
    [`${PC}/en-us/dashboard/v2/home/`, 'dashboard'],
    [`${PC}/dashboard/account/v3/organization/legalinfo#developer`, 'accountSettings'],
    [`${PC}/dashboard/account/v3/tenantmanagement`, 'tenants'],
    [`${PC}/de-de/dashboard/account/v3/TenantManagement`, 'tenants'],
    [`${PC}/dashboard/account/v3/usermanagement#apps`, 'userManagement'],
    [`${PC}/dashboard/account/v3/usermanagement#apps/123/keys/new`, 'userManagement'],
  ])('%s is the %s page', (url, page) => {
    expect(pageFor(url)).toBe(page);
  });

  it.each([
    `${PC}/dashboard/account/v3/usermanagementreport`,
    `${PC}/pcv/dashboard`,
    'https://partner.microsoft.com.example.net/dashboard',
    'http://partner.microsoft.com/dashboard',
  ])('%s is not simulated', (url) => {
    expect(pageFor(url)).toBeNull();
  });

  it('answers pages with HTML built on the fixture runtime, and 404 elsewhere', () => {
    const sim = createSimulator();
    const page = sim.respond('GET', `${PC}${PATHS.userManagement}#apps`);
    expect(page).toMatchObject({ status: 200, contentType: 'text/html; charset=utf-8' });
    expect(page.body).toContain('__PC_FIXTURE__');
    expect(page.body).toContain('he-shell');
    expect(page.body).toContain(SIMULATED.clientId);
    expect(page.body).toContain(KEY_PATH);
    expect(sim.respond('GET', `${PC}/nowhere<script>`).status).toBe(404);
    expect(sim.respond('GET', `${PC}/nowhere<script>`).body).not.toContain('<script>');
    expect(sim.respond('POST', `${PC}${PATHS.dashboard}`).status).toBe(405);
    expect(sim.dashboardUrl).toBe(`${PC}${PATHS.dashboard}`);
  });

  it('hands out a fresh key per request at KEY_PATH, never in a page', () => {
    const keys = ['Aa18Q~first', 'Bb28Q~second'];
    const sim = createSimulator({ newKey: () => keys.shift() ?? 'none' });
    const first = sim.respond('GET', `${PC}${KEY_PATH}`);
    const second = sim.respond('GET', `${PC}${KEY_PATH}?again`);
    expect(first).toMatchObject({ status: 200, body: 'Aa18Q~first', headers: { 'Cache-Control': 'no-store' } });
    expect(second.body).toBe('Bb28Q~second');
    expect(sim.issuedKeys()).toEqual(['Aa18Q~first', 'Bb28Q~second']);
    expect(sim.respond('POST', `${PC}${KEY_PATH}`).status).toBe(405);
    for (const path of Object.values(PATHS)) {
      const body = sim.respond('GET', `${PC}${path}`).body;
      expect(body).not.toContain('Aa18Q~first');
      expect(body).not.toMatch(/8Q~/);
    }
    expect(sim.issuedKeys()).toHaveLength(2);
  });

  it('dates the listed key and the new key from today, in en-us format', () => {
    const now = new Date('2026-03-05T12:00:00Z');
    const sim = createSimulator({ now: () => now });
    const body = sim.respond('GET', `${PC}${PATHS.userManagement}`).body;
    expect(usDate(now)).toBe('3/5/2026');
    expect(body).toContain('"keyExpires":"3/4/2028"');
  });
});
