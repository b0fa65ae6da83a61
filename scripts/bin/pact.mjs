#!/usr/bin/env node
// The pact command. The CLI is TypeScript (scripts/cli); tsx compiles it on the fly, so there is
// no build step. Only the command that runs loads its libraries, which keeps start-up short.
import { register as registerCjs } from 'tsx/cjs/api';
import { register as registerEsm } from 'tsx/esm/api';
import { createRequire } from 'node:module';

// Both hooks: the CLI is CommonJS TypeScript, the rulebook it shares with the LWC is an ES module.
registerCjs();
registerEsm();
const { main } = createRequire(import.meta.url)('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
