setInterval(() => {}, 1000);
setTimeout(() => console.log('NOT REACHED: later timer'), 50);
setTimeout(() => {
  console.log('in timer');
  Promise.resolve().then(() => console.log('NOT REACHED: promise after exit'));
  process.exit(7);
}, 1);
