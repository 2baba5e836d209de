// Timers fire by deadline, then in creation order. A delay of 0, a negative delay, NaN
// or a non-number all mean 1 ms, so the first seven share one deadline.
setTimeout(() => console.log('late (200)'), 200);
setTimeout(() => console.log('A (0)'), 0);
setTimeout(() => console.log('B (0)'), 0);
setTimeout(() => console.log('C (1)'), 1);
setTimeout(() => console.log('D (-5)'), -5);
setTimeout(() => console.log('E (NaN)'), NaN);
setTimeout(() => console.log("F ('0')"), '0');
setTimeout(() => console.log('G (undefined)'));
setTimeout(() => console.log('mid (100)'), 100);
setTimeout(() => console.log("string delay ('150')"), '150');
setTimeout(() => console.log('H (2147483648: too large, means 1)'), 2 ** 31);
setTimeout(() => console.log('I (50.9: truncated)'), 50.9);
setTimeout(() => console.log('J (50)'), 50);
console.log('main done');
