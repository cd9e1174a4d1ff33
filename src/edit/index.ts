// Editing designs: edits as data, applied immutably and checked.
export { applyEdit, freshId, type Edit, type EditResult, type LinkChanges, type NodeChanges } from './apply-edit.js';
export { proposeLink } from './propose-link.js';
