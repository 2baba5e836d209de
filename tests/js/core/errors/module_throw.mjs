console.log('module start');
function fail() {
  throw new Error('thrown at module top level');
}
fail();
