/** Partner Center refused the page: the role (Manager) and the kind of account (work, not personal; issue 5498). */

import { defineGuide } from '@/utils/guidance/define';
import { strings } from '@/utils/strings';

const t = strings.guide.steps.unauthorized;

export const unauthorizedGuide = defineGuide('connect', 'unauthorized', [
  { id: 'role', text: t.role },
  { id: 'account', text: t.account },
]);
