// The heap limit `next start` runs with (npm start, and the tests and benchmarks that start the
// production build). Without one, V8 sizes the heap from the machine's memory (up to 4 GB) and
// lets garbage pile up to several times the live heap before it collects the old generation:
// a 100k-row import took the server from 175 MB to over 600 MB with about 100 MB of it live.
// With a limit V8 collects sooner (the peak stayed near 300 MB); 512 MB is five times what the
// app keeps live under the benchmarks' load. An operator's own --max-old-space-size in
// NODE_OPTIONS wins.
export const SERVER_MAX_HEAP_MB = 512;

export function serverNodeOptions(nodeOptions = process.env.NODE_OPTIONS ?? ""): string {
  if (/--max-old-space-size[=\s]/.test(nodeOptions)) return nodeOptions;
  return `${nodeOptions} --max-old-space-size=${SERVER_MAX_HEAP_MB}`.trim();
}
