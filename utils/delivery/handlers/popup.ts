/** The popup's state, refreshed from Stactize first when the popup asks. */
import { loadPopupState } from '@/utils/protocol';
import type { HandlerGroup, ServiceParts } from './context';

export function popupHandlers(
  parts: Pick<ServiceParts, 'refreshConnection'>,
  deps: { kid: string; hasPartnerCenterAccess(): Promise<boolean> },
): HandlerGroup<'popupState'> {
  return {
    async popupState({ refresh }) {
      if (refresh) await parts.refreshConnection();
      return loadPopupState(deps.kid, deps.hasPartnerCenterAccess);
    },
  };
}
