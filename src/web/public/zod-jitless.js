// Zod compiles fast object parsers with `new Function`, probing for it when a schema is built; under
// the app's Content-Security-Policy (script-src 'self', no 'unsafe-eval') the probe is a reported
// violation. `jitless` skips probe and compiler. Zod reads this global when it loads, so it is set by
// a classic script that runs before the app's modules (index.html; decision 021).
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
