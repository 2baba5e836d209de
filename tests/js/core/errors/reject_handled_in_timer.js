// Handling a rejection only in a later macrotask is too late: it is reported.
const p = Promise.reject(new Error('handled too late'));
setTimeout(() => p.catch(() => console.log('NOT REACHED: too late')), 0);
console.log('sync end');
