export * from './audit-actions.js';
export * from './errors.js';
export * from './messaging.js';
export * from './notifications.js';
export * from './permissions.js';
export * from './sensitive.js';
