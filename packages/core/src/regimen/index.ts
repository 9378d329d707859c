export * from './types.js';
export * from './slots.js';
export * from './doseLog.js';
export * from './adherence.js';
export * from './severity.js';
