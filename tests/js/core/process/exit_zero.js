// process.exit(0) wins over an earlier exitCode.
process.exitCode = 9;
setTimeout(() => process.exit(0), 1);
