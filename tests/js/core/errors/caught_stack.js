// A caught error carries name, message and a stack that names the functions and the file.
function thrower() {
  throw new RangeError('out of range');
}
function caller() {
  thrower();
}
try {
  caller();
} catch (e) {
  console.log(e.name, '|', e.message, '|', e instanceof RangeError, e instanceof Error);
  const stack = String(e.stack);
  console.log('stack names thrower:', /at thrower \(/.test(stack));
  console.log('stack names caller:', /at caller \(/.test(stack));
  console.log('stack has file:line:', /caught_stack\.js:3:\d+/.test(stack) && /caught_stack\.js:6:\d+/.test(stack));
  console.log('toString:', String(e));
}
const err = new Error('with cause', { cause: 'the cause' });
console.log('cause:', err.cause);
class CustomError extends Error {
  constructor(m) {
    super(m);
    this.name = 'CustomError';
  }
}
try {
  throw new CustomError('custom');
} catch (e) {
  console.log(String(e), e instanceof CustomError);
}
