// Who may do what, through GraphQL over real HTTP with real API keys: a role × operation matrix. Every cell asserts
// the HTTP status, the GraphQL error code or the userError code, and, whenever the hub refuses, that the database is
// byte for byte what it was (every table's rows, audit log included). Cells that succeed check the write and its audit
// entry. Each cell makes its own target rows, so a success in one cell never changes what another cell sees.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../src/context.js";
import { rowsOf } from "../src/db/client.js";
import { factories } from "./support/factories.js";
import { mutation } from "./support/documents.js";
import { startTestHub, type TestHub } from "./support/hub.js";
import { snapshot } from "./support/snapshot.js";

let hub: TestHub;
let make: ReturnType<typeof factories>;

// ---- roles ------------------------------------------------------------------------------------------------------

const ROLES = ["public", "owner", "other", "staff", "revoked"] as const;
type Role = (typeof ROLES)[number];
const ROLE_LABEL: Record<Role, string> = {
  public: "public (no key)",
  owner: "partner of the owning society",
  other: "partner of another society",
  staff: "staff",
  revoked: "revoked partner key of the owning society",
};

/** The owning society (every target belongs to it) and another one. */
let own: { id: number; slug: string };
let other: { id: number; slug: string };
let e2019: { id: number };
let e2020: { id: number };
const keys = {} as Record<Exclude<Role, "public">, { secret: string; prefix: string }>;
const keyOf = (role: Role) => (role === "public" ? undefined : keys[role].secret);

const gid = (type: "Activity" | "Society" | "Edition" | "Metric", id: number) => Buffer.from(`${type}:${id}`).toString("base64url");
let counter = 0;
const uniq = () => ++counter;
/** Edition years no other row uses (the schema allows up to 2200). */
let nextYear = 2100;
const freshYear = () => nextYear++;

// ---- what a cell expects ----------------------------------------------------------------------------------------

type Outcome =
  | { kind: "ok"; label: string; check?: (data: any) => void | Promise<void> }
  | { kind: "error"; label: string; code: "UNAUTHENTICATED" | "FORBIDDEN"; status: number }
  | { kind: "userError"; label: string; code: "NOT_FOUND"; field: string[] };

const OK = (label = "succeeds", check?: (data: any) => void | Promise<void>): Outcome => ({ kind: "ok", label, check });
const UNAUTHENTICATED: Outcome = { kind: "error", label: "401 UNAUTHENTICATED", code: "UNAUTHENTICATED", status: 401 };
const FORBIDDEN: Outcome = { kind: "error", label: "FORBIDDEN", code: "FORBIDDEN", status: 200 };
const NOT_FOUND = (...field: string[]): Outcome => ({ kind: "userError", label: `userError NOT_FOUND at ${field.join(".")}`, code: "NOT_FOUND", field });

/** Partners may write their own society's activities; the others' approved ones are visible but refused. */
const ownApprovedTarget = { public: UNAUTHENTICATED, owner: OK(), other: FORBIDDEN, staff: OK(), revoked: UNAUTHENTICATED };
/** Another society's non-approved activity is invisible to a partner: NOT_FOUND, as if it did not exist. */
const ownHiddenTarget = (...field: string[]) => ({ public: UNAUTHENTICATED, owner: OK(), other: NOT_FOUND(...field), staff: OK(), revoked: UNAUTHENTICATED });
const staffOnly = { public: UNAUTHENTICATED, owner: FORBIDDEN, other: FORBIDDEN, staff: OK(), revoked: UNAUTHENTICATED };

// ---- database state ---------------------------------------------------------------------------------------------

async function lastAuditId(): Promise<number> {
  const [row] = rowsOf<{ id: number | string | null }>(await hub.database.db.execute(sql`select max(id) as id from audit_log`));
  return Number(row?.id ?? 0);
}

async function auditSince(id: number) {
  return rowsOf<{ action: string; actor_role: string; actor_key_prefix: string | null; society_id: number | null }>(
    await hub.database.db.execute(
      sql`select action, actor_role, actor_key_prefix, society_id from audit_log where id > ${id} order by id`,
    ),
  );
}

async function activityRow(id: number) {
  const [row] = rowsOf<{ status: string; version: number; title: string }>(
    await hub.database.db.execute(sql`select status, version, title from activities where id = ${id}`),
  );
  return row;
}

// ---- documents --------------------------------------------------------------------------------------------------

