console.log('start');
setTimeout(() => console.log('NOT REACHED: later timer'), 30);
setTimeout(function onTimer() {
  console.log('in timer');
  null.property;
}, 1);
