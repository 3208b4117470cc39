// RTF -> text. Witness statements and older reports often come as .rtf; its text is
// interleaved with control words, font tables and embedded pictures. This is a small
// tokenizer that keeps visible text, decodes \'hh bytes in the document's ANSI code page and
// \uN characters, and reads the \info group (title, author, creation time).
import { normalizeText } from '../../text/normalize.js';
import type { ReadInput, ReadResult } from '../types.js';
import { looksLikeTestimony } from './kind.js';
import { textResult } from './read-result.js';

/** Destinations whose content is not document text. */
const SKIP_DESTINATIONS = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'xmlnstbl',
  'themedata', 'colorschememapping', 'datastore', 'latentstyles', 'pgdsctbl', 'revtbl', 'pict', 'object',
  'fldinst', 'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl', 'footerr', 'footerf', 'filetbl',
  'operator', 'company', 'keywords', 'subject', 'comment', 'doccomm', 'private', 'bkmkstart', 'bkmkend', 'nonshppict',
]);
const INFO_FIELDS = new Set(['title', 'author']);
const SPECIALS: Record<string, string> = {
  par: '\n', line: '\n', sect: '\n\n', page: '\n\n', row: '\n', cell: ' ', tab: '\t', emdash: '\u2014', endash: '\u2013',
  lquote: '\u2018', rquote: '\u2019', ldblquote: '\u201c', rdblquote: '\u201d', bullet: '\u2022', emspace: ' ', enspace: ' ',
};
const MAX_DEPTH = 500;

interface GroupState {
  skip: boolean;
  field: string | null; // "title"/"author" inside \info
  ucSkip: number;
}

export interface RtfText {
  text: string;
  title: string | null;
  author: string | null;
  created: string | null; // ISO date from \creatim
  tooDeep: boolean;
}

