// npm run gateway [-- --config supergraph.config.json]
// Composes the subgraphs of the config (as supergraph:compose does) and serves the supergraph with @apollo/gateway on
// GATEWAY_HOST:GATEWAY_PORT, forwarding the caller's Authorization header to the hub subgraph only.
import { parseArgs } from "node:util";
import { z } from "zod";
import { startGateway } from "../federation/gateway.js";
import { composeSupergraph, loadSupergraphConfig, SupergraphError } from "../federation/supergraph.js";
import { fromRoot } from "../shared/project-root.js";

const settings = z
  .object({
    GATEWAY_PORT: z.coerce.number({ error: "GATEWAY_PORT must be a port number" }).int().min(0).max(65535).default(4100),
    GATEWAY_HOST: z.string().min(1).default("0.0.0.0"),
  })
  .safeParse(process.env);
if (!settings.success) {
  console.error(`Invalid configuration:\n${settings.error.issues.map((i) => `- ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  process.exit(2);
}

const { values } = parseArgs({ options: { config: { type: "string", default: fromRoot("supergraph.config.json") } } });

try {
  const config = loadSupergraphConfig(values.config!);
  const gateway = await startGateway({
    supergraphSdl: composeSupergraph(config.subgraphs),
    subgraphs: config.subgraphs,
    port: settings.data.GATEWAY_PORT,
    host: settings.data.GATEWAY_HOST,
  });
  console.log(`IDoR supergraph gateway ready at ${gateway.url} (subgraphs: ${config.subgraphs.map((s) => `${s.name} ${s.url}`).join(", ")})`);
  const stop = () => void gateway.stop().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} catch (err) {
  const code = (err as { code?: string }).code;
  if (code === "EADDRINUSE" || code === "EACCES") {
    // As npm start says it: one line on stderr, exit 1 (README, "Command line"), no stack trace.
    const { GATEWAY_HOST: host, GATEWAY_PORT: port } = settings.data;
    const why = code === "EADDRINUSE" ? "the port is already in use" : "permission denied";
    console.error(`Cannot listen on ${host}:${port}: ${why}. Set GATEWAY_PORT (and GATEWAY_HOST) to a free address.`);
    process.exit(1);
  }
  if (!(err instanceof SupergraphError)) throw err;
  console.error(err.message);
  process.exit(1);
}
