import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../src/context.js";
import { factories } from "./support/factories.js";
import { mutation } from "./support/documents.js";
import { startTestHub, type TestHub } from "./support/hub.js";
import { snapshot } from "./support/snapshot.js";

let hub: TestHub;
let make: ReturnType<typeof factories>;
let dvta: Viewer;
let drg: Viewer;
const STAFF: Viewer = { role: "STAFF", keyPrefix: "idor_staff001" };

beforeAll(async () => {
  hub = await startTestHub();
  make = factories(hub.database);
  const d = await make.society({ slug: "dvta", acronym: "DVTA" });
  const g = await make.society({ slug: "drg", acronym: "DRG" });
  await make.society({ slug: "esr", acronym: "ESR", kind: "FOUNDING_PARTNER", countryCode: "AT" });
  await make.edition(2025);
  await make.edition(2026, "Theme unknown");
  dvta = { role: "PARTNER", societyId: d.id, keyPrefix: "idor_dvta0001" };
  drg = { role: "PARTNER", societyId: g.id, keyPrefix: "idor_drg00001" };
});
afterAll(() => hub.close());

const ACTIVITY = `id status version title url startsOn endsOn reviewNote society { slug }
  metrics { id kind channel value precision scope }
  event { startsAt endsAt timeZone city countryCode online }
  pendingChange { title metrics { kind channel value } }`;
const SUBMIT = mutation("submitActivity", `replayed activity { ${ACTIVITY} }`);
const UPDATE = mutation("updateActivity", `activity { ${ACTIVITY} }`);
const REVIEW = mutation("reviewActivity", `activity { ${ACTIVITY} }`);
const RECORD = mutation("recordMetrics", `activity { ${ACTIVITY} }`);
const REMOVE = mutation("removeMetrics", `activity { ${ACTIVITY} }`);
const WITHDRAW = mutation("withdrawActivity", `activity { ${ACTIVITY} }`);
const PUBLIC_VIEW = `query($id: ID!) { node(id: $id) { ... on Activity { title status metrics { kind value } pendingChange { title } } } }`;

let keyCounter = 0;
const input = (overrides: Record<string, unknown> = {}) => ({
  idempotencyKey: `key-${++keyCounter}`,
  year: 2025,
  kind: "WEBINAR",
  title: "Imaging and you",
  metrics: [{ kind: "PARTICIPANTS", value: 120 }],
  ...overrides,
});

async function submit(viewer: Viewer, overrides: Record<string, unknown> = {}) {
  const { data, errors } = await hub.gql(SUBMIT, { input: input(overrides) }, viewer);
  expect(errors).toBeUndefined();
  expect(data.submitActivity.userErrors).toEqual([]);
  return data.submitActivity.activity;
}

async function approve(id: string) {
  const { data } = await hub.gql(REVIEW, { input: { id, decision: "APPROVE" } }, STAFF);
  expect(data.reviewActivity.userErrors).toEqual([]);
  return data.reviewActivity.activity;
}

