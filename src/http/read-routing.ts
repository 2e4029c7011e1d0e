// Which database a request reads from, when read replicas are configured (HUB_READ_REPLICA_URLS):
// - the public (no API key) reads from a replica: it may see the data a moment (the replication lag) behind;
// - every request with a partner or staff key reads from the primary, so a partner sees its own write at once
//   (read-your-writes without sticky sessions: the key, not a cookie or a timer, decides);
// - every mutation runs on the primary whoever sends it, and so do the summaries' revision checks (ctx.primary).
import type { ApolloServerPlugin } from "@apollo/server";
import { createLoaders } from "../loaders.js";
import type { Context, Viewer } from "../context.js";
import type { Db, SqlStats } from "../db/client.js";
import type { ReadReplicas } from "../db/replicas.js";

export function readerFor(replicas: ReadReplicas | undefined, viewer: Viewer, primary: Db, stats: SqlStats): Db {
  if (!replicas || viewer.role !== "PUBLIC") return primary;
  return replicas.forRead(stats) ?? primary;
}

/** Moves a mutation's context to the primary before any resolver runs (a standby refuses writes). */
export function mutationsOnPrimary(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue: ctx }) {
          if (operation?.operation !== "query" && ctx.db !== ctx.primary) {
            ctx.db = ctx.primary;
            ctx.loaders = createLoaders(ctx.primary, ctx.viewer);
          }
        },
      };
    },
  };
}
