/** The Partner Center page model: the only code that reads Partner Center's DOM. Consumers use these exports. */

export { isPartnerCenterUrl } from '../shapes/urls';
export type { KeyConfidence, KeyShape } from '../shapes/values';
export { LABELS, type LabelId, matchesLabel, normalizeLabel } from './labels';
export {
  type ApplicationPageState,
  type ClientIdMismatch,
  type KeyScreenState,
  type KeyStatus,
  PAGE_KINDS,
  type PageKind,
  type PageState,
  type PageStateOf,
  type PageStateSummary,
  SecretKey,
  samePageState,
  summarizePageState,
  type Tenant,
  type TenantsState,
  type UserManagementState,
} from './page-state';
export { isFlowUrl, PAGE_DEFINITIONS, pageKindOfUrl, readPage } from './pages';
export { type PartnerCenterWatch, type WatchPartnerCenterOptions, watchPartnerCenter } from './watcher';
