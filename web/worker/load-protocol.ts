// Messages between the page and the loading worker, which parses files and runs generators off the page's thread
// (the national-centre recipe takes ~1 s to generate and validate; a 46 MB file as long to parse).
import type { OpenResult } from '../io/open-design.js';
import type { DesignCounts } from '../views/design-counts.js';
import type { FabricLayout } from '../views/fabric-layout.js';

/** `fitWidth`: the drawing's width, so the worker lays the design out for it (off the page's thread). */
export type LoadRequest =
  | { type: 'open'; id: number; text: string; fitWidth?: number }
  /** A recipe object (checked in the worker like a recipe file, so the form and files share one path). */
  | { type: 'generate'; id: number; recipe: unknown; fitWidth?: number };

/** What the page shows first of a loaded design, computed in the worker (a 50k design takes ~0.5 s for both). */
export interface LoadedViews {
  counts: DesignCounts;
  layout: FabricLayout;
}

export interface LoadReply {
  type: 'loaded';
  id: number;
  result: OpenResult;
  views?: LoadedViews;
}
