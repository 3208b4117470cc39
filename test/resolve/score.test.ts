import { describe, expect, it } from 'vitest';
import { acronymOf, isAcronymOf } from '../../src/resolve/organization.js';
import { analyzeName } from '../../src/resolve/name-record.js';
import { classifyScore, scoreNamePair } from '../../src/resolve/score.js';

const person = (name: string) => ({ name, type: 'PERSON' as const });

describe('scoreNamePair', () => {
  it('matches romanization variants, typos and token order automatically', () => {
    for (const [a, b] of [
      ['Dariush Kalantari', 'Daryoush Kalantary'],
      ['Hossein Farzaneh', 'Hosien Farzaneh'],
      ['Kalantari, Dariush', 'Dariush Kalantari'],
      ['Dariush Kalantari', 'داریوش کلانتری'],
    ]) {
      expect(classifyScore(scoreNamePair(person(a), person(b)).score), `${a} ~ ${b}`).toBe('automatic');
    }
  });

  it('keeps people who only share a surname apart', () => {
    const names = ['Dariush Kalantari', 'Shirin Kalantari', 'Kamran Kalantari'];
    for (const a of names) {
      for (const b of names) {
        if (a === b) continue;
        const s = scoreNamePair(person(a), person(b));
        expect(classifyScore(s.score), `${a} ~ ${b}`).toBe('no-match');
        expect(s.signals.surnameAgreement).toBe(1);
      }
    }
  });

  it('sends a one-consonant surname difference to review, not to an automatic merge', () => {
    // "Karimi" and "Kazimi" may be one typo or two families.
    expect(classifyScore(scoreNamePair(person('Kamran Karimi'), person('Kamran Kazimi')).score)).toBe('review');
  });

  it('puts bands in order', () => {
    expect([classifyScore(0.95), classifyScore(0.6), classifyScore(0.1)]).toEqual(['automatic', 'review', 'no-match']);
  });

  it('lowers the score for conflicting titles and different types', () => {
    const plain = scoreNamePair(person('Kamran Nouri'), person('Kamran Nouri')).score;
    expect(scoreNamePair(person('Mr. Kamran Nouri'), person('Mrs. Kamran Nouri')).score).toBeLessThan(plain);
    expect(scoreNamePair(person('Kamran Nouri'), { name: 'Kamran Nouri', type: 'ORG' }).signals.sameType).toBe(false);
  });

  it('uses aliases ("also known as")', () => {
    const a = { name: 'Payam Rostami', aliases: ['Abu Sahand'], type: 'PERSON' as const };
    expect(scoreNamePair(a, person('Abou Sahand')).score).toBeGreaterThan(0.8);
  });
});

describe('organizations', () => {
  it('forms acronyms without function words', () => {
    expect(acronymOf('National Standards and Calibration Laboratory')).toBe('NSCL');
    expect(isAcronymOf('M.E.N.A.', 'Middle East North Africa')).toBe(true);
    expect(isAcronymOf('PGPIC', 'Persian Gulf Petrochemical Industry Company')).toBe(true);
    expect(isAcronymOf('XYZ', 'Persian Gulf Petrochemical Industry Company')).toBe(false);
  });

  it('links an acronym to its long form and ignores legal forms', () => {
    const org = (name: string) => ({ name, type: 'ORG' as const });
    expect(scoreNamePair(org('NSCL'), org('National Standards and Calibration Laboratory')).signals.acronym).toBe(true);
    expect(classifyScore(scoreNamePair(org('Reem Pharmaceutical'), org('Reem Pharmaceutical, LLC')).score)).toBe('automatic');
  });
});

