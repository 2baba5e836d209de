// No import or export: only the package's "type" makes this an ES module.
globalThis.seen = globalThis.seen || [];
globalThis.seen.push(['module', typeof this, typeof require, typeof module]);
