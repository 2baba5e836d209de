// CommonJS by the package's "type".
module.exports = { kind: 'commonjs', top: typeof this, dirname: typeof __dirname };
