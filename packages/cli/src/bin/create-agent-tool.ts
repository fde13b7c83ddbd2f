#!/usr/bin/env node
import { runCreateAgentTool } from '../commands/createAgentTool.js';
import { processIo } from '../util/io.js';

process.exitCode = await runCreateAgentTool(process.argv.slice(2), processIo());
