console.log('NOT REACHED');
export const x = 1;
