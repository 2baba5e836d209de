// setTimeout returns a Timeout object: ref/unref/hasRef/refresh, usable as a primitive id.
const t = setTimeout(() => console.log('NOT REACHED: unref-ed timer kept the process alive'), 200);
console.log('typeof unref:', typeof t.unref, 'hasRef:', t.hasRef());
console.log('unref returns the timer:', t.unref() === t, 'hasRef:', t.hasRef());
const t2 = setTimeout(() => console.log('ref-ed timer fires'), 10);
console.log('ref returns the timer:', t2.ref() === t2);
const i = setInterval(() => {}, 1000);
i.unref();
const im = setImmediate(() => console.log('immediate fires'));
console.log('immediate hasRef:', im.hasRef());
console.log('id is a number:', typeof +t2 === 'number' && !Number.isNaN(+t2));
