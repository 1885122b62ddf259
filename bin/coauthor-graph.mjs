#!/usr/bin/env node
// Command-line entry: runs the TypeScript CLI through tsx so the installed package needs no build step.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
