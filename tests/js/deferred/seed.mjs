// The seed cases of the Deferred issue.
const loop = await new Deferred(() => {
  let n = 0;
  for (let i = 0; i < 1000000; i++) n++;
  return n;
});
console.log('loop', loop);
console.log('mul', await new Deferred(() => 42 * 2));
console.log('reverse', await new Deferred((s) => s.split('').reverse().join(''), 'Deferred_Execution_Works'));
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
console.log('fib', await new Deferred(fib, 20));
const msg = await new Deferred(() => { throw new Error('task failed'); }).catch((e) => e.message);
console.log('caught', msg);
const sums = await Promise.all([1, 2, 3].map(() => new Deferred(() => {
  let s = 0;
  for (let i = 1; i <= 100000; i++) s += i;
  return s;
})));
console.log('sums', sums);
