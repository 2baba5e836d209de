// The round-trip and throughput workloads, the same for every system: `run(i)` submits one
// trivial task computing i + 1 on the system's pool and returns a promise of the result.
// Each returns the JSON record the harness reads. Imported by protojs/*.mjs and
// peers/*_roundtrip.* / *_throughput.* (qjs, node and piscina all load ES modules).

// WARMUP tasks, then N tasks each awaited before the next is submitted.
export async function measureRoundtrip(N, WARMUP, run) {
  for (let i = 0; i < WARMUP; i++) if ((await run(i)) !== i + 1) throw new Error('bad result');
  const t0 = performance.now();
  for (let i = 0; i < N; i++) if ((await run(i)) !== i + 1) throw new Error('bad result');
  const ms = performance.now() - t0;
  return { workload: 'roundtrip', tasks: N, ms, us_per_task: (ms * 1000) / N };
}

// A WARMUP batch, then N tasks submitted at once and awaited with Promise.all.
export async function measureThroughput(N, WARMUP, run) {
  async function batch(n) {
    const ps = new Array(n);
    for (let i = 0; i < n; i++) ps[i] = run(i);
    const rs = await Promise.all(ps);
    for (let i = 0; i < n; i++) if (rs[i] !== i + 1) throw new Error('bad result at ' + i);
  }
  await batch(WARMUP);
  const t0 = performance.now();
  await batch(N);
  const ms = performance.now() - t0;
  return { workload: 'throughput', tasks: N, ms, tasks_per_s: N / (ms / 1000) };
}
