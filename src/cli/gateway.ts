// npm run gateway [-- --config supergraph.config.json]
// Composes the subgraphs of the config (as supergraph:compose does) and serves the supergraph with @apollo/gateway on
// GATEWAY_HOST:GATEWAY_PORT, forwarding the caller's Authorization header to the hub subgraph only.
import http from "node:http";
import { parseArgs } from "node:util";
import { z } from "zod";
import { listen, listenFailure } from "../shared/listen.js";
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

// The port first, before Apollo and the composition load (seconds): a taken port is one line at once, as npm start
// says it (README, "Command line"), exit 1, no stack trace.
const { GATEWAY_HOST: host, GATEWAY_PORT: port } = settings.data;
const httpServer = http.createServer();
try {
  await listen(httpServer, port, host);
} catch (err) {
  console.error(`Cannot listen on ${host}:${port}: ${listenFailure(err)}. Set GATEWAY_PORT (and GATEWAY_HOST) to a free address.`);
  process.exit(1);
}

const [{ startGateway }, { composeSupergraph, loadSupergraphConfig, SupergraphError }] = await Promise.all([
  import("../federation/gateway.js"),
  import("../federation/supergraph.js"),
]);
try {
  const config = loadSupergraphConfig(values.config!);
  const gateway = await startGateway({ supergraphSdl: composeSupergraph(config.subgraphs), subgraphs: config.subgraphs, port, host, httpServer });
  console.log(`IDoR supergraph gateway ready at ${gateway.url} (subgraphs: ${config.subgraphs.map((s) => `${s.name} ${s.url}`).join(", ")})`);
  const stop = () => void gateway.stop().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} catch (err) {
  if (!(err instanceof SupergraphError)) throw err;
  console.error(err.message);
  process.exit(1);
}
