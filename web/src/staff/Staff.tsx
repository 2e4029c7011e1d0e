export function Staff() {
  return <h1>Staff console</h1>;
}
