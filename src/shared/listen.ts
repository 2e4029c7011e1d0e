// Listening as a promise: a taken port (EADDRINUSE) or a forbidden one (EACCES) rejects, instead of becoming the
// server's unhandled 'error' event. The entry points claim their port this way before loading anything heavy.
import type http from "node:http";

export function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/** Why listening failed, in words: "the port is already in use", "permission denied", or the error's message. */
export function listenFailure(err: unknown): string {
  const code = (err as { code?: string }).code;
  return code === "EADDRINUSE" ? "the port is already in use" : code === "EACCES" ? "permission denied" : String((err as Error).message);
}
