Promise.reject(42);
console.log('sync end');
