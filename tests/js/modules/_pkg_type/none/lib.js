module.exports = { kind: 'untyped', top: typeof this };
