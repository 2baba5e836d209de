console.log(btoa(''), btoa('f'), btoa('fo'), btoa('foo'), btoa('foob'), btoa('fooba'), btoa('foobar'));
console.log(atob(''), atob('Zg=='), atob('Zm8='), atob('Zm9v'), atob('Zm9vYg=='), atob('Zm9vYmE='), atob('Zm9vYmFy'));
console.log('no padding:', atob('Zm9vYg'), atob('Zm8'));
console.log('whitespace ignored:', atob(' Zm9v\nYmFy\t'));
console.log('latin-1 round trip:', atob(btoa('\u00ff\u00e9\u0000\u0080')) === '\u00ff\u00e9\u0000\u0080');
let all = '';
for (let i = 0; i < 256; i++) all += String.fromCharCode(i);
console.log('all bytes:', btoa(all).length, atob(btoa(all)) === all);
console.log('non-string:', btoa(123), btoa(null), atob(undefined === undefined ? 'MTIz' : ''));
for (const [what, f] of [
  ['btoa(non-latin1)', () => btoa('€')],
  ['atob(bad char)', () => atob('Zm9v!')],
  ['atob(bad length)', () => atob('Zm9vY')],
]) {
  try {
    f();
    console.log(what, 'NOT REACHED');
  } catch (e) {
    console.log(what, 'throws', e.name);
  }
}
try {
  btoa();
  console.log('NOT REACHED');
} catch (e) {
  console.log('btoa() throws', e.name);
}
