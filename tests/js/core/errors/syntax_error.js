console.log('NOT REACHED: nothing runs when the file does not parse');
const ok = 1;
const broken = (1 + ;
console.log(ok, broken);
