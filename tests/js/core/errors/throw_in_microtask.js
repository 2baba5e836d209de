queueMicrotask(() => {
  throw new Error('thrown in queueMicrotask');
});
setTimeout(() => console.log('NOT REACHED: timer'), 0);
console.log('sync end');
