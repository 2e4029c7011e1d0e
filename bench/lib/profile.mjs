// Summarises a V8 CPU profile (.cpuprofile from node --cpu-prof): self time by category (garbage collection, idle,
// each npm package, Node internals, the hub's own code) and the top frames by self time, optionally only the samples
// inside a time window (the measured load, not start-up).
import fs from "node:fs";

function categoryOf(frame) {
  const { functionName, url } = frame;
  if (functionName === "(garbage collector)") return "garbage collection";
  if (functionName === "(idle)") return "idle";
  if (functionName === "(program)") return "(program: native, not JS)";
  if (functionName === "(root)") return "(root)";
  if (!url) return "native / builtins";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith("node:")) return "Node internals";
  if (/\/dist\/src\//.test(url) || /\/src\//.test(url)) return "the hub's own code";
  return "other";
}

/** windowUs: [start, end] in the monotonic clock's microseconds (process.hrtime.bigint() / 1000n), or null. */
export function summariseProfile(file, windowUs = null, top = 25) {
  const profile = JSON.parse(fs.readFileSync(file, "utf8"));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfByNode = new Map();
  let t = profile.startTime;
  let counted = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (windowUs && (t < windowUs[0] || t > windowUs[1])) continue;
    selfByNode.set(profile.samples[i], (selfByNode.get(profile.samples[i]) ?? 0) + 1);
    counted++;
  }
  const windowed = windowUs !== null && counted > 0;
  if (windowUs && counted === 0) return summariseProfile(file, null, top);
  const byCategory = new Map();
  const byFrame = new Map();
  for (const [id, n] of selfByNode) {
    const frame = nodes.get(id).callFrame;
    const cat = categoryOf(frame);
    byCategory.set(cat, (byCategory.get(cat) ?? 0) + n);
    const where = frame.url ? `${shortUrl(frame.url)}:${frame.lineNumber + 1}` : "";
    const key = `${frame.functionName || "(anonymous)"}\t${where}\t${cat}`;
    byFrame.set(key, (byFrame.get(key) ?? 0) + n);
  }
  const busy = counted - (byCategory.get("idle") ?? 0);
  const rows = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => ({ key: k, samples: n, pct: (100 * n) / counted, pctBusy: k.startsWith("idle") ? null : (100 * n) / busy }));
  return {
    samples: counted,
    windowed,
    categories: rows(byCategory),
    frames: rows(byFrame)
      .filter((r) => !r.key.startsWith("(idle)"))
      .slice(0, top)
      .map((r) => {
        const [fn, where, cat] = r.key.split("\t");
        return { ...r, fn, where, cat };
      }),
  };
}

function shortUrl(url) {
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) return url.slice(nm + "node_modules/".length);
  const dist = url.indexOf("/dist/");
  if (dist >= 0) return url.slice(dist + 1);
  return url.replace(/^file:\/\//, "");
}