const ACTIVITY = "id status version title society { slug } metrics { kind channel value } pendingChange { title metrics { kind channel value } }";
const M = {
  submitActivity: mutation("submitActivity", `replayed activity { ${ACTIVITY} }`),
  submitActivities: mutation("submitActivities", `activities { ${ACTIVITY} }`),
  updateActivity: mutation("updateActivity", `activity { ${ACTIVITY} }`),
  withdrawActivity: mutation("withdrawActivity", `activity { ${ACTIVITY} }`),
  recordMetrics: mutation("recordMetrics", `activity { ${ACTIVITY} }`),
  removeMetrics: mutation("removeMetrics", `activity { ${ACTIVITY} }`),
  reviewActivity: mutation("reviewActivity", `activity { ${ACTIVITY} }`),
  createSociety: mutation("createSociety", `society { id slug name }`),
  updateSociety: mutation("updateSociety", `society { id slug name }`),
  createEdition: mutation("createEdition", `edition { year theme }`),
  updateEdition: mutation("updateEdition", `edition { year theme }`),
  issueApiKey: mutation("issueApiKey", `secret apiKey { prefix role label revokedAt society { slug } }`),
  revokeApiKey: mutation("revokeApiKey", `apiKey { prefix revokedAt }`),
} as const;
type MutationName = keyof typeof M;

const VIEWER = `{ viewer { role keyPrefix society { slug } } }`;

const submission = (overrides: Record<string, unknown> = {}) => ({
  idempotencyKey: `perm-${uniq()}`,
  societySlug: own.slug,
  year: 2020,
  kind: "WEBINAR",
  title: "Matrix submission",
  startsOn: "2020-11-08",
  metrics: [{ kind: "VIEWS", channel: "YOUTUBE", value: 10 }],
  ...overrides,
});

/** A fresh activity of the owning society in 2020, with a MENTIONS figure. */
async function ownActivity(status: "SUBMITTED" | "APPROVED" | "REJECTED" | "WITHDRAWN") {
  const row = await make.activity({ societyId: own.id, editionId: e2020.id, status, title: `Target ${status} ${uniq()}` });
  await make.metric({ activityId: row.id, kind: "MENTIONS", value: 100 });
  return row;
}

// ---- the mutation matrix ----------------------------------------------------------------------------------------

interface Target {
  variables: Record<string, unknown>;
  /** Checks the payload and the database after a success. */
  verify(payload: any): void | Promise<void>;
}

interface MutationCase {
  name: string;
  mutation: MutationName;
  /** Makes fresh target rows and the input; run once per cell. */
  setup(): Promise<Target>;
  /** The audit actions one success writes. */
  audit: string[];
  expect: Record<Role, Outcome>;
}

const activityCase = (
  name: string,
  mutation: MutationName,
  status: "SUBMITTED" | "APPROVED" | "REJECTED",
  input: (id: string, version: number) => Record<string, unknown>,
  audit: string,
  verify: (activity: any, before: { title: string; version: number }) => void,
): MutationCase => ({
  name,
  mutation,
  audit: [audit],
  expect: status === "APPROVED" ? ownApprovedTarget : ownHiddenTarget("input", mutation.endsWith("Metrics") ? "activityId" : "id"),
  async setup() {
    const row = await ownActivity(status);
    return {
      variables: { input: input(gid("Activity", row.id), row.version) },
      verify: async (payload) => {
        expect(payload.activity.id).toBe(gid("Activity", row.id));
        expect(payload.activity.version).toBe(row.version + 1);
        expect((await activityRow(row.id))!.version).toBe(row.version + 1);
        verify(payload.activity, row);
      },
    };
  },
});

