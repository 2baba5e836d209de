// process.exit inside a task cannot end the process: the task rejects and the pool goes on.
const e = await new Deferred(() => { process.exit(3); }).catch((e) => e);
console.log(e.name, /cannot be called inside a Deferred task/.test(e.message));
console.log(await new Deferred(async () => { await new Promise((r) => setTimeout(r, 1)); return 'still serving'; }));
