// The reader: a document's text by passage, mentions highlighted by type (linked to
// their entity), reused passages marked with links to the other copies and the likely
// origin, the original in a sandboxed frame, and a citation per passage.
import { useEffect, useState } from 'preact/hooks';
import { api, type Doc, type DocumentSummary, type Mention, type Passage } from '../api.js';
import { t } from '../i18n.js';
import { docLabel, ErrorNote, Loading } from './common.js';

interface ReuseView {
  links: { link: { id: string; similarity: number }; other: DocumentSummary | null; otherDocumentId: string; here: { start: number; end: number }; there: { start: number; end: number }; otherIsOrigin: boolean }[];
  likelyOrigin: DocumentSummary | null;
}

interface Loaded {
  doc: Doc;
  passages: Passage[];
  mentions: Mention[];
  reuse: ReuseView;
}

export const MENTION_TYPES = ['PERSON', 'ORG', 'PLACE', 'DATE', 'QUANTITY', 'MISC'];

export function ReaderView({ id, at }: { id: string; at: number }) {
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [showOriginal, setShowOriginal] = useState(false);
  useEffect(() => {
    setData(null);
    setError(null);
    Promise.all([
      api<{ document: Doc }>(`/api/documents/${id}`),
      api<{ items: Passage[] }>(`/api/documents/${id}/passages`),
      api<{ items: Mention[] }>(`/api/documents/${id}/mentions`),
      api<ReuseView>(`/api/documents/${id}/reuse`),
    ]).then(([d, p, m, r]) => setData({ doc: d.document, passages: p.items, mentions: m.items.filter((x) => x.status !== 'rejected'), reuse: r }), setError);
  }, [id]);
  useEffect(() => {
    if (!data || !Number.isFinite(at)) return;
    const el = [...document.querySelectorAll<HTMLElement>('[data-start]')].find((e) => Number(e.dataset.start) <= at && at < Number(e.dataset.end));
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.classList.add('target');
    }
  }, [data, at]);

  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  const { doc, mentions, reuse } = data;
  const all = data.passages.length ? data.passages : [{ index: 0, start: 0, end: doc.text.length, page: null }];
  // A news page's headline is passage 0 of its text (flag headline_in_text): drawn as the
  // heading, with its mentions, rather than a second time under the title.
  const headline = doc.metadata.flags.includes('headline_in_text') && all.length > 1 ? all[0]! : null;
  const passages = headline ? all.slice(1) : all;
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.type, (counts.get(m.type) ?? 0) + 1);
  const showable = doc.mediaType === 'html' || doc.mediaType === 'text' || doc.mediaType === 'markdown' || doc.mediaType === 'pdf';

  return (
    <article class="reader">
      <header class="doc-head">
        {headline ? (
          <PassageBlock doc={doc} passage={headline} mentions={mentions} reuse={reuse} heading />
        ) : (
          <h1 dir="auto">{docLabel({ title: doc.metadata.title ?? doc.fileName, id: doc.id })}</h1>
        )}
        <p class="doc-meta">
          {[
            doc.metadata.site && <bdi>{doc.metadata.site}</bdi>,
            doc.metadata.published && (
              <span>
                {t('Published')} {doc.metadata.published.value} <span class="muted">({doc.metadata.published.evidence})</span>
              </span>
            ),
            <span>{doc.documentKind}</span>,
            <span>{doc.mediaType}</span>,
            <span>{doc.metadata.language}</span>,
            doc.fileName && <bdi>{doc.fileName}</bdi>,
          ]
            .filter(Boolean)
            .flatMap((el, i) => (i ? [' · ', el] : [el]))}
        </p>
        <p class="doc-id">
          SHA-256 <code>{doc.id}</code>
        </p>
        <div class="legend" aria-label={t('Mentions')}>
          {MENTION_TYPES.filter((ty) => counts.has(ty)).map((ty) => (
            <span key={ty} class={`m m-${ty}`}>
              {ty} {counts.get(ty)}
            </span>
          ))}
          {reuse.links.length > 0 && <span class="reused legend-reused">reused {reuse.links.length}</span>}
        </div>
        {reuse.likelyOrigin && (
          <p class="origin">
            {t('Likely origin')}:{' '}
            <a href={`#/doc/${reuse.likelyOrigin.id}`} dir="auto">
              {docLabel(reuse.likelyOrigin)}
            </a>{' '}
            {reuse.likelyOrigin.publishedOn && <span class="muted">({reuse.likelyOrigin.publishedOn})</span>}
          </p>
        )}
        <div class="doc-actions">
          {showable ? (
            <button type="button" aria-expanded={showOriginal} onClick={() => setShowOriginal(!showOriginal)}>
              {showOriginal ? t('Hide original') : t('Show original')}
            </button>
          ) : (
            <a href={`/api/documents/${doc.id}/original`} download>
              {t('Show original')}
            </a>
          )}
        </div>
        {showOriginal && (
          // Empty sandbox: no scripts, no forms, no top navigation; the server adds CSP sandbox too.
          <iframe class="original" sandbox="" src={`/api/documents/${doc.id}/original`} title={`original of ${docLabel({ title: doc.metadata.title ?? doc.fileName, id: doc.id })}`} />
        )}
      </header>
      <div class="doc-text" lang={doc.metadata.language === 'fa' ? 'fa' : doc.metadata.language === 'en' ? 'en' : undefined}>
        {passages.map((p) => (
          <PassageBlock key={p.index} doc={doc} passage={p} mentions={mentions} reuse={reuse} />
        ))}
      </div>
    </article>
  );
}

