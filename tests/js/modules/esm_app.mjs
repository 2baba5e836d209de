// An app of ES modules importing each other, JSON, CommonJS files, node_modules packages
// (exports map with the "import" condition, "main"), builtins by bare name and node:
// prefix, cyclic imports, dynamic import() and top-level await; evaluation order is
// Node's. The app is _app/esm_main.mjs (inside _app/ so that bare names find
// _app/node_modules).
console.log('entry starts');
await import('./_app/esm_main.mjs');
console.log('entry done');
