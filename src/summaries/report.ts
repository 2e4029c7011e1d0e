// The yearly report in three forms (Markdown, CSV, JSON), rendered from the same GraphQL answers a client gets, so the
// report command, the CSV download and the API cannot disagree.
import type { ActivityKind, MetricKind, Precision } from "../db/enums.js";
import type { Coverage, SummaryFigure } from "./figure-use.type.js";
import type { ChannelTotal, EditionSummary, FigureType, MetricChange, MetricTotal, SocietyShare } from "./summary.types.js";

const FIGURES = `figures { role value precision scope derived source asOf window note coverage { everything channels } coReported coOrganisers
      activity { title society { acronym } } }`;

export const REPORT_QUERY = `query Report($year: Int!, $includePending: Boolean!) {
  summary(year: $year, includePending: $includePending) {
    year theme includesPending revision participatingSocieties countries activityCount
    activitiesByKind { kind count }
    totals { kind value precision campaignWide { value precision } societiesOwn { value precision }
      coverage { everything channels } unsourced sourcesDisagree ${FIGURES} }
    changes { kind channel coverage { everything channels } current { value precision } previous { value precision } previousYear
      previousReason skippedYears ratio ratioPrecision record isRecord }
    records { kind channel current { value precision } previousYear }
  }
}`;

/** Per kind of figure in the totals: its channel totals and (where societies have own figures) the top societies. */
export function detailsQuery(kinds: MetricKind[], ranked: MetricKind[]): string {
  const fields = [
    ...kinds.map((k) => `channels_${k}: byChannel(kind: ${k}) { channel value precision campaignWide { value precision } societiesOwn { value precision } unsourced sourcesDisagree ${FIGURES} }`),
    ...ranked.map((k) => `top_${k}: bySociety(kind: ${k}, first: 5) { society { acronym name } value precision share coReported ${FIGURES} }`),
  ];
  return `query Details($year: Int!, $includePending: Boolean!) {
  summary(year: $year, includePending: $includePending) {
    ${fields.join("\n    ")}
  }
}`;
}

// The shapes of the answers, taken from the GraphQL types they come from (only what the queries above ask for).
/** One figure behind a number, with its provenance. */
export type SourceData = Pick<SummaryFigure, "role" | "value" | "precision" | "scope" | "derived" | "source" | "asOf" | "window" | "note" | "coverage" | "coReported"> & {
  /** Acronyms of its activity's co-organising societies. */
  coOrganisers: string[];
  activity: { title: string; society: { acronym: string } } | null;
};
type Provenance = Pick<MetricTotal, "unsourced" | "sourcesDisagree"> & { figures: SourceData[] };
/** A GraphQL row whose figures are asked for as SourceData. */
type Sourced<T> = Omit<T, "figures"> & Provenance;

export interface ReportData {
  summary: Pick<EditionSummary, "year" | "theme" | "includesPending" | "revision" | "participatingSocieties" | "countries" | "activityCount" | "activitiesByKind"> & {
    totals: Array<Sourced<MetricTotal>>;
    changes: MetricChange[];
    records: Array<Pick<MetricChange, "kind" | "channel" | "current" | "previousYear">>;
  };
  channels: Partial<Record<MetricKind, Array<Sourced<ChannelTotal>>>>;
  rankings: Partial<Record<MetricKind, Array<Pick<SocietyShare, "value" | "precision" | "share" | "coReported"> & { society: { acronym: string; name: string }; figures: SourceData[] }>>>;
}

const number = (n: number) => n.toLocaleString("en-GB");
const words = (kind: string) => kind.toLowerCase().replace(/_/g, " ");
const count = (n: number, one: string, many: string) => `${number(n)} ${n === 1 ? one : many}`;

