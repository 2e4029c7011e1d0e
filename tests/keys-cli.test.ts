// `npm run keys` as staff use it on the server: issue, list, revoke — and a clear refusal while a hub holds the
// embedded database.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireDataDirLock } from "../src/db/data-dir-lock.js";

const cwd = path.resolve(import.meta.dirname, "..");
let dir: string;

function run(script: string, args: string[] = []) {
  return new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", script, ...args],
      { cwd, env: { ...process.env, HUB_DATA_DIR: dir, DATABASE_URL: "" }, encoding: "utf8" },
      (err, stdout, stderr) => resolve({ status: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "idor-keys-"));
  const seeded = await run("src/cli/seed.ts");
  expect(seeded.status, seeded.stderr).toBe(0);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("npm run keys", { timeout: 60_000 }, () => {
  it("issues a partner key shown once, lists it, and revokes it by prefix", async () => {
    const issued = await run("src/cli/keys.ts", ["issue", "--role", "partner", "--society", "dvta", "--label", "DVTA web team"]);
    expect(issued.status, issued.stderr).toBe(0);
    const secret = /^(idor_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43})$/m.exec(issued.stdout)?.[1];
    expect(secret).toBeDefined();
    const prefix = secret!.slice(0, 13);
    expect(issued.stdout).toContain(`Issued partner key ${prefix} (DVTA web team)`);

    const listed = await run("src/cli/keys.ts", ["list"]);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain(prefix);
    expect(listed.stdout).toContain("dvta");
    expect(listed.stdout).not.toContain(secret!.slice(14)); // the secret is never listed

    const revoked = await run("src/cli/keys.ts", ["revoke", prefix]);
    expect(revoked.status, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain(`Revoked ${prefix}`);
    expect((await run("src/cli/keys.ts", ["list"])).stdout).not.toContain(prefix);
    expect((await run("src/cli/keys.ts", ["list", "--all"])).stdout).toContain(prefix);
    const again = await run("src/cli/keys.ts", ["revoke", prefix]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("was revoked already");
  });

  it("explains its usage and refuses an unknown society", async () => {
    const usage = await run("src/cli/keys.ts", ["issue", "--role", "king", "--label", "x"]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("Usage:");
    const unknown = await run("src/cli/keys.ts", ["issue", "--role", "partner", "--society", "nobody", "--label", "x"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('There is no society with slug "nobody"');
  });

  it("generates a fresh key for HUB_BOOTSTRAP_STAFF_KEY without touching the database", async () => {
    const generated = await run("src/cli/keys.ts", ["generate"]);
    expect(generated.stdout.trim()).toMatch(/^idor_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
  });

  it("refuses the data directory while a hub holds it, with a message naming the holder", async () => {
    const lock = acquireDataDirLock(dir, { command: "npm start" });
    try {
      const held = await run("src/cli/keys.ts", ["list"]);
      expect(held.status).toBe(3);
      expect(held.stderr).toContain(`Data directory ${dir} is in use`);
      expect(held.stderr).toContain(`pid ${process.pid}`);
      expect(held.stderr).not.toMatch(/\n\s+at /);
    } finally {
      lock.release();
    }
  });
});
