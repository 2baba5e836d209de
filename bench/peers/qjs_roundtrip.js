// Round-trip latency, qjs + os.Worker. Usage: qjs qjs_roundtrip.js [N] [WARMUP]
import { makePool } from "./qjs_pool.js";
const N = Number(scriptArgs[1] ?? 2000);
const WARMUP = Number(scriptArgs[2] ?? 200);
const pool = makePool(2);
for (let i = 0; i < WARMUP; i++) if ((await pool.run("add", i, 1)) !== i + 1) throw new Error("bad result");
const t0 = performance.now();
for (let i = 0; i < N; i++) if ((await pool.run("add", i, 1)) !== i + 1) throw new Error("bad result");
const ms = performance.now() - t0;
console.log(JSON.stringify({ workload: "roundtrip", tasks: N, ms, us_per_task: (ms * 1000) / N }));
pool.close();
