export * from './logger.js';
export * from './scope.js';
export * from './schema.js';
