// Worker file for the piscina peer (CommonJS): one exported function per task kind.
function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
module.exports = {
  add: ({ a, b }) => a + b,
  fib: (n) => fib(n),
};
