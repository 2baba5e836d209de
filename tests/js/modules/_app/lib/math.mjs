export const PI = 3.14;
export function square(x) { return x * x; }
export default function cube(x) { return x * x * x; }
