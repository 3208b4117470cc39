// foldLatinText takes a shorter path for plain ASCII; it must fold exactly as the full one
// (apostrophes inside a word vanish, other punctuation separates, case goes).
import { describe, expect, it } from 'vitest';
import { foldLatinText } from '../../src/resolve/latin-fold.js';

describe('foldLatinText on ASCII', () => {
  it('folds as the general path does', () => {
    expect(foldLatinText("Sa'id O'Brien")).toBe('said obrien');
    expect(foldLatinText('Ma`ruf')).toBe('maruf');
    expect(foldLatinText("'Abd' al-Karim''")).toBe('abd al karim');
    expect(foldLatinText("d''Arc")).toBe('darc');
    expect(foldLatinText('A\tB--C  (D)')).toBe('a b c d');
    expect(foldLatinText("x9'y")).toBe('x9 y');
    // The same names with one non-ASCII letter take the general path and agree.
    expect(foldLatinText("Sa'id O'Brien é")).toBe('said obrien e');
    expect(foldLatinText("x9'y é")).toBe('x9 y e');
  });
});
