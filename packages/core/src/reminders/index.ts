export * from './due.js';
export type * from './push.js';
