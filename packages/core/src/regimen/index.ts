export * from './types.js';
export * from './slots.js';
