// A rejection created inside a timer callback is reported after that callback.
setTimeout(() => {
  console.log('in timer');
  Promise.reject(new Error('rejected in a timer'));
}, 1);
setTimeout(() => console.log('NOT REACHED: later timer'), 30);
