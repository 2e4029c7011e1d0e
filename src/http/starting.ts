// What the entry point needs before the app exists: an answer for requests that arrive while the hub starts, and a
// plain sentence for a database that cannot be opened.
import type http from "node:http";

/** Answers while the database opens and migrates: /healthz says "starting", everything else 503 with Retry-After. */
export function startingHandler(req: http.IncomingMessage, res: http.ServerResponse): void {
  const healthz = req.url === "/healthz" || req.url?.startsWith("/healthz?");
  const body = healthz
    ? { status: "starting" }
    : { errors: [{ message: "The hub is starting; try again in a moment.", extensions: { code: "SERVICE_UNAVAILABLE" } }] };
  res.writeHead(healthz ? 200 : 503, { "content-type": "application/json; charset=utf-8", ...(healthz ? {} : { "retry-after": "2" }) });
  res.end(JSON.stringify(body));
}

/** Why a database could not be opened, in words a user can act on (never the URL, which may hold a password). */
export function explainOpenError(err: unknown): string {
  const e = err as { code?: string; message?: string; errors?: Array<{ code?: string }> };
  const code = e.code ?? e.errors?.[0]?.code;
  switch (code) {
    case "ECONNREFUSED":
      return "the connection was refused; is the server running, and are the host and port in DATABASE_URL right?";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "the host in DATABASE_URL was not found.";
    case "ETIMEDOUT":
    case "CONNECT_TIMEOUT":
      return "the server did not answer in time; check the host and port in DATABASE_URL and the network.";
    case "28P01":
    case "28000":
      return "the server refused the user name or password in DATABASE_URL.";
    case "3D000":
      return "the database named in DATABASE_URL does not exist; create it (createdb) or name another one.";
    case "42501":
      return "the user in DATABASE_URL may not create the hub's tables; grant it the rights or use another user.";
    default:
      return `${e.message ?? String(err)}. Check DATABASE_URL (or HUB_DATA_DIR for the embedded database).`;
  }
}
