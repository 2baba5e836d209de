// clearImmediate before it runs, and from an earlier immediate.
const im = setImmediate(() => console.log('NOT REACHED: cleared immediate'));
clearImmediate(im);
clearImmediate();
clearImmediate(undefined);
clearImmediate(null);

// An immediate cleared by an earlier immediate does not run.
let im3;
setImmediate(() => {
  clearImmediate(im3);
  console.log('immediate 1 cleared immediate 3');
});
setImmediate(() => console.log('immediate 2'));
im3 = setImmediate(() => console.log('NOT REACHED: immediate 3'));
console.log('main done');
