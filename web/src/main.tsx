// The Daftar web UI: hash routes for search, reader, entity, claims, timeline and map.
import { render } from 'preact';
import { lazy, Suspense } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import { api, type Status } from './api.js';
import { setLang, t, uiLang } from './i18n.js';
import { route, useValue } from './state.js';
import './style.css';
import { SearchView } from './views/search.js';
import { ReaderView } from './views/reader.js';
import { EntityView, EntityListView } from './views/entity.js';
import { ClaimsView } from './views/claims.js';
import { TimelineView } from './views/timeline.js';

// The map carries the world's borders; load it only when asked for.
const MapView = lazy(() => import('./views/map.js').then((m) => ({ default: m.MapView })));

export const status = { current: null as Status | null };

function Nav() {
  const r = useValue(route);
  const lang = useValue(uiLang);
  const here = r.path[0] ?? 'search';
  const link = (key: string, href: string, label: string) => (
    <a href={href} class={here === key || (key === 'search' && here === 'doc') ? 'nav-link active' : 'nav-link'} aria-current={here === key ? 'page' : undefined}>
      {t(label)}
    </a>
  );
  return (
    <header class="top">
      <a href="#/" class="brand" aria-label="Daftar">
        Daftar <span lang="fa" dir="rtl">دفتر</span>
      </a>
      <nav aria-label="main">
        {link('search', '#/', 'Search')}
        {link('entities', '#/entities', 'Entities')}
        {link('claims', '#/claims', 'Claims')}
        {link('timeline', '#/timeline', 'Timeline')}
        {link('map', '#/map', 'Map')}
      </nav>
      <button type="button" class="lang-switch" aria-label={t('Interface language')} onClick={() => setLang(lang === 'en' ? 'fa' : 'en')}>
        {lang === 'en' ? 'فارسی' : 'English'}
      </button>
    </header>
  );
}

function App() {
  const r = useValue(route);
  useValue(uiLang); // re-render every label on a language switch
  const [st, setSt] = useState<Status | null>(null);
  useEffect(() => {
    api<Status>('/api/status').then((s) => {
      status.current = s;
      setSt(s);
    }, () => undefined);
  }, []);
  useEffect(() => {
    // "/" focuses the search box from anywhere but a text field.
    const onKey = (e: KeyboardEvent) => {
      const tag = (e.target as HTMLElement).tagName;
      if (e.key === '/' && tag !== 'INPUT' && tag !== 'TEXTAREA' && tag !== 'SELECT') {
        e.preventDefault();
        const box = () => document.getElementById('q') as HTMLInputElement | null;
        // On the search page the box is there now; elsewhere it appears after the route change.
        if ((r.path[0] ?? 'search') === 'search' && box()) box()!.focus();
        else {
          location.hash = '#/';
          setTimeout(() => box()?.focus(), 0);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [r]);
  const [view, id] = r.path;
  let body;
  switch (view) {
    case 'doc':
      body = <ReaderView id={id ?? ''} at={Number(r.params.get('at') ?? NaN)} />;
      break;
    case 'entity':
      body = <EntityView id={id ?? ''} status={st} />;
      break;
    case 'entities':
      body = <EntityListView />;
      break;
    case 'claims':
      body = <ClaimsView focus={r.params.get('group')} />;
      break;
    case 'timeline':
      body = <TimelineView />;
      break;
    case 'map':
      body = (
        <Suspense fallback={<p class="muted">{t('Loading…')}</p>}>
          <MapView />
        </Suspense>
      );
      break;
    default:
      body = <SearchView params={r.params} />;
  }
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        {t('Skip to content')}
      </a>
      <Nav />
      <main id="main" tabIndex={-1}>
        {body}
      </main>
    </>
  );
}

setLang(uiLang.get());
render(<App />, document.getElementById('app')!);
