Promise.resolve().then(() => {
  console.log('first promise job');
  process.exit(2);
});
Promise.resolve().then(() => console.log('NOT REACHED: second promise job'));
setTimeout(() => console.log('NOT REACHED: timer'), 0);
