// Idle memory, qjs + os.Worker: all W workers run a task at once (a barrier on a
// SharedArrayBuffer), go idle; report VmRSS.
// Usage: qjs qjs_idle_mem.js W
import * as std from "std";
import * as os from "os";
import { makePool } from "./qjs_pool.js";
const W = Number(scriptArgs[1] ?? 1);
const pool = makePool(W);
const sab = new SharedArrayBuffer(4);
const ran = await Promise.all(Array.from({ length: W }, () => pool.run("barrier", sab, W)));
await new Promise((r) => os.setTimeout(r, 300));
const f = std.open("/proc/self/status", "r");
const status = f.readAsString();
f.close();
const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) * 1024;
console.log(JSON.stringify({ workload: "idle_mem", workers: W, all_ran: ran.every(Boolean), rss }));
pool.close();