/** How an activity kind is counted in prose, one and many: "1 experience-report collection", "3 photo series". */
const ACTIVITY_KIND_WORDS: Record<ActivityKind, [one: string, many: string]> = {
  BOOK: ["book", "books"],
  E_BOOK: ["e-book", "e-books"],
  PUBLIC_LECTURE: ["public lecture", "public lectures"],
  SCIENTIFIC_MEETING: ["scientific meeting", "scientific meetings"],
  WEBINAR: ["webinar", "webinars"],
  LECTURE_PACKAGE: ["lecture package", "lecture packages"],
  OPEN_DAY: ["open day", "open days"],
  PRESS_RELEASE: ["press release", "press releases"],
  MEDIA_APPEARANCE: ["media appearance", "media appearances"],
  SOCIAL_MEDIA_CAMPAIGN: ["social-media campaign", "social-media campaigns"],
  PHOTO_SERIES: ["photo series", "photo series"],
  CONTEST: ["contest", "contests"],
  VIDEO: ["video", "videos"],
  POSTER: ["poster", "posters"],
  EVENT: ["event", "events"],
  QUIZ: ["quiz", "quizzes"],
  DEMONSTRATION: ["demonstration", "demonstrations"],
  AWARDS_CEREMONY: ["awards ceremony", "awards ceremonies"],
  FUNDRAISING: ["fundraising activity", "fundraising activities"],
  COMMUNITY_OUTREACH: ["community-outreach activity", "community-outreach activities"],
  MICROSITE: ["microsite", "microsites"],
  PATIENT_INFORMATION: ["patient-information activity", "patient-information activities"],
  EXPERIENCE_REPORTS: ["experience-report collection", "experience-report collections"],
  CAMPAIGN_REPORT: ["campaign report", "campaign reports"],
  OTHER: ["other activity", "other activities"],
};

export const activityCount = (n: number, kind: string): string => {
  const [one, many] = ACTIVITY_KIND_WORDS[kind as ActivityKind] ?? [words(kind), words(kind)];
  return count(n, one, many);
};

/** "more than 2,000", "about 170", "39". */
export function inWords(f: FigureType): string {
  if (f.precision === "AT_LEAST") return `more than ${number(f.value)}`;
  if (f.precision === "ESTIMATE") return `about ${number(f.value)}`;
  return number(f.value);
}

const PERCENT_WORDS: Record<Precision, string> = { EXACT: "", AT_LEAST: "at least ", ESTIMATE: "about " };
const percent = (ratio: number | null, precision: Precision | null) =>
  ratio === null ? "" : `${PERCENT_WORDS[precision ?? "ESTIMATE"]}${ratio >= 1 ? "+" : ""}${((ratio - 1) * 100).toFixed(1)}%`;

const REASONS: Record<string, string> = {
  DERIVED: "rests on a derived figure",
  SOURCES_DISAGREE: "sources disagree",
  DIFFERENT_SCOPE: "campaign-wide against societies' own figures",
  DIFFERENT_COVERAGE: "different channels covered",
};

function coverageWords(c: Coverage): string {
  if (c.everything) return "";
  return ` on ${c.channels.map((ch) => words(ch)).join(", ").replace(/, ([^,]*)$/, " and $1")}`;
}

const ROLE_WORDS = { COUNTED: "counted", CONTAINED: "contained in a counted figure", SET_ASIDE: "set aside" } as const;

/** "counted: more than 2,000 (ESR, IDoR 2020 report) — S26 dvta.de ...; window: ...; note: ..." */
export function sourceLine(f: SourceData): string {
  const organisers = f.activity ? [f.activity.society.acronym, ...f.coOrganisers].join(" with ") : "";
  const who = f.activity ? `${organisers}, ${f.activity.title}` : "a figure the viewer may not open";
  const parts = [`${ROLE_WORDS[f.role]}: ${inWords(f)}${coverageWords(f.coverage)} (${who})${f.derived ? " [derived]" : ""}`];
  parts.push(f.source ? `source: ${f.source}` : "NO SOURCE");
  if (f.asOf) parts.push(`as of ${f.asOf}`);
  if (f.window) parts.push(`window: ${f.window}`);
  if (f.note) parts.push(`note: ${f.note}`);
  return parts.join("; ");
}

