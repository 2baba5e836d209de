// process.exit() from a getter of a task's argument (run while the argument is copied)
// ends the program then and there: the getter runs once, nothing after it runs.
const arg = {
  m: new Map(), // not plain data: the copy goes through the envelope, which reads getters
  get x() {
    console.log('getter ran');
    process.exit(3);
  },
};
new Deferred((v) => v, arg);
console.log('not reached');
