console.log('before await');
await new Promise((resolve) => setTimeout(resolve, 5));
console.log('after first await');
await Promise.reject(new Error('top-level await rejected'));
console.log('NOT REACHED');
