// A missing module fails before anything runs: nothing is printed, exit 1.
console.log('NOT REACHED');
import './_app/lib/math.mjs';
import './_app/no-such-module.mjs';
