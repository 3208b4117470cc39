// Entity page: names in every script, mentions in context, documents, history with undo,
// and curation: merge, keep apart, split, confirm/reject mentions (each with a reason,
// recorded as an action; the buttons stay disabled with the server's note when a server
// does not offer curation).
import { useEffect, useState } from 'preact/hooks';
import { api, ApiProblem, qs, type DocumentSummary, type Entity, type Mention, type Status } from '../api.js';
import { t } from '../i18n.js';
import { docLabel, ErrorNote, Loading, onListKeys, Section } from './common.js';

interface HistoryItem {
  id: string;
  operation: string;
  actor: string;
  at: string;
  reason: string | null;
  undoneBy: string | null;
  payload: Record<string, unknown>;
}

interface EntityPage {
  entity: Entity;
  mentions: { mention: Mention; before: string; after: string; document: DocumentSummary | null }[];
  mentionCount: number;
  documents: (DocumentSummary & { mentions: number })[];
  history: HistoryItem[];
}

interface ActionResult {
  action: HistoryItem;
  actions: HistoryItem[];
}

const ACTOR_KEY = 'daftar.actor';

/** Sends a curation request as the person named in "Your name" (else the server's user). */
function curate(path: string, body: Record<string, unknown>): Promise<ActionResult> {
  const actor = (localStorage.getItem(ACTOR_KEY) ?? '').trim();
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (actor) headers['X-Daftar-Actor'] = encodeURIComponent(actor);
  return api<ActionResult>(path, { method: 'POST', headers, body: JSON.stringify(body) });
}

function describeAction(a: HistoryItem): string {
  const p = a.payload;
  switch (a.operation) {
    case 'merge':
      return `${t('merged')} ${((p.merged as string[] | undefined) ?? []).join(', ')} → ${String(p.into ?? '')}`;
    case 'split':
      return `${t('split off')} ${String(p.newEntityId ?? '')} (${((p.mentionIds as string[] | undefined) ?? []).length} ${t('mentions')})`;
    case 'keep_apart':
      return `${t('kept apart')}: ${((p.entityIds as string[] | undefined) ?? []).join(' / ')}`;
    case 'confirm':
    case 'reject':
      return `${t(a.operation === 'confirm' ? 'confirmed mention' : 'rejected mention')} “${String(p.text ?? p.mentionId ?? '')}”`;
    case 'undo':
      return `${t('undid')} ${String(p.undoneOperation ?? '')} ${String(p.undoes ?? '')}`;
    default:
      return a.operation;
  }
}

