const t = setTimeout(() => console.log('NOT REACHED: cleared timeout'), 0);
clearTimeout(t);
const t2 = setTimeout(() => console.log('NOT REACHED: timeout cleared by clearInterval'), 1);
clearInterval(t2);

// Clearing nothing, or a value that is not a timer, is harmless.
for (const x of [undefined, null, 'abc', 99999, {}, -1, 0, NaN]) {
  clearTimeout(x);
  clearInterval(x);
}
clearTimeout();

// A timer cleared by an earlier timer's callback does not fire.
const later = setTimeout(() => console.log('NOT REACHED: later'), 20);
setTimeout(() => {
  clearTimeout(later);
  console.log('cleared later');
}, 1);

// Clearing a timer that already fired is a no-op.
const fired = setTimeout(() => {
  console.log('fired');
  setTimeout(() => {
    clearTimeout(fired);
    console.log('cleared fired (no-op)');
    selfClearing();
  }, 1);
}, 1);

// A timer that clears itself while running.
function selfClearing() {
  const self = setTimeout(() => {
    clearTimeout(self);
    console.log('self-clearing timeout ran once');
  }, 1);
}

console.log('main done');
