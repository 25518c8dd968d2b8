// npm start: apply pending migrations, then serve the production build (scripts/lib/serve.ts).
import { keepAliveArgs } from "./lib/keep-alive";
import { migrateThenServe } from "./lib/serve";

// Idle connections stay open longer than a proxy's or client's (keep-alive.ts); a
// --keepAliveTimeout given to npm start comes later and wins.
await migrateThenServe("node_modules/.bin/next", ["start", ...keepAliveArgs(), ...process.argv.slice(2)]);
