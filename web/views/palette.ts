// Colours and shapes of the drawing and its legend, one place so both agree.
import { symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, symbolWye, type SymbolType } from 'd3';
import type { Medium, NodeKind } from '../../src/model/types.js';

export const KIND_STYLE: Record<NodeKind, { label: string; color: string; symbol: SymbolType; area: number }> = {
  accelerator: { label: 'Accelerator', color: '#3b6ea8', symbol: symbolCircle, area: 110 },
  switch: { label: 'Switch', color: '#e07b1f', symbol: symbolSquare, area: 170 },
  ocs: { label: 'Optical circuit switch', color: '#8e5ba8', symbol: symbolDiamond, area: 220 },
  'patch-panel': { label: 'Patch panel', color: '#8a6d4f', symbol: symbolWye, area: 150 },
  gateway: { label: 'Gateway', color: '#c23b4a', symbol: symbolTriangle, area: 170 },
};

/** `label` for the legend, `noun` after a count in running text ("16 scale-up links"). */
export const MEDIUM_STYLE: Record<Medium, { label: string; noun: string; color: string; dash?: string }> = {
  smf: { label: 'Single-mode fibre', noun: 'single-mode fibre', color: '#c99a06' },
  mmf: { label: 'Multimode fibre', noun: 'multimode fibre', color: '#1f9fb4' },
  copper: { label: 'Copper', noun: 'copper', color: '#8c564b', dash: '5 3' },
  'scale-up': { label: 'Scale-up (NVLink, xGMI …)', noun: 'scale-up (NVLink, xGMI …)', color: '#4f9a45' },
};
