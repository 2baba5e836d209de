// Top-level bindings of a classic script (let/const/var/function) are captured too.
let base = 7;
const names = ['x', 'y'];
var factor = 2;
function helper(n) { return n * factor; }
new Deferred(() => helper(base) + names.join('')).then((v) => console.log(v));
