// Messages between the page and the loading worker, which parses files and runs generators off the page's thread
// (the national-centre recipe takes ~1 s to generate and validate; a 46 MB file as long to parse).
import type { OpenResult } from '../io/open-design.js';

export type LoadRequest =
  | { type: 'open'; id: number; text: string }
  /** A recipe object (checked in the worker like a recipe file, so the form and files share one path). */
  | { type: 'generate'; id: number; recipe: unknown };

export interface LoadReply {
  type: 'loaded';
  id: number;
  result: OpenResult;
}
