// Values assigned to process.env are converted to strings, as in Node.
process.env.PROTOJS_NUM = 42;
process.env.PROTOJS_BOOL = true;
process.env.PROTOJS_UNDEF = undefined;
console.log(typeof process.env.PROTOJS_NUM, JSON.stringify(process.env.PROTOJS_NUM));
console.log(typeof process.env.PROTOJS_BOOL, JSON.stringify(process.env.PROTOJS_BOOL));
console.log(typeof process.env.PROTOJS_UNDEF, JSON.stringify(process.env.PROTOJS_UNDEF));
