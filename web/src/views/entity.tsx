// Entity page: names in every script, mentions in context, documents, history, and
// the curation buttons (disabled with the server's note while curation is not available).
import { useEffect, useState } from 'preact/hooks';
import { api, ApiProblem, qs, type DocumentSummary, type Entity, type Mention, type Status } from '../api.js';
import { t } from '../i18n.js';
import { docLabel, ErrorNote, Loading, onListKeys, Section } from './common.js';

interface EntityPage {
  entity: Entity;
  mentions: { mention: Mention; before: string; after: string; document: DocumentSummary | null }[];
  mentionCount: number;
  documents: (DocumentSummary & { mentions: number })[];
  history: { id: string; operation?: string; kind?: string; actor: string; at: string; reason: string | null; undoneBy: string | null }[];
}

export function EntityView({ id, status }: { id: string; status: Status | null }) {
  const [page, setPage] = useState<EntityPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const [lastAction, setLastAction] = useState<string | null>(null);
  const [mergeWith, setMergeWith] = useState('');
  const load = () => api<EntityPage>(`/api/entities/${encodeURIComponent(id)}`).then(setPage, setError);
  useEffect(() => {
    setPage(null);
    setError(null);
    void load();
  }, [id]);
  if (error) return <ErrorNote error={error} />;
  if (!page) return <Loading />;
  const { entity } = page;
  const available = status?.curation.available ?? false;

  const act = async (path: string, body: Record<string, unknown>) => {
    try {
      const r = await api<{ action?: { id: string } }>(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      setLastAction(r.action?.id ?? null);
      setNote(null);
      await load();
    } catch (e) {
      setNote(e instanceof ApiProblem ? e.message : String(e));
    }
  };
  const base = `/api/entities/${encodeURIComponent(entity.id)}`;
  return (
    <article class="entity">
      <header>
        <p class="muted">{entity.type}</p>
        <h1 dir="auto">{entity.name}</h1>
        <p class="doc-id">
          <code>{entity.id}</code>
        </p>
      </header>
      <section class="panel curation" aria-label="curation">
        <div class="curation-row">
          <label>
            {t('merge with entity id')}{' '}
            <input value={mergeWith} disabled={!available} onInput={(e) => setMergeWith((e.target as HTMLInputElement).value)} />
          </label>
          <button type="button" disabled={!available || !mergeWith} onClick={() => act(`${base}/merge`, { others: [mergeWith] })}>
            {t('Merge')}
          </button>
          <button type="button" disabled={!available} onClick={() => act(`${base}/split`, {})}>
            {t('Split')}
          </button>
          <button type="button" disabled={!available} onClick={() => act(`${base}/confirm`, {})}>
            {t('Confirm')}
          </button>
          <button type="button" disabled={!available} onClick={() => act(`${base}/reject`, {})}>
            {t('Reject')}
          </button>
          <button type="button" disabled={!available || !lastAction} onClick={() => lastAction && act(`/api/actions/${encodeURIComponent(lastAction)}/undo`, {})}>
            {t('Undo')}
          </button>
        </div>
        {!available && (
          <p class="note" role="note" data-testid="curation-unavailable">
            {status?.curation.note ?? 'Curation is not available.'}
          </p>
        )}
        {note && <ErrorNote error={note} />}
      </section>
      <Section title={t('Names and aliases')}>
        <ul class="aliases">
          <li dir="auto">
            <strong>{entity.name}</strong>
          </li>
          {entity.aliases.map((a) => (
            <li key={a.name} dir="auto">
              {a.name} <span class="muted small">({a.script}, {a.source})</span>
            </li>
          ))}
        </ul>
      </Section>
      <Section title={`${t('Mentions')} (${page.mentionCount})`}>
        <ul class="contexts" onKeyDown={onListKeys}>
          {page.mentions.map(({ mention: m, before, after, document: d }) => (
            <li key={m.id}>
              <p dir="auto" class="context">
                …{before}
                <mark class={`m m-${m.type}`}>{m.text}</mark>
                {after}…
              </p>
              <a data-item href={`#/doc/${m.documentId}?at=${m.start}`} dir="auto" class="small">
                {docLabel({ title: d?.title ?? null, id: m.documentId })}
              </a>{' '}
              <span class="muted small">
                {m.status} · {Math.round(m.confidence * 100)}%
              </span>
            </li>
          ))}
        </ul>
      </Section>
      <Section title={`${t('Documents')} (${page.documents.length})`}>
        <ul onKeyDown={onListKeys}>
          {page.documents.map((d) => (
            <li key={d.id}>
              <a data-item href={`#/doc/${d.id}`} dir="auto">
                {docLabel(d)}
              </a>{' '}
              <span class="muted small">
                {d.site && <bdi>{d.site}</bdi>} {d.publishedOn} · {d.mentions}×
              </span>
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t('History')}>
        {page.history.length === 0 ? (
          <p class="muted">{t('No curation actions yet.')}</p>
        ) : (
          <ul>
            {page.history.map((a) => (
              <li key={a.id}>
                {a.operation ?? a.kind} · {a.actor} · {a.at} {a.reason && <q dir="auto">{a.reason}</q>} {a.undoneBy && <span class="muted">(undone)</span>}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </article>
  );
}

export function EntityListView() {
  const [items, setItems] = useState<Entity[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [type, setType] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<{ items: Entity[]; nextCursor: string | null }>(`/api/entities${qs({ q, type, limit: 50 })}`).then((r) => {
      setItems(r.items);
      setCursor(r.nextCursor);
    }, setError);
  }, [q, type]);
  const more = () =>
    cursor &&
    api<{ items: Entity[]; nextCursor: string | null }>(`/api/entities${qs({ q, type, limit: 50, cursor })}`).then((r) => {
      setItems([...(items ?? []), ...r.items]);
      setCursor(r.nextCursor);
    }, setError);
  return (
    <div>
      <h1>{t('Entities')}</h1>
      <div class="filters">
        <label>
          {t('Filter')} <input dir="auto" value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
        </label>
        <select aria-label={t('Kind')} value={type} onChange={(e) => setType((e.target as HTMLSelectElement).value)}>
          <option value="">{t('any')}</option>
          <option>PERSON</option>
          <option>ORG</option>
          <option>PLACE</option>
        </select>
      </div>
      {error != null && <ErrorNote error={error} />}
      {items && items.length === 0 && <p class="muted">{t('No entities yet.')}</p>}
      <ul class="entity-list" onKeyDown={onListKeys}>
        {items?.map((e) => (
          <li key={e.id}>
            <span class={`badge m-${e.type}`}>{e.type}</span>{' '}
            <a data-item href={`#/entity/${encodeURIComponent(e.id)}`} dir="auto">
              {e.name}
            </a>{' '}
            {e.aliases.slice(0, 3).map((a) => (
              <bdi key={a.name} class="muted small alias">
                {a.name}
              </bdi>
            ))}
          </li>
        ))}
      </ul>
      {cursor && (
        <button type="button" onClick={more}>
          {t('More results')}
        </button>
      )}
    </div>
  );
}
