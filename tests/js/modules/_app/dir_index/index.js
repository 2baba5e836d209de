module.exports = 'dir via index.js';
