// Shared frame of the CLI commands: configuration errors and a held data directory end the process with a clear
// message and a non-zero exit code, never a stack trace.
import { ConfigError } from "../config.js";
import { DataDirLockedError } from "../db/data-dir-lock.js";

export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(3); // as npm start: "the data directory is held"
    }
    if (err instanceof ConfigError || (err instanceof Error && err.name === "UsageError")) {
      console.error(err.message);
      process.exit(2);
    }
    console.error(err instanceof Error ? `Error: ${err.message}` : err);
    process.exit(1);
  }
}
