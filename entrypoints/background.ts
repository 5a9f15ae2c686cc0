// Background service worker: wiring only (see lib/ for logic).
export default defineBackground(() => {});
