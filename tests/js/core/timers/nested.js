// A setTimeout(0) created by a timer callback fires after every timer that was already
// due, and nested timers keep their creation order.
setTimeout(() => {
  console.log('A');
  setTimeout(() => {
    console.log('A-nested-1');
    setTimeout(() => console.log('A-nested-1-nested'), 0);
  }, 0);
  setTimeout(() => console.log('A-nested-2'), 0);
}, 0);
setTimeout(() => {
  console.log('B');
  setTimeout(() => console.log('B-nested'), 0);
}, 0);
