setImmediate(() => {
  throw new Error('thrown in setImmediate');
});
setImmediate(() => console.log('NOT REACHED: second immediate'));
