function check(x) {
  if (typeof x !== 'number') throw new TypeError(`expected a number, got ${typeof x}`);
}
check('nope');
