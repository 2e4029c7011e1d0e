export function Partner() {
  return <h1>Partner portal</h1>;
}
