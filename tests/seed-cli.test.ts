// `npm run db:seed` (the CLI, run in-process) on a data directory nothing has used: a first creation of the embedded
// database, then a second run that adds nothing. Runs in the PGlite run only (vitest.config.ts).
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runHubCli } from "./support/cli.js";
import { cleanUp, envWith, LOCK_FILE, seeds, tempDir } from "./support/hub-process.js";

afterAll(cleanUp);

describe("`npm run db:seed` on a free data directory", { timeout: 240_000 }, () => {
  it("migrates and seeds it, and a second run adds nothing", async () => {
    const dir = tempDir();

    const firstRun = await runHubCli(["seed"], envWith({ HUB_DATA_DIR: dir }));
    expect(firstRun.status, firstRun.stderr).toBe(0);
    expect(firstRun.stdout).toContain(`Seeding embedded PostgreSQL (PGlite) in ${dir} ...`);
    expect(firstRun.stdout).toContain(`societies: ${seeds.societies} added, 0 already there`);
    expect(firstRun.stdout).toContain("editions: 14 added, 0 already there");
    expect(firstRun.stdout).toMatch(/activities: [1-9]\d* added, 0 already there; metrics: [1-9]\d* added/);
    expect(firstRun.stdout).toContain("Seed data loaded.");
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);

    const secondRun = await runHubCli(["seed"], envWith({ HUB_DATA_DIR: dir }));
    expect(secondRun.status, secondRun.stderr).toBe(0);
    expect(secondRun.stdout).toContain(`societies: 0 added, ${seeds.societies} already there`);
    expect(secondRun.stdout).toContain("editions: 0 added, 14 already there");
    expect(secondRun.stdout).toMatch(/activities: 0 added, [1-9]\d* already there; metrics: 0 added/);
    expect(secondRun.stdout).toContain("Seed data loaded.");
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });
});
