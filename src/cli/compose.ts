// npm run supergraph:compose [-- --config supergraph.config.json] [--check]
// Composes the subgraphs listed in the config (the hub's schema/subgraph.graphql and the partners') and writes the
// supergraph SDL for the gateway or Apollo Router. Exits 1 with composition's own errors when they do not compose;
// --check composes without writing.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { composeSupergraph, loadSupergraphConfig, SupergraphError } from "../federation/supergraph.js";
import { fromRoot } from "../shared/project-root.js";

const { values } = parseArgs({
  options: { config: { type: "string", default: fromRoot("supergraph.config.json") }, check: { type: "boolean", default: false } },
});

try {
  const config = loadSupergraphConfig(values.config!);
  const supergraph = composeSupergraph(config.subgraphs);
  const names = config.subgraphs.map((s) => s.name).join(", ");
  if (values.check) {
    console.log(`the subgraphs compose: ${names}`);
  } else {
    fs.writeFileSync(config.output, supergraph);
    console.log(`wrote ${path.relative(process.cwd(), config.output)} from ${names}`);
  }
} catch (err) {
  if (!(err instanceof SupergraphError)) throw err;
  console.error(err.message);
  process.exit(1);
}
