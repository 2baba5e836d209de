// A single worker.
import './_pool_body.mjs';
