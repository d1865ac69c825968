export default defineBackground(() => {
  // Wiring only; filled in by the capture/delivery work.
});
