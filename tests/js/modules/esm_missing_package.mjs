// A bare name that no node_modules directory has.
import 'no-such-package-anywhere';
console.log('NOT REACHED');
