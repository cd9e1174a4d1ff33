// Which fibre plant a link occupies: an smf/mmf link is that fibre; a scale-up link carried by an optical module
// (ICI or NVLink over optics) runs on the module's fibre; cable assemblies bring their own medium and copper is none.
import type { TransceiverModel } from '../../catalog/index.js';
import type { Medium } from '../../model/types.js';

export function fibreMediumOf(medium: Medium, t: TransceiverModel | undefined): 'smf' | 'mmf' | undefined {
  if (t?.cable) return undefined;
  if (medium === 'smf' || medium === 'mmf') return medium;
  if (medium === 'scale-up' && t && (t.medium === 'smf' || t.medium === 'mmf')) return t.medium;
  return undefined;
}
