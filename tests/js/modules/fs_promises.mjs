// fs.promises (also as node:fs/promises): the same operations off the main thread on the
// I/O pool, settled through the event loop; errors have Node's shape; callbacks work too.
import fs from 'node:fs';
import fsp, { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

console.log('same object:', fs.promises === fsp, fsp.readFile === readFile);
const dir = path.join(os.tmpdir(), `protojs-fs-promises-${process.pid}`);
await fsp.rm(dir, { recursive: true, force: true });
console.log('mkdir:', (await fsp.mkdir(path.join(dir, 'sub'), { recursive: true })) === dir);
const file = path.join(dir, 'data.txt');
await writeFile(file, 'line 1\n');
await fsp.appendFile(file, Buffer.from('line 2\n'));
console.log(JSON.stringify(await readFile(file, 'utf8')));
const buf = await readFile(file);
console.log(Buffer.isBuffer(buf), buf.length);
const st = await fsp.stat(file);
console.log('stat:', st.isFile(), st.size);
console.log('readdir:', await fsp.readdir(dir), (await fsp.readdir(dir, { withFileTypes: true })).map((d) => `${d.name}:${d.isDirectory()}`));
await fsp.copyFile(file, path.join(dir, 'copy.txt'));
await fsp.rename(path.join(dir, 'copy.txt'), path.join(dir, 'sub', 'moved.txt'));
console.log('moved:', await fsp.readFile(path.join(dir, 'sub', 'moved.txt'), 'utf8') === 'line 1\nline 2\n');
await fsp.unlink(path.join(dir, 'sub', 'moved.txt'));
console.log('access ok:', await fsp.access(file));

// Many operations in flight at once, completing in any order.
const names = Array.from({ length: 40 }, (_, i) => path.join(dir, `f${i}`));
await Promise.all(names.map((n, i) => fsp.writeFile(n, String(i))));
const back = await Promise.all(names.map((n) => fsp.readFile(n, 'utf8')));
console.log('parallel round trip:', back.every((v, i) => v === String(i)));

// Errors
for (const [what, op] of [
  ['readFile', () => fsp.readFile(path.join(dir, 'missing'))],
  ['stat', () => fsp.stat(path.join(dir, 'missing'))],
  ['mkdir', () => fsp.mkdir(dir)],
  ['rm', () => fsp.rm(dir)],
  ['rename', () => fsp.rename(path.join(dir, 'missing'), path.join(dir, 'x'))],
]) {
  try {
    await op();
  } catch (e) {
    console.log(what, e.code, e.syscall, e.errno, e.message.replaceAll(dir, '<dir>'));
  }
}

// The callback API runs on the same pool.
await new Promise((resolve) => {
  fs.readFile(file, 'utf8', (err, text) => {
    console.log('callback:', err, text.length);
    fs.stat(path.join(dir, 'missing'), (err2) => {
      console.log('callback error:', err2.code);
      resolve();
    });
  });
});
await fsp.rm(dir, { recursive: true });
console.log('removed:', fs.existsSync(dir));
