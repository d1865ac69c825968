export function Overlay() {
  return <div data-testid="stactize-overlay" />;
}
