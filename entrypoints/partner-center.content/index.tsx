import { createRoot } from 'react-dom/client';
import { Overlay } from '@/components/overlay/Overlay';
import overlayCss from './style.css?inline';

export default defineContentScript({
  matches: ['https://partner.microsoft.com/*'],
  // CSS goes into the shadow root as text: no web_accessible_resources needed.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const ui = await createShadowRootUi(ctx, {
      name: 'stactize-companion',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      mode: 'open',
      css: overlayCss,
      onMount(container) {
        const root = createRoot(container);
        root.render(<Overlay />);
        return root;
      },
      onRemove(root) {
        root?.unmount();
      },
    });
    ui.mount();
  },
});
