// Test-only. The test calls these from the hostile worker with the companion's id.
self.forge = (targetId, message) =>
  new Promise((resolve) => {
    try {
      chrome.runtime.sendMessage(targetId, message, (response) => {
        resolve({ response: response ?? null, error: chrome.runtime.lastError?.message ?? null });
      });
    } catch (error) {
      resolve({ response: null, error: String(error) });
    }
  });
