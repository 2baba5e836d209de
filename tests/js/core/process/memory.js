const m = process.memoryUsage();
console.log('rss > 0:', m.rss > 0);
console.log('heapUsed > 0:', m.heapUsed > 0, 'heapTotal > 0:', m.heapTotal > 0);
console.log('fields are numbers:', ['rss', 'heapTotal', 'heapUsed', 'external', 'arrayBuffers'].every((k) => typeof m[k] === 'number'));
console.log('memoryUsage.rss():', typeof process.memoryUsage.rss(), process.memoryUsage.rss() > 0);
const before = process.memoryUsage().heapUsed;
const keep = [];
for (let i = 0; i < 100000; i++) keep.push({ i });
console.log('heapUsed grows with allocations:', process.memoryUsage().heapUsed > before);
