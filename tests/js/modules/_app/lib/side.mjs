console.log('side.mjs evaluated');
export const order = 'side';
