import { describe, expect, it } from 'vitest';
import { fmt } from '../../eval/harness.js';

describe('eval table scores', () => {
  it('prints a share of 1 with decimals, so it cannot be read as a count', () => {
    expect(fmt(1, 'token F1')).toBe('1.000');
    expect(fmt(0, 'recall')).toBe('0.000');
    expect(fmt(0.97649, 'B-cubed F1')).toBe('0.976');
  });

  it('prints counts as whole numbers', () => {
    expect(fmt(2, 'conflicts found (of n)')).toBe('2');
    expect(fmt(0, 'false conflicts (of n; want 0)')).toBe('0');
    expect(fmt(3, 'count')).toBe('3');
    expect(fmt(120, 'sentences / tokens')).toBe('120');
    expect(fmt(5, 'independent groups (gold 3), conflict / found conflict')).toBe('5');
    expect(fmt(1, 'independent-group count, mean absolute difference')).toBe('1');
    expect(fmt(0.25, 'independent-group count, mean absolute difference')).toBe('0.250');
  });
});
