// Every limit on mutation input, in one object: the checks in the services and the descriptions in the schema both read
// it, so a limit cannot be enforced at one value and documented at another.
export const LIMITS = {
  activity: {
    idempotencyKey: 255,
    title: 300,
    description: 10_000,
    url: 2_000,
    source: 1_000,
    note: 2_000,
    /** A figure's period in words, and why a figure over several channels may be smaller than their sum. */
    window: 300,
    overrideNote: 2_000,
    venue: 300,
    city: 200,
    /** Figures per activity (and per recordMetrics/removeMetrics call). */
    metrics: 200,
    /** Activities per submitActivities call. */
    batch: 500,
    /** Co-organising societies per activity. */
    coOrganisers: 20,
    reviewNote: 2_000,
  },
  society: { slug: 64, acronym: 32, name: 300, website: 2_000, note: 2_000, foundedFrom: 1800 },
  edition: { firstYear: 2012, lastYear: 2200, theme: 500, themeSource: 1_000 },
  apiKey: { label: 200 },
} as const;

/** A limit as the descriptions write it: 10,000. */
export const shown = (n: number) => n.toLocaleString("en-GB");
