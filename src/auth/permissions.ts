// Authorization by named actions, checked in the services so that no resolver or entry point can skip a check.
// Visibility (what a caller may read) is activity.policy; this file says what a caller may do.
import type { Viewer } from "../context.js";
import { HubError } from "../shared/errors.js";

export type Action =
  | "activity:submit"
  | "activity:update"
  | "activity:withdraw"
  | "activity:review"
  | "society:create"
  | "society:update"
  | "edition:create"
  | "edition:update"
  | "apiKey:issue"
  | "apiKey:revoke"
  | "apiKey:list"
  | "audit:read"
  | "summary:preview"
  | "report:download";

const STAFF_ONLY: ReadonlySet<Action> = new Set([
  "activity:review",
  "society:create",
  "society:update",
  "edition:create",
  "edition:update",
  "apiKey:issue",
  "apiKey:revoke",
  "apiKey:list",
  "summary:preview",
  "report:download",
]);

export type Actor = Exclude<Viewer, { role: "PUBLIC" }>;

/** UNAUTHENTICATED with HTTP 401 and the WWW-Authenticate challenge every 401 must carry (RFC 9110). */
export function unauthenticated(
  message = "This operation needs an API key: send the header Authorization: Bearer <key>.",
): HubError {
  return new HubError("UNAUTHENTICATED", message, {
    http: { status: 401, headers: new Map([["www-authenticate", 'Bearer realm="idor-hub"']]) },
  });
}

/**
 * Throws UNAUTHENTICATED for the public and FORBIDDEN for a role that may never perform the action. When a target
 * society is given, a partner may act only on its own society's data.
 */
export function assertCan(viewer: Viewer, action: Action, target?: { societyId: number }): asserts viewer is Actor {
  if (viewer.role === "PUBLIC") throw unauthenticated();
  if (viewer.role === "STAFF") return;
  if (STAFF_ONLY.has(action)) {
    throw new HubError("FORBIDDEN", `Only ESR staff may perform ${action}.`, { action });
  }
  if (target && target.societyId !== viewer.societyId) {
    throw new HubError("FORBIDDEN", `A partner key may ${action.split(":")[1]} only its own society's activities.`, { action });
  }
}
