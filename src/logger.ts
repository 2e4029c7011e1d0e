// Structured JSON logs through pino: one line per request, plus start-up and shutdown events.
//
// Logging never decides whether the hub lives:
// - Lines go to stdout through Node's own stream, which on a pipe never blocks the event loop (libuv queues what the
//   reader has not taken yet). A reader that stops reading makes that queue grow: past a bound, lines are dropped
//   (and counted) instead of holding memory or requests. pino's default destination writes synchronously and, on a
//   broken pipe during a flush, retries forever: that kept hubs alive after SIGTERM.
// - A closed stdout (EPIPE) turns logging off; nothing retries, nothing throws, shutdown goes on.
// - Every line written while a request is served carries its request id (AsyncLocalStorage), error lines included.
// - Errors are serialised without SQL parameters, database "detail" (which quotes row values) or submitted text.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Writable } from "node:stream";
import { pino, type Logger } from "pino";

export type { Logger };

const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `fn` (and everything it starts) as part of the request `requestId`: its log lines carry that id. */
export function inRequestScope<T>(requestId: string, fn: () => T): T {
  return requestScope.run({ requestId }, fn);
}

/** How much unread output may wait for a slow stdout reader before lines are dropped. */
const MAX_PENDING_BYTES = 4 * 1024 * 1024;

/** A pino destination on a Node stream that never blocks and never throws: a full pipe drops, a closed one mutes. */
export function nonBlockingDestination(stream: Writable = process.stdout, maxPendingBytes = MAX_PENDING_BYTES) {
  let closed = false;
  let dropped = 0;
  stream.on("error", () => {
    closed = true; // EPIPE, EBADF...: nobody reads any more.
  });
  return {
    write(line: string): void {
      if (closed || stream.destroyed || !stream.writable) return;
      if (stream.writableLength > maxPendingBytes) {
        dropped += 1;
        return;
      }
      try {
        if (dropped > 0) {
          stream.write(`${JSON.stringify({ level: 40, time: new Date().toISOString(), msg: "log lines dropped: stdout was not read", dropped })}\n`);
          dropped = 0;
        }
        stream.write(line);
      } catch {
        closed = true;
      }
    },
  };
}

const SQL_STATE = /^[0-9A-Z]{5}$/;

/**
 * Errors in logs: type, code, a message without parameters or quoted values, and the stack frames. Drizzle's query
 * errors put the SQL parameters (submitted text, key hashes) into their message; PostgreSQL's "detail" quotes row
 * values; data errors (class 22/23) quote the offending input. None of that is written.
 */
export function serializeError(err: unknown, depth = 0): unknown {
  if (!(err instanceof Error)) return typeof err === "string" ? { message: redactQuoted(err) } : err;
  const e = err as Error & { code?: unknown; params?: unknown; query?: unknown; constraint_name?: unknown; table_name?: unknown; column_name?: unknown; cause?: unknown };
  const code = typeof e.code === "string" ? e.code : undefined;
  let message = e.message;
  if (typeof e.query === "string" && Array.isArray(e.params)) message = `Failed query: ${e.query}`; // drop "params: ..."
  else if (/\nparams: /.test(message)) message = message.slice(0, message.indexOf("\nparams: "));
  if (code && SQL_STATE.test(code) && /^2[23]/.test(code)) message = redactQuoted(message);
  const out: Record<string, unknown> = {
    type: e.name,
    message: message.length > 500 ? `${message.slice(0, 500)}…` : message,
  };
  if (code) out.code = code;
  for (const [from, to] of [["constraint_name", "constraint"], ["table_name", "table"], ["column_name", "column"]] as const) {
    if (typeof e[from] === "string") out[to] = e[from];
  }
  out.stack = (e.stack ?? "").split("\n").filter((l) => l.startsWith("    at ")).join("\n");
  if (e.cause !== undefined && depth < 3) out.cause = serializeError(e.cause, depth + 1);
  return out;
}

function redactQuoted(text: string): string {
  return text.replace(/"[^"]*"/g, '"[redacted]"').replace(/\(([^()]*)\)=\(([^()]*)\)/g, "($1)=([redacted])");
}

export function createLogger(level: string, destination: { write(line: string): void } = nonBlockingDestination()): Logger {
  return pino(
    {
      level,
      base: { service: "idor-hub" },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: serializeError },
      // Belt and braces for anything logged by field name rather than as an error.
      redact: {
        paths: ["params", "*.params", "parameters", "*.parameters", "variables", "*.variables", "authorization", "*.authorization", "*.headers.authorization", "secret", "*.secret", "secretHash", "*.secretHash"],
        censor: "[redacted]",
      },
      mixin: () => {
        const scope = requestScope.getStore();
        return scope ? { requestId: scope.requestId } : {};
      },
    },
    destination,
  );
}
