// process.exit(code) ends the program at once: no pending timer, immediate, nextTick or
// promise job runs, no catch or finally block runs, and output printed before it is flushed.
console.log('before exit');
console.error('stderr before exit');
process.stdout.write('partial line without newline');
setTimeout(() => console.log('NOT REACHED: timer'), 0);
setImmediate(() => console.log('NOT REACHED: immediate'));
setInterval(() => console.log('NOT REACHED: interval'), 1);
process.nextTick(() => console.log('NOT REACHED: nextTick'));
Promise.resolve().then(() => console.log('NOT REACHED: promise job'));
function deep(n) {
  if (n === 0) process.exit(3);
  else deep(n - 1);
}
try {
  deep(5);
} catch (e) {
  console.log('NOT REACHED: catch', e);
} finally {
  console.log('NOT REACHED: finally');
}
console.log('NOT REACHED: after exit');
