#!/usr/bin/env node
import { runAgentsdk } from '../commands/agentsdk.js';
import { processIo } from '../util/io.js';

process.exitCode = await runAgentsdk(process.argv.slice(2), processIo());
