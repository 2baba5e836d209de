// Immediates run in order; one queued by an immediate waits for the next loop turn;
// nextTicks and promise jobs run between immediates.
setImmediate((a, b) => {
  console.log('imm1', a, b);
  setImmediate(() => console.log('imm-nested (next turn)'));
  process.nextTick(() => console.log('tick after imm1'));
  Promise.resolve().then(() => console.log('promise after imm1'));
}, 'A', 'B');
setImmediate(() => {
  console.log('imm2');
  queueMicrotask(() => console.log('microtask after imm2'));
});
setImmediate(() => console.log('imm3'));
console.log('main done');
