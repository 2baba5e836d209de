// A Rust panic in a worker (forced by a test-build hook) rejects the task with an
// InternalError; the pool replaces the worker and goes on serving.
const results = await Promise.allSettled([
  new Deferred(function __protojs_test_panic__() { return 1; }),
  new Deferred((x) => x * 2, 21),
]);
console.log(results[0].status, results[0].reason.name, /panicked/.test(results[0].reason.message));
console.log(results[1].status, results[1].value);
const after = await Promise.all(Array.from({ length: 4 }, (_, i) => new Deferred((x) => x + 1, i)));
console.log(after);
