// process.exit() with no argument uses process.exitCode.
process.exitCode = 5;
console.log('exiting');
process.exit();
