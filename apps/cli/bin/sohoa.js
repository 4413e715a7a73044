#!/usr/bin/env node
// Committed launcher: npm links workspace bins only to files that exist at install time,
// and dist/ is built after linking (by the root `prepare`).
import('../dist/main.js').then((m) =>
  m.main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }),
);
