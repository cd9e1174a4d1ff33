// The shared argument parser.
import { describe, expect, it } from 'vitest';
import { describeFlags, parseArgs, UsageError, type ArgSpec } from '../../src/cli/args.js';

const spec: ArgSpec = {
  flags: {
    json: { type: 'boolean', description: 'JSON output' },
    kind: { type: 'string', description: 'a kind', valueName: 'K' },
    output: { type: 'string', short: 'o', description: 'out file', valueName: 'FILE' },
  },
  positionals: { min: 0, max: 2, name: 'FILE' },
};

describe('parseArgs', () => {
  it('reads --flag value, --flag=value, booleans, short aliases and positionals in any order', () => {
    expect(parseArgs(['a.json', '--kind', 'switch', '--json', '-o', 'x.json', 'b.json'], spec)).toEqual({
      flags: { kind: 'switch', json: true, output: 'x.json' }, positionals: ['a.json', 'b.json'], extra: {},
    });
    expect(parseArgs(['--kind=ocs', '--json=false'], spec).flags).toEqual({ kind: 'ocs', json: false });
    expect(parseArgs(['--no-json'], spec).flags).toEqual({ json: false });
    expect(parseArgs(['--kind='], spec).flags).toEqual({ kind: '' });
  });

  it('takes "-" (standard input) and negative numbers as values, and everything after -- as positional', () => {
    expect(parseArgs(['-', '--kind', '-5'], spec)).toMatchObject({ positionals: ['-'], flags: { kind: '-5' } });
    expect(parseArgs(['--', '--json', '-o'], spec)).toMatchObject({ positionals: ['--json', '-o'], flags: {} });
  });

  it.each([
    [['--jsn'], /unknown option --jsn \(did you mean --json\?\)/],
    [['-x'], /unknown option -x/],
    [['--kind'], /--kind needs a value \(K\)/],
    [['--kind', '--json'], /--kind needs a value/],
    [['--json=maybe'], /--json is a switch/],
    [['a', 'b', 'c'], /too many arguments: "c"/],
  ])('%j is a usage error', (args, message) => {
    expect(() => parseArgs(args, spec)).toThrow(UsageError);
    expect(() => parseArgs(args, spec)).toThrow(message);
  });

  it('requires the positionals a command needs', () => {
    expect(() => parseArgs([], { flags: {}, positionals: { min: 1, name: 'FILE' } })).toThrow(/missing FILE/);
    expect(() => parseArgs(['x'], { flags: {} })).toThrow(/unexpected argument "x"/);
  });

  it('collects unknown flags for commands whose options depend on a positional', () => {
    const collect: ArgSpec = { ...spec, unknownFlags: 'collect' };
    expect(parseArgs(['fat-tree', '--k', '8', '--gbps=400', '--twisted', '--json'], collect)).toEqual({
      flags: { json: true }, positionals: ['fat-tree'], extra: { k: '8', gbps: '400', twisted: true },
    });
  });

  it('describes the flags for help', () => {
    expect(describeFlags(spec).split('\n')).toEqual([
      '      --json         JSON output',
      '      --kind K       a kind',
      '  -o, --output FILE  out file',
    ]);
  });
});
