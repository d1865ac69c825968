// Test-only: a content script of another extension on Partner Center, forging the companion's messages.
window.addEventListener('message', (event) => {
  if (event.data?.hostileTarget) {
    try {
      chrome.runtime.sendMessage(event.data.hostileTarget, event.data.message, () => {
        document.documentElement.dataset.hostileResult = chrome.runtime.lastError?.message ?? 'answered';
      });
    } catch (error) {
      document.documentElement.dataset.hostileResult = String(error);
    }
  }
});
