/**
 * Clinical knowledge: diazepam product profile and dispensing, label facts, interaction classes
 * and the medication-name matcher, condition findings, and benzodiazepine equivalence.
 * Every fact carries its REFERENCE.md source ids.
 */
export * from './product.js';
export * from './dispensingSettings.js';
export * from './dispensing.js';
export * from './nearestDispensable.js';
export * from './labelFacts.js';
export * from './interactionTypes.js';
export * from './interactions.js';
export * from './matcher.js';
export * from './conditions.js';
export * from './equivalenceTables.js';
export * from './equivalence.js';
export * from './supply.js';
export * from './stock.js';
export * from './missedDose.js';
