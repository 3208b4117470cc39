// The UI reaches the server over HTTP only (same origin). Errors arrive as
// problem+json; the one-line `detail` is what the user sees.
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiProblem(res.status, 'internal', `${path}: the server answered with something that is not JSON`);
  }
  if (!res.ok) {
    const p = body as { code?: string; detail?: string } | null;
    throw new ApiProblem(res.status, p?.code ?? 'internal', p?.detail ?? `${path}: HTTP ${res.status}`);
  }
  return body as T;
}

export function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

export interface DocumentSummary {
  id: string;
  title: string | null;
  site: string | null;
  language: 'en' | 'fa' | 'other';
  documentKind: string;
  mediaType: string;
  publishedOn: string | null;
}
export interface Hit {
  documentId: string;
  title: string | null;
  site: string | null;
  language: string;
  publishedOn: string | null;
  snippet: string;
  snippetStart: number;
}
export interface Facets {
  scope: 'results' | 'workspace';
  language: Record<string, number>;
  site: Record<string, number>;
  kind: Record<string, number>;
  year: Record<string, number>;
  counted: number;
  capped: boolean;
}
export interface Mention {
  id: string;
  documentId: string;
  start: number;
  end: number;
  type: string;
  text: string;
  value: string | null;
  status: string;
  entityId: string | null;
  confidence: number;
}
export interface Passage {
  index: number;
  start: number;
  end: number;
  page: number | null;
}
export interface Doc {
  id: string;
  documentKind: string;
  mediaType: string;
  fileName: string | null;
  text: string;
  sizeBytes: number;
  metadata: { title: string | null; site: string | null; url: string | null; language: string; authors: string[]; published: { value: string; evidence: string; confidence: number } | null; flags: string[] };
  ingestedAt: string;
}
export interface Entity {
  id: string;
  type: string;
  name: string;
  aliases: { name: string; script: string; source: string }[];
  attributes: Record<string, unknown>;
  sensitivity: string;
}
export interface Status {
  documents: number;
  curation: { available: boolean; note: string };
}
