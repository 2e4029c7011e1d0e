// Writes schema/schema.graphql from the code (npm run schema:print); `--stdout` prints it instead. A test fails when
// the committed file is stale.
import "../metadata.js"; // first: see src/metadata.ts
import fs from "node:fs";
import path from "node:path";
import { schemaSdl } from "../schema.js";
import { fromRoot } from "../shared/project-root.js";

const sdl = await schemaSdl();
if (process.argv.includes("--stdout")) {
  process.stdout.write(sdl);
} else {
  const target = fromRoot("schema", "schema.graphql");
  fs.writeFileSync(target, sdl);
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}
