console.log('before the throw');
function inner() {
  throw new Error('boom from inner');
}
function outer() {
  inner();
}
setTimeout(() => console.log('NOT REACHED: timer after an uncaught error'), 0);
outer();
console.log('NOT REACHED: after the throw');