const MUTATIONS: MutationCase[] = [
  {
    name: "submitActivity for the owning society",
    mutation: "submitActivity",
    audit: ["activity.submit"],
    expect: { public: UNAUTHENTICATED, owner: OK(), other: FORBIDDEN, staff: OK(), revoked: UNAUTHENTICATED },
    async setup() {
      const input = submission();
      return {
        variables: { input },
        verify: async (payload) => {
          expect(payload.replayed).toBe(false);
          expect(payload.activity).toMatchObject({ status: "SUBMITTED", version: 1, title: "Matrix submission", society: { slug: own.slug } });
          expect(payload.activity.metrics).toEqual([{ kind: "VIEWS", channel: "YOUTUBE", value: 10 }]);
          const rows = rowsOf(await hub.database.db.execute(sql`select 1 from activities where society_id = ${own.id} and idempotency_key = ${input.idempotencyKey}`));
          expect(rows).toHaveLength(1);
        },
      };
    },
  },
  {
    name: "submitActivities for the owning society",
    mutation: "submitActivities",
    audit: ["activity.submit", "activity.submit"],
    expect: { public: UNAUTHENTICATED, owner: OK(), other: FORBIDDEN, staff: OK(), revoked: UNAUTHENTICATED },
    async setup() {
      return {
        variables: { input: { activities: [submission({ title: "Batch one" }), submission({ title: "Batch two" })] } },
        verify: (payload) => {
          expect(payload.activities.map((a: any) => [a.title, a.status, a.society.slug])).toEqual([
            ["Batch one", "SUBMITTED", own.slug],
            ["Batch two", "SUBMITTED", own.slug],
          ]);
        },
      };
    },
  },
  {
    // One foreign item refuses the whole batch for a partner, even one whose other item is its own.
    name: "submitActivities with one item for each society",
    mutation: "submitActivities",
    audit: ["activity.submit", "activity.submit"],
    expect: { public: UNAUTHENTICATED, owner: FORBIDDEN, other: FORBIDDEN, staff: OK(), revoked: UNAUTHENTICATED },
    async setup() {
      return {
        variables: { input: { activities: [submission({ title: "Mine" }), submission({ title: "Theirs", societySlug: other.slug })] } },
        verify: (payload) => {
          expect(payload.activities.map((a: any) => a.society.slug)).toEqual([own.slug, other.slug]);
        },
      };
    },
  },
  activityCase("updateActivity of a SUBMITTED activity", "updateActivity", "SUBMITTED", (id, v) => ({ id, expectedVersion: v, title: "Changed title" }), "activity.update", (a) => {
    expect(a).toMatchObject({ title: "Changed title", status: "SUBMITTED", pendingChange: null });
  }),
  activityCase("updateActivity of a REJECTED activity", "updateActivity", "REJECTED", (id, v) => ({ id, expectedVersion: v, title: "Changed title" }), "activity.update", (a) => {
    expect(a).toMatchObject({ title: "Changed title", status: "SUBMITTED" }); // re-submitted
  }),
  activityCase("updateActivity of an APPROVED activity", "updateActivity", "APPROVED", (id, v) => ({ id, expectedVersion: v, title: "Changed title" }), "activity.update", (a, before) => {
    expect(a).toMatchObject({ title: before.title, status: "APPROVED", pendingChange: { title: "Changed title" } });
  }),
  activityCase("withdrawActivity of a SUBMITTED activity", "withdrawActivity", "SUBMITTED", (id, v) => ({ id, expectedVersion: v }), "activity.withdraw", (a) => {
    expect(a.status).toBe("WITHDRAWN");
  }),
  activityCase("withdrawActivity of an APPROVED activity", "withdrawActivity", "APPROVED", (id) => ({ id }), "activity.withdraw", (a) => {
    expect(a.status).toBe("WITHDRAWN");
  }),
  activityCase(
    "recordMetrics of a SUBMITTED activity",
    "recordMetrics",
    "SUBMITTED",
    (activityId, v) => ({ activityId, expectedVersion: v, metrics: [{ kind: "VIEWS", value: 5 }] }),
    "activity.recordMetrics",
    (a) => {
      expect(a.metrics).toEqual(expect.arrayContaining([{ kind: "VIEWS", channel: null, value: 5 }, { kind: "MENTIONS", channel: null, value: 100 }]));
    },
  ),
  activityCase(
    "recordMetrics of an APPROVED activity",
    "recordMetrics",
    "APPROVED",
    (activityId, v) => ({ activityId, expectedVersion: v, metrics: [{ kind: "VIEWS", value: 5 }] }),
    "activity.recordMetrics",
    (a) => {
      expect(a.metrics).toEqual([{ kind: "MENTIONS", channel: null, value: 100 }]); // the public figures wait for review
      expect(a.pendingChange.metrics).toEqual(expect.arrayContaining([{ kind: "VIEWS", channel: null, value: 5 }]));
    },
  ),
  activityCase(
    "removeMetrics of a SUBMITTED activity",
    "removeMetrics",
    "SUBMITTED",
    (activityId, v) => ({ activityId, expectedVersion: v, metrics: [{ kind: "MENTIONS" }] }),
    "activity.removeMetrics",
    (a) => {
      expect(a.metrics).toEqual([]);
    },
  ),
  activityCase(
    "removeMetrics of an APPROVED activity",
    "removeMetrics",
    "APPROVED",
    (activityId, v) => ({ activityId, expectedVersion: v, metrics: [{ kind: "MENTIONS" }] }),
    "activity.removeMetrics",
    (a) => {
      expect(a.metrics).toEqual([{ kind: "MENTIONS", channel: null, value: 100 }]);
      expect(a.pendingChange.metrics).toEqual([]);
    },
  ),
  {
    ...activityCase("reviewActivity of a SUBMITTED activity", "reviewActivity", "SUBMITTED", (id) => ({ id, decision: "APPROVE", note: "Fine" }), "activity.approve", (a) => {
      expect(a.status).toBe("APPROVED");
    }),
    // Staff only: a partner is refused before the target is even looked up, so FORBIDDEN for both partners.
    expect: staffOnly,
  },
  {
    name: "createSociety",
    mutation: "createSociety",
    audit: ["society.create"],
    expect: staffOnly,
    async setup() {
      const slug = `perm-society-${uniq()}`;
      return {
        variables: { input: { slug, acronym: "PS", name: "Permission Society", kind: "NATIONAL", profession: "RADIOLOGY", countryCode: "AT" } },
        verify: (payload) => expect(payload.society).toMatchObject({ slug, name: "Permission Society" }),
      };
    },
  },
  {
    // Even a partner's own society is staff's to change.
    name: "updateSociety of the partner's own society",
    mutation: "updateSociety",
    audit: ["society.update"],
    expect: staffOnly,
    async setup() {
      // A fresh society per cell; for this case the "owner" is a partner key of that very society.
      const society = await make.society();
      cellKeys.owner = (await make.apiKey("PARTNER", society.id)).secret;
      return {
        variables: { input: { id: gid("Society", society.id), name: "Renamed society" } },
        verify: (payload) => expect(payload.society).toMatchObject({ slug: society.slug, name: "Renamed society" }),
      };
    },
  },
  {
    name: "createEdition",
    mutation: "createEdition",
    audit: ["edition.create"],
    expect: staffOnly,
    async setup() {
      const year = freshYear();
      return { variables: { input: { year, theme: "Future imaging" } }, verify: (payload) => expect(payload.edition).toEqual({ year, theme: "Future imaging" }) };
    },
  },
  {
    name: "updateEdition",
    mutation: "updateEdition",
    audit: ["edition.update"],
    expect: staffOnly,
    async setup() {
      const edition = await make.edition(freshYear(), "Old theme");
      return {
        variables: { input: { year: edition.year, theme: "New theme" } },
        verify: (payload) => expect(payload.edition).toEqual({ year: edition.year, theme: "New theme" }),
      };
    },
  },
  {
    name: "issueApiKey for the owning society",
    mutation: "issueApiKey",
    audit: ["apiKey.issue"],
    expect: staffOnly,
    async setup() {
      return {
        variables: { input: { role: "PARTNER", societySlug: own.slug, label: "matrix key" } },
        verify: async (payload) => {
          expect(payload.secret).toMatch(/^idor_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
          expect(payload.apiKey).toMatchObject({ role: "PARTNER", label: "matrix key", revokedAt: null, society: { slug: own.slug } });
          const me = await hub.post(VIEWER, {}, payload.secret);
          expect(me.body.data.viewer).toEqual({ role: "PARTNER", keyPrefix: payload.apiKey.prefix, society: { slug: own.slug } });
        },
      };
    },
  },
  {
    // Even a key of the partner's own society is staff's to revoke.
    name: "revokeApiKey of a key of the owning society",
    mutation: "revokeApiKey",
    audit: ["apiKey.revoke"],
    expect: staffOnly,
    async setup() {
      const key = await make.apiKey("PARTNER", own.id, "to be revoked");
      return {
        variables: { input: { prefix: key.prefix } },
        verify: async (payload) => {
          expect(payload.apiKey.prefix).toBe(key.prefix);
          expect(payload.apiKey.revokedAt).not.toBeNull();
          const me = await hub.post(VIEWER, {}, key.secret);
          expect(me.status).toBe(401);
        },
      };
    },
  },
];

/** Per-cell key overrides (a case may bind the "owner" to a society it made). */
const cellKeys: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  hub = await startTestHub();
  make = factories(hub.database);
  own = await make.society({ slug: "owner-society", acronym: "OWN", name: "Owning Society" });
  other = await make.society({ slug: "other-society", acronym: "OTH", name: "Other Society" });
  e2019 = await make.edition(2019, "Sports imaging");
  e2020 = await make.edition(2020, "All imaging professionals");
  keys.owner = await make.apiKey("PARTNER", own.id, "owner partner");
  keys.other = await make.apiKey("PARTNER", other.id, "other partner");
  keys.staff = await make.apiKey("STAFF", null, "staff");
  keys.revoked = await make.apiKey("PARTNER", own.id, "revoked owner partner");
  await make.revokeKey(keys.revoked.prefix);
});
afterAll(() => hub.close());

