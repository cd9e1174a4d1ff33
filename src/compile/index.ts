export * from './compile.js';
