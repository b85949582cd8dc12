export * from './logger.js';
export * from './schema.js';
export * from './scope.js';
export * from './secrets.js';
