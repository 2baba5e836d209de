exports.a = 1;
exports = { replaced: true }; // does not change module.exports
