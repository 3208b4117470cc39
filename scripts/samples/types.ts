export type OutletId = 'herald' | 'today' | 'freev' | 'freev-fa' | 'wire' | 'golmarz' | 'payam';

/** A paragraph: plain markup text, or one that also appears elsewhere (r = reuse group id). */
export type Para = string | { r: string; t: string; kind?: 'verbatim' | 'edited' | 'boilerplate' } | { h: string };

export interface Comment { name: string; when: string; text: string }

export interface Article {
  file: string;          // path under samples/
  outlet: OutletId;
  title: string;         // may hold markup
  published: string;     // YYYY-MM-DD
  time?: string;         // HH:MM local
  author?: string;
  section: string;
  crawl?: string;        // YYYY-MM-DD the page was saved (shown in the date bar)
  paras: Para[];
  tags?: string[];
  comments?: Comment[];
  lead?: string;         // standfirst / summary (plain)
  /** Old CMS: the text is stored with Arabic yeh and kaf (ي ك) instead of Persian (ی ک). */
  arabicLetters?: boolean;
}

/** A post inside the tag-archive page. */
export interface ArchivePost { title: string; published: string; author: string; paras: Para[] }
