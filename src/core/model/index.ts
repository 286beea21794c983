export * from './field.js';
export * from './location.js';
export * from './nodes.js';
export * from './template.js';
