/** The Partner Center page model: the only code that reads Partner Center's DOM. Consumers use these exports. */

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
export { findTarget, type TargetId } from './targets';
export { type PartnerCenterWatch, type WatchPartnerCenterOptions, watchPartnerCenter } from './watcher';
