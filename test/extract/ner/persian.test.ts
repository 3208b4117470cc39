import { describe, expect, it } from 'vitest';
import { persianCue, persianParts, CUE_LOC, CUE_ORG, CUE_TITLE } from '../../../src/extract/ner/persian.js';
import { computeWordInfo, W_CUE, W_STEM, W_ZW1 } from '../../../src/extract/ner/word-info.js';

describe('persianParts', () => {
  it('cuts plural and clitic suffixes so inflected forms share a stem', () => {
    expect(persianParts('کتاب\u200cها').stem).toBe('کتاب');
    expect(persianParts('کتابها').stem).toBe('کتاب');
    expect(persianParts('دولتهای').stem).toBe('دولت');
    expect(persianParts('ایرانی').stem).toBe('ایران');
    expect(persianParts('کتابرا').suffix).toBe('را');
  });

  it('keeps short words whole and reads verb prefixes and ZWNJ parts', () => {
    expect(persianParts('شهر').stem).toBe('شهر');
    const p = persianParts('می\u200cخواهم');
    expect(p.prefix).toBe('می');
    expect(p.firstPart).toBe('می');
    expect(p.lastPart).toBe('خواهم');
    expect(persianParts('نمیدانند').prefix).toBe('نمی');
  });
});

describe('persianCue', () => {
  it('classes titles, organization heads and place heads', () => {
    expect(persianCue('آقای') & CUE_TITLE).toBeTruthy();
    expect(persianCue('سازمان') & CUE_ORG).toBeTruthy();
    expect(persianCue('استان') & CUE_LOC).toBeTruthy();
    expect(persianCue('کتاب')).toBe(0);
  });
});

describe('word-info Persian fields', () => {
  it('are set for Persian words and zero for English ones (English features unchanged)', () => {
    const fa = computeWordInfo('کتاب‌ها');
    expect(fa[W_STEM]).not.toBe(0);
    expect(fa[W_ZW1]).not.toBe(0);
    expect(computeWordInfo('کتابها')[W_STEM]).toBe(fa[W_STEM]);
    expect(computeWordInfo('وزارت')[W_CUE]).toBe(CUE_ORG);
    const en = computeWordInfo('Ministry');
    expect(en[W_STEM]).toBe(0);
    expect(en[W_CUE]).toBe(0);
  });
});
