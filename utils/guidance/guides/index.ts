/** Every guide, one file per page kind (plus the rotate variant); the tour engine picks by variant and kind. */
import type { AnyGuide } from '@/utils/guidance/types';
import { applicationPageGuide } from './applicationPage';
import { dashboardGuide } from './dashboard';
import { keyScreenGuide } from './keyScreen';
import { rotateApplicationPageGuide, rotateDashboardGuide, rotateKeyScreenGuide } from './rotate';
import { tenantsGuide } from './tenants';
import { unauthorizedGuide } from './unauthorized';
import { userManagementGuide } from './userManagement';

export const GUIDES: readonly AnyGuide[] = [
  dashboardGuide,
  tenantsGuide,
  userManagementGuide,
  applicationPageGuide,
  keyScreenGuide,
  unauthorizedGuide,
  rotateDashboardGuide,
  rotateApplicationPageGuide,
  rotateKeyScreenGuide,
];
