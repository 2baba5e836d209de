const cwd = process.cwd();
console.log('absolute:', cwd.startsWith('/'));
console.log('is the directory protojs was started in:', cwd.endsWith('/tests/js/core/process'));
process.chdir('..');
console.log('after chdir(".."):', process.cwd().endsWith('/tests/js/core'));
process.chdir(cwd);
console.log('back:', process.cwd() === cwd);
try {
  process.chdir('/definitely/not/a/directory');
  console.log('NOT REACHED');
} catch (e) {
  console.log('chdir to a missing directory throws an Error:', e instanceof Error);
}
