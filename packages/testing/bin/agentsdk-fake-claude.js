#!/usr/bin/env node
// A committed shim, so installing the workspace links the bin before dist/ is built.
await import('../dist/fakeCli/cli.js');
