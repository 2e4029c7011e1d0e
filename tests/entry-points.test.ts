// Every entry point started as a user starts it (through tsx, which emits no decorator metadata, or from dist/ when
// built), one spawned process per exit code: each loads its modules with the metadata API in place, builds the same
// schema as the tests do, and ends with the documented exit code and a message instead of a stack trace.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquireDataDirLock } from "../src/db/data-dir-lock.js";
import { schemaSdl } from "../src/schema.js";
import { hubCli, killAll, runNode, tsx } from "./support/processes.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "idor-entry-"));
const env = (settings: Record<string, string>) => ({ ...process.env, DATABASE_URL: "", HUB_DATA_DIR: dir, HUB_API_KEY: "", ...settings });
afterAll(async () => {
  await killAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

const noStack = /\n\s+at /;

describe("the entry points", { timeout: 120_000 }, () => {
  it("schema:print builds the committed schema without decorator metadata (exit 0)", async () => {
    const printed = await runNode(tsx("src/cli/print-schema.ts", "--stdout"));
    expect(printed.status, printed.stderr).toBe(0);
    expect(printed.stdout).toBe(await schemaSdl());
  });

  it("npm start refuses a bad setting with exit 2", async () => {
    const started = await runNode(tsx("src/main.ts"), { env: env({ PORT: "eighty" }) });
    expect(started.status).toBe(2);
    expect(started.stderr).toContain("PORT");
    expect(started.stderr).not.toMatch(noStack);
  });

  // A bad setting now stops npm start before the hub's modules load (src/main.ts): a database nobody answers is met
  // after all of them have loaded through tsx, with the metadata API in place, and ends in exit 1 with one line.
  it("npm start loads every module and says plainly that its database cannot be reached, with exit 1", async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const started = await runNode(tsx("src/main.ts"), {
      env: env({ PORT: "0", HOST: "127.0.0.1", DATABASE_URL: `postgres://hub@127.0.0.1:${port}/idor` }),
    });
    expect(started.status, started.stderr).toBe(1);
    expect(started.stderr).toContain(`Cannot open PostgreSQL at 127.0.0.1:${port}/idor: the connection was refused`);
    expect(started.stderr).not.toMatch(noStack);
  });

  it("npm run hub -- report loads the schema and refuses a bad year with exit 2", async () => {
    const refused = await runNode(hubCli("report", "--year", "20x0"), { env: env({}) });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("--year must be a four-digit year");
  });

  it("npm run hub -- report fails with exit 1 when the hub at --url cannot be reached", async () => {
    const failed = await runNode(hubCli("report", "--year", "2020", "--url", "http://127.0.0.1:9"), { env: env({ HUB_API_KEY: "idor_x" }) });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/^Error: /);
    expect(failed.stderr).not.toMatch(noStack);
  });

  it("npm run hub -- keys refuses a data directory held by a hub with exit 3", async () => {
    const lock = acquireDataDirLock(dir, { command: "npm start" });
    try {
      const held = await runNode(hubCli("keys", "list"), { env: env({}) });
      expect(held.status).toBe(3);
      expect(held.stderr).toContain(`Data directory ${dir} is in use`);
    } finally {
      lock.release();
    }
  });

  it("npm run gateway says in one line that its port is taken, with exit 1", async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const refused = await runNode(tsx("src/cli/gateway.ts"), { env: env({ GATEWAY_HOST: "127.0.0.1", GATEWAY_PORT: String(port) }) });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toBe(`Cannot listen on 127.0.0.1:${port}: the port is already in use. Set GATEWAY_PORT (and GATEWAY_HOST) to a free address.\n`);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  // The port is checked before Apollo and the composition load (src/cli/gateway.ts); a missing config file is met
  // after they have loaded through tsx.
  it("npm run gateway loads its modules and names a config file it cannot read, with exit 1", async () => {
    const missing = path.join(dir, "no-such-supergraph.json");
    const refused = await runNode(tsx("src/cli/gateway.ts", "--config", missing), { env: env({ GATEWAY_HOST: "127.0.0.1", GATEWAY_PORT: "0" }) });
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toBe(`cannot read ${missing}: ENOENT: no such file or directory, open '${missing}'\n`);
  });

  it("npm run hub -- --help prints the usage with exit 0", async () => {
    const help = await runNode(hubCli("--help"));
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: npm run hub -- <command>");
  });
});
