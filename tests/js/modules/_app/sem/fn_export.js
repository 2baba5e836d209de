module.exports = function named() { return "a function"; };
module.exports.extra = 1;
