// Preloaded into the benchmarked bridge only (with --expose-gc): SIGUSR2 runs a full GC, so
// RSS can be read with only live memory in the heap. Not part of the bridge itself.
process.on('SIGUSR2', () => globalThis.gc?.());
