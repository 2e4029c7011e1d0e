// The project's root folder (the one with package.json), found from this file's own place, so that schema/ and seeds/
// are found the same way from the sources (tsx, vitest) and from a compiled build in dist/.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "schema"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No project root (package.json beside schema/) above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
export const fromRoot = (...parts: string[]) => path.join(PROJECT_ROOT, ...parts);
