// The heap limit `next start` runs with (npm start, and the tests and benchmarks that start the
// production build). Without one, V8 sizes the heap from the machine's memory (up to 4 GB) and
// lets garbage pile up to several times the live heap before it collects the old generation:
// a 100k-row import took the server from 175 MB to over 600 MB with about 100 MB of it live.
// With a limit V8 collects sooner (the peak stayed near 300 MB); 512 MB is five times what the
// app keeps live under the benchmarks' load. An operator's own --max-old-space-size in
// NODE_OPTIONS wins.
export const SERVER_MAX_HEAP_MB = 512;

// The young generation's semi-spaces: V8 sizes them for throughput (16 MB each here, both kept
// resident once grown). Smaller ones kept the server's resident memory lower at rest and during a
// 100k-row import by more than the young generation shrank (fewer old-generation pages grown
// between full collections), at the price of more frequent young collections: 4 MB cost the
// import about a fifth more CPU time, 8 MB about 7% for most of the memory saved (bench/README.md).
// Every request pays that price, not only imports, so 8 MB. An operator's own
// --max-semi-space-size wins.
export const SERVER_SEMI_SPACE_MB = 8;

export function serverNodeOptions(nodeOptions = process.env.NODE_OPTIONS ?? ""): string {
  const added = [
    /--max-old-space-size[=\s]/.test(nodeOptions) ? null : `--max-old-space-size=${SERVER_MAX_HEAP_MB}`,
    /--max-semi-space-size[=\s]/.test(nodeOptions) ? null : `--max-semi-space-size=${SERVER_SEMI_SPACE_MB}`,
  ].filter(Boolean);
  return [nodeOptions, ...added].join(" ").trim();
}

// glibc gives each thread that allocates an arena of its own (up to eight per core), and memory
// freed in one is not returned while another holds it. The server's threads (the import's parsing
// worker, libuv's pool, the database drivers) kept 10–30 MB more resident that way during a
// 100k-row import (bench/README.md, 2026-12-07: SQLite 297–306 MB → 285 MB, the same file again
// 334 → 303 MB). Two arenas is what Heroku and others set for multi-threaded servers; an operator's
// own MALLOC_ARENA_MAX wins. Other C libraries (musl) ignore the variable.
export const SERVER_MALLOC_ARENAS = 2;

/** The environment the production server runs with: its heap limit and its allocator's arenas. */
export function serverProcessEnv(
  nodeOptions = process.env.NODE_OPTIONS ?? "",
  mallocArenas = process.env.MALLOC_ARENA_MAX,
): { NODE_OPTIONS: string; MALLOC_ARENA_MAX: string } {
  return {
    NODE_OPTIONS: serverNodeOptions(nodeOptions),
    MALLOC_ARENA_MAX: mallocArenas ?? String(SERVER_MALLOC_ARENAS),
  };
}
