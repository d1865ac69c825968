export function Popup() {
  return (
    <main>
      <h1>Stactize companion</h1>
    </main>
  );
}
