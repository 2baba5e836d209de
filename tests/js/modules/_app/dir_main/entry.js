module.exports = 'dir via package.json main';
