// Round-trip latency, qjs + os.Worker. Usage: qjs qjs_roundtrip.js [N] [WARMUP]
import { makePool } from "./qjs_pool.js";
import { measureRoundtrip } from "../common/tasks.mjs";
const N = Number(scriptArgs[1] ?? 2000);
const WARMUP = Number(scriptArgs[2] ?? 200);
const pool = makePool(2);
console.log(JSON.stringify(await measureRoundtrip(N, WARMUP, (i) => pool.run("add", i, 1))));
pool.close();
