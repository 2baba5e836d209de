// process.exitCode sets the exit code of a program that ends normally; the loop still runs.
process.exitCode = 4;
setTimeout(() => console.log('timer still runs, exitCode =', process.exitCode), 1);
console.log('set exitCode');
