// node_modules lookup walks up: _app/nested/deep -> _app/nested -> _app/node_modules
module.exports = require('greet').greet('from a nested directory');
