// process.exit() inside onProgress ends the program at once: no later progress value, no
// settlement callback, exit code 3, even though they arrived in the same batch.
const d = Deferred.spawn(() => { for (let i = 0; i < 5; i++) Deferred.progress(i); return 'done'; }, {
  onProgress(v) {
    console.log('progress', v);
    if (v === 1) process.exit(3);
  },
});
d.then((v) => console.log('settled', v));
