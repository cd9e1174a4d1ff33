// CSV of a comparison: quoting by RFC 4180, numbers in full, empty cells for missing values.
import { describe, expect, it } from 'vitest';
import { comparisonCsv, type Comparison } from '../../src/compare/index.js';

describe('comparisonCsv', () => {
  it('writes a header, one line per figure, quotes what needs it, and leaves missing values empty', () => {
    const cmp: Comparison = {
      designs: ['packet, 50k', 'OCS "spine"'], baseline: 0,
      rows: [
        { key: 'cost.capexUsd', section: 'Cost', label: 'Capex', unit: 'USD', better: 'lower', digits: 0, how: 'cost.capexUsd',
          values: [2140844750.8, 2203859319], relative: [null, 0.029434], best: [0] },
        { key: 'hops.mean', section: 'Hops', label: 'Mean', unit: 'links', better: null, digits: 3, how: 'a, b',
          values: [5.914741086311342, null], relative: [null, null], best: [] },
      ],
    };
    expect(comparisonCsv(cmp).split('\r\n')).toEqual([
      'section,figure,unit,better,"packet, 50k","OCS ""spine""","OCS ""spine"" vs packet, 50k (relative)",how',
      'Cost,Capex,USD,lower,2140844750.8,2203859319,0.029434,cost.capexUsd',
      'Hops,Mean,links,,5.914741086311342,,,"a, b"',
      '',
    ]);
  });
});
