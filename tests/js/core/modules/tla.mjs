// Top-level await in an ES module: the event loop runs while the module waits.
console.log('start');
setTimeout(() => console.log('timer scheduled before the await'), 1);
const value = await new Promise((resolve) => setTimeout(() => resolve(42), 10));
console.log('awaited', value);
const results = await Promise.all([1, Promise.resolve(2), new Promise((r) => setImmediate(() => r(3)))]);
console.log('Promise.all', results);
for await (const x of (async function* () { yield 'a'; await null; yield 'b'; })()) console.log('for await', x);
try {
  await Promise.reject(new Error('caught rejection'));
} catch (e) {
  console.log('caught:', e.message);
}
console.log('end');
