import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arabicScriptKey } from '../../src/resolve/arabic-script-key.js';
import { latinFold, splitTitles } from '../../src/resolve/latin-fold.js';
import { phoneticKey, skeletonOf } from '../../src/resolve/phonetic-key.js';
import { learnEditCosts, rankTransliterations } from '../../src/resolve/transliteration.js';

const SUFFIX = /^(zadeh|zade|zada|zadah|pour|pur|poor|nejad|nezhad|nejhad|nijad|nia|niya|far|rad|lou|loo|lu|ollah|ullah|allah|olah|ulah|alah|vand|abadi|zadegan)$/i;
const skeletons = (key: string) => key.split(' ').map(skeletonOf).sort().join(' ');

describe('latinFold', () => {
  it('removes case, diacritics, punctuation and titles, and records the titles', () => {
    expect(latinFold('Dr. Dāriūsh KALANTARI')).toBe('dariush kalantari');
    expect(splitTitles('Gen. Qasem Soleimani').titles).toEqual(['general']);
    expect(splitTitles('Ayatollah Seyed Ali Parvizi').titles).toEqual(['ayatollah', 'seyed']);
    expect(splitTitles('Haji Sheikh Omid Farzan').tokens).toEqual(['omid', 'farzan']);
  });

  it('keeps a title word that is the whole name', () => {
    expect(latinFold('Hafiz')).toBe('hafiz');
  });
});

describe('phoneticKey', () => {
  it('gives the romanizations of one name one key', () => {
    const groups = [
      ['Dariush Kalantari', 'Daryoush Kalantary', 'Darioush Kalantari', 'Kalantari, Dariush'],
      ['Hossein Farzaneh', 'Hosein Farzane', 'Husayn Farzaneh', 'Hussein Farzaneh'],
      ['Mohammad Rastegar', 'Muhammad Rastegar', 'Mohammed Rastegar'],
      ['Khosrow Vaziri', 'Xosrow Vaziri', 'Khosro Vazeeri'],
      ['Ghasem Pahlavan', 'Qasem Pahlavan'],
      ['Abdolkarim Sadeghi', 'Abdul Karim Sadeghi', 'Abd al-Karim Sadeghi'],
      ['Hossein-Zadeh', 'Hosseinzadeh', 'Hossein Zadeh'],
      ['Rouhollah Nabavi', 'Ruhollah Nabavi'],
    ];
    for (const g of groups) expect(new Set(g.map(phoneticKey)).size, g.join(' / ')).toBe(1);
  });

  it('keeps different names apart', () => {
    expect(phoneticKey('Mahmoud')).not.toBe(phoneticKey('Mohammad'));
    expect(phoneticKey('Shirin Kalantari')).not.toBe(phoneticKey('Dariush Kalantari'));
  });

  it('drops al-/ol- articles and the written ezafe', () => {
    expect(phoneticKey('al-Farsi')).toBe(phoneticKey('Farsi'));
    expect(phoneticKey('Yegan-e Vizhe')).toBe(phoneticKey('Yegan Vizhe'));
  });

  it('is idempotent', () => {
    // Articles ("al", "ash") and suffix words ("zadeh", "pour") attach to a neighbour
    // in written order, which a sorted key no longer has, so words here are 4+ letters
    // and not suffixes.
    const word = fc.stringMatching(/^[A-Za-z][A-Za-z']{2,8}[A-Za-z]$/).filter((w) => !SUFFIX.test(w.replace(/[-']/g, '')));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), (words) => {
        const key = phoneticKey(words.join(' '));
        expect(phoneticKey(key)).toBe(key);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on word order', () => {
    // Articles, ezafe and suffixes ("al-", "-e", "-zadeh") attach to a neighbour, so
    // order-freedom is a property of plain words.
    const word = fc.stringMatching(/^[A-Za-z]{5,9}$/).filter((w) => !/^(zadeh|zadah|nejad|nezhad|nejhad|nijad|ollah|ullah|allah|zadegan|abadi)$/i.test(w));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), (words) => {
        expect(phoneticKey([...words].reverse().join(' '))).toBe(phoneticKey(words.join(' ')));
      }),
      { numRuns: 300 },
    );
  });
});

describe('arabicScriptKey', () => {
  it('meets the Latin spellings on the skeleton', () => {
    const script = arabicScriptKey('داریوش کلانتری');
    expect(skeletons(script)).toBe(skeletons(phoneticKey('Dariush Kalantari')));
    expect(skeletons(script)).toBe(skeletons(phoneticKey('Daryoush Kalantary')));
  });

  it('folds Arabic letter variants and takes titles off', () => {
    expect(arabicScriptKey('علي')).toBe(arabicScriptKey('علی'));
    expect(arabicScriptKey('سید علی')).toBe(arabicScriptKey('علی'));
    expect(arabicScriptKey('حسین‌زاده')).toBe('hsinzada');
  });

  it('is order-free', () => {
    expect(arabicScriptKey('کلانتری داریوش')).toBe(arabicScriptKey('داریوش کلانتری'));
  });
});

describe('rankTransliterations', () => {
  it('finds the Latin spelling of a Persian-script name among other names', () => {
    const rank = rankTransliterations(['Kamran', 'Dariush', 'Shirin', 'Darab', 'Parvaneh']);
    expect(rank('داریوش', 1)).toEqual(['Dariush']);
    expect(rank('شیرین', 1)).toEqual(['Shirin']);
    expect(rank('کامران', 1)).toEqual(['Kamran']);
  });

  it('learns cheap edits from aligned pairs', () => {
    // A toy training set where the script key "q" is always written "g" in Latin.
    const costs = learnEditCosts([['qamr', 'gamr'], ['qul', 'gul'], ['baq', 'bag'], ['qir', 'gir'], ['mal', 'mal'], ['lab', 'lab']], 2);
    expect(costs.get('q|g')).toBeLessThan(costs.get('q|') ?? Infinity);
  });
});