export function EntityView({ id, status }: { id: string; status: Status | null }) {
  const [page, setPage] = useState<EntityPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [other, setOther] = useState('');
  const [reason, setReason] = useState('');
  const [actor, setActor] = useState(() => localStorage.getItem(ACTOR_KEY) ?? '');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [choices, setChoices] = useState<Entity[]>([]);
  const load = () => api<EntityPage>(`/api/entities/${encodeURIComponent(id)}`).then(setPage, setError);
  useEffect(() => {
    setPage(null);
    setError(null);
    setNote(null);
    setDone(null);
    setPicked(new Set());
    void load();
  }, [id]);
  const type = page?.entity.type;
  useEffect(() => {
    if (!type) return;
    api<{ items: Entity[] }>(`/api/entities${qs({ type, limit: 200 })}`).then((r) => setChoices(r.items.filter((e) => e.id !== id)), () => setChoices([]));
  }, [type, id, page?.history.length]);
  if (error) return <ErrorNote error={error} />;
  if (!page) return <Loading />;
  const { entity } = page;
  const available = status?.curation.available ?? false;
  const off = !available || busy;

  /** Runs one or more curation requests, then reloads the page and says what happened. */
  const act = async (label: string, calls: (() => Promise<ActionResult>)[]) => {
    setBusy(true);
    setNote(null);
    setDone(null);
    try {
      const ids: string[] = [];
      for (const call of calls) ids.push(...(await call()).actions.map((a) => a.id));
      setReason('');
      setOther('');
      setPicked(new Set());
      // Say what happened only once the page shows it: a status line that runs ahead of the
      // reloaded mentions would tell a screen reader (and a test) about a page not yet there.
      const fresh = await api<EntityPage>(`/api/entities/${encodeURIComponent(id)}`).catch((e: unknown) => e);
      if (fresh instanceof ApiProblem && fresh.status === 404) setError(`${id}: ${t('this entity no longer exists (merged or undone); see the entity list')}`);
      else if (fresh instanceof Error) setError(fresh);
      else setPage(fresh as EntityPage);
      setDone(`${label}: ${ids.join(', ')}`);
    } catch (e) {
      const msg = e instanceof ApiProblem ? e.message : String(e);
      setNote(msg);
      // A missing reason: take the keyboard to the field that needs it.
      if (msg.startsWith('reason:')) setTimeout(() => document.getElementById('reason')?.focus(), 0);
    } finally {
      setBusy(false);
    }
  };
  const base = `/api/entities/${encodeURIComponent(entity.id)}`;
  const why = reason.trim();
  const otherId = other.trim();
  const selected = [...picked];
  const toggle = (mid: string) => {
    const next = new Set(picked);
    if (next.has(mid)) next.delete(mid);
    else next.add(mid);
    setPicked(next);
  };
  const undoable = (a: HistoryItem) => a.undoneBy === null && a.operation !== 'undo';
  return (
    <article class="entity">
      <header>
        <p class="muted">{entity.type}</p>
        <h1 dir="auto">{entity.name}</h1>
        <p class="doc-id">
          <code>{entity.id}</code>
        </p>
      </header>
      <section class="panel curation" aria-labelledby="curation-h">
        <h2 id="curation-h">{t('Curation')}</h2>
        <form
          class="curation-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (otherId) void act(t('Merged'), [() => curate(`${base}/merge`, { others: [otherId], reason: why })]);
          }}
        >
          <div class="curation-row">
            <label>
              {t('Reason')} <span class="muted small">({t('required for merge, split and keep apart')})</span>
              <input id="reason" dir="auto" value={reason} disabled={off} size={40} onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
            </label>
            <label>
              {t('Your name')} <span class="muted small">({t('optional')})</span>
              <input
                id="actor"
                dir="auto"
                value={actor}
                size={14}
                onInput={(e) => {
                  const v = (e.target as HTMLInputElement).value;
                  setActor(v);
                  localStorage.setItem(ACTOR_KEY, v);
                }}
              />
            </label>
          </div>
          <div class="curation-row">
            <label>
              {t('merge with entity id')}{' '}
              <input id="other-entity" list="entity-choices" value={other} disabled={off} onInput={(e) => setOther((e.target as HTMLInputElement).value)} />
            </label>
            <datalist id="entity-choices">
              {choices.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </datalist>
            <button type="submit" disabled={off || !otherId}>
              {t('Merge')}
            </button>
            <button type="button" disabled={off || !otherId} onClick={() => act(t('Kept apart'), [() => curate(`${base}/reject`, { others: [otherId], reason: why })])}>
              {t('Keep apart')}
            </button>
          </div>
        </form>
        <div class="curation-row">
          <span class="muted small" aria-live="polite">
            {selected.length} {t('mentions selected')}
          </span>
          <button type="button" disabled={off || selected.length === 0} onClick={() => act(t('Split'), [() => curate(`${base}/split`, { mentionIds: selected, reason: why })])}>
            {t('Split selected mentions off')}
          </button>
          <button type="button" disabled={off || selected.length === 0} onClick={() => act(t('Confirmed'), selected.map((m) => () => curate(`/api/mentions/${encodeURIComponent(m)}/confirm`, why ? { reason: why } : {})))}>
            {t('Confirm selected')}
          </button>
          <button type="button" disabled={off || selected.length === 0} onClick={() => act(t('Rejected'), selected.map((m) => () => curate(`/api/mentions/${encodeURIComponent(m)}/reject`, why ? { reason: why } : {})))}>
            {t('Reject selected')}
          </button>
        </div>
        {!available && (
          <p class="note" role="note" data-testid="curation-unavailable">
            {status?.curation.note ?? 'Curation is not available.'}
          </p>
        )}
        <p class="done" role="status" data-testid="curation-done">
          {done}
        </p>
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
                {available && (
                  <input type="checkbox" class="pick" checked={picked.has(m.id)} disabled={busy} aria-label={`${t('select mention')} ${m.text} (${docLabel({ title: d?.title ?? null, id: m.documentId })})`} onChange={() => toggle(m.id)} />
                )}{' '}
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
          <ol class="history">
            {[...page.history].reverse().map((a) => (
              <li key={a.id} data-action={a.id} data-operation={a.operation} class={a.undoneBy ? 'undone' : ''}>
                <strong>{describeAction(a)}</strong> · {a.actor} · <time dateTime={a.at}>{a.at.replace('T', ' ').slice(0, 16)}</time> {a.reason && <q dir="auto">{a.reason}</q>}{' '}
                {a.undoneBy && <span class="muted">({t('undone')})</span>}{' '}
                {available && undoable(a) && (
                  <button
                    type="button"
                    class="small-button"
                    disabled={busy}
                    aria-label={`${t('Undo')} ${a.operation} ${a.id}`}
                    onClick={() => act(t('Undone'), [() => curate(`/api/actions/${encodeURIComponent(a.id)}/undo`, why ? { reason: why } : {})])}
                  >
                    {t('Undo')}
                  </button>
                )}
              </li>
            ))}
          </ol>
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
