async function failLater() {
  await null;
  throw new RangeError('async boom');
}
failLater();
setTimeout(() => console.log('NOT REACHED: timer after an unhandled rejection'), 30);
console.log('sync end');
