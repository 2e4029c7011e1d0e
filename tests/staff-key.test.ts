// The first staff key: created exactly once when none is active (also when several hub processes start together),
// or taken from HUB_BOOTSTRAP_STAFF_KEY.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { generateApiKey } from "../src/auth/api-key.js";
import { ensureStaffKey, writeStaffKeyFile } from "../src/auth/api-key.service.js";
import { viewerFromAuthorization } from "../src/auth/viewer.js";
import type { Database } from "../src/db/client.js";
import { apiKeys } from "../src/db/schema.js";
import { openTestDatabase } from "./support/db.js";
import { onPostgres } from "./support/env.js";

// One database for the file (opening one costs a PGlite boot); every test starts without any API key.
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
beforeEach(async () => {
  await database.db.delete(apiKeys);
});
afterAll(() => database.close());

const staffKeys = () => database.db.select().from(apiKeys).where(eq(apiKeys.role, "STAFF"));

describe("the first staff key", () => {
  it("is created once when no staff key is active, and works", async () => {
    const first = await ensureStaffKey(database, undefined);
    expect(first.created).toMatch(/^idor_/);
    const second = await ensureStaffKey(database, undefined);
    expect(second.created).toBeNull();
    expect(await staffKeys()).toHaveLength(1);
    expect(await viewerFromAuthorization(database.db, `Bearer ${first.created}`)).toMatchObject({ role: "STAFF" });
  });

  it("is made again when every staff key was revoked", async () => {
    const first = await ensureStaffKey(database, undefined);
    await database.db.update(apiKeys).set({ revokedAt: new Date() });
    const again = await ensureStaffKey(database, undefined);
    expect(again.created).not.toBeNull();
    expect(again.created).not.toBe(first.created);
  });

  it("comes from HUB_BOOTSTRAP_STAFF_KEY when it is set, without creating another", async () => {
    const secret = generateApiKey().secret;
    expect(await ensureStaffKey(database, secret)).toEqual({ created: null, revokedBootstrap: false });
    expect(await ensureStaffKey(database, secret)).toEqual({ created: null, revokedBootstrap: false });
    expect(await staffKeys()).toHaveLength(1);
    expect(await viewerFromAuthorization(database.db, `Bearer ${secret}`)).toMatchObject({ role: "STAFF" });
    // A revoked bootstrap key stays revoked: restarting with it set must not bring it back.
    await database.db.update(apiKeys).set({ revokedAt: new Date() });
    expect(await ensureStaffKey(database, secret)).toEqual({ created: null, revokedBootstrap: true });
    await expect(viewerFromAuthorization(database.db, `Bearer ${secret}`)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
  });

  it.skipIf(!onPostgres)("is created exactly once when several hub processes start at the same moment", async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => ensureStaffKey(database, undefined)));
    expect(results.filter((r) => r.created !== null)).toHaveLength(1);
    expect(await staffKeys()).toHaveLength(1);
  });

  it("is written beside the embedded database readable by its owner only", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "idor-staff-key-"));
    try {
      const file = writeStaffKeyFile(dir, "idor_secret");
      expect(fs.readFileSync(file, "utf8")).toBe("idor_secret\n");
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
