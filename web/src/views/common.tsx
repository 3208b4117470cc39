// Small pieces shared by the views.
import type { ComponentChildren } from 'preact';
import { t } from '../i18n.js';

/** Store snippets mark matches with [[ ]]: "a [[camp]] near" -> a <mark>camp</mark> near. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(/(\[\[.*?\]\])/g);
  return (
    <span class="snippet" dir="auto">
      {parts.map((p, i) => (p.startsWith('[[') && p.endsWith(']]') ? <mark key={i}>{p.slice(2, -2)}</mark> : p))}
    </span>
  );
}

export function ErrorNote({ error }: { error: unknown }) {
  return (
    <p class="error" role="alert">
      {error instanceof Error ? error.message : String(error)}
    </p>
  );
}

export function Loading() {
  return <p class="muted" aria-live="polite">{t('Loading…')}</p>;
}

export function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="panel">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** Arrow keys move focus between the links of a result list. */
export function onListKeys(e: KeyboardEvent): void {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const list = e.currentTarget as HTMLElement;
  const links = [...list.querySelectorAll<HTMLElement>('[data-item]')];
  const i = links.indexOf(document.activeElement as HTMLElement);
  const next = e.key === 'ArrowDown' ? Math.min(links.length - 1, i + 1) : Math.max(0, i - 1);
  links[next]?.focus();
  e.preventDefault();
}

export function docLabel(d: { title: string | null; id?: string; documentId?: string }): string {
  return d.title || `${(d.id ?? d.documentId ?? '').slice(0, 12)}…`;
}
