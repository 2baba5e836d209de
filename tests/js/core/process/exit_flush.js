// Everything written before process.exit reaches stdout, even a lot of it.
const filler = 'x'.repeat(60);
for (let i = 0; i < 5000; i++) console.log(`line ${i} ${filler}`);
process.stdout.write('last line\n');
process.exit(0);
