// require() of an ES module throws ERR_REQUIRE_ESM (Node before 20.19; newer Node loads
// it synchronously; protojs does not, so this expectation is written by hand). import()
// works from CommonJS.
try {
  require('./_app/lib/math.mjs');
} catch (e) {
  console.log(e.code);
  console.log(e.message.split('\n')[0].replaceAll(__dirname, '.'));
}
import('./_app/lib/math.mjs').then((m) => console.log('import() from CommonJS:', m.square(4), m.default(2)));
import('node:path').then((p) => console.log('import() of a builtin:', p.default.sep, typeof p.join));
