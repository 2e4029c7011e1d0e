// Writes schema/schema.graphql (the API contract) and schema/subgraph.graphql (the same API as an Apollo Federation v2
// subgraph, what composition reads) from the code (npm run schema:print); `--stdout` prints the contract instead.
// Tests fail when either committed file is stale.
import "../metadata.js"; // first: see src/metadata.ts
import fs from "node:fs";
import path from "node:path";
import { schemaSdl } from "../schema.js";
import { subgraphSdl } from "../federation/subgraph.js";
import { fromRoot } from "../shared/project-root.js";

if (process.argv.includes("--stdout")) {
  process.stdout.write(await schemaSdl());
} else {
  for (const [file, sdl] of [
    ["schema.graphql", schemaSdl],
    ["subgraph.graphql", subgraphSdl],
  ] as const) {
    const target = fromRoot("schema", file);
    fs.writeFileSync(target, await sdl());
    console.log(`wrote ${path.relative(process.cwd(), target)}`);
  }
}
