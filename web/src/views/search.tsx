// Search with filters, facets and highlighted snippets; arrow keys walk the results.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, qs, type Facets, type Hit } from '../api.js';
import { t } from '../i18n.js';
import { docLabel, ErrorNote, Loading, onListKeys, Snippet } from './common.js';
import { UploadForm } from './upload.js';

interface Result {
  hits: Hit[];
  nextCursor: string | null;
  facets: Facets | null;
}

const FILTERS = ['q', 'lang', 'site', 'from', 'to'] as const;

export function SearchView({ params }: { params: URLSearchParams }) {
  const f = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const [draft, setDraft] = useState(f.q);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [facets, setFacets] = useState<Facets | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const key = FILTERS.map((k) => f[k]).join('\u0000');

  useEffect(() => setDraft(f.q), [f.q]);
  useEffect(() => {
    if (!f.q) return void setResult(null);
    setLoading(true);
    setError(null);
    setFacets(null);
    api<Result>(`/api/search${qs({ ...f, limit: 20 })}`)
      .then(setResult, setError)
      .finally(() => setLoading(false));
    // Facets count a wider window of matches; they arrive after the hits, not before.
    api<Result>(`/api/search${qs({ ...f, facets: 'results', limit: 1 })}`).then((r) => setFacets(r.facets), () => undefined);
  }, [key]);
  useEffect(() => input.current?.focus(), []);

  const setFilter = (patch: Partial<typeof f>) => {
    const next = { ...f, ...patch };
    location.hash = '#/' + qs(next);
  };
  const more = () => {
    if (!result?.nextCursor) return;
    api<Result>(`/api/search${qs({ ...f, cursor: result.nextCursor, limit: 20 })}`).then(
      (r) => setResult({ ...r, hits: [...result.hits, ...r.hits] }),
      setError,
    );
  };

  return (
    <div class="search-layout">
      <form
        class="search-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter({ q: draft.trim() });
        }}
      >
        <label for="q" class="visually-hidden">
          {t('Search documents')}
        </label>
        <input id="q" ref={input} type="search" dir="auto" value={draft} placeholder={`${t('Search documents')}  ( / )`} onInput={(e) => setDraft((e.target as HTMLInputElement).value)} />
        <button type="submit">{t('Search')}</button>
        <div class="filters">
          <label>
            {t('Language')}{' '}
            <select value={f.lang} onChange={(e) => setFilter({ lang: (e.target as HTMLSelectElement).value })}>
              <option value="">{t('any')}</option>
              <option value="en">English</option>
              <option value="fa">فارسی</option>
              <option value="other">other</option>
            </select>
          </label>
          <label>
            {t('From')} <input type="date" value={f.from} onChange={(e) => setFilter({ from: (e.target as HTMLInputElement).value })} />
          </label>
          <label>
            {t('To')} <input type="date" value={f.to} onChange={(e) => setFilter({ to: (e.target as HTMLInputElement).value })} />
          </label>
          {f.site && (
            <button type="button" class="chip" onClick={() => setFilter({ site: '' })}>
              {t('Site')}: <bdi>{f.site}</bdi> ×
            </button>
          )}
        </div>
      </form>
      {facets && (
        <aside class="facets" aria-label={t('Facets of the first results')}>
          <FacetList title={t('Language')} counts={facets.language} onPick={(v) => setFilter({ lang: v })} />
          <FacetList title={t('Site')} counts={facets.site} onPick={(v) => setFilter({ site: v })} />
          <FacetList title={t('Kind')} counts={facets.kind} />
          <FacetList title={t('Year')} counts={facets.year} onPick={(y) => setFilter({ from: `${y}-01-01`, to: `${y}-12-31` })} sortKeys />
          {facets.capped && <p class="muted small">{t('Facets of the first results')} ({facets.counted})</p>}
        </aside>
      )}
      <section class="results" aria-live="polite">
        {loading && <Loading />}
        {error != null && <ErrorNote error={error} />}
        {result && !loading && result.hits.length === 0 && <p>{t('No matches')}</p>}
        {result && result.hits.length > 0 && (
          <ol class="hit-list" onKeyDown={onListKeys}>
            {result.hits.map((h) => (
              <li key={h.documentId} class="hit">
                <a data-item href={`#/doc/${h.documentId}?at=${h.snippetStart}`} class="hit-title" dir="auto">
                  {docLabel(h)}
                </a>
                <div class="hit-meta">
                  {[h.site && <bdi>{h.site}</bdi>, h.publishedOn && <span>{h.publishedOn}</span>, <span>{h.language}</span>].filter(Boolean).flatMap((el, i) => (i ? [' · ', el] : [el]))}
                </div>
                <p dir="auto" class="hit-snippet">
                  <Snippet text={h.snippet} />
                </p>
              </li>
            ))}
          </ol>
        )}
        {!f.q && <UploadForm />}
        {result?.nextCursor && (
          <button type="button" onClick={more}>
            {t('More results')}
          </button>
        )}
      </section>
    </div>
  );
}

function FacetList({ title, counts, onPick, sortKeys }: { title: string; counts: Record<string, number>; onPick?: (v: string) => void; sortKeys?: boolean }) {
  const entries = Object.entries(counts).sort(sortKeys ? (a, b) => b[0].localeCompare(a[0]) : (a, b) => b[1] - a[1]);
  if (entries.length === 0) return null;
  return (
    <div class="facet">
      <h3>{title}</h3>
      <ul>
        {entries.slice(0, 12).map(([k, n]) => (
          <li key={k}>
            {onPick && k !== '(unknown)' ? (
              <button type="button" class="linkish" onClick={() => onPick(k)}>
                <bdi>{k}</bdi>
              </button>
            ) : (
              <bdi>{k}</bdi>
            )}{' '}
            <span class="count">{n}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
