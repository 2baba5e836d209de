// fs, synchronous: a round trip through a temporary directory, with Node's results.
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = path.join(os.tmpdir(), `protojs-fs-sync-${process.pid}`);
fs.rmSync(dir, { recursive: true, force: true });

console.log('mkdir recursive returns the first created:', fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true }) === dir);
console.log('again:', fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true }));
const file = path.join(dir, 'a', 'note.txt');
fs.writeFileSync(file, 'héllo\n');
fs.appendFileSync(file, 'wörld\n');
console.log(JSON.stringify(fs.readFileSync(file, 'utf8')), JSON.stringify(fs.readFileSync(file, { encoding: 'utf-8' })));
const bytes = fs.readFileSync(file);
console.log(Buffer.isBuffer(bytes), bytes instanceof Uint8Array, bytes.length, bytes.toString('hex'));
console.log(fs.readFileSync(file, 'base64'), fs.readFileSync(file, 'latin1').length);
fs.writeFileSync(path.join(dir, 'bin'), Buffer.from([0, 1, 2, 255]));
fs.writeFileSync(path.join(dir, 'typed'), new Uint16Array([1, 2]));
fs.writeFileSync(path.join(dir, 'hex'), 'cafe', 'hex');
console.log(fs.readFileSync(path.join(dir, 'bin')), fs.readFileSync(path.join(dir, 'typed')), fs.readFileSync(path.join(dir, 'hex')));

console.log('exists:', fs.existsSync(file), fs.existsSync(path.join(dir, 'nope')), fs.existsSync());
const st = fs.statSync(file);
console.log('stat:', st.isFile(), st.isDirectory(), st.size, typeof st.mtimeMs, st.mtime instanceof Date, st.isSymbolicLink());
console.log('dir stat:', fs.statSync(dir).isDirectory(), fs.lstatSync(dir).isFile());
console.log('missing stat:', fs.statSync(path.join(dir, 'nope'), { throwIfNoEntry: false }));

console.log('readdir:', fs.readdirSync(dir));
console.log('recursive:', fs.readdirSync(dir, { recursive: true }));
for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
  console.log('  dirent', d.name, d.isFile(), d.isDirectory(), d.parentPath === dir, d.path === dir);
}

fs.copyFileSync(file, path.join(dir, 'copy.txt'));
fs.renameSync(path.join(dir, 'copy.txt'), path.join(dir, 'moved.txt'));
console.log('copied and moved:', fs.readFileSync(path.join(dir, 'moved.txt'), 'utf8') === fs.readFileSync(file, 'utf8'));
try { fs.copyFileSync(file, path.join(dir, 'moved.txt'), fs.constants.COPYFILE_EXCL); } catch (e) { console.log('COPYFILE_EXCL:', e.code); }
try { fs.writeFileSync(path.join(dir, 'moved.txt'), 'x', { flag: 'wx' }); } catch (e) { console.log('flag wx:', e.code, e.syscall); }
fs.unlinkSync(path.join(dir, 'moved.txt'));
console.log('unlinked:', fs.existsSync(path.join(dir, 'moved.txt')));
console.log('realpath:', fs.realpathSync(path.join(dir, 'a', '..', 'a')) === fs.realpathSync(path.join(dir, 'a')));
fs.symlinkSync(file, path.join(dir, 'link'));
console.log('symlink:', fs.lstatSync(path.join(dir, 'link')).isSymbolicLink(), fs.statSync(path.join(dir, 'link')).isFile(), fs.readlinkSync(path.join(dir, 'link')) === file);
fs.truncateSync(file, 3);
console.log('truncated:', fs.readFileSync(file, 'utf8'));

fs.rmSync(dir, { recursive: true });
console.log('removed:', fs.existsSync(dir));
fs.rmSync(dir, { recursive: true, force: true });
console.log('force on a missing path is fine');
