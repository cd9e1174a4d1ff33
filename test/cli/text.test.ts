import { describe, expect, it } from 'vitest';
import { num, percent, plural } from '../../src/cli/text.js';

describe('num', () => {
  it('groups thousands and keeps the zeros of whole numbers', () => {
    expect(num(987313600, 0)).toBe('987,313,600');
    expect(num(1000)).toBe('1,000');
    expect(num(100, 1)).toBe('100');
    expect(num(12345.678)).toBe('12,345.68');
  });
  it('drops only trailing zeros of the fraction', () => {
    expect(num(1.5, 2)).toBe('1.5');
    expect(num(2.05, 3)).toBe('2.05');
    expect(num(0.125, 2)).toBe('0.13');
    expect(num(-1250.5, 1)).toBe('-1,250.5');
    expect(num(-0.001, 2)).toBe('0');
  });
  it('percent and plural', () => {
    expect(percent(0.206)).toBe('20.6%');
    expect(plural(1, 'link')).toBe('1 link');
    expect(plural(1000, 'link')).toBe('1,000 links');
  });
});
