// Run by the reference QuickJS interpreter (`qjs --std qjs_driver.js DIR`):
// prints inspect.js's rendering of every portable case as one JSON object
// { name: text }. qjs has no protojs host, so inspect.js runs on its plain-JS
// fallbacks (no promise states, proxies not told apart).
'use strict';

const dir = scriptArgs[1];
const load = (file) => (0, eval)(std.loadFile(`${dir}/${file}`));
const { inspect, format } = load('../../src/builtins/js/inspect.js')({});
const out = {};
for (const [kind, name, make, opts] of load('portable_cases.js')) {
  try {
    const value = make();
    if (kind === 'format') out[name] = format(...value);
    else out[name] = opts === undefined ? inspect(value) : inspect(value, opts);
  } catch (err) {
    out[name] = `THREW ${err && err.name}: ${err && err.message}`;
  }
}
std.out.puts(JSON.stringify(out));
