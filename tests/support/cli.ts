// The hub's command line run in-process, as `npm run hub -- <argv>` would with `env`: the exit code and the output.
import { main } from "../../src/cli/hub.js";

export async function runHubCli(argv: string[], env: NodeJS.ProcessEnv) {
  let stdout = "";
  let stderr = "";
  const status = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env });
  return { status, stdout, stderr };
}
