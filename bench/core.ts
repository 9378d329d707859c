import type { Benchmark } from './lib/report.js';
export const coreBenchmark: Benchmark = { name: 'core', description: 'tbd', run: () => Promise.reject(new Error('tbd')) };
