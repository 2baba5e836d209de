// console.log/info/debug write to stdout; error/warn/trace to stderr.
console.log('log line', 1, true);
console.info('info line');
console.debug('debug line');
console.error('error line', { e: 1 });
console.warn('warn line');
console.trace('trace %s', 'message');
console.log();
console.log('after empty line');
console.error();
console.warn('warn', 'with', 3, 'args');
