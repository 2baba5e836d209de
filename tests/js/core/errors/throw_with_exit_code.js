// An uncaught error exits with 1 even when process.exitCode was set.
process.exitCode = 5;
throw new Error('uncaught wins');