function bar(value: number, max: number, width = 30): string {
  const n = max > 0 ? Math.max(value > 0 ? 1 : 0, Math.round((value / max) * width)) : 0;
  return "█".repeat(n);
}

export function renderMarkdown(data: ReportData): string {
  const s = data.summary;
  const out: string[] = [];
  out.push(`# International Day of Radiology ${s.year}`, "");
  if (s.theme) out.push(`Theme: **${s.theme}**`, "");
  if (s.includesPending) out.push("> Preview: submitted activities and pending changes are counted as if approved.", "");
  out.push("## Participation in the hub", "");
  out.push(
    `${count(s.activityCount, "approved activity", "approved activities")} from ${count(s.participatingSocieties, "society", "societies")} in ${count(s.countries, "country", "countries")} are recorded in the IDoR Hub` +
      (s.activitiesByKind.length ? ` (${s.activitiesByKind.map((k) => activityCount(k.count, k.kind)).join(", ")}).` : "."),
    "",
  );
  out.push("## Figures", "");
  if (s.totals.length === 0) out.push("No figures have been recorded for this edition.", "");
  for (const t of s.totals) {
    const parts = [];
    if (t.campaignWide) parts.push(`campaign-wide ${inWords(t.campaignWide)}`);
    if (t.societiesOwn) parts.push(`societies' own ${inWords(t.societiesOwn)}`);
    out.push(`- **${inWords(t)}** ${words(t.kind)}${coverageWords(t.coverage)} (${parts.join("; ")})`);
    if (t.sourcesDisagree) out.push("  - Sources disagree: the larger figure is kept, the others are set aside.");
    if (t.unsourced) out.push("  - A figure behind this total has no source.");
    for (const f of t.figures) out.push(`  - ${sourceLine(f)}`);
  }
  if (s.totals.length) out.push("");
  const ranked = Object.entries(data.rankings).filter(([, list]) => list && list.length > 0);
  if (ranked.length) {
    out.push("## Top societies (their own figures)", "");
    for (const [kind, list] of ranked) {
      out.push(`**${words(kind)}**: ` + list!.map((e) => `${e.society.acronym} ${inWords(e)}${e.share !== null ? ` (${(e.share * 100).toFixed(0)}%)` : ""}${e.coReported ? " (shared)" : ""}`).join(", "), "");
      for (const e of list!) for (const f of e.figures) out.push(`- ${e.society.acronym}: ${sourceLine(f)}`);
      if (list!.some((e) => e.coReported)) out.push("", "(shared) a figure co-organised or reported by several societies: credited to each of them here, counted once in the total.");
      out.push("");
    }
  }
  const compared = s.changes.filter((c) => c.previous !== null);
  const notCompared = s.changes.filter((c) => c.previous === null && c.previousReason !== "NO_EARLIER_FIGURE");
  out.push("## Compared with earlier editions", "");
  if (compared.length === 0) out.push("No earlier edition has comparable figures.", "");
  else {
    out.push("| figure | channel | this year | earlier | change | record |", "|---|---|---:|---:|---:|:-:|");
    for (const c of compared) {
      const skipped = c.skippedYears.length ? `, skipping ${c.skippedYears.join(", ")}` : "";
      const record = c.record === "YES" ? "★" : c.record === "UNDETERMINED" ? "?" : "";
      out.push(`| ${words(c.kind)} | ${c.channel ? words(c.channel) : "all"} | ${inWords(c.current)} | ${inWords(c.previous!)} (${c.previousYear}${skipped}) | ${percent(c.ratio, c.ratioPrecision)} | ${record} |`);
    }
    out.push("", "★ a record for certain; ? the figures cannot say (lower bounds or estimates).", "");
  }
  if (notCompared.length) {
    out.push("Not compared:", "");
    for (const c of notCompared) out.push(`- ${words(c.kind)}${c.channel ? ` on ${words(c.channel)}` : ""} against ${c.previousYear}: ${REASONS[c.previousReason!] ?? c.previousReason}`);
    out.push("");
  }
  if (s.records.length) {
    out.push("## Records", "");
    for (const r of s.records) out.push(`- ${words(r.kind)}${r.channel ? ` on ${words(r.channel)}` : ""}: ${inWords(r.current)}, the highest of any edition`);
    out.push("");
  }
  const channels = s.changes.filter((c) => c.channel !== null);
  if (channels.length) {
    out.push("## Totals by channel", "");
    for (const kind of [...new Set(channels.map((c) => c.kind))]) {
      const rows = channels.filter((c) => c.kind === kind);
      const max = Math.max(...rows.map((c) => c.current.value));
      const width = Math.max(...rows.map((c) => words(c.channel!).length));
      out.push(`${words(kind)}:`, "```");
      for (const c of rows) out.push(`${words(c.channel!).padEnd(width)} ${bar(c.current.value, max).padEnd(30)} ${inWords(c.current)}`);
      out.push("```", "");
    }
  }
  out.push(`_Compiled by the IDoR Hub at data revision ${s.revision}._`, "");
  return out.join("\n");
}

