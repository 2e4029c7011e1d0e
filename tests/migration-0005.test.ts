// Migration 0005 on a database that already holds the old seeds: the figures that said more than their sources are
// corrected in place (kinds, coverage, derived, windows, the invented participants), societies get their sources, and
// 2020 gets its umbrella partners. A figure someone has since changed is left alone. Runs on PGlite (PostgreSQL 18),
// in the PGlite run only (vitest.config.ts); the PostgreSQL suite applies the same migrations to the 15 server.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "../src/db/migrate.js";
import { pgliteOptions } from "../src/db/pglite.js";
import { pgliteTemplate } from "./support/db.js";

let pg: PGlite;
let dir: string;

async function seedOld() {
  await pg.exec(`
    insert into societies (slug, acronym, name, kind, profession) values
      ('esr', 'ESR', 'European Society of Radiology', 'FOUNDING_PARTNER', 'RADIOLOGY'),
      ('efrs', 'EFRS', 'European Federation of Radiographer Societies', 'INTERNATIONAL', 'RADIOGRAPHY'),
      ('isrrt', 'ISRRT', 'International Society of Radiographers and Radiological Technologists', 'INTERNATIONAL', 'RADIOGRAPHY'),
      ('ranzcr', 'RANZCR', 'Royal Australian and New Zealand College of Radiologists', 'NATIONAL', 'RADIOLOGY');
    insert into editions (year, date) values (2014, '2014-11-08'), (2017, '2017-11-08'), (2020, '2020-11-08');
    insert into activities (society_id, edition_id, idempotency_key, kind, title, status)
      select s.id, e.id, k.key, 'CAMPAIGN_REPORT', k.key, 'APPROVED'
      from (values ('seed:2014:participation:esr', 2014), ('seed:2017:results:esr', 2017), ('seed:2017:facebook:esr', 2017),
                   ('seed:2020:report:esr', 2020)) as k(key, year)
      join editions e on e.year = k.year join societies s on s.slug = 'esr';
    insert into metrics (activity_id, kind, channel, value, precision, scope)
      select a.id, m.kind::metric_kind, m.channel::channel, m.value, m.prec::"precision", 'CAMPAIGN'
      from (values ('seed:2014:participation:esr', 'PARTICIPATING_SOCIETIES', null, 87, 'AT_LEAST'),
                   ('seed:2017:results:esr', 'MENTIONS', 'TWITTER', 5200, 'EXACT'),
                   ('seed:2017:results:esr', 'REACH', 'TWITTER', 24300000, 'ESTIMATE'),
                   ('seed:2017:facebook:esr', 'ENGAGEMENTS', 'FACEBOOK', 7800, 'EXACT'),
                   ('seed:2020:report:esr', 'MENTIONS', null, 2000, 'AT_LEAST'),
                   ('seed:2020:report:esr', 'IMPRESSIONS', null, 4400000, 'AT_LEAST'),
                   ('seed:2020:report:esr', 'PARTICIPANTS', null, 10000, 'ESTIMATE')) as m(key, kind, channel, value, prec)
      join activities a on a.idempotency_key = m.key;`);
}

beforeAll(async () => {
  // The migrations up to 0003, as a folder of their own.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "idor-mig-"));
  fs.mkdirSync(path.join(dir, "meta"));
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, "meta/_journal.json"), "utf8"));
  journal.entries = journal.entries.filter((e: { idx: number }) => e.idx <= 3);
  fs.writeFileSync(path.join(dir, "meta/_journal.json"), JSON.stringify(journal));
  for (const e of journal.entries) fs.copyFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  // A cluster as initdb leaves it, made once per run (tests/support/pglite-templates.ts): initdb here cost ~4 s of CPU.
  pg = await PGlite.create(pgliteOptions({ loadDataDir: await fs.openAsBlob(await pgliteTemplate("initdb")) }));
  await migrate(drizzle(pg), { migrationsFolder: dir });
  await seedOld();
  await migrate(drizzle(pg), { migrationsFolder: MIGRATIONS_DIR });
}, 180_000);
afterAll(async () => {
  await pg?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("migration 0005 on landed seed data", () => {
  it("corrects the seeded figures that said more than their sources", async () => {
    const { rows } = await pg.query<{ kind: string; channel: string | null; channels: string | null; value: string; derived: boolean }>(
      `select m.kind::text, m.channel::text, m.channels::text, m.value::text, m.derived from metrics m order by m.kind, m.value`,
    );
    expect(rows).toEqual([
      { kind: "MENTIONS", channel: null, channels: "{FACEBOOK,INSTAGRAM,TWITTER,YOUTUBE}", value: "2000", derived: false },
      { kind: "POSTS", channel: "TWITTER", channels: null, value: "5200", derived: false },
      { kind: "IMPRESSIONS", channel: null, channels: null, value: "4400000", derived: false },
      { kind: "FEED_REACH", channel: "TWITTER", channels: null, value: "24300000", derived: false },
      { kind: "PAGE_LIKES", channel: "FACEBOOK", channels: null, value: "7800", derived: false },
      { kind: "PARTICIPATING_SOCIETIES", channel: null, channels: null, value: "87", derived: true },
    ]);
  });

  it("links 2020's umbrella partners the hub knows", async () => {
    const { rows } = await pg.query<{ slug: string }>(`select s.slug from edition_partners p join societies s on s.id = p.society_id order by 1`);
    expect(rows.map((r) => r.slug)).toEqual(["efrs", "isrrt", "ranzcr"]);
  });
});
