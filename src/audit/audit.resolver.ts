import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import type { AuditRow } from "../db/schema.js";
import { fromGlobalId, toGlobalId, type NodeTypeName } from "../shared/global-id.js";
import { badInput } from "../shared/errors.js";
import { Society } from "../societies/society.type.js";
import { SafeIntScalar } from "../shared/scalars.js";
import { AuditEntryConnection, AuditEntryType, AuditFilter } from "./audit.types.js";
import { listAudit } from "./audit.service.js";

@Resolver(() => AuditEntryType)
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    description: "The audit trail, newest first: staff see every entry, a partner those about its own society's objects.",
  })
  async auditLog(
    @Ctx() ctx: Context,
    @Arg("filter", () => AuditFilter, { nullable: true, description: "Conditions the entries must meet." }) filter: AuditFilter | null,
    @Arg("first", () => Int, { nullable: true, description: "Page size reading forward: 0 to 100, default 20 (not with `last`)." }) first: number | null,
    @Arg("after", () => String, { nullable: true, description: "Cursor after which the page starts (an endCursor)." }) after: string | null,
    @Arg("last", () => Int, { nullable: true, description: "Page size reading backward: the last 0 to 100 items before `before` (not with `first`)." })
    last: number | null,
    @Arg("before", () => String, { nullable: true, description: "Cursor before which the page ends (a startCursor)." }) before: string | null,
  ) {
    let target: { type: string; id: number } | null = null;
    if (filter?.targetId != null) {
      const decoded = fromGlobalId(filter.targetId);
      if (!decoded) throw badInput("filter.targetId is not a global ID of this API", "filter.targetId");
      target = { type: decoded.type, id: decoded.id };
    }
    return AuditEntryConnection.from(
      await listAudit(ctx, { societySlug: filter?.societySlug, action: filter?.action, requestId: filter?.requestId, targetId: target }, { first, after, last, before }),
    );
  }

  @FieldResolver(() => SafeIntScalar, { description: "Position in the log (increasing)." })
  sequence(@Root() row: AuditRow) {
    return row.id;
  }

  @FieldResolver(() => String, { description: "The changed object's global ID (API keys: their record number)." })
  targetId(@Root() row: AuditRow) {
    return row.targetType === "ApiKey" ? String(row.targetId) : toGlobalId(row.targetType as NodeTypeName, row.targetId);
  }

  @FieldResolver(() => Society, { nullable: true, description: "The acting partner's society." })
  actorSociety(@Root() row: AuditRow, @Ctx() ctx: Context) {
    return row.actorSocietyId === null ? null : ctx.loaders.societyById.load(row.actorSocietyId);
  }

  @FieldResolver(() => Society, { nullable: true, description: "The society the changed object belongs to." })
  society(@Root() row: AuditRow, @Ctx() ctx: Context) {
    return row.societyId === null ? null : ctx.loaders.societyById.load(row.societyId);
  }
}
