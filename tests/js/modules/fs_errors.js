// fs errors have Node's shape: message, errno, code, syscall, path (and dest).
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = path.join(os.tmpdir(), `protojs-fs-errors-${process.pid}`);
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir);
fs.writeFileSync(path.join(dir, 'file'), 'x');
process.chdir(dir);

function show(what, f) {
  try {
    f();
    console.log(what, 'did not throw');
  } catch (e) {
    const hide = (s) => (typeof s === 'string' ? s.replaceAll(dir, '<dir>') : s);
    console.log(what, '|', hide(e.message), '|', e.errno, e.code, e.syscall, hide(e.path), e.dest, Object.keys(e).join(','), e instanceof Error);
  }
}
show('readFile missing', () => fs.readFileSync('missing.txt'));
show('readFile dir', () => fs.readFileSync('.'));
show('writeFile no dir', () => fs.writeFileSync('no/dir/x', 'a'));
show('writeFile dir', () => fs.writeFileSync(dir, 'a'));
show('appendFile no dir', () => fs.appendFileSync('no/dir/x', 'a'));
show('stat', () => fs.statSync('missing'));
show('lstat', () => fs.lstatSync('missing'));
show('readdir missing', () => fs.readdirSync('missing'));
show('readdir file', () => fs.readdirSync('file'));
show('mkdir exists', () => fs.mkdirSync('file'));
show('mkdir parent missing', () => fs.mkdirSync('x/y/z'));
show('mkdir under a file', () => fs.mkdirSync('file/sub', { recursive: true }));
show('rm missing', () => fs.rmSync('missing'));
show('rm dir', () => fs.rmSync(dir));
show('rmdir not empty', () => fs.rmdirSync(dir));
show('unlink missing', () => fs.unlinkSync('missing'));
show('unlink dir', () => fs.unlinkSync(dir));
show('rename', () => fs.renameSync('missing', 'other'));
show('copyFile', () => fs.copyFileSync('missing', 'other'));
show('copyFile dir', () => fs.copyFileSync(dir, 'other'));
show('path type', () => fs.readFileSync({}));
show('data type', () => fs.writeFileSync('x', 42));
show('encoding', () => fs.readFileSync('file', 'nope'));
if (process.getuid && process.getuid() !== 0) {
  fs.chmodSync('file', 0o000);
  show('EACCES', () => fs.readFileSync('file'));
}
process.chdir(os.tmpdir());
fs.rmSync(dir, { recursive: true });
