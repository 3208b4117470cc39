// Claims: each group's values, its independent source groups, and conflicting groups side by side.
import { useEffect, useState } from 'preact/hooks';
import { api, type DocumentSummary } from '../api.js';
import { t } from '../i18n.js';
import { docLabel, ErrorNote, Loading } from './common.js';

interface ClaimGroup {
  groupId: string;
  counted: string | null;
  place: string | null;
  values: { value: number | null; valueMax: number | null; qualifier: string; claims: number }[];
  claims: { id: string; documentId: string; start: number; sentence: string | null; document: DocumentSummary | null; date: string | null; qualifier: string; value: number | null }[];
  independentSources: string[][];
  conflicts: string[];
}

const QUALIFIER: Record<string, string> = { exact: '', approximately: '≈ ', at_least: '≥ ', at_most: '≤ ' };

function valueLabel(v: { value: number | null; valueMax: number | null; qualifier: string }): string {
  if (v.value === null) return '?';
  const n = v.value.toLocaleString('en');
  return `${QUALIFIER[v.qualifier] ?? ''}${n}${v.valueMax !== null ? `–${v.valueMax.toLocaleString('en')}` : ''}`;
}

export function ClaimsView({ focus }: { focus: string | null }) {
  const [groups, setGroups] = useState<ClaimGroup[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<{ items: ClaimGroup[]; nextCursor: string | null }>('/api/claims?limit=50').then((r) => {
      setGroups(r.items);
      setCursor(r.nextCursor);
    }, setError);
  }, []);
  useEffect(() => {
    if (focus && groups) document.getElementById(`g-${focus}`)?.scrollIntoView({ block: 'start' });
  }, [focus, groups]);
  if (error) return <ErrorNote error={error} />;
  if (!groups) return <Loading />;
  const byId = new Map(groups.map((g) => [g.groupId, g]));
  return (
    <div class="claims">
      <h1>{t('Claims')}</h1>
      {groups.length === 0 && <p class="muted">{t('No claims yet.')}</p>}
      {groups.map((g) => (
        <section class="panel claim-group" id={`g-${g.groupId}`} key={g.groupId}>
          <div class={g.conflicts.length ? 'side-by-side' : ''}>
            <GroupCard g={g} />
            {g.conflicts.map((c) => {
              const other = byId.get(c);
              return other ? (
                <div class="conflict" key={c}>
                  <p class="conflict-label">{t('Conflicts with')}</p>
                  <GroupCard g={other} compact />
                </div>
              ) : (
                <p key={c}>
                  {t('Conflicts with')} <a href={`#/claims?group=${encodeURIComponent(c)}`}>{c}</a>
                </p>
              );
            })}
          </div>
        </section>
      ))}
      {cursor && (
        <button
          type="button"
          onClick={() =>
            api<{ items: ClaimGroup[]; nextCursor: string | null }>(`/api/claims?limit=50&cursor=${cursor}`).then((r) => {
              setGroups([...groups, ...r.items]);
              setCursor(r.nextCursor);
            }, setError)
          }
        >
          {t('More results')}
        </button>
      )}
    </div>
  );
}

function GroupCard({ g, compact }: { g: ClaimGroup; compact?: boolean }) {
  return (
    <div class="group-card">
      <h2 dir="auto">
        <span class="claim-value">{g.values.map(valueLabel).join(' / ')}</span> <bdi>{g.counted ?? ''}</bdi>
        {g.place && (
          <span class="muted">
            {' '}· <bdi>{g.place}</bdi>
          </span>
        )}
      </h2>
      <p class="small">
        {t('Documents')}: {g.claims.length} · {t('Independent source groups')}: <strong>{g.independentSources.length}</strong>
      </p>
      {!compact && (
        <ul class="claim-sources">
          {g.claims.map((c) => (
            <li key={c.id}>
              <q dir="auto">{c.sentence}</q>{' '}
              <a href={`#/doc/${c.documentId}?at=${c.start}`} dir="auto" class="small">
                {docLabel({ title: c.document?.title ?? null, id: c.documentId })}
              </a>
              {c.document?.site && (
                <span class="muted small">
                  {' '}· <bdi>{c.document.site}</bdi>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
