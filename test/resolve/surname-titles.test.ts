import { describe, expect, it } from 'vitest';
import { looksLikeGivenName, resolveMentions, titlesConflict, wordBefore, type MentionInput } from '../../src/resolve/mentions.js';

let pos = 0;
function m(text: string, documentId: string, extra: Partial<MentionInput> = {}): MentionInput {
  pos += 100;
  return { text, type: 'PERSON', documentId, start: pos, end: pos + text.length, id: `${documentId}:${text}:${pos}`, ...extra };
}
const clusterOf = (clusters: ReturnType<typeof resolveMentions>, id: string) => clusters.find((c) => c.mentionIds.includes(id));

describe('surname mentions and titles', () => {
  it('keeps «سردار رستمی» apart from «حسین رستمی», who was given no rank', () => {
    const full = m('حسین رستمی', 't1');
    const general = m('سردار رستمی', 't1');
    const clusters = resolveMentions([full, general]);
    expect(clusterOf(clusters, general.id!)).not.toBe(clusterOf(clusters, full.id!));
  });

  it('keeps "General Rostami" apart also when the title is just outside the span', () => {
    const full = m('Hossein Rostami', 't2');
    const bare = m('Rostami', 't2', { before: 'General' });
    const clusters = resolveMentions([full, bare]);
    expect(clusterOf(clusters, bare.id!)).not.toBe(clusterOf(clusters, full.id!));
  });

  it('joins a rank surname to the full name introduced with a rank of the same group', () => {
    const full = m('سرتیپ حسین رستمی', 't3');
    const general = m('سردار رستمی', 't3');
    const clusters = resolveMentions([full, general]);
    expect(clusterOf(clusters, general.id!)).toBe(clusterOf(clusters, full.id!));
  });

  it('still joins a surname with a non-rank title or none to the one full name', () => {
    const full = m('Dariush Kalantari', 't4');
    const dr = m('Dr. Kalantari', 't4');
    const bare = m('Kalantari', 't4', { before: 'said' });
    const clusters = resolveMentions([full, dr, bare]);
    expect(clusterOf(clusters, dr.id!)).toBe(clusterOf(clusters, full.id!));
    expect(clusterOf(clusters, bare.id!)).toBe(clusterOf(clusters, full.id!));
  });

  it('does not join a surname cut out of another full name («گلنار کلانتری»)', () => {
    const full = m('داریوش کلانتری', 't5');
    const cut = m('کلانتری', 't5', { before: 'گلنار' });
    const cutLatin = m('Kalantari', 't5', { before: 'Golnar' });
    const clusters = resolveMentions([full, cut, cutLatin]);
    expect(clusterOf(clusters, cut.id!)).not.toBe(clusterOf(clusters, full.id!));
    expect(clusterOf(clusters, cutLatin.id!)).not.toBe(clusterOf(clusters, full.id!));
  });

  it('keeps "Mr. Kalantari" from the only full name in the document when that is "Mrs. Golnar Kalantari"', () => {
    const wife = m('Golnar Kalantari', 't6', { before: 'Mrs.' });
    const mr = m('Kalantari', 't6', { before: 'Mr.' });
    const later = m('Kalantari', 't6', { before: 'believed' });
    const clusters = resolveMentions([wife, mr, later]);
    expect(clusterOf(clusters, mr.id!)).not.toBe(clusterOf(clusters, wife.id!));
    // Two Kalantaris in the document now: the plain surname after them joins neither.
    expect(clusterOf(clusters, later.id!)!.mentionIds).toEqual([later.id]);
  });

  it('joins "Mr. Kalantari" to the one full-name Kalantari a gender title leaves (beside "Mrs. Golnar Kalantari")', () => {
    const husband = m('Dariush Kalantari', 't7');
    const wife = m('Golnar Kalantari', 't7', { before: 'Mrs.' });
    const mr = m('Kalantari', 't7', { before: 'Mr.' });
    const later = m('Kalantari', 't7', { before: 'believed' });
    const clusters = resolveMentions([husband, wife, mr, later]);
    expect(clusterOf(clusters, mr.id!)).toBe(clusterOf(clusters, husband.id!));
    expect(clusterOf(clusters, later.id!)!.mentionIds).toEqual([later.id]);
    // With no title to tell them apart, the surname after both names stays alone.
    const names = [m('Dariush Kalantari', 't7b'), m('Golnar Kalantari', 't7b', { before: 'Mrs.' })];
    const plain = m('Kalantari', 't7b', { before: 'said' });
    const c2 = resolveMentions([...names, plain]);
    expect(clusterOf(c2, plain.id!)!.mentionIds).toEqual([plain.id]);
  });

  it('leaves a surname shared by several people of the document alone, whichever paragraph it is in', () => {
    const student = m('Hossein Rostami', 't8');
    const other = m('Leila Rostami', 't8');
    const young = m('Rostami', 't8', { before: 'young' });
    const clusters = resolveMentions([student, other, young]);
    expect(clusterOf(clusters, young.id!)!.mentionIds).toEqual([young.id]);
  });

  it('joins "the Guard" to the one organization of the document with that word', () => {
    const long = m('Internal Guard Corps', 't9', { type: 'ORG' });
    const short = m('the Guard', 't9', { type: 'ORG' });
    const other = m('the Guard', 't10', { type: 'ORG' });
    const a = m('Internal Guard Corps', 't11', { type: 'ORG' });
    const b = m('Coast Guard Command', 't11', { type: 'ORG' });
    const amb = m('the Guard', 't11', { type: 'ORG' });
    const clusters = resolveMentions([long, short, other, a, b, amb]);
    expect(clusterOf(clusters, short.id!)).toBe(clusterOf(clusters, long.id!));
    expect(clusterOf(clusters, amb.id!)).not.toBe(clusterOf(clusters, b.id!));
    expect(clusterOf(clusters, amb.id!)).not.toBe(clusterOf(clusters, a.id!));
  });

  it('titlesConflict: gender, ranks, offices', () => {
    expect(titlesConflict(['mrs'], ['mr'])).toBe(true);
    expect(titlesConflict(['general'], [])).toBe(true);
    expect(titlesConflict(['general'], ['brigadier'])).toBe(false);
    expect(titlesConflict(['ayatollah'], ['general'])).toBe(true);
    expect(titlesConflict(['doctor'], [])).toBe(false);
    expect(titlesConflict(['doctor'], ['engineer'])).toBe(true);
    expect(titlesConflict(['seyed'], ['doctor'])).toBe(false);
  });

  it('wordBefore and looksLikeGivenName', () => {
    const text = 'Yesterday Golnar Kalantari spoke. (Kalantari) گلنار کلانتری';
    expect(wordBefore(text, text.indexOf('Kalantari'))).toBe('Golnar');
    expect(wordBefore(text, text.lastIndexOf('(') + 1)).toBeUndefined();
    expect(wordBefore(text, text.indexOf('کلانتری'))).toBe('گلنار');
    const herald = 'his wife, Mrs. Golnar Kalantari, told us. Mr. Kalantari, 53, farms. He said. Kalantari';
    expect(wordBefore(herald, herald.indexOf('Mr. Kalantari') + 4)).toBe('Mr.');
    expect(wordBefore(herald, herald.lastIndexOf('Kalantari'))).toBeUndefined();
    expect(looksLikeGivenName('Golnar')).toBe(true);
    expect(looksLikeGivenName('The')).toBe(false);
    expect(looksLikeGivenName('General')).toBe(false);
    expect(looksLikeGivenName('گلنار')).toBe(true);
    expect(looksLikeGivenName('خانوادهٔ')).toBe(false);
  });
});
