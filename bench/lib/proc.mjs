// Child processes the bench starts (hub, PostGraphile, floors) and what /proc tells about them: CPU time and memory.
import { spawn } from "node:child_process";
import fs from "node:fs";

const TICKS_PER_SECOND = 100; // CLK_TCK on Linux x86-64

/** User + system CPU seconds the process has used so far. */
export function cpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime, stime (fields 14 and 15)
}

export function rssMb(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : 0;
}

/** The largest resident set the process has had since it started (VmHWM), in MB. */
export function peakRssMb(pid) {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : 0;
}

/** Samples the resident set every 100 ms until stopped; returns the largest sample in MB. */
export function rssSampler(pid) {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(pid));
    } catch {
      /* process gone */
    }
  }, 100);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

/**
 * Node's own options of the hub's production command (`npm run start:prod` in the root package.json, e.g. its V8 heap
 * setting), so that the bench runs the hub exactly as that script does, without npm in between.
 */
export function hubNodeArgs(root) {
  const script = JSON.parse(fs.readFileSync(`${root}/package.json`, "utf8")).scripts["start:prod"];
  const words = script.trim().split(/\s+/);
  if (words[0] !== "node" || words.at(-1) !== "dist/src/main.js") throw new Error(`start:prod is not "node [options] dist/src/main.js": ${script}`);
  return words.slice(1, -1);
}

/** Starts a process (its own PID is the server's: no npm or shell in between) and waits until `ready()` resolves. */
export async function startProcess(name, args, { env = {}, cwd, ready, logFile }) {
  const out = logFile ? fs.openSync(logFile, "a") : "ignore";
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", out, out] });
  let exited = null;
  child.on("exit", (code, signal) => (exited = { code, signal }));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`${name} exited during start-up (${JSON.stringify(exited)}); see ${logFile}`);
    try {
      if (await ready()) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${name} did not become ready in 120 s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    name,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (exited) return resolve(exited);
        const force = setTimeout(() => child.kill("SIGKILL"), 20_000);
        child.once("exit", (code, signal) => {
          clearTimeout(force);
          resolve({ code, signal });
        });
        child.kill("SIGTERM");
      }),
  };
}

export async function httpOk(url) {
  const res = await fetch(url);
  return res.ok;
}
