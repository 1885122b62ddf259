// Runs the installed CLI bundle (dist/cli.mjs, built by npm install) as a user would, and reports its peak memory on exit.
process.on('exit', () => process.stderr.write(`\n@@peak ${JSON.stringify({ peakMb: process.resourceUsage().maxRSS / 1024 })}\n`));
await import(new URL('../dist/cli.mjs', import.meta.url).href);