describe('scoreNamePair: script and organization edge cases', () => {
  it('reads an initial ی before a consonant as "ye", so Persian and Latin spellings meet automatically', () => {
    expect(scoreNamePair(person('شبنم یگانه'), person('Shabnam Yeganeh')).score).toBeGreaterThanOrEqual(0.85);
    expect(scoreNamePair(person('کاوه سهرابی'), person('Kaveh Sohrabi')).score).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps one word against a longer organization name out of the automatic band', () => {
    const org = (name: string) => ({ name, type: 'ORG' as const });
    const s = scoreNamePair(org('Arsavan'), org('Arsavan Herald')).score;
    expect(s).toBeGreaterThanOrEqual(0.45);
    expect(classifyScore(s)).toBe('review');
    expect(classifyScore(scoreNamePair(org('Nouri Petrochemical'), org('Nouri Petrochemical Complex')).score)).toBe('automatic');
  });
});

describe('scoreNamePair: name chains, titles in a given-name part, organization words in other languages', () => {
  const org = (name: string) => ({ name, type: 'ORG' as const });

  it('sends the same chain of given names under another family name to review, but not a name with the same patronymic', () => {
    // Own, father's and grandfather's names agree one by one: an alias under another nisba.
    expect(classifyScore(scoreNamePair(person('KARIMI, Hamed Jasem Talib'), person('NOURI, Hamed Jassim Taleb')).score)).toBe('review');
    expect(classifyScore(scoreNamePair(person('KARIMI, Hamed Jasem'), person('NOURI, Hamed Jassim')).score)).toBe('review');
    // A first name and a patronymic are shared by many unrelated people.
    expect(classifyScore(scoreNamePair(person('PETROV, Ivan Sergeyevich'), person('SMIRNOV, Ivan Sergeyevich')).score)).toBe('no-match');
    // One given name alone is not a chain.
    expect(classifyScore(scoreNamePair(person('KARIMI, Hamed'), person('NOURI, Hamed')).score)).toBe('no-match');
    // The shorter chain may skip a word of the longer one, in order.
    expect(classifyScore(scoreNamePair(person('KARIMI, Hamed Abdu Jasem'), person('NOURI, Hamed Jassim')).score)).toBe('review');
    // Lifted to review even when a long surname weighs the words down, unless the chain is of common names.
    const common = (k: string) => (['muhamad', 'raza'].includes(k) ? 0.2 : 1);
    expect(classifyScore(scoreNamePair(person('KARIMI, Hamed Jasem Talib'), person('NOURI KHALILABADI, Hamed Jassim')).score)).toBe('review');
    const mr = scoreNamePair(person('KARIMI, Mohammad Reza'), person('NOURI KHALILABADI, Mohammad Reza'), { wordWeight: common });
    expect(classifyScore(mr.score)).toBe('no-match');
  });

  it('reads an honorific before the given name of "SURNAME, Given" as a title, and keeps a surname that only looks like one', () => {
    expect(classifyScore(scoreNamePair(person('ROSTAMI, Hafiz Kamran'), person('ROSTAMI, Kamran')).score)).toBe('automatic');
    expect(classifyScore(scoreNamePair(person('ROSTAMI, Hafez'), person('ROSTAMI, Kamran')).score)).toBe('no-match');
    // "AL-SAYYID" is the surname here, not the title "Seyed" and an orphaned article.
    expect(analyzeName('AL-SAYYID, Kamran', 'PERSON').words).toEqual(['saiyid', 'kamran']);
  });

  it('matches generic organization words across languages, and still by their own spelling', () => {
    expect(classifyScore(scoreNamePair(org('Sherkat Naft Vahrestan'), org('Vahrestan Oil Company')).score)).toBe('automatic');
    expect(classifyScore(scoreNamePair(org('Bonyad Golmarz'), org('Golmarz Foundation')).score)).toBe('automatic');
    // "Liwa" reads as "brigade"; "Liwaa", which the glossary does not list, still meets it by spelling.
    expect(classifyScore(scoreNamePair(org('Liwa Golmarz'), org('Liwaa Golmarz')).score)).toBe('automatic');
    expect(classifyScore(scoreNamePair(org('Sherkat-e Tolid va Saderat-e Golmarz'), org('Golmarz Export and Manufacturing Company')).score)).toBe('automatic');
    // A shared generic word alone is no match.
    expect(classifyScore(scoreNamePair(org('Naft Golmarz'), org('Arsavan Oil')).score)).toBe('no-match');
  });
});
