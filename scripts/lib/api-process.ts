/**
 * How the API process is started (npm start, the benchmark; the Dockerfile
 * repeats it, api-process.spec.ts checks). A bounded old generation makes V8 collect instead of growing
 * the heap under load; a young generation of 2 × 8 MB instead of 2 × 16
 * saves 16 MB for no CPU that could be measured (docs/benchmarks.md); and
 * two malloc arenas stop glibc from keeping one arena per V8 helper thread:
 * together they keep the process under 300 MB.
 */
export const API_PROCESS = { flags: ['--max-old-space-size=160', '--max-semi-space-size=8'], env: { MALLOC_ARENA_MAX: '2' } } as const;