describe("submitting an activity", () => {
  it("creates a SUBMITTED activity of the partner's own society that the public does not see until staff approve it", async () => {
    const activity = await submit(dvta);
    expect(activity).toMatchObject({ status: "SUBMITTED", version: 1, society: { slug: "dvta" } });
    expect(activity.metrics).toEqual([expect.objectContaining({ kind: "PARTICIPANTS", channel: null, value: 120, precision: "EXACT", scope: "OWN" })]);
    expect((await hub.gql(PUBLIC_VIEW, { id: activity.id })).data.node).toBeNull();
    const approved = await approve(activity.id);
    expect(approved).toMatchObject({ status: "APPROVED", version: 2 });
    expect((await hub.gql(PUBLIC_VIEW, { id: activity.id })).data.node).toMatchObject({ title: "Imaging and you", status: "APPROVED" });
  });

  it("returns the first result and writes nothing when the same key and input are sent again", async () => {
    const body = input({ idempotencyKey: "retry-me" });
    const first = await hub.gql(SUBMIT, { input: body }, dvta);
    const before = await snapshot(hub.database);
    const again = await hub.gql(SUBMIT, { input: body }, dvta);
    expect(again.data.submitActivity).toMatchObject({ replayed: true, userErrors: [], activity: { id: first.data.submitActivity.activity.id } });
    expect(await snapshot(hub.database)).toEqual(before);
  });

  it("treats a retry that lists the same figures in another order as the same input", async () => {
    const metrics = [{ kind: "VIEWS", channel: "YOUTUBE", value: 3 }, { kind: "DOWNLOADS", value: 4 }];
    const first = await hub.gql(SUBMIT, { input: input({ idempotencyKey: "reordered", metrics }) }, dvta);
    const again = await hub.gql(SUBMIT, { input: input({ idempotencyKey: "reordered", metrics: [...metrics].reverse() }) }, dvta);
    expect(again.data.submitActivity).toMatchObject({ replayed: true, userErrors: [], activity: { id: first.data.submitActivity.activity.id } });
  });

  it("refuses the same key with a different input as IDEMPOTENCY_KEY_REUSED and writes nothing", async () => {
    await hub.gql(SUBMIT, { input: input({ idempotencyKey: "used-once" }) }, dvta);
    const before = await snapshot(hub.database);
    const { data } = await hub.gql(SUBMIT, { input: input({ idempotencyKey: "used-once", title: "Something else" }) }, dvta);
    expect(data.submitActivity.activity).toBeNull();
    expect(data.submitActivity.userErrors).toEqual([
      expect.objectContaining({ field: ["input", "idempotencyKey"], code: "IDEMPOTENCY_KEY_REUSED" }),
    ]);
    expect(await snapshot(hub.database)).toEqual(before);
  });

  it("scopes idempotency keys to the society", async () => {
    const a = await submit(dvta, { idempotencyKey: "shared-key" });
    const b = await submit(drg, { idempotencyKey: "shared-key" });
    expect(a.id).not.toBe(b.id);
  });

  it("lets staff submit for any society by slug, and requires the slug", async () => {
    const activity = await submit(STAFF, { societySlug: "esr" });
    expect(activity.society.slug).toBe("esr");
    const { data } = await hub.gql(SUBMIT, { input: input() }, STAFF);
    expect(data.submitActivity.userErrors).toEqual([expect.objectContaining({ field: ["input", "societySlug"], code: "REQUIRED" })]);
    const unknown = await hub.gql(SUBMIT, { input: input({ societySlug: "nobody" }) }, STAFF);
    expect(unknown.data.submitActivity.userErrors).toEqual([expect.objectContaining({ field: ["input", "societySlug"], code: "UNKNOWN_SOCIETY" })]);
  });

  it("stores an event with its local dates", async () => {
    const activity = await submit(dvta, {
      kind: "PUBLIC_LECTURE",
      event: { startsAt: "2025-11-08T23:30:00Z", endsAt: "2025-11-09T01:00:00Z", timeZone: "Asia/Tokyo", city: "Tokyo", countryCode: "jp", online: false },
    });
    expect(JSON.parse(JSON.stringify(activity.event))).toEqual({ startsAt: "2025-11-08T23:30:00.000Z", endsAt: "2025-11-09T01:00:00.000Z", timeZone: "Asia/Tokyo", city: "Tokyo", countryCode: "JP", online: false });
    expect([activity.startsOn, activity.endsOn]).toEqual(["2025-11-09", "2025-11-09"]);
  });
});

