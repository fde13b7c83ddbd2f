#!/usr/bin/env node
import { serveStdio } from '@agentsdk/tools';
import { server } from './index.js';

// stdout carries JSON-RPC only: log to stderr.
await serveStdio(server);
