// A load client for bench/fair-load.bench.ts, run as a child process so its work does not share the
// server's event loop: `node http-loop.mjs <url> <cookie> <connections> <seconds>`. Each connection
// sends GETs one after another (body read to the end) until the time is up; prints one JSON line:
// { latencies: [ms of each 200], statuses: { "200": n, "429": n, … } }. Plain JavaScript: no tsx.
import { performance } from 'node:perf_hooks';

const [url, cookie, connections, seconds] = process.argv.slice(2);
const until = performance.now() + Number(seconds) * 1000;
const latencies = [];
const statuses = {};

async function loop() {
  while (performance.now() < until) {
    const started = performance.now();
    try {
      const response = await globalThis.fetch(url, { headers: { cookie } });
      await response.arrayBuffer();
      const ms = performance.now() - started;
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      if (response.status === 200) latencies.push(ms);
    } catch (error) {
      statuses.error = (statuses.error ?? 0) + 1;
      process.stderr.write(`${String(error)}\n`);
    }
  }
}

await Promise.all(Array.from({ length: Number(connections) }, loop));
process.stdout.write(`${JSON.stringify({ latencies, statuses })}\n`);
