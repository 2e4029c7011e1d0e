// How figures are worded on the site: with their precision ("more than 4.4 million impressions", "about 10,000
// participants"), in British English like ESR's reports.
export type Precision = "EXACT" | "AT_LEAST" | "ESTIMATE";

const LABELS: Record<string, [one: string, many: string]> = {
  COUNTRIES: ["country", "countries"],
  DOWNLOADS: ["download", "downloads"],
  ENGAGEMENTS: ["engagement", "engagements"],
  IMPRESSIONS: ["impression", "impressions"],
  LANGUAGES: ["language", "languages"],
  LECTURES: ["lecture", "lectures"],
  MENTIONS: ["mention", "mentions"],
  FEED_REACH: ["feed reach", "feed reach"],
  NEW_FOLLOWERS: ["new follower", "new followers"],
  PAGE_LIKES: ["page like", "page likes"],
  PARTICIPANTS: ["participant", "participants"],
  PARTICIPATING_SOCIETIES: ["participating society", "participating societies"],
  POSTS: ["post", "posts"],
  REACH: ["person reached", "people reached"],
  REGISTRATIONS: ["registration", "registrations"],
  REPORTS_RECEIVED: ["experience report received", "experience reports received"],
  VIEWS: ["view", "views"],
};

const CHANNELS: Record<string, string> = {
  EMAIL: "E-mail",
  FACEBOOK: "Facebook",
  INSTAGRAM: "Instagram",
  IN_PERSON: "In person",
  LINKEDIN: "LinkedIn",
  ONLINE_PLATFORM: "Online platform",
  OTHER: "Other",
  PRINT: "Print",
  TWITTER: "Twitter / X",
  WEBSITE: "Website",
  YOUTUBE: "YouTube",
};

/** "impressions", "new followers". */
export const kindLabel = (kind: string, value = 2) => {
  const words = kind.toLowerCase().replace(/_/g, " ");
  return (LABELS[kind] ?? [words, words])[value === 1 ? 0 : 1];
};
/** "Impressions". */
export const kindTitle = (kind: string) => capitalize(kindLabel(kind));
export const channelLabel = (channel: string | null | undefined) => (channel ? (CHANNELS[channel] ?? channel) : "All channels");
/** "PUBLIC_LECTURE" → "Public lecture". */
export const enumLabel = (value: string) => capitalize(value.toLowerCase().replace(/_/g, " "));
export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const formatNumber = (n: number) => n.toLocaleString("en-GB");

/** 4400000 → "4.4 million"; below a million the number in full (2,000). */
export function amount(n: number): string {
  const scaled = (d: number, word: string) => `${(n / d).toLocaleString("en-GB", { maximumFractionDigits: 1 })} ${word}`;
  if (n >= 1e9) return scaled(1e9, "billion");
  if (n >= 1e6) return scaled(1e6, "million");
  return formatNumber(n);
}

const qualifier = (p: Precision) => (p === "AT_LEAST" ? "more than " : p === "ESTIMATE" ? "about " : "");

/** "more than 4.4 million". */
export const figureInWords = (f: { value: number; precision: Precision }) => `${qualifier(f.precision)}${amount(f.value)}`;

/** "more than 4.4 million impressions". */
export const totalInWords = (kind: string, f: { value: number; precision: Precision }) => `${figureInWords(f)} ${kindLabel(kind, f.value)}`;

export const precisionNote = (p: Precision) => (p === "AT_LEAST" ? "lower bound" : p === "ESTIMATE" ? "estimate" : "exact");

export const formatDate = (iso: string) =>
  new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: iso.length === 10 ? "UTC" : undefined });

export const formatDateTime = (iso: string, timeZone?: string) =>
  new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone });

export const countryName = (code: string | null | undefined) => {
  if (!code) return "International";
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
};

/** An event's time and place in one line: "8 Nov 2025, 18:00 – 8 Nov 2025, 20:00 (Europe/Vienna), AKH, Vienna, AT; online". */
export function eventInWords(e: { startsAt: string; endsAt: string; timeZone: string; venue?: string | null; city?: string | null; countryCode?: string | null; online: boolean } | null | undefined): string {
  if (!e) return "—";
  const place = [e.venue, e.city, e.countryCode].filter(Boolean).join(", ");
  return `${formatDateTime(e.startsAt, e.timeZone)} – ${formatDateTime(e.endsAt, e.timeZone)} (${e.timeZone})${place ? `, ${place}` : ""}${e.online ? "; online" : ""}`;
}
