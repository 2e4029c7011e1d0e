// The yearly report in three forms (Markdown, CSV, JSON), rendered from the same GraphQL answers a client gets, so the
// report command, the CSV download and the API cannot disagree.
import type { Channel, MetricKind } from "../db/enums.js";
import type { Figure } from "./figures.js";
import type { Summary, TotalRow } from "./summary.service.js";

export const REPORT_QUERY = `query Report($year: Int!, $includePending: Boolean!) {
  summary(year: $year, includePending: $includePending) {
    year theme includesPending revision participatingSocieties countries activityCount
    activitiesByKind { kind count }
    totals { kind value precision campaignWide { value precision } societiesOwn { value precision } }
    changes { kind channel current { value precision } previous { value precision } previousYear ratio isRecord }
    records { kind channel current { value precision } previousYear }
  }
}`;

/** Per kind of figure in the totals: its channel totals and (where societies have own figures) the top societies. */
export function detailsQuery(kinds: MetricKind[], ranked: MetricKind[]): string {
  const fields = [
    ...kinds.map((k) => `channels_${k}: byChannel(kind: ${k}) { channel value precision campaignWide { value precision } societiesOwn { value precision } }`),
    ...ranked.map((k) => `top_${k}: bySociety(kind: ${k}, first: 5) { society { acronym name } value precision share }`),
  ];
  return `query Details($year: Int!, $includePending: Boolean!) {
  summary(year: $year, includePending: $includePending) {
    ${fields.join("\n    ")}
  }
}`;
}

/** A total as the API answers it (Summary.totals, byChannel): the figure with its campaign-wide and societies' own parts. */
type Total = Pick<TotalRow, "kind" | "value" | "precision" | "campaignWide" | "societiesOwn">;
type Change = Pick<TotalRow, "kind" | "channel" | "previousYear"> & { current: Figure };

/** What REPORT_QUERY and detailsQuery answer: the summary's own fields, then its totals, changes and records. */
export interface ReportData {
  summary: Omit<Summary, "rows"> & {
    totals: Total[];
    changes: Array<Change & { previous: Figure | null; ratio: number | null; isRecord: boolean }>;
    records: Change[];
  };
  channels: Partial<Record<MetricKind, Array<Omit<Total, "kind"> & { channel: Channel }>>>;
  rankings: Partial<Record<MetricKind, Array<Figure & { society: { acronym: string; name: string }; share: number | null }>>>;
}

const number = (n: number) => n.toLocaleString("en-GB");
const words = (kind: string) => kind.toLowerCase().replace(/_/g, " ");
const count = (n: number, one: string, many: string) => `${number(n)} ${n === 1 ? one : many}`;

/** "more than 2,000", "about 170", "39". */
export function inWords(f: Figure): string {
  if (f.precision === "AT_LEAST") return `more than ${number(f.value)}`;
  if (f.precision === "ESTIMATE") return `about ${number(f.value)}`;
  return number(f.value);
}

const percent = (ratio: number | null) => (ratio === null ? "" : `${ratio >= 1 ? "+" : ""}${((ratio - 1) * 100).toFixed(1)}%`);

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
      (s.activitiesByKind.length ? ` (${s.activitiesByKind.map((k) => `${k.count} ${words(k.kind)}`).join(", ")}).` : "."),
    "",
  );
  out.push("## Figures", "");
  if (s.totals.length === 0) out.push("No figures have been recorded for this edition.", "");
  for (const t of s.totals) {
    const parts = [];
    if (t.campaignWide) parts.push(`campaign-wide ${inWords(t.campaignWide)}`);
    if (t.societiesOwn) parts.push(`societies' own ${inWords(t.societiesOwn)}`);
    out.push(`- **${inWords(t)}** ${words(t.kind)} (${parts.join("; ")})`);
  }
  if (s.totals.length) out.push("");
  const ranked = Object.entries(data.rankings).filter(([, list]) => list && list.length > 0);
  if (ranked.length) {
    out.push("## Top societies (their own figures)", "");
    for (const [kind, list] of ranked) {
      out.push(`**${words(kind)}**: ` + list!.map((e) => `${e.society.acronym} ${inWords(e)}${e.share !== null ? ` (${(e.share * 100).toFixed(0)}%)` : ""}`).join(", "), "");
    }
  }
  const compared = s.changes.filter((c) => c.previous !== null);
  out.push("## Compared with earlier editions", "");
  if (compared.length === 0) out.push("No earlier edition has the same figures.", "");
  else {
    out.push("| figure | channel | this year | earlier | change | record |", "|---|---|---:|---:|---:|:-:|");
    for (const c of compared) {
      out.push(`| ${words(c.kind)} | ${c.channel ? words(c.channel) : "all"} | ${inWords(c.current)} | ${inWords(c.previous!)} (${c.previousYear}) | ${percent(c.ratio)} | ${c.isRecord ? "★" : ""} |`);
    }
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
];

/** One row per kind (channel empty: the edition total) and per kind and channel. */
export function renderCsv(data: ReportData): string {
  const s = data.summary;
  const split = new Map<string, { campaignWide: Figure | null; societiesOwn: Figure | null }>();
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