describe("refusing bad input", () => {
  const cases: Array<[string, Record<string, unknown>, string[], string]> = [
    ["an empty title", { title: "  " }, ["input", "title"], "REQUIRED"],
    ["a title of 301 characters", { title: "x".repeat(301) }, ["input", "title"], "TOO_LONG"],
    ["an ftp URL", { url: "ftp://example.org/file" }, ["input", "url"], "INVALID_URL"],
    ["a javascript URL", { url: "javascript:alert(1)" }, ["input", "url"], "INVALID_URL"],
    ["a start date outside the edition", { startsOn: "2024-12-31" }, ["input", "startsOn"], "OUTSIDE_EDITION_WINDOW"],
    ["an end before the start", { startsOn: "2025-11-10", endsOn: "2025-11-08" }, ["input", "endsOn"], "END_BEFORE_START"],
    ["a negative metric value", { metrics: [{ kind: "VIEWS", value: -5 }] }, ["input", "metrics", "0", "value"], "OUT_OF_RANGE"],
    ["two figures for one kind and channel", { metrics: [{ kind: "VIEWS", channel: "YOUTUBE", value: 1 }, { kind: "VIEWS", channel: "YOUTUBE", value: 2 }] }, ["input", "metrics", "1", "kind"], "DUPLICATE"],
    ["an unknown edition year", { year: 2099 }, ["input", "year"], "UNKNOWN_EDITION"],
    ["an empty idempotency key", { idempotencyKey: "" }, ["input", "idempotencyKey"], "INVALID_FORMAT"],
    ["an idempotency key of 256 characters", { idempotencyKey: "k".repeat(256) }, ["input", "idempotencyKey"], "INVALID_FORMAT"],
    ["an event ending before it starts", { event: { startsAt: "2025-11-08T18:00:00Z", endsAt: "2025-11-08T17:00:00Z", timeZone: "Europe/Vienna", online: true } }, ["input", "event", "endsAt"], "END_BEFORE_START"],
    ["an unknown time zone", { event: { startsAt: "2025-11-08T18:00:00Z", endsAt: "2025-11-08T19:00:00Z", timeZone: "Mars/Olympus", online: true } }, ["input", "event", "timeZone"], "INVALID_FORMAT"],
    ["an unknown country", { event: { startsAt: "2025-11-08T18:00:00Z", endsAt: "2025-11-08T19:00:00Z", timeZone: "UTC", countryCode: "XX", online: false } }, ["input", "event", "countryCode"], "INVALID_FORMAT"],
    ["an event's start date that disagrees with its time", { startsOn: "2025-11-07", event: { startsAt: "2025-11-08T18:00:00Z", endsAt: "2025-11-08T19:00:00Z", timeZone: "UTC", online: true } }, ["input", "startsOn"], "INVALID_FORMAT"],
    ["more than 200 metrics", { metrics: Array.from({ length: 201 }, (_, i) => ({ kind: "VIEWS", channel: null, value: i })) }, ["input", "metrics"], "TOO_MANY"],
  ];
  it.each(cases)("refuses %s with a userError naming the field, and writes nothing", async (_label, overrides, field, code) => {
    const before = await snapshot(hub.database);
    const { data, errors } = await hub.gql(SUBMIT, { input: input(overrides) }, dvta);
    expect(errors).toBeUndefined();
    expect(data.submitActivity.activity).toBeNull();
    expect(data.submitActivity.userErrors).toContainEqual(expect.objectContaining({ field, code }));
    expect(await snapshot(hub.database)).toEqual(before);
  });

  const coercion: Array<[string, unknown]> = [
    ["a fractional value", 1.5],
    ["a value beyond 2^53-1", 9007199254740992],
    ['the string "NaN"', "NaN"],
    ['the string "Infinity"', "Infinity"],
    ["a numeric string", "12"],
  ];
  it.each(coercion)("refuses %s as a metric value through GraphQL's own coercion, with the path", async (_label, value) => {
    const before = await snapshot(hub.database);
    const { errors } = await hub.gql(SUBMIT, { input: input({ metrics: [{ kind: "VIEWS", value }] }) }, dvta);
    expect(errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(errors![0]!.message).toContain("metrics[0].value");
    expect(await snapshot(hub.database)).toEqual(before);
  });

  it("refuses a whole batch for one bad item and names the item by index", async () => {
    const before = await snapshot(hub.database);
    const items = [input(), input(), input(), input({ metrics: [{ kind: "VIEWS", value: -1 }] }), input({ year: 1999 })];
    const { data } = await hub.gql(
      mutation("submitActivities", `activities { id }`, "userErrors { field code }"),
      { input: { activities: items } },
      dvta,
    );
    expect(data.submitActivities.activities).toBeNull();
    expect(data.submitActivities.userErrors).toEqual([
      { field: ["input", "activities", "3", "metrics", "0", "value"], code: "OUT_OF_RANGE" },
      { field: ["input", "activities", "4", "year"], code: "UNKNOWN_EDITION" },
    ]);
    expect(await snapshot(hub.database)).toEqual(before);
  });

  it("refuses two items of one batch with the same key", async () => {
    const { data } = await hub.gql(
      mutation("submitActivities", `activities { id }`, "userErrors { field code }"),
      { input: { activities: [input({ idempotencyKey: "twice" }), input({ idempotencyKey: "twice" })] } },
      dvta,
    );
    expect(data.submitActivities.userErrors).toEqual([{ field: ["input", "activities", "1", "idempotencyKey"], code: "DUPLICATE" }]);
  });

  it("writes a valid batch in one go, in input order", async () => {
    const items = [input({ title: "First" }), input({ title: "Second" }), input({ title: "Third" })];
    const { data } = await hub.gql(
      mutation("submitActivities", `activities { title status }`, "userErrors { field code }"),
      { input: { activities: items } },
      dvta,
    );
    expect(data.submitActivities).toEqual({ userErrors: [], activities: ["First", "Second", "Third"].map((title) => ({ title, status: "SUBMITTED" })) });
  });
});

describe("correcting, withdrawing and re-submitting", () => {
  it("keeps an approved activity public while a change waits for review, then publishes the change on approval", async () => {
    const created = await submit(dvta, { title: "Radiolgy day", metrics: [{ kind: "VIEWS", channel: "YOUTUBE", value: 10 }] });
    const approved = await approve(created.id);
    const { data } = await hub.gql(UPDATE, { input: { id: created.id, expectedVersion: approved.version, title: "Radiology day" } }, dvta);
    const updated = data.updateActivity.activity;
    expect(updated).toMatchObject({ status: "APPROVED", version: approved.version + 1, title: "Radiolgy day", pendingChange: { title: "Radiology day" } });
    // The public still sees the approved version, and no pending change.
    expect((await hub.gql(PUBLIC_VIEW, { id: created.id })).data.node).toMatchObject({ title: "Radiolgy day", pendingChange: null });
    // Another partner does not see the pending change either.
    expect((await hub.gql(PUBLIC_VIEW, { id: created.id }, drg)).data.node.pendingChange).toBeNull();
    const published = await approve(created.id);
    expect(published).toMatchObject({ status: "APPROVED", title: "Radiology day", pendingChange: null });
    expect((await hub.gql(PUBLIC_VIEW, { id: created.id })).data.node.title).toBe("Radiology day");
  });

  it("discards a rejected change and keeps the approved version", async () => {
    const created = await submit(dvta);
    const approved = await approve(created.id);
    await hub.gql(UPDATE, { input: { id: created.id, expectedVersion: approved.version, title: "Wrong" } }, dvta);
    const { data } = await hub.gql(REVIEW, { input: { id: created.id, decision: "REJECT", note: "Keep the old title" } }, STAFF);
    expect(data.reviewActivity.activity).toMatchObject({ status: "APPROVED", title: "Imaging and you", pendingChange: null, reviewNote: "Keep the old title" });
  });

  it("re-submits a rejected activity when it is updated", async () => {
    const created = await submit(dvta);
    const rejected = (await hub.gql(REVIEW, { input: { id: created.id, decision: "REJECT" } }, STAFF)).data.reviewActivity.activity;
    expect(rejected.status).toBe("REJECTED");
    const { data } = await hub.gql(UPDATE, { input: { id: created.id, expectedVersion: rejected.version, description: "Now with details" } }, dvta);
    expect(data.updateActivity.activity).toMatchObject({ status: "SUBMITTED", version: rejected.version + 1 });
  });

  it("withdraws an approved activity from public view and re-submits it on update", async () => {
    const created = await submit(dvta);
    const approved = await approve(created.id);
    const withdrawn = (await hub.gql(WITHDRAW, { input: { id: created.id } }, dvta)).data.withdrawActivity.activity;
    expect(withdrawn).toMatchObject({ status: "WITHDRAWN", version: approved.version + 1 });
    expect((await hub.gql(PUBLIC_VIEW, { id: created.id })).data.node).toBeNull();
    const again = await hub.gql(WITHDRAW, { input: { id: created.id } }, dvta);
    expect(again.data.withdrawActivity.userErrors).toEqual([expect.objectContaining({ code: "INVALID_STATE" })]);
    const resubmitted = (await hub.gql(UPDATE, { input: { id: created.id, expectedVersion: withdrawn.version, title: "Back" } }, dvta)).data.updateActivity.activity;
    expect(resubmitted).toMatchObject({ status: "SUBMITTED", title: "Back" });
  });

  it("changes nothing and answers STALE_VERSION when expectedVersion is old", async () => {
    const created = await submit(dvta);
    await hub.gql(UPDATE, { input: { id: created.id, expectedVersion: 1, title: "One" } }, dvta);
    const before = await snapshot(hub.database);
    const { data } = await hub.gql(UPDATE, { input: { id: created.id, expectedVersion: 1, title: "Two" } }, dvta);
    expect(data.updateActivity).toEqual({ activity: null, userErrors: [expect.objectContaining({ field: ["input", "expectedVersion"], code: "STALE_VERSION" })] });
    expect(await snapshot(hub.database)).toEqual(before);
  });

  it("refuses an update that would break the rules, writing nothing", async () => {
    const created = await submit(dvta);
    const before = await snapshot(hub.database);
    const { data } = await hub.gql(UPDATE, { input: { id: created.id, expectedVersion: 1, title: null, url: "not a url", endsOn: "2027-01-01" } }, dvta);
    expect(data.updateActivity.userErrors.map((e: any) => [e.field.join("."), e.code])).toEqual([
      ["input.title", "REQUIRED"],
      ["input.url", "INVALID_URL"],
      ["input.endsOn", "OUTSIDE_EDITION_WINDOW"],
    ]);
    expect(await snapshot(hub.database)).toEqual(before);
  });

  it("answers NOT_FOUND for an unknown or malformed id", async () => {
    for (const id of ["nope", Buffer.from("Activity:987654").toString("base64url"), Buffer.from("Society:1").toString("base64url")]) {
      const { data } = await hub.gql(UPDATE, { input: { id, expectedVersion: 1, title: "x" } }, dvta);
      expect(data.updateActivity.userErrors).toEqual([expect.objectContaining({ field: ["input", "id"], code: "NOT_FOUND" })]);
    }
  });
});

describe("recording and removing figures", () => {
  it("adds and replaces figures by kind and channel, keeping the IDs of replaced ones", async () => {
    const created = await submit(dvta, { metrics: [{ kind: "VIEWS", channel: "YOUTUBE", value: 10 }] });
    const originalId = created.metrics[0].id;
    const { data } = await hub.gql(RECORD, {
      input: { activityId: created.id, expectedVersion: 1, metrics: [{ kind: "VIEWS", channel: "YOUTUBE", value: 25, precision: "AT_LEAST" }, { kind: "VIEWS", value: 40 }] },
    }, dvta);
    const metrics = data.recordMetrics.activity.metrics;
    expect(metrics.map((m: any) => [m.channel, m.value, m.precision])).toEqual([[null, 40, "EXACT"], ["YOUTUBE", 25, "AT_LEAST"]]);
    expect(metrics.find((m: any) => m.channel === "YOUTUBE").id).toBe(originalId);
    expect(data.recordMetrics.activity.version).toBe(2);
  });

  it("removes figures, and refuses to remove one that is not there", async () => {
    const created = await submit(dvta, { metrics: [{ kind: "VIEWS", value: 1 }, { kind: "DOWNLOADS", value: 2 }] });
    const missing = await hub.gql(REMOVE, { input: { activityId: created.id, expectedVersion: 1, metrics: [{ kind: "REACH" }] } }, dvta);
    expect(missing.data.removeMetrics.userErrors).toEqual([expect.objectContaining({ field: ["input", "metrics", "0"], code: "NOT_FOUND" })]);
    const { data } = await hub.gql(REMOVE, { input: { activityId: created.id, expectedVersion: 1, metrics: [{ kind: "VIEWS", channel: null }] } }, dvta);
    expect(data.removeMetrics.activity.metrics.map((m: any) => m.kind)).toEqual(["DOWNLOADS"]);
  });

  it("keeps an approved activity's figures public until the change is approved", async () => {
    const created = await submit(dvta, { metrics: [{ kind: "VIEWS", value: 100 }] });
    const approved = await approve(created.id);
    await hub.gql(RECORD, { input: { activityId: created.id, expectedVersion: approved.version, metrics: [{ kind: "VIEWS", value: 150 }] } }, dvta);
    expect((await hub.gql(PUBLIC_VIEW, { id: created.id })).data.node.metrics).toEqual([{ kind: "VIEWS", value: 100 }]);
    const own = (await hub.gql(PUBLIC_VIEW, { id: created.id }, dvta)).data.node;
    expect(own).toMatchObject({ metrics: [{ kind: "VIEWS", value: 100 }], pendingChange: { title: "Imaging and you" } });
    await approve(created.id);
    expect((await hub.gql(PUBLIC_VIEW, { id: created.id })).data.node.metrics).toEqual([{ kind: "VIEWS", value: 150 }]);
  });
});

describe("the audit log", () => {
  it("records who changed what, with the values before and after, under one request id per mutation", async () => {
    const created = await submit(dvta, { metrics: [{ kind: "VIEWS", value: 100 }] });
    await hub.gql(RECORD, { input: { activityId: created.id, expectedVersion: 1, metrics: [{ kind: "VIEWS", value: 120 }] } }, dvta);
    const { data } = await hub.gql(
      `query($id: ID!) { auditLog(filter: { targetId: $id }) { totalCount edges { node {
        requestId action actorRole actorKeyPrefix actorSociety { slug } targetType targetId society { slug } before after } } } }`,
      { id: created.id },
      STAFF,
    );
    const entries = data.auditLog.edges.map((e: any) => e.node);
    expect(entries.map((e: any) => e.action)).toEqual(["activity.recordMetrics", "activity.submit"]);
    expect(entries[0]).toMatchObject({ actorRole: "PARTNER", actorKeyPrefix: "idor_dvta0001", actorSociety: { slug: "dvta" }, targetType: "Activity", targetId: created.id, society: { slug: "dvta" } });
    expect(entries[0].before.state.metrics[0].value).toBe(100);
    expect(entries[0].after.state.metrics[0].value).toBe(120);
    expect(entries[1].before).toBeNull();
    expect(entries[0].requestId).not.toBe(entries[1].requestId);
  });

  it("shows a partner only its own society's entries", async () => {
    await submit(drg, { title: "DRG only" });
    const { data } = await hub.gql(`{ auditLog(first: 100) { edges { node { society { slug } } } } }`, {}, dvta);
    expect(new Set(data.auditLog.edges.map((e: any) => e.node.society.slug))).toEqual(new Set(["dvta"]));
  });
});

describe("staff administration", () => {
  const CREATE_SOCIETY = mutation("createSociety", `society { id slug countryCode }`, "userErrors { field code }");

  it("creates and updates societies and editions, refusing duplicates and bad values", async () => {
    const created = await hub.gql(CREATE_SOCIETY, { input: { slug: "sirm", acronym: "SIRM", name: "Società Italiana di Radiologia Medica", kind: "NATIONAL", profession: "RADIOLOGY", countryCode: "it" } }, STAFF);
    expect(created.data.createSociety).toMatchObject({ society: { slug: "sirm", countryCode: "IT" }, userErrors: [] });
    const duplicate = await hub.gql(CREATE_SOCIETY, { input: { slug: "sirm", acronym: "X", name: "X", kind: "NATIONAL", profession: "RADIOLOGY" } }, STAFF);
    expect(duplicate.data.createSociety.userErrors).toEqual([{ field: ["input", "slug"], code: "ALREADY_EXISTS" }]);
    const bad = await hub.gql(CREATE_SOCIETY, { input: { slug: "Bad Slug", acronym: "", name: "X", kind: "NATIONAL", profession: "RADIOLOGY", website: "ftp://x" } }, STAFF);
    expect(bad.data.createSociety.userErrors.map((e: any) => e.code)).toEqual(["INVALID_FORMAT", "REQUIRED", "INVALID_URL"]);
    const updated = await hub.gql(
      mutation("updateSociety", `society { name countryCode }`, "userErrors { code }"),
      { input: { id: created.data.createSociety.society.id, name: "SIRM", countryCode: null } },
      STAFF,
    );
    expect(updated.data.updateSociety).toEqual({ society: { name: "SIRM", countryCode: null }, userErrors: [] });

    const edition = await hub.gql(`mutation { createEdition(input: { year: 2027 }) { edition { year date theme } userErrors { code } } }`, {}, STAFF);
    expect(edition.data.createEdition).toEqual({ edition: { year: 2027, date: "2027-11-08", theme: null }, userErrors: [] });
    const again = await hub.gql(`mutation { createEdition(input: { year: 2027 }) { userErrors { field code } } }`, {}, STAFF);
    expect(again.data.createEdition.userErrors).toEqual([{ field: ["input", "year"], code: "ALREADY_EXISTS" }]);
    const themed = await hub.gql(`mutation { updateEdition(input: { year: 2027, theme: "Imaging for all" }) { edition { theme } userErrors { code } } }`, {}, STAFF);
    expect(themed.data.updateEdition).toEqual({ edition: { theme: "Imaging for all" }, userErrors: [] });
  });
});
