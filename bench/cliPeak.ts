// Runs the CLI as a user would and reports its peak memory on exit (for the end-to-end column of the benchmark).
process.on('exit', () => process.stderr.write(`\n@@peak ${JSON.stringify({ peakMb: process.resourceUsage().maxRSS / 1024 })}\n`));
await import('../src/cli/main');
export {};
