// Loaded with `node --import` into a jialing command the scale section runs: when the process exits, writes its
// CPU time, peak RSS and largest V8 heap to the file named by JIALING_BENCH_USAGE_FILE. Plain JavaScript, so
// that the command runs as a user runs it, without a TypeScript loader adding to its memory.
import { writeFileSync } from 'node:fs';

const file = process.env.JIALING_BENCH_USAGE_FILE;
if (file) {
  const cpuBefore = process.cpuUsage();
  let peakHeap = 0;
  const sample = () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed));
  setInterval(sample, 100).unref();
  process.on('exit', () => {
    sample();
    const cpu = process.cpuUsage(cpuBefore);
    const megabytes = (bytes) => Math.round(bytes / 2 ** 20);
    // maxRSS is in kilobytes.
    writeFileSync(file, JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), peakHeapMb: megabytes(peakHeap) }));
  });
}