/** Asserts the refusal or success the outcome names; returns the response. */
async function expectOutcome(outcome: Outcome, response: { status: number; body: any }, field: string) {
  const { status, body } = response;
  switch (outcome.kind) {
    case "error":
      expect(status).toBe(outcome.status);
      expect(body.errors, JSON.stringify(body)).toHaveLength(1);
      expect(body.errors[0].extensions.code).toBe(outcome.code);
      expect(body.data ?? null).toBeNull();
      break;
    case "userError":
      expect(status).toBe(200);
      expect(body.errors, JSON.stringify(body)).toBeUndefined();
      expect(body.data[field].userErrors).toEqual([{ field: outcome.field, code: outcome.code, message: expect.any(String) }]);
      expect(body.data[field].activity).toBeNull();
      break;
    case "ok":
      expect(status).toBe(200);
      expect(body.errors, JSON.stringify(body)).toBeUndefined();
      await outcome.check?.(body.data);
      break;
  }
}

describe("mutations: role × operation", () => {
  // One test per cell, named "<operation> | <role> → <outcome>" (loops rather than it.each: vitest truncates
  // interpolated labels).
  for (const c of MUTATIONS) for (const role of ROLES) it(`${c.name} | ${ROLE_LABEL[role]} → ${c.expect[role].label}`, async () => {
    for (const r of ROLES) delete cellKeys[r];
    const target = await c.setup();
    const key = cellKeys[role] ?? keyOf(role);
    const before = await snapshot(hub.database);
    const auditBefore = await lastAuditId();
    const response = await hub.post(M[c.mutation], target.variables, key);
    const outcome = c.expect[role];
    await expectOutcome(outcome, response, c.mutation);
    if (outcome.kind !== "ok") {
      expect(await snapshot(hub.database)).toEqual(before);
      return;
    }
    const payload = response.body.data[c.mutation];
    expect(payload.userErrors).toEqual([]);
    await target.verify(payload);
    expect(await snapshot(hub.database)).not.toEqual(before);
    // One audit entry per changed object, naming the key that made the change.
    const prefix = role === "staff" ? keys.staff.prefix : (await hub.post(VIEWER, {}, key)).body.data.viewer.keyPrefix;
    expect(await auditSince(auditBefore)).toEqual(
      c.audit.map((action) => expect.objectContaining({ action, actor_role: role === "staff" ? "STAFF" : "PARTNER", actor_key_prefix: prefix })),
    );
  });
});

