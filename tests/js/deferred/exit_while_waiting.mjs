// process.exit() while a task waits on its own minute-long timer: the worker's event loop
// is woken at shutdown, so the process ends at once (the harness's 20 s timeout would
// catch a worker that waits the minute out).
Deferred.spawn(() => new Promise((r) => setTimeout(r, 60000)));
new Deferred(() => new Promise((r) => setTimeout(r, 60000)));
setTimeout(() => {
  console.log('exiting');
  process.exit(0);
}, 50);
