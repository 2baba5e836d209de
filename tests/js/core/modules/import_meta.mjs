console.log('url is a file URL:', import.meta.url.startsWith('file:///'));
console.log('url names this file:', import.meta.url.endsWith('/tests/js/core/modules/import_meta.mjs'));
