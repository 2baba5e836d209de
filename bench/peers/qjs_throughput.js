// Throughput, qjs + os.Worker. Usage: qjs qjs_throughput.js [N] [WARMUP]
import { makePool } from "./qjs_pool.js";
import { measureThroughput } from "../common/tasks.mjs";
const N = Number(scriptArgs[1] ?? 100000);
const WARMUP = Number(scriptArgs[2] ?? 2000);
const pool = makePool(2);
console.log(JSON.stringify(await measureThroughput(N, WARMUP, (i) => pool.run("add", i, 1))));
pool.close();
