// 64 workers on a 2-core machine.
import './_pool_body.mjs';