// ---- reads of data the public may not see ------------------------------------------------------------------------

/** Activities of edition 2019, made for the read cells only (the mutation cells write in 2020). */
const reads = {} as Record<"ownSubmitted" | "ownApproved" | "ownRejected" | "ownWithdrawn" | "otherSubmitted" | "otherApproved", number>;
let ownSubmittedMetric: number;
/** Audit entries of each society, made in setup through the write API. */
const auditTargets = {} as Record<"own" | "other", string>;

const asPartner = (societyId: number): Viewer => ({ role: "PARTNER", societyId, keyPrefix: "setup" });

describe("reads: role × non-approved data", () => {
  beforeAll(async () => {
    const add = async (name: keyof typeof reads, societyId: number, status: "SUBMITTED" | "APPROVED" | "REJECTED" | "WITHDRAWN", extra = {}) => {
      reads[name] = (await make.activity({ societyId, editionId: e2019.id, status, title: name, ...extra })).id;
    };
    await add("ownSubmitted", own.id, "SUBMITTED");
    await add("ownApproved", own.id, "APPROVED", { reviewNote: "Looks good" });
    await add("ownRejected", own.id, "REJECTED", { reviewNote: "Not an IDoR activity" });
    await add("ownWithdrawn", own.id, "WITHDRAWN");
    await add("otherSubmitted", other.id, "SUBMITTED");
    await add("otherApproved", other.id, "APPROVED");
    ownSubmittedMetric = (await make.metric({ activityId: reads.ownSubmitted, kind: "VIEWS", value: 42 })).id;
    // A pending change on the approved activity, and one audit entry per society, through the write API.
    const change = await hub.gql(M.updateActivity, { input: { id: gid("Activity", reads.ownApproved), expectedVersion: 1, title: "Proposed title" } }, asPartner(own.id));
    expect(change.data.updateActivity.userErrors).toEqual([]);
    auditTargets.own = gid("Activity", reads.ownApproved);
    const otherChange = await hub.gql(M.updateActivity, { input: { id: gid("Activity", reads.otherSubmitted), expectedVersion: 1, description: "More words" } }, asPartner(other.id));
    expect(otherChange.data.updateActivity.userErrors).toEqual([]);
    auditTargets.other = gid("Activity", reads.otherSubmitted);
  });

  const titlesOf = (connection: any) => connection.edges.map((e: any) => e.node.title).sort();
  const sorted = (...names: Array<keyof typeof reads>) => [...names].sort();

  interface ReadCase {
    name: string;
    document: string;
    variables(): Record<string, unknown>;
    expect: Record<Role, Outcome>;
  }

  const READS: ReadCase[] = [
    {
      name: "activities(filter: { status: SUBMITTED })",
      document: `query($filter: ActivityFilter) { activities(filter: $filter, first: 100) { totalCount edges { node { title status } } } }`,
      variables: () => ({ filter: { status: "SUBMITTED", year: 2019 } }),
      expect: {
        public: OK("sees none", (d) => expect(d.activities).toEqual({ totalCount: 0, edges: [] })),
        owner: OK("sees its own", (d) => expect(titlesOf(d.activities)).toEqual(sorted("ownSubmitted"))),
        other: OK("sees only its own", (d) => expect(titlesOf(d.activities)).toEqual(sorted("otherSubmitted"))),
        staff: OK("sees all", (d) => expect(titlesOf(d.activities)).toEqual(sorted("ownSubmitted", "otherSubmitted"))),
        revoked: UNAUTHENTICATED,
      },
    },
    {
      name: "activities (every status)",
      document: `query($filter: ActivityFilter) { activities(filter: $filter, first: 100) { totalCount edges { node { title status } } } }`,
      variables: () => ({ filter: { year: 2019 } }),
      expect: {
        public: OK("sees approved ones", (d) => expect(titlesOf(d.activities)).toEqual(sorted("ownApproved", "otherApproved"))),
        owner: OK("sees its own in every status", (d) =>
          expect(titlesOf(d.activities)).toEqual(sorted("ownSubmitted", "ownApproved", "ownRejected", "ownWithdrawn", "otherApproved")),
        ),
        other: OK("sees its own and approved ones", (d) => expect(titlesOf(d.activities)).toEqual(sorted("ownApproved", "otherSubmitted", "otherApproved"))),
        staff: OK("sees all", (d) => expect(d.activities.totalCount).toBe(6)),
        revoked: UNAUTHENTICATED,
      },
    },
    {
      name: "node(id) of a SUBMITTED activity and of its metric",
      document: `query($a: ID!, $m: ID!) { a: node(id: $a) { ... on Activity { title status } } m: node(id: $m) { ... on Metric { value } } }`,
      variables: () => ({ a: gid("Activity", reads.ownSubmitted), m: gid("Metric", ownSubmittedMetric) }),
      expect: {
        public: OK("null", (d) => expect(d).toEqual({ a: null, m: null })),
        owner: OK("sees them", (d) => expect(d).toEqual({ a: { title: "ownSubmitted", status: "SUBMITTED" }, m: { value: 42 } })),
        other: OK("null", (d) => expect(d).toEqual({ a: null, m: null })),
        staff: OK("sees them", (d) => expect(d).toEqual({ a: { title: "ownSubmitted", status: "SUBMITTED" }, m: { value: 42 } })),
        revoked: UNAUTHENTICATED,
      },
    },
    {
      name: "Society.activities of the owning society",
      document: `query($slug: String!) { society(slug: $slug) { activities(year: 2019, first: 100) { totalCount edges { node { title status } } } } }`,
      variables: () => ({ slug: own.slug }),
      expect: {
        public: OK("approved only", (d) => expect(titlesOf(d.society.activities)).toEqual(sorted("ownApproved"))),
        owner: OK("every status", (d) => expect(titlesOf(d.society.activities)).toEqual(sorted("ownSubmitted", "ownApproved", "ownRejected", "ownWithdrawn"))),
        other: OK("approved only", (d) => expect(titlesOf(d.society.activities)).toEqual(sorted("ownApproved"))),
        staff: OK("every status", (d) => expect(d.society.activities.totalCount).toBe(4)),
        revoked: UNAUTHENTICATED,
      },
    },
    {
      name: "Edition.activities",
      document: `{ edition(year: 2019) { activities(first: 100) { totalCount edges { node { title status } } } } }`,
      variables: () => ({}),
      expect: {
        public: OK("approved only", (d) => expect(titlesOf(d.edition.activities)).toEqual(sorted("ownApproved", "otherApproved"))),
        owner: OK("its own and approved", (d) =>
          expect(titlesOf(d.edition.activities)).toEqual(sorted("ownSubmitted", "ownApproved", "ownRejected", "ownWithdrawn", "otherApproved")),
        ),
        other: OK("its own and approved", (d) => expect(titlesOf(d.edition.activities)).toEqual(sorted("ownApproved", "otherSubmitted", "otherApproved"))),
        staff: OK("all", (d) => expect(d.edition.activities.totalCount).toBe(6)),
        revoked: UNAUTHENTICATED,
      },
    },
    {
      name: "Activity.pendingChange and reviewNote of an APPROVED activity",
      document: `query($id: ID!) { node(id: $id) { ... on Activity { title version reviewNote pendingChange { title } } } }`,
      variables: () => ({ id: gid("Activity", reads.ownApproved) }),
      expect: {
        public: OK("null", (d) => expect(d.node).toEqual({ title: "ownApproved", version: 2, reviewNote: null, pendingChange: null })),
        owner: OK("sees them", (d) =>
          expect(d.node).toEqual({ title: "ownApproved", version: 2, reviewNote: "Looks good", pendingChange: { title: "Proposed title" } }),
        ),
        other: OK("null", (d) => expect(d.node).toEqual({ title: "ownApproved", version: 2, reviewNote: null, pendingChange: null })),
        staff: OK("sees them", (d) =>
          expect(d.node).toEqual({ title: "ownApproved", version: 2, reviewNote: "Looks good", pendingChange: { title: "Proposed title" } }),
        ),
        revoked: UNAUTHENTICATED,
      },
    },
    {
      name: "auditLog",
      document: `query($own: ID!, $other: ID!) {
        all: auditLog(first: 100) { totalCount edges { node { action society { slug } } } }
        own: auditLog(filter: { targetId: $own }) { totalCount }
        other: auditLog(filter: { targetId: $other }) { totalCount }
      }`,
      variables: () => ({ own: auditTargets.own, other: auditTargets.other }),
      expect: {
        public: UNAUTHENTICATED,
        owner: OK("its own society's entries", (d) => {
          expect(d.all.totalCount).toBeGreaterThan(0);
          expect(new Set(d.all.edges.map((e: any) => e.node.society?.slug))).toEqual(new Set([own.slug]));
          expect([d.own.totalCount, d.other.totalCount]).toEqual([1, 0]);
        }),
        other: OK("its own society's entries", (d) => {
          expect(new Set(d.all.edges.map((e: any) => e.node.society?.slug))).toEqual(new Set([other.slug]));
          expect([d.own.totalCount, d.other.totalCount]).toEqual([0, 1]);
        }),
        staff: OK("every entry", (d) => {
          expect(d.all.edges.map((e: any) => e.node.society?.slug)).toEqual(expect.arrayContaining([own.slug, other.slug]));
          expect([d.own.totalCount, d.other.totalCount]).toEqual([1, 1]);
        }),
        revoked: UNAUTHENTICATED,
      },
    },
    {
      name: "apiKeys",
      document: `{ apiKeys(first: 100, includeRevoked: true) { totalCount edges { node { prefix role revokedAt society { slug } } } } }`,
      variables: () => ({}),
      expect: {
        public: UNAUTHENTICATED,
        owner: FORBIDDEN,
        other: FORBIDDEN,
        staff: OK("lists every key", (d) => {
          const prefixes = d.apiKeys.edges.map((e: any) => e.node.prefix);
          expect(prefixes).toEqual(expect.arrayContaining([keys.owner.prefix, keys.other.prefix, keys.staff.prefix, keys.revoked.prefix]));
          expect(JSON.stringify(d)).not.toMatch(/secret|[A-Za-z0-9_-]{43}/i);
        }),
        revoked: UNAUTHENTICATED,
      },
    },
  ];

  for (const c of READS) for (const role of ROLES) it(`${c.name} | ${ROLE_LABEL[role]} → ${c.expect[role].label}`, async () => {
    const before = await snapshot(hub.database);
    const response = await hub.post(c.document, c.variables(), keyOf(role));
    await expectOutcome(c.expect[role], response, "");
    expect(await snapshot(hub.database)).toEqual(before); // reads never write
  });
});

