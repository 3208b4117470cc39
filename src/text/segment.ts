/** A paragraph span: text.slice(start, end) is the paragraph, trimmed. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Paragraphs of a normalized text: runs separated by a blank line, or single lines when
 * the text uses one line per paragraph. Offsets are UTF-16 indices into `text`.
 * "A\n\nB" -> [{0,1},{3,4}].
 */
export function splitParagraphs(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[^\n]+(?:\n(?!\n)[^\n]+)*/g; // blocks between blank lines
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const block = m[0];
    const base = m.index;
    // A block of many short lines (lists, menus) stays one passage; a block of long
    // lines is a text that put one paragraph per line, so each line is a passage.
    const lines = block.split('\n');
    const longLines = lines.filter((l) => l.length > 200).length;
    if (lines.length > 1 && longLines >= lines.length / 2) {
      let offset = base;
      for (const line of lines) {
        pushTrimmed(spans, text, offset, offset + line.length);
        offset += line.length + 1;
      }
    } else {
      pushTrimmed(spans, text, base, base + block.length);
    }
  }
  return spans;
}

function pushTrimmed(spans: Span[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) spans.push({ start, end });
}
