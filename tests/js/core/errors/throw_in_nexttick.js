process.nextTick(() => {
  throw new Error('thrown in nextTick');
});
process.nextTick(() => console.log('NOT REACHED: second tick'));
setTimeout(() => console.log('NOT REACHED: timer'), 0);
console.log('sync end');
