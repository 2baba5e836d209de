// protojs extension (Node 20 requires `with { type: 'json' }`): a plain import of a .json
// file is a JSON module too, and it is the same module as the attributed import.
import plain from './_app/config.json';
import attributed from './_app/config.json' with { type: 'json' };
console.log(plain.features, plain === attributed);
