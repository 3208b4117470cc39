import { describe, expect, it } from 'vitest';
import { findDuplicateCandidates } from '../../src/resolve/duplicates.js';
import { resolveMentions, type MentionInput } from '../../src/resolve/mentions.js';

let pos = 0;
function m(text: string, documentId: string, type: MentionInput['type'] = 'PERSON', extra: Partial<MentionInput> = {}): MentionInput {
  pos += 100;
  return { text, type, documentId, start: pos, end: pos + text.length, id: `${documentId}:${text}:${pos}`, ...extra };
}
const clusterOf = (clusters: ReturnType<typeof resolveMentions>, id: string) => clusters.find((c) => c.mentionIds.includes(id));

describe('resolveMentions', () => {
  it('joins a bare surname to the one full name of its document', () => {
    const full = m('Dariush Kalantari', 'd1');
    const bare = m('Kalantari', 'd1');
    const clusters = resolveMentions([full, bare]);
    expect(clusterOf(clusters, bare.id!)).toBe(clusterOf(clusters, full.id!));
  });

  it('leaves a bare surname alone when two full names share it', () => {
    const a = m('Dariush Kalantari', 'd2');
    const b = m('Shirin Kalantari', 'd2');
    const bare = m('Kalantari', 'd2');
    const clusters = resolveMentions([a, b, bare]);
    expect(clusterOf(clusters, bare.id!)!.mentionIds).toEqual([bare.id]);
    expect(clusterOf(clusters, a.id!)).not.toBe(clusterOf(clusters, b.id!));
  });

  it('joins "the Herald" to the organization the document names in full, even named later or typed a place', () => {
    const herald = m('Herald', 'dh', 'PLACE', { before: 'the' });
    const monitor = m('Monitor', 'dh', 'ORG', { before: 'The' });
    const full = m('Arsavan Herald', 'dh', 'ORG');
    const rights = m('Vahrestan Rights Monitor', 'dh', 'ORG');
    const clusters = resolveMentions([herald, monitor, full, rights]);
    expect(clusterOf(clusters, herald.id!)).toBe(clusterOf(clusters, full.id!));
    expect(clusterOf(clusters, monitor.id!)).toBe(clusterOf(clusters, rights.id!));
    expect(clusterOf(clusters, full.id!)).not.toBe(clusterOf(clusters, rights.id!));
  });

  it('keeps a place apart from an organization named after it, and a word without "the" apart', () => {
    const place = m('Golmarz', 'dg', 'PLACE', { before: 'the' });
    const union = m('Golmarz Farmers’ Union', 'dg', 'ORG');
    const bare = m('Herald', 'dg', 'PLACE', { before: 'Arsavan' });
    const paper = m('Arsavan Herald', 'dg', 'ORG');
    const clusters = resolveMentions([place, union, bare, paper]);
    expect(clusterOf(clusters, place.id!)).not.toBe(clusterOf(clusters, union.id!));
    expect(clusterOf(clusters, bare.id!)).not.toBe(clusterOf(clusters, paper.id!));
  });

  it('reads an organization-typed person name as a person when a person of the document has that family name', () => {
    const full = m('Dariush Kalantari', 'dk', 'ORG');
    const bare = m('Kalantari', 'dk');
    const union = m('Golmarz Farmers’ Union', 'dk', 'ORG');
    const clusters = resolveMentions([full, union, bare]);
    expect(clusterOf(clusters, bare.id!)).toBe(clusterOf(clusters, full.id!));
    expect(clusterOf(clusters, full.id!)!.type).toBe('PERSON');
    expect(clusterOf(clusters, union.id!)!.type).toBe('ORG');
    // No person of that family name in the document: the recognizer's type stands.
    const alone = m('Dariush Kalantari', 'dk2', 'ORG');
    const other = m('Shirin Sohrabi', 'dk2');
    const c2 = resolveMentions([alone, other]);
    expect(clusterOf(c2, alone.id!)!.type).toBe('ORG');
  });

  it('reads an organization-typed "General Rostami" as the one Rostami of the document given that rank', () => {
    const bahram = m('Bahram Rostami', 'dr', 'PERSON', { before: 'General' });
    const hosein = m('Hosein Rostami', 'dr');
    const general = m('General Rostami', 'dr', 'ORG');
    const motors = m('General Motors', 'dr', 'ORG');
    const clusters = resolveMentions([bahram, hosein, general, motors]);
    expect(clusterOf(clusters, general.id!)).toBe(clusterOf(clusters, bahram.id!));
    expect(clusterOf(clusters, general.id!)).not.toBe(clusterOf(clusters, hosein.id!));
    expect(clusterOf(clusters, motors.id!)!.type).toBe('ORG');
  });

  it('gives a bare surname before every full name with it (a headline) to the person named first', () => {
    const headline = m('Kalantari', 'dl');
    const dariush = m('Dariush Kalantari', 'dl');
    const golnar = m('Golnar Kalantari', 'dl');
    const later = m('Kalantari', 'dl');
    const clusters = resolveMentions([headline, dariush, golnar, later]);
    expect(clusterOf(clusters, headline.id!)).toBe(clusterOf(clusters, dariush.id!));
    expect(clusterOf(clusters, golnar.id!)).not.toBe(clusterOf(clusters, dariush.id!));
    // After both, it stays ambiguous: its own entity.
    expect(clusterOf(clusters, later.id!)!.mentionIds).toEqual([later.id]);
  });

  it('joins spelling variants across documents', () => {
    const a = m('Dariush Kalantari', 'd3');
    const b = m('Daryoush Kalantary', 'd4');
    const clusters = resolveMentions([a, b]);
    expect(clusterOf(clusters, a.id!)).toBe(clusterOf(clusters, b.id!));
  });

  it('honors mustNotLink and mustLink decisions', () => {
    const a = m('Dariush Kalantari', 'd5');
    const b = m('Daryoush Kalantary', 'd6');
    const c = m('Payam Rostami', 'd7');
    const clusters = resolveMentions([a, b, c], { mustNotLink: [[a.id!, b.id!]], mustLink: [[b.id!, c.id!]] });
    expect(clusterOf(clusters, a.id!)).not.toBe(clusterOf(clusters, b.id!));
    expect(clusterOf(clusters, b.id!)).toBe(clusterOf(clusters, c.id!));
  });

  it('links an acronym to the long form defined in the document', () => {
    const long = m('National Standards and Calibration Laboratory', 'd8', 'ORG');
    const short = m('NSCL', 'd8', 'ORG', { acronymOf: 'National Standards and Calibration Laboratory' });
    const clusters = resolveMentions([long, short]);
    expect(clusterOf(clusters, short.id!)).toBe(clusterOf(clusters, long.id!));
  });
});

describe('findDuplicateCandidates', () => {
  it('finds variants, typos and reordered names but not namesakes', () => {
    const records = ['Dariush Kalantari', 'Shirin Kalantari', 'KALANTARY, Daryoush', 'Kamran Kalantari', 'Hossein Farzaneh', 'Hosien Farzane'].map(
      (name) => ({ name, type: 'PERSON' as const }),
    );
    const auto = findDuplicateCandidates(records).filter((c) => c.band === 'automatic').map((c) => [c.a, c.b]);
    expect(auto).toContainEqual([0, 2]);
    expect(auto).toContainEqual([4, 5]);
    expect(auto).not.toContainEqual([0, 1]);
    expect(auto).not.toContainEqual([1, 3]);
  });
});
