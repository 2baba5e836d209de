exports.before = true;
throw new Error('module failed while loading');
