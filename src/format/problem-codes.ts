// Every problem code the loader and validator can report, with its severity and what it means.
// Tests check that each code has a fixture; the CLI and README list them from here.
import type { Problem, Severity } from '../model/problem.js';

export const PROBLEM_CODES = {
  // File and envelope
  'not-json': ['error', 'the text is not valid JSON'],
  'bad-envelope': ['error', 'not a lightfabric topology: wrong or missing "format", or "version" is not a whole number'],
  'version-too-new': ['error', 'written by a newer lightfabric than this build reads'],
  'migration-failed': ['error', 'an older file could not be upgraded to the current version'],
  migrated: ['warning', 'an older file was upgraded on load; saving writes the current version'],
  // Shape (from the schema)
  'missing-field': ['error', 'a required field is missing'],
  'wrong-type': ['error', 'a field has the wrong type (text instead of a number, ...)'],
  'bad-value': ['error', 'a field has a value outside its allowed set (an unknown kind, an empty id, ...)'],
  'non-finite': ['error', 'a number is infinite or NaN (1e999 reads as Infinity)'],
  'out-of-range': ['error', 'a number is outside its range (negative length, gbps <= 0, latitude > 90, ...)'],
  'unknown-field': ['warning', 'a field this version does not know; it is kept and written back'],
  // References
  'duplicate-id': ['error', 'two sites, racks, nodes or links share an id'],
  'dangling-link-end': ['error', 'a link end names no node'],
  'dangling-rack': ['error', 'a node names a rack that does not exist'],
  'dangling-site': ['error', 'a node or rack names a site that does not exist'],
  'dangling-via': ['error', 'a link passes through a node that does not exist'],
  'via-not-passive': ['error', 'a via entry is not an OCS or patch panel'],
  'via-medium': ['error', 'a copper or scale-up link is routed through an OCS / patch panel (they switch fibre)'],
  'link-to-passive': ['error', 'a link ends at an OCS or patch panel instead of passing through it'],
  'self-link': ['error', 'a link joins a node to itself'],
  'rack-site-mismatch': ['error', 'a node names a site different from its rack\'s site'],
  // Catalog
  'unknown-model': ['error', 'a node names a model that is not in the catalog'],
  'model-kind-mismatch': ['error', 'a node\'s model is of another kind (a switch model on an accelerator)'],
  'unknown-transceiver': ['error', 'a link names a transceiver that is not in the catalog'],
  'bad-override': ['error', 'a catalog override names an unknown model or field, or has a wrong type or value'],
  // Physical
  'transceiver-medium-mismatch': ['error', 'the transceiver is for another medium than the link (MMF optic on smf)'],
  'transceiver-speed': ['error', 'the link is faster than its transceiver carries'],
  'reach-exceeded': ['error', 'the link is longer than its transceiver or cable reaches'],
  'ports-over-used': ['error', 'a device has more link ports in use than it has'],
  // Suspicious but legal
  'scale-up-link-to-packet-port': ['warning', 'a scale-up (NVLink, xGMI ...) link ends at a packet switch or gateway'],
  'packet-link-to-scale-up-switch': ['warning', 'an smf / mmf / copper link ends at a scale-up switch (NVSwitch, PCIe switch)'],
  'scale-up-kind-mismatch': ['warning', 'a scale-up link joins accelerators of different scale-up families'],
  'rack-power-exceeded': ['warning', 'the devices in a rack draw more than its powerLimitKw'],
  'rack-units-exceeded': ['warning', 'the devices in a rack need more rack units than a rack has'],
  'cooling-mismatch': ['warning', 'a liquid-cooled accelerator sits in an air-cooled rack'],
  'partial-coordinates': ['warning', 'a site has lat without lon or lon without lat'],
  // Bugs
  'internal-error': ['error', 'lightfabric itself failed while checking the file (please report it)'],
} as const satisfies Record<string, readonly [Severity, string]>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

export function problem(code: ProblemCode, path: string, message: string): Problem {
  return { path, code, severity: PROBLEM_CODES[code][0], message };
}
