// The request's DataLoaders, one set per request so that visibility and caching never leak between callers.
import DataLoader from "dataloader";
import type { Viewer } from "./context.js";
import type { Db } from "./db/client.js";
import { activityLoaders } from "./activities/activity.service.js";
import { editionLoaders } from "./editions/edition.service.js";
import { metricLoaders } from "./metrics/metric.service.js";
import { partnerLoaders } from "./partners/partner.service.js";
import { societyLoaders } from "./societies/society.service.js";

/**
 * Loaders whose batch depends on field arguments (a nested page: `activities(first: 20, kind: BOOK)`), one per distinct
 * argument set, so that all parents asking the same page are loaded in one statement.
 */
export class KeyedLoaders {
  private readonly byKey = new Map<string, DataLoader<number, unknown>>();

  get<V>(name: string, args: unknown, batch: (parentIds: readonly number[]) => Promise<V[]>): DataLoader<number, V> {
    const key = `${name}:${JSON.stringify(args)}`;
    let loader = this.byKey.get(key);
    if (!loader) {
      loader = new DataLoader<number, V>(batch) as DataLoader<number, unknown>;
      this.byKey.set(key, loader);
    }
    return loader as DataLoader<number, V>;
  }
}

export function createLoaders(db: Db, viewer: Viewer) {
  return {
    ...societyLoaders(db),
    ...editionLoaders(db),
    ...activityLoaders(db, viewer),
    ...metricLoaders(db, viewer),
    ...partnerLoaders(db),
    keyed: new KeyedLoaders(),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