/** Visible text and \info fields of an RTF document. "{\rtf1 Hello\par World}" -> "Hello\nWorld". */
export function rtfToText(src: string): RtfText {
  let codepage = 1252;
  const out: string[] = [];
  const fields: Record<string, string> = {};
  const created: Record<string, number> = {};
  let bytes: number[] = [];
  let state: GroupState = { skip: false, field: null, ucSkip: 1 };
  const stack: GroupState[] = [];
  let pendingUnicodeSkip = 0;
  let tooDeep = false;
  let inCreatim = false;

  const emit = (s: string) => {
    if (state.skip) return;
    if (state.field) fields[state.field] = (fields[state.field] ?? '') + s;
    else out.push(s);
  };
  const flushBytes = () => {
    if (bytes.length === 0) return;
    let decoded: string;
    try {
      decoded = new TextDecoder(`windows-${codepage}`).decode(new Uint8Array(bytes));
    } catch {
      decoded = new TextDecoder('windows-1252').decode(new Uint8Array(bytes));
    }
    bytes = [];
    emit(decoded);
  };

  const n = src.length;
  let i = 0;
  let groupStart = false; // just after "{": the first control word names the destination
  while (i < n) {
    const c = src[i]!;
    if (c === '{') {
      flushBytes();
      if (stack.length >= MAX_DEPTH) {
        tooDeep = true;
        break;
      }
      stack.push(state);
      state = { ...state };
      groupStart = true;
      i++;
      continue;
    }
    if (c === '}') {
      flushBytes();
      if (inCreatim && state.field === null) inCreatim = false;
      state = stack.pop() ?? state;
      groupStart = false;
      i++;
      continue;
    }
    if (c === '\\') {
      const next = src[i + 1];
      if (next === undefined) break;
      if (next === "'") {
        const hex = parseInt(src.slice(i + 2, i + 4), 16);
        i += 4;
        if (pendingUnicodeSkip > 0) pendingUnicodeSkip--;
        else if (!Number.isNaN(hex)) bytes.push(hex);
        groupStart = false;
        continue;
      }
      flushBytes();
      if (next === '*') {
        // An ignorable destination: skip it unless we know it (we know none worth reading).
        state.skip = true;
        i += 2;
        continue;
      }
      if (!/[a-zA-Z]/.test(next)) {
        i += 2;
        groupStart = false;
        if (next === '\\' || next === '{' || next === '}') emit(next);
        else if (next === '~') emit('\u00a0');
        else if (next === '_') emit('\u2011');
        else if (next === '\n' || next === '\r') emit('\n');
        continue;
      }
      const m = /^([a-zA-Z]{1,32})(-?\d{1,10})? ?/.exec(src.slice(i + 1, i + 48))!;
      const word = m[1]!;
      const param = m[2] !== undefined ? Number(m[2]) : null;
      i += 1 + m[0].length;
      const isDestination = groupStart;
      groupStart = false;
      if (word === 'bin' && param !== null && param > 0) {
        i += param; // raw binary payload
        continue;
      }
      if (isDestination && SKIP_DESTINATIONS.has(word)) {
        state.skip = true;
        continue;
      }
      if (word === 'info') {
        state.skip = true; // only the fields below are read
        continue;
      }
      if (isDestination && INFO_FIELDS.has(word)) {
        state.skip = false;
        state.field = word;
        continue;
      }
      if (isDestination && word === 'creatim') {
        inCreatim = true;
        continue;
      }
      if (inCreatim && (word === 'yr' || word === 'mo' || word === 'dy') && param !== null) {
        created[word] = param;
        continue;
      }
      if (word === 'ansicpg' && param !== null) codepage = param;
      else if (word === 'uc' && param !== null) state.ucSkip = Math.max(0, param);
      else if (word === 'u' && param !== null) {
        emit(String.fromCharCode(param < 0 ? param + 65536 : param));
        pendingUnicodeSkip = state.ucSkip;
      } else if (SPECIALS[word] !== undefined) emit(SPECIALS[word]!);
      continue;
    }
    if (c === '\r' || c === '\n') {
      i++;
      continue;
    }
    groupStart = false;
    if (pendingUnicodeSkip > 0) {
      pendingUnicodeSkip--;
      i++;
      continue;
    }
    // Plain run up to the next special character.
    let j = i;
    while (j < n && src[j] !== '\\' && src[j] !== '{' && src[j] !== '}' && src[j] !== '\r' && src[j] !== '\n') j++;
    flushBytes();
    emit(src.slice(i, j));
    i = j;
  }
  flushBytes();
  const clean = (s: string | undefined) => (s ? normalizeText(s).replace(/\n+/g, ' ') || null : null);
  const y = created.yr;
  const createdIso = y && y > 1900 && y < 2200 && created.mo && created.dy ? `${y}-${String(created.mo).padStart(2, '0')}-${String(created.dy).padStart(2, '0')}` : null;
  return { text: normalizeText(out.join('')), title: clean(fields.title), author: clean(fields.author), created: createdIso, tooDeep };
}

/** An RTF file: visible text, \info title/author, creation date as a weak date hint. */
export async function readRtf(input: ReadInput): Promise<ReadResult> {
  // RTF is 7-bit ASCII by definition; latin1 keeps any stray 8-bit byte as one character.
  const src = new TextDecoder('latin1').decode(input.bytes);
  const rtf = rtfToText(src);
  const flags = rtf.tooDeep ? ['nesting_too_deep'] : [];
  if (!rtf.text) flags.push('no_text');
  // Double line breaks from \par\par are paragraph breaks; single \par too in RTF.
  const text = normalizeText(rtf.text.replace(/\n/g, '\n\n'));
  return textResult('text', looksLikeTestimony(rtf.title, text) ? 'testimony' : 'report', text, {
    title: rtf.title,
    authors: rtf.author ? [rtf.author] : [],
    published: rtf.created ? { value: rtf.created, evidence: 'rtf info creatim', confidence: 0.3 } : null,
    flags,
    extra: { format: 'rtf' },
  });
}