function PassageBlock({ doc, passage, mentions, reuse, heading = false }: { doc: Doc; passage: Passage; mentions: Mention[]; reuse: ReuseView; heading?: boolean }) {
  const { start, end } = passage;
  const inside = pickMentions(mentions.filter((m) => m.start >= start && m.end <= end));
  const links = reuse.links.filter((l) => l.here.start < end && l.here.end > start);
  const cuts = new Set([start, end]);
  for (const m of inside) (cuts.add(m.start), cuts.add(m.end));
  for (const l of links) (cuts.add(Math.max(start, l.here.start)), cuts.add(Math.min(end, l.here.end)));
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const text = doc.text.slice(a, b);
    const m = inside.find((x) => x.start <= a && b <= x.end);
    const reused = links.some((l) => l.here.start <= a && b <= l.here.end);
    let node = <>{text}</>;
    if (m) {
      const mark = (
        <mark class={`m m-${m.type}`} title={`${m.type}${m.value ? ` = ${m.value}` : ''} · ${m.status}`} data-mention={m.id}>
          {text}
        </mark>
      );
      node = m.entityId ? (
        <a class="mention-link" href={`#/entity/${encodeURIComponent(m.entityId)}`}>
          {mark}
        </a>
      ) : (
        mark
      );
    }
    pieces.push(reused ? <span class="reused" key={a}>{node}</span> : <span key={a}>{node}</span>);
  }
  return (
    <div class={heading ? 'passage headline' : 'passage'} data-start={start} data-end={end} id={`p${passage.index}`}>
      {heading ? <h1 dir="auto">{pieces}</h1> : <p dir="auto">{pieces}</p>}
      <div class="passage-side">
        <CiteButton doc={doc} passage={passage} />
        {links.map((l) => (
          <p class="also-in" key={l.link.id}>
            {t('Also in')}:{' '}
            <a href={`#/doc/${l.otherDocumentId}?at=${l.there.start}`} dir="auto">
              {docLabel({ title: l.other?.title ?? null, id: l.otherDocumentId })}
            </a>{' '}
            <span class="muted">
              ({Math.round(l.link.similarity * 100)}%{l.otherIsOrigin ? `, ${t('likely origin')}` : ''})
            </span>
          </p>
        ))}
      </div>
    </div>
  );
}

/** Overlapping mentions cannot all be drawn: keep the earliest, then the longest. */
function pickMentions(ms: Mention[]): Mention[] {
  const sorted = [...ms].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: Mention[] = [];
  let reach = -1;
  for (const m of sorted) {
    if (m.start >= reach) {
      out.push(m);
      reach = m.end;
    }
  }
  return out;
}

async function sha256Hex(text: string): Promise<string> {
  const buf = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A citation anyone can check: document id, passage, UTF-16 offsets and the passage text's hash. */
export async function citationOf(doc: Doc, passage: Passage): Promise<string> {
  const hash = await sha256Hex(doc.text.slice(passage.start, passage.end));
  const title = doc.metadata.title ?? doc.fileName ?? 'untitled';
  const where = [doc.metadata.site, doc.metadata.published?.value].filter(Boolean).join(', ');
  return `${title}${where ? ` (${where})` : ''}. Daftar document ${doc.id}, passage ${passage.index}${passage.page ? `, page ${passage.page}` : ''}, characters ${passage.start}–${passage.end}, passage SHA-256 ${hash}.`;
}

function CiteButton({ doc, passage }: { doc: Doc; passage: Passage }) {
  const [done, setDone] = useState<string | null>(null);
  const copy = async () => {
    const text = await citationOf(doc, passage);
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const ta = document.createElement('textarea');
      ta.value = text;
      document.body.append(ta);
      ta.select();
      document.execCommand('copy');
      ta.remove();
    }
    setDone(text);
    setTimeout(() => setDone(null), 4000);
  };
  return (
    <span class="cite">
      <button type="button" class="small-button" onClick={copy} aria-label={`${t('Cite')} ${t('Passage')} ${passage.index}`}>
        {done ? t('Copied') : t('Cite')}
      </button>
      {done && (
        <span class="visually-hidden" role="status">
          {done}
        </span>
      )}
    </span>
  );
}
