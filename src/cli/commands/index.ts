// Every CLI command, one line each: `export { command as NAME } from './NAME.js';` (help lists them by name).
export { command as catalog } from './catalog.js';
export { command as inspect } from './inspect.js';
export { command as schema } from './schema.js';
export { command as validate } from './validate.js';
export { command as generate } from './generate.js';
export { command as evaluate } from './evaluate.js';
export { command as compare } from './compare.js';
