/** Messages that start a guide: the popup opens Partner Center, the first flow page there takes the request. */
import { guideProgressItem, guideRequestItem } from '@/utils/storage';
import type { HandlerGroup, ServiceParts } from './context';

/** Where rotating or connecting starts: the Microsoft Entra applications tab. */
export const PARTNER_CENTER_APPS_URL = 'https://partner.microsoft.com/dashboard/account/v3/usermanagement#apps';

/** A request older than this was not for the page opening now. */
const GUIDE_REQUEST_TTL_MS = 10 * 60_000;

export function guideHandlers(
  parts: Pick<ServiceParts, 'now'>,
  openTab: (url: string) => void,
): HandlerGroup<'openPartnerCenter' | 'takeGuideRequest' | 'loadGuideProgress' | 'saveGuideProgress'> {
  return {
    async openPartnerCenter({ guide }) {
      await guideRequestItem.setValue({ guide, requestedAt: parts.now() });
      openTab(PARTNER_CENTER_APPS_URL);
    },
    loadGuideProgress: () => guideProgressItem.getValue(),
    async saveGuideProgress(progress) {
      await guideProgressItem.setValue(progress);
    },
    async takeGuideRequest() {
      const request = await guideRequestItem.getValue();
      if (!request) return null;
      await guideRequestItem.setValue(null);
      return parts.now() - request.requestedAt < GUIDE_REQUEST_TTL_MS ? { guide: request.guide } : null;
    },
  };
}
