// Structured JSON logs through pino: one line per request, plus start-up and shutdown events.
import { pino, type Logger } from "pino";

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "idor-hub" }, timestamp: pino.stdTimeFunctions.isoTime });
}
