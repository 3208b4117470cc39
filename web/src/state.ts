// A tiny observable value; components re-render through useValue.
import { useEffect, useState } from 'preact/hooks';

export interface Observable<T> {
  get(): T;
  set(v: T): void;
  subscribe(fn: (v: T) => void): () => void;
}

export function signalLike<T>(initial: T): Observable<T> {
  let value = initial;
  const subs = new Set<(v: T) => void>();
  return {
    get: () => value,
    set: (v) => {
      value = v;
      for (const fn of subs) fn(v);
    },
    subscribe: (fn) => {
      subs.add(fn);
      return () => subs.delete(fn);
    },
  };
}

export function useValue<T>(o: Observable<T>): T {
  const [v, setV] = useState(o.get());
  useEffect(() => o.subscribe(setV), [o]);
  return v;
}

/** Current hash route: "#/doc/abc?at=10" -> { path: ["doc", "abc"], params }. */
export function parseHash(hash: string): { path: string[]; params: URLSearchParams } {
  const h = hash.replace(/^#/, '') || '/';
  const [p, q] = h.split('?');
  return { path: (p ?? '/').split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(q ?? '') };
}

export const route = signalLike(parseHash(location.hash));
window.addEventListener('hashchange', () => route.set(parseHash(location.hash)));

export function go(hash: string): void {
  location.hash = hash;
}
