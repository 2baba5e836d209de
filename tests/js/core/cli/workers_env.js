// A valid PROTOJS_WORKERS is accepted and the script runs normally.
console.log('ran with PROTOJS_WORKERS =', process.env.PROTOJS_WORKERS);
