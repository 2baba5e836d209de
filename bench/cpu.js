// Raw JS speed: a CPU-bound script with no I/O and no host APIs beyond console.log, run
// unchanged by `protojs bench/cpu.js` and `qjs bench/cpu.js` (same engine, same -O2).
// Each part is sized to take roughly a quarter of the time; prints one checksum line.
'use strict';

function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

// Calls, integer arithmetic.
function partFib() {
  return fib(30) + fib(29);
}

// String building: concatenation, template literals, join, slicing, char codes.
function partStrings() {
  let total = 0;
  for (let round = 0; round < 40; round++) {
    let s = '';
    const parts = [];
    for (let i = 0; i < 5000; i++) {
      s += String.fromCharCode(97 + (i % 26));
      parts.push(`item-${i}:${round}`);
    }
    const joined = parts.join(',');
    total += s.length + joined.length + joined.indexOf('item-4999') + s.slice(100, 200).charCodeAt(5);
    total += joined.split(',').length;
  }
  return total;
}

// Array sort: numbers with a comparator, then strings with the default order.
function partSort() {
  let seed = 12345;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
  let total = 0;
  for (let round = 0; round < 6; round++) {
    const nums = Array.from({ length: 60000 }, rand);
    nums.sort((a, b) => a - b);
    const strs = nums.slice(0, 20000).map((n) => n.toString(36));
    strs.sort();
    total += nums[round] % 1000 + strs[round].length;
  }
  return total;
}

// Object property churn: create, add, read, delete properties; shapes and dictionaries.
function partObjects() {
  let total = 0;
  for (let round = 0; round < 25; round++) {
    const objs = [];
    for (let i = 0; i < 8000; i++) {
      const o = { id: i, name: 'n' + i, value: i * 2 };
      o['k' + (i % 16)] = i;
      o.extra = o.value + o.id;
      if (i % 3 === 0) delete o.name;
      objs.push(o);
    }
    const map = {};
    for (const o of objs) {
      map[o.id % 997] = (map[o.id % 997] || 0) + o.extra;
      for (const k in o) if (k.length === 2) total += o[k] & 7;
    }
    total += Object.keys(map).length;
  }
  return total;
}

const t = [partFib(), partStrings(), partSort(), partObjects()];
console.log('cpu checksum', t.join(' '));
