// setInterval repeats until clearInterval is called from inside its own callback.
let n = 0;
const iv = setInterval((tag, x) => {
  n++;
  console.log('interval', tag, x, n);
  if (n === 3) {
    clearInterval(iv);
    setTimeout(() => {
      console.log('after clearInterval, n =', n);
      startI3();
    }, 30);
  }
}, 5, 'iv', 7);

// clearInterval before the first run: never fires.
const never = setInterval(() => console.log('NOT REACHED: cleared interval'), 1);
clearInterval(never);

// clearTimeout and clearInterval are interchangeable.
const i2 = setInterval(() => console.log('NOT REACHED: interval cleared by clearTimeout'), 1);
clearTimeout(i2);

// An interval cleared by another timer's callback.
function startI3() {
  let m = 0;
  const i3 = setInterval(() => {
    m++;
    console.log('i3 run', m);
    if (m === 2) {
      setTimeout(() => {
        clearInterval(i3);
        console.log('i3 cleared after', m, 'runs');
      }, 0);
    }
  }, 20);
}