const csvCell = (v: unknown) => {
  if (v === null || v === undefined) return "";
  const text = String(v);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const CSV_HEADER = [
  "year", "kind", "channel", "value", "precision", "campaign_wide", "campaign_wide_precision", "societies_own",
  "societies_own_precision", "previous_year", "previous_value", "previous_precision", "ratio", "is_record",
  "coverage", "previous_reason", "skipped_years", "ratio_precision", "record", "source", "as_of", "window", "note", "set_aside",
  "unsourced", "sources_disagree",
];

/** The counted figures' source, asOf, window and note (joined with " | " when several), and what was set aside. */
function provenanceCells(t: Provenance | undefined): unknown[] {
  if (!t) return ["", "", "", "", "", "", ""];
  const counted = t.figures.filter((f) => f.role === "COUNTED");
  const join = (pick: (f: SourceData) => string | null) => counted.map((f) => pick(f) ?? "").join(" | ");
  const setAside = t.figures.filter((f) => f.role === "SET_ASIDE").map((f) => `${f.value} ${f.precision} (${f.source ?? "no source"})`).join(" | ");
  return [join((f) => f.source), join((f) => f.asOf), join((f) => f.window), join((f) => f.note), setAside, t.unsourced, t.sourcesDisagree];
}

/** One row per kind (channel empty: the edition total) and per kind and channel. */
export function renderCsv(data: ReportData): string {
  const s = data.summary;
  const split = new Map<string, { campaignWide: FigureType | null; societiesOwn: FigureType | null } & Provenance>();
  for (const t of s.totals) split.set(`${t.kind}/`, t);
  for (const [kind, rows] of Object.entries(data.channels)) for (const r of rows ?? []) split.set(`${kind}/${r.channel}`, r);
  const lines = [CSV_HEADER.join(",")];
  for (const c of s.changes) {
    const t = split.get(`${c.kind}/${c.channel ?? ""}`);
    lines.push(
      [
        s.year, c.kind, c.channel ?? "", c.current.value, c.current.precision,
        t?.campaignWide?.value, t?.campaignWide?.precision, t?.societiesOwn?.value, t?.societiesOwn?.precision,
        c.previousYear, c.previous?.value, c.previous?.precision, c.ratio, c.isRecord,
        c.coverage.everything ? "ALL" : c.coverage.channels.join(" "), c.previousReason, c.skippedYears.join(" "), c.ratioPrecision, c.record,
        ...provenanceCells(t),
      ]
        .map(csvCell)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

export function renderJson(data: ReportData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

export const FORMATS = { md: renderMarkdown, csv: renderCsv, json: renderJson } as const;
export type ReportFormat = keyof typeof FORMATS;
