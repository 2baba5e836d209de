// JSON modules: with the `type: 'json'` attribute (as Node requires) and, as a protojs
// extension, plain `.json` imports; the same file is one module either way.
import withAttr from './_app/config.json' with { type: 'json' };
console.log(withAttr.name, withAttr.limits);
try {
  await import('./_app/config.json', { with: { type: 'css' } });
} catch (e) {
  console.log(e.name, e.code);
}
try {
  await import('./_app/config.json', { with: { kind: 'json' } });
} catch (e) {
  console.log(e.name, e.code);
}
