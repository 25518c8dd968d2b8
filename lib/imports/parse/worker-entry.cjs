// The parsing worker's entry point (started by lib/imports/read.ts). Plain CommonJS, so Node runs
// it as it is, outside the app's bundle; tsx (a dependency already: npm start runs on it)
// compiles the worker's TypeScript as it is required.
require("tsx/cjs/api").require("./worker.ts", __filename);