// ---- edges of the matrix ----------------------------------------------------------------------------------------

describe("credentials and existence", () => {
  it.each([
    ["a malformed key", "not-a-key"],
    ["a well-formed but unknown key", `idor_ABCDEFGH_${"x".repeat(43)}`],
    ["a revoked key", () => keys.revoked.secret],
  ] as const)("answers %s with 401 UNAUTHENTICATED, for queries and mutations alike, writing nothing", async (_label, raw) => {
    const key = typeof raw === "function" ? raw() : raw;
    const before = await snapshot(hub.database);
    for (const [document, variables] of [
      [`{ societies { totalCount } }`, {}],
      [M.submitActivity, { input: submission() }],
    ] as const) {
      const { status, body } = await hub.post(document, variables, key);
      expect(status).toBe(401);
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
      expect(body.data ?? null).toBeNull();
    }
    expect(await snapshot(hub.database)).toEqual(before);
  });

  /** A raw POST, for the response headers hub.post does not return. */
  const rawPost = async (query: string, key?: string) =>
    fetch(`${await hub.url()}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query }),
    });

  it("sends WWW-Authenticate with the 401 for a bad key", async () => {
    const response = await rawPost(VIEWER, "not-a-key");
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="idor-hub"');
  });

  // RFC 9110 §15.5.2: every 401 carries a WWW-Authenticate challenge, also when a resolver refuses the public.
  it("sends WWW-Authenticate with the 401 when a resolver refuses a caller without credentials", async () => {
    for (const query of [`mutation { createEdition(input: { year: 2199 }) { userErrors { code } } }`, `{ auditLog { totalCount } }`, `{ apiKeys { totalCount } }`]) {
      const response = await rawPost(query);
      expect(response.status, query).toBe(401);
      expect(response.headers.get("www-authenticate"), query).toBe('Bearer realm="idor-hub"');
    }
  });

  it("tells each key who it is", async () => {
    const who = async (role: Role) => (await hub.post(VIEWER, {}, keyOf(role))).body.data.viewer;
    expect(await who("public")).toEqual({ role: "PUBLIC", keyPrefix: null, society: null });
    expect(await who("owner")).toEqual({ role: "PARTNER", keyPrefix: keys.owner.prefix, society: { slug: own.slug } });
    expect(await who("other")).toEqual({ role: "PARTNER", keyPrefix: keys.other.prefix, society: { slug: other.slug } });
    expect(await who("staff")).toEqual({ role: "STAFF", keyPrefix: keys.staff.prefix, society: null });
  });

  it("does not reveal whether a hidden activity exists: the same answer as for an ID that was never issued", async () => {
    const hidden = await ownActivity("SUBMITTED");
    const never = 2_000_000_000;
    const before = await snapshot(hub.database);
    const answer = async (mutation: MutationName, input: Record<string, unknown>) => {
      const { status, body } = await hub.post(M[mutation], { input }, keys.other.secret);
      expect(status).toBe(200);
      const errors = body.data[mutation].userErrors;
      // Messages quote the ID sent; with it blanked out the two answers must be identical.
      return errors.map((e: any) => ({ ...e, message: e.message.replace(/"[^"]*"/, '"<id>"') }));
    };
    for (const [mutation, idField, extra] of [
      ["updateActivity", "id", { title: "x" }],
      ["withdrawActivity", "id", {}],
      ["recordMetrics", "activityId", { metrics: [{ kind: "VIEWS", value: 1 }] }],
      ["removeMetrics", "activityId", { metrics: [{ kind: "MENTIONS" }] }],
    ] as const) {
      // A wrong expectedVersion must not give it away either (STALE_VERSION would say the activity exists).
      for (const expectedVersion of [hidden.version, hidden.version + 7]) {
        const forHidden = await answer(mutation, { [idField]: gid("Activity", hidden.id), expectedVersion, ...extra });
        const forNever = await answer(mutation, { [idField]: gid("Activity", never), expectedVersion, ...extra });
        expect(forHidden, `${mutation} v${expectedVersion}`).toEqual(forNever);
        expect(forHidden[0].code).toBe("NOT_FOUND");
        expect(forHidden[0].field).toEqual(["input", idField]);
      }
    }
    expect(await snapshot(hub.database)).toEqual(before);
  });

  it("files a partner's submission without societySlug under its own society; staff must name one", async () => {
    const mine = await hub.post(M.submitActivity, { input: submission({ societySlug: null }) }, keys.other.secret);
    expect(mine.body.data.submitActivity.userErrors).toEqual([]);
    expect(mine.body.data.submitActivity.activity.society.slug).toBe(other.slug);

    const before = await snapshot(hub.database);
    const staff = await hub.post(M.submitActivity, { input: submission({ societySlug: null }) }, keys.staff.secret);
    expect(staff.status).toBe(200);
    expect(staff.body.data.submitActivity).toMatchObject({ activity: null, userErrors: [{ field: ["input", "societySlug"], code: "REQUIRED" }] });
    expect(await snapshot(hub.database)).toEqual(before);
  });

  it("stops a key revoked through revokeApiKey at once: the very next request gets 401", async () => {
    const issued = await hub.post(M.issueApiKey, { input: { role: "PARTNER", societySlug: own.slug, label: "short-lived" } }, keys.staff.secret);
    const { secret, apiKey } = issued.body.data.issueApiKey;
    expect((await hub.post(VIEWER, {}, secret)).body.data.viewer).toEqual({ role: "PARTNER", keyPrefix: apiKey.prefix, society: { slug: own.slug } });
    const works = await hub.post(M.submitActivity, { input: submission() }, secret);
    expect(works.body.data.submitActivity.userErrors).toEqual([]);

    const revoked = await hub.post(M.revokeApiKey, { input: { prefix: apiKey.prefix } }, keys.staff.secret);
    expect(revoked.body.data.revokeApiKey).toMatchObject({ apiKey: { prefix: apiKey.prefix, revokedAt: expect.any(String) }, userErrors: [] });

    const before = await snapshot(hub.database);
    const next = await hub.post(M.submitActivity, { input: submission() }, secret);
    expect(next.status).toBe(401);
    expect(next.body.errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
    const read = await hub.post(VIEWER, {}, secret);
    expect(read.status).toBe(401);
    expect(read.body.errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
    expect(await snapshot(hub.database)).toEqual(before);

    // Revoking again is refused as a userError and writes nothing.
    const again = await hub.post(M.revokeApiKey, { input: { prefix: apiKey.prefix } }, keys.staff.secret);
    expect(again.body.data.revokeApiKey).toMatchObject({ apiKey: null, userErrors: [{ field: ["input", "prefix"], code: "INVALID_STATE" }] });
    expect(await snapshot(hub.database)).toEqual(before);
  });
});
