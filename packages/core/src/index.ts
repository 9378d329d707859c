/**
 * @steady/core — Steady's clinical engine. Pure and deterministic: no I/O, no clock reads.
 * Every rule and fact carries the source id(s) from shared/clinical/REFERENCE.md.
 */
export * from './sources.js';
export * from './clinical/index.js';
export * from './instruments/index.js';
export * from './regimen/index.js';
export * from './pk/index.js';
export * from './taper/index.js';
export * from './signals/index.js';
export * from './insights/index.js';
export * from './charts/index.js';
export * from './learn/index.js';
export * from './techniques/index.js';
export * from './reminders/index.js';
