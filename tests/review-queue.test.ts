// The review queue: `activities(filter: { awaitingReview: true })` lists what staff must decide on — new submissions
// and pending changes to approved activities — and tells nobody else about other societies' pending changes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../src/context.js";
import { factories } from "./support/factories.js";
import { startTestHub, type TestHub } from "./support/hub.js";

let hub: TestHub;
let dvta: Viewer;
let drg: Viewer;
const STAFF: Viewer = { role: "STAFF", keyPrefix: "idor_staff001" };

const SUBMIT = `mutation($input: SubmitActivityInput!) { submitActivity(input: $input) { activity { id version } userErrors { code } } }`;
const REVIEW = `mutation($input: ReviewActivityInput!) { reviewActivity(input: $input) { activity { id version } userErrors { code } } }`;
const UPDATE = `mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { activity { id version } userErrors { code } } }`;
const QUEUE = `query($waiting: Boolean!) { activities(filter: { awaitingReview: $waiting }, first: 100) {
  totalCount edges { node { title status pendingChange { title } } } } }`;

async function submit(viewer: Viewer, title: string) {
  const r = await hub.gql(SUBMIT, { input: { idempotencyKey: title, year: 2025, kind: "WEBINAR", title } }, viewer);
  return r.data.submitActivity.activity as { id: string; version: number };
}
const titles = async (viewer: Viewer, waiting: boolean) =>
  ((await hub.gql(QUEUE, { waiting }, viewer)).data.activities.edges as { node: { title: string } }[]).map((e) => e.node.title).sort();

beforeAll(async () => {
  hub = await startTestHub();
  const make = factories(hub.database);
  const d = await make.society({ slug: "dvta", acronym: "DVTA" });
  const g = await make.society({ slug: "drg", acronym: "DRG" });
  await make.edition(2025);
  dvta = { role: "PARTNER", societyId: d.id, keyPrefix: "idor_dvta0001" };
  drg = { role: "PARTNER", societyId: g.id, keyPrefix: "idor_drg00001" };

  await submit(dvta, "new DVTA submission");
  const approved = await submit(dvta, "approved, then changed");
  const a = (await hub.gql(REVIEW, { input: { id: approved.id, decision: "APPROVE" } }, STAFF)).data.reviewActivity.activity;
  await hub.gql(UPDATE, { input: { id: a.id, expectedVersion: a.version, title: "approved, then changed (new title)" } }, dvta);
  const settled = await submit(drg, "approved DRG activity");
  await hub.gql(REVIEW, { input: { id: settled.id, decision: "APPROVE" } }, STAFF);
}, 120_000);
afterAll(() => hub?.close());

describe("the review queue filter", () => {
  it("gives staff new submissions and approved activities with a pending change", async () => {
    expect(await titles(STAFF, true)).toEqual(["approved, then changed", "new DVTA submission"]);
    expect(await titles(STAFF, false)).toEqual(["approved DRG activity"]);
  });

  it("gives a partner its own society's waiting activities only", async () => {
    expect(await titles(dvta, true)).toEqual(["approved, then changed", "new DVTA submission"]);
    expect(await titles(drg, true)).toEqual([]);
    // DRG sees DVTA's approved activity, but not that a change to it waits for review.
    expect(await titles(drg, false)).toEqual(["approved DRG activity", "approved, then changed"]);
  });

  it("gives the public nothing waiting, and every approved activity as not waiting", async () => {
    expect(await titles({ role: "PUBLIC" } as Viewer, true)).toEqual([]);
    expect(await titles({ role: "PUBLIC" } as Viewer, false)).toEqual(["approved DRG activity", "approved, then changed"]);
  });
});
