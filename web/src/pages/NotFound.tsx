import { Link } from "wouter";

export function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is no page at this address. Start from the <Link href="/">list of editions</Link>.
      </p>
    </>
  );
}
