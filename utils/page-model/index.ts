/** The Partner Center page model: the only code that reads Partner Center's DOM. Consumers use these exports. */

/** The tag of our own overlay's host: the page model never reads inside it. */
export { OWN_UI_TAG } from './dom';
export { LABELS, type LabelId, matchesLabel, normalizeLabel } from './labels';
export { openPageOverlays, type PageOverlay, type PageOverlayWatch, watchPageOverlays } from './overlays';
export { keepAttached } from './own-host';
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
export { describePage, formatReport, type PageReport } from './report';
export { type FoundTarget, findTarget, locateTarget, type TargetId, targetName, targetText } from './targets';
export { type PartnerCenterWatch, type WatchPartnerCenterOptions, watchPartnerCenter } from './watcher';
