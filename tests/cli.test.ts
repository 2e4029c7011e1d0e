// `npm run hub -- keys …` and `… report …` as staff use them on the server, run in-process through the CLI's `main`
// (tests/entry-points.test.ts starts the real processes, one per exit code).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireDataDirLock } from "../src/db/data-dir-lock.js";
import { runHubCli } from "./support/cli.js";
import { fillWithMigratedDatabase } from "./support/db.js";

let dir: string;
let env: NodeJS.ProcessEnv;
const hub = (...argv: string[]) => runHubCli(argv, env);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "idor-cli-"));
  env = { ...process.env, HUB_DATA_DIR: dir, DATABASE_URL: "", HUB_API_KEY: "" };
  // The migrated database copied in (a first start on a free directory is tests/server.test.ts's): seed only.
  await fillWithMigratedDatabase(dir);
  const seeded = await hub("seed");
  expect(seeded.status, seeded.stderr).toBe(0);
}, 120_000); // seconds on a quiet machine
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("npm run hub -- keys", { timeout: 180_000 }, () => {
  it("issues a partner key shown once, lists it in a table, and revokes it by prefix", async () => {
    const issued = await hub("keys", "issue", "--role", "partner", "--society", "dvta", "--label", "DVTA web team");
    expect(issued.status, issued.stderr).toBe(0);
    const secret = /^(idor_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43})$/m.exec(issued.stdout)?.[1];
    expect(secret).toBeDefined();
    const prefix = secret!.slice(0, 13);
    expect(issued.stdout).toContain(`Issued partner key ${prefix} (DVTA web team)`);

    const listed = await hub("keys", "list");
    expect(listed.status).toBe(0);
    const [header, rule, ...rows] = listed.stdout.trimEnd().split("\n");
    expect(header).toMatch(/^prefix\s+role\s+society\s+label\s+created$/);
    expect(rule).toMatch(/^-+( +-+){4}$/);
    expect(rows.find((r) => r.startsWith(prefix))).toMatch(new RegExp(`^${prefix}\\s+partner\\s+dvta\\s+DVTA web team\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d$`));
    expect(listed.stdout).not.toMatch(/\(index\)|'/);
    expect(listed.stdout).not.toContain(secret!.slice(14)); // the secret is never listed

    const revoked = await hub("keys", "revoke", prefix);
    expect(revoked.status, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain(`Revoked ${prefix}`);
    expect((await hub("keys", "list")).stdout).not.toContain(prefix);
    expect((await hub("keys", "list", "--all")).stdout).toContain(prefix);
    const again = await hub("keys", "revoke", prefix);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("was revoked already");
  });

  it("prints JSON with --json", async () => {
    const issued = await hub("keys", "issue", "--role", "staff", "--label", "ESR office", "--json");
    expect(issued.status, issued.stderr).toBe(0);
    const key = JSON.parse(issued.stdout);
    expect(key).toMatchObject({ role: "STAFF", society: null, label: "ESR office", secret: expect.stringMatching(/^idor_/) });
    const listed = JSON.parse((await hub("keys", "list", "--json")).stdout);
    expect(listed).toContainEqual(expect.objectContaining({ prefix: key.prefix, role: "staff", society: null, revoked: null }));
  });

  it("answers --help with its usage and exit 0, and wrong usage with exit 2", async () => {
    const help = await hub("keys", "--help");
    expect(help).toMatchObject({ status: 0, stderr: "" });
    expect(help.stdout).toContain("Usage: npm run hub -- keys <command>");
    expect((await hub("--help")).stdout).toContain("Exit codes: 0 done; 1 the command failed; 2 bad arguments");
    const usage = await hub("keys", "issue", "--role", "king", "--label", "x");
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("--role must be partner or staff.");
    expect(usage.stderr).toContain("Usage:");
    expect((await hub("keys", "list", "--colour")).status).toBe(2);
  });

  it("refuses an unknown society with exit 1", async () => {
    const unknown = await hub("keys", "issue", "--role", "partner", "--society", "nobody", "--label", "x");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('There is no society with slug "nobody"');
  });

  it("generates a fresh key for HUB_BOOTSTRAP_STAFF_KEY without touching the database", async () => {
    const generated = await runHubCli(["keys", "generate"], { HUB_DATA_DIR: "/nonexistent/never-made" });
    expect(generated.stdout.trim()).toMatch(/^idor_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
  });

  it("refuses the data directory while a hub holds it, naming the holder and what works instead", async () => {
    const lock = acquireDataDirLock(dir, { command: "npm start" });
    try {
      const held = await hub("keys", "list");
      expect(held.status).toBe(3);
      expect(held.stderr).toContain(`Data directory ${dir} is in use`);
      expect(held.stderr).toContain(`pid ${process.pid}`);
      expect(held.stderr).toContain("issueApiKey and revokeApiKey mutations");
      expect(held.stderr).not.toContain("HUB_DATA_DIR to another directory");
      expect(held.stderr).not.toMatch(/\n\s+at /);
      const report = await hub("report", "--year", "2020");
      expect(report.status).toBe(3);
      expect(report.stderr).toContain("add --url http://localhost:4000 (its address) with a staff key in HUB_API_KEY or --key-file");
    } finally {
      lock.release();
    }
  });
});

describe("npm run hub -- report: the staff key never on the command line", () => {
  it("refuses --key, pointing to HUB_API_KEY and --key-file", async () => {
    const refused = await hub("report", "--year", "2020", "--url", "http://127.0.0.1:9", "--key", "idor_secret");
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("--key is refused");
    expect(refused.stderr).toContain("HUB_API_KEY");
    expect(refused.stderr).not.toContain("idor_secret");
  });

  it("refuses a key file that cannot be read, and a key file without --url", async () => {
    const missing = await hub("report", "--year", "2020", "--url", "http://127.0.0.1:9", "--key-file", path.join(dir, "nope"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("cannot be read: ENOENT");
    const file = path.join(dir, "key");
    fs.writeFileSync(file, "idor_x\n", { mode: 0o600 });
    expect((await hub("report", "--year", "2020", "--key-file", file)).stderr).toContain("--key-file goes with --url");
  });
});
