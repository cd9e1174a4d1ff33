// Fibre attenuation (dB/km) seen by an optic: the catalog's values for multimode at 850 nm and single-mode in the
// O-band (1310 nm) or C-band (1550 nm), picked by the optic's wavelength because loss depends on the band, not the glass.
import type { FibreConstants } from '../../catalog/index.js';

/** ITU band edge between the E-band and the S-band: optics at or above it see the low-loss C-band figure. */
export const SMF_LOW_LOSS_FROM_NM = 1460;

export function fibreDbPerKm(medium: 'smf' | 'mmf', wavelengthNm: number, fibre: FibreConstants): number {
  if (medium === 'mmf') return fibre.mmfDbPerKm850;
  return wavelengthNm >= SMF_LOW_LOSS_FROM_NM ? fibre.smfDbPerKm1550 : fibre.smfDbPerKm1310;
}
