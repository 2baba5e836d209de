console.log('NOT REACHED: nothing runs when the module does not parse');
export const x = 1;
let let = 2;
