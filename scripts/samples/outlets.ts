// Page chrome of the six invented outlets. Each outlet has its own menus, date
// bar (the day the page was SAVED, not published), metadata style and footer,
// so a reader must find the article text and the real publication date.
import type { Article, OutletId } from './types.js';
import { englishLabel, solarHijriLabel, toPersianDigits } from './markup.js';
import { FICTION_EN, FICTION_FA } from './world.js';

export interface OutletInfo { id: OutletId; name: string; lang: 'en' | 'fa'; dir: string; domain: string; crawl: string }

export const OUTLETS: Record<OutletId, OutletInfo> = {
  herald: { id: 'herald', name: 'The Arsavan Herald', lang: 'en', dir: 'arsavan-herald', domain: 'arsavanherald.example', crawl: '2026-11-20' },
  today: { id: 'today', name: 'Vahrestan Today', lang: 'en', dir: 'vahrestan-today', domain: 'vahrestantoday.example', crawl: '2026-11-21' },
  freev: { id: 'freev', name: 'Free Vahrestan', lang: 'en', dir: 'free-vahrestan', domain: 'freevahrestan.example', crawl: '2026-11-19' },
  'freev-fa': { id: 'freev-fa', name: 'وهرستان آزاد', lang: 'fa', dir: 'free-vahrestan-fa', domain: 'freevahrestan.example', crawl: '2026-11-19' },
  wire: { id: 'wire', name: 'Kelmar Wire', lang: 'en', dir: 'kelmar-wire', domain: 'kelmarwire.example', crawl: '2026-11-22' },
  golmarz: { id: 'golmarz', name: 'خبرگزاری گلمرز', lang: 'fa', dir: 'golmarz-news', domain: 'golmarznews.example', crawl: '2026-11-18' },
  payam: { id: 'payam', name: 'روزنامهٔ پیام مهر', lang: 'fa', dir: 'payam-mehr', domain: 'payammehr.example', crawl: '2026-11-23' },
};

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface RenderContext {
  title: string;                 // plain
  body: string;                  // <p>…</p> html of the article text
  latest: { title: string; href: string }[];
  lead?: string;
}

const slug = (a: Article) => a.file.split('/').pop()!.replace(/\.html$/, '');
const fictionFooterEn = `<p class="fiction-notice">${esc(FICTION_EN)}</p>`;
const fictionFooterFa = `<p class="fiction-notice">${esc(FICTION_FA)}</p>\n<p class="fiction-notice" dir="ltr">${esc(FICTION_EN)}</p>`;

function comments(a: Article, heading: string): string {
  if (!a.comments?.length) return '';
  const items = a.comments.map((c) => `<li class="comment"><div class="comment-author">${esc(c.name)}</div><div class="comment-date">${esc(c.when)}</div><p>${esc(c.text)}</p><a class="reply" href="#">Reply</a></li>`).join('\n');
  return `<section class="comments"><h3>${heading}</h3><ol>\n${items}\n</ol></section>`;
}

function herald(a: Article, c: RenderContext): string {
  const o = OUTLETS.herald;
  const url = `https://${o.domain}/${a.published.slice(0, 4)}/${a.published.slice(5, 7)}/${slug(a)}/`;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${esc(c.title)} – The Arsavan Herald</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:type" content="article">
<meta property="og:site_name" content="The Arsavan Herald">
<meta property="og:title" content="${esc(c.title)}">
<meta property="og:url" content="${url}">
<meta property="article:published_time" content="${a.published}T${a.time ?? '08:00'}:00+04:00">
<meta property="article:modified_time" content="${a.crawl ?? o.crawl}T06:10:00+04:00">
<meta property="article:section" content="${esc(a.section)}">
<meta name="author" content="${esc(a.author ?? 'Herald staff')}">
<link rel="canonical" href="${url}">
<link rel="stylesheet" href="/wp-content/themes/herald/style.css?ver=6.4.2">
<meta name="generator" content="WordPress 6.4.2">
</head>
<body class="post-template-default single single-post">
<div class="fiction-banner">${esc(FICTION_EN)}</div>
<div id="cookie-notice" class="cookie-banner">We use cookies to improve your experience on our website. By continuing to browse you agree to our use of cookies. <a href="#">Accept</a> <a href="#">Privacy policy</a></div>
<div class="top-bar"><span class="date-bar">${englishLabel(a.crawl ?? o.crawl, 'full')}</span> <span class="weather">Arsavan 14°C</span> <a href="#">Subscribe</a> <a href="#">Log in</a></div>
<header class="site-header"><a class="logo" href="/">The Arsavan Herald</a><span class="tagline">Independent since 1998</span></header>
<nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/category/national/">National</a></li><li><a href="/category/provinces/">Provinces</a></li><li><a href="/category/economy/">Economy</a></li><li><a href="/category/opinion/">Opinion</a></li><li><a href="/category/culture/">Culture</a></li><li><a href="/category/sport/">Sport</a></li><li><a href="/contact/">Contact</a></li></ul></nav>
<div class="breadcrumbs"><a href="/">Home</a> » <a href="/category/${a.section.toLowerCase()}/">${esc(a.section)}</a> » <span>${esc(c.title)}</span></div>
<main id="content">
<article class="post">
<h1 class="entry-title">${esc(c.title)}</h1>
<div class="entry-meta">By <span class="author">${esc(a.author ?? 'Herald staff')}</span> · <span class="posted-on">Posted on ${englishLabel(a.published, 'mdy')}</span></div>
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a> <a href="#">WhatsApp</a> <a href="#">Email</a> <a href="#">Print</a></div>
<div class="entry-content">
[vc_row][vc_column width="2/3"][vc_column_text]
${c.body}
[/vc_column_text][/vc_column][/vc_row]
</div>
<div class="tags">Tags: ${(a.tags ?? []).map((t) => `<a href="/tag/${t.toLowerCase().replace(/ /g, '-')}/">${esc(t)}</a>`).join(', ')}</div>
</article>
${comments(a, `${a.comments?.length ?? 0} thoughts on “${esc(c.title)}”`)}
<div class="comment-respond"><h3>Leave a Reply</h3><p>Your email address will not be published. Required fields are marked *</p></div>
</main>
<aside class="sidebar">
<section class="widget"><h3>Latest news</h3><ul>
${c.latest.map((l) => `<li><a href="${l.href}">${esc(l.title)}</a></li>`).join('\n')}
</ul></section>
<section class="widget"><h3>Newsletter</h3><p>Get the Herald’s morning briefing in your inbox.</p></section>
</aside>
<footer class="site-footer"><p>© 1998–2026 The Arsavan Herald. All rights reserved.</p><p><a href="/about/">About</a> · <a href="/advertise/">Advertise</a> · <a href="/privacy/">Privacy</a></p>${fictionFooterEn}</footer>
</body>
</html>
`;
}

function today(a: Article, c: RenderContext): string {
  const o = OUTLETS.today;
  const crawl = a.crawl ?? o.crawl;
  const ld = {
    '@context': 'https://schema.org', '@type': 'NewsArticle', headline: c.title,
    datePublished: `${a.published}T${a.time ?? '10:00'}:00+04:00`, dateModified: `${a.published}T${a.time ?? '10:00'}:00+04:00`,
    author: { '@type': 'Organization', name: 'Vahrestan Today' },
    publisher: { '@type': 'Organization', name: 'Vahrestan Today', logo: { '@type': 'ImageObject', url: `https://${o.domain}/logo.png` } },
    mainEntityOfPage: `https://${o.domain}/news/${slug(a)}`, articleSection: a.section, inLanguage: 'en',
  };
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(c.title)} | Vahrestan Today</title>
<meta name="description" content="${esc(c.lead ?? c.title)}">
<script type="application/ld+json">${JSON.stringify(ld)}</script>
</head>
<body>
<div class="fiction-banner">${esc(FICTION_EN)}</div>
<div class="datebar">Today: ${crawl.split('-').reverse().join('.')} | <a href="#">E-paper</a> | <a href="#">فارسی</a></div>
<header><div class="masthead">Vahrestan Today</div><div class="motto">The nation’s voice</div></header>
<nav><a href="/">Front page</a> | <a href="/politics">Politics</a> | <a href="/security">Security</a> | <a href="/development">Development</a> | <a href="/world">World</a> | <a href="/video">Video</a></nav>
<div class="crumbs">You are here: <a href="/">Home</a> / <a href="/${a.section.toLowerCase()}">${esc(a.section)}</a></div>
<div class="layout">
<div class="main">
<h1>${esc(c.title)}</h1>
${c.lead ? `<p class="standfirst">${esc(c.lead)}</p>` : ''}
<div class="byline">${esc(a.author ?? 'Staff reporter')}</div>
<div class="article-body">
${c.body}
</div>
<div class="share">SHARE: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Telegram</a> <a href="#">Copy link</a></div>
<div class="related"><h4>Related</h4><ul>${c.latest.slice(0, 2).map((l) => `<li><a href="${l.href}">${esc(l.title)}</a></li>`).join('')}</ul></div>
</div>
<div class="rail">
<h3>Must read</h3>
<ol>
${c.latest.map((l) => `<li><a href="${l.href}">${esc(l.title)}</a></li>`).join('\n')}
</ol>
<div class="ad">Advertisement</div>
</div>
</div>
<div class="gdpr">This site uses cookies. <button>OK</button> <button>Settings</button></div>
<footer>Copyright © 2026 Vahrestan Today Media Group. Reproduction without permission is prohibited.<br><a href="#">Terms</a> <a href="#">Contact the newsroom</a>${fictionFooterEn}</footer>
</body>
</html>
`;
}

function freev(a: Article, c: RenderContext): string {
  const fa = a.outlet === 'freev-fa';
  const o = OUTLETS[a.outlet];
  const crawl = a.crawl ?? o.crawl;
  const when = fa ? solarHijriLabel(a.published) : englishLabel(a.published, 'dmy');
  const t = fa
    ? { home: 'خانه', menu: ['گزارش ویژه', 'زندانیان', 'گلمرز', 'دیدگاه', 'ویدیو', 'English'], latest: 'آخرین اخبار', share: 'هم‌رسانی:', donate: 'از رسانهٔ مستقل حمایت کنید', cookie: 'این وب‌سایت از کوکی استفاده می‌کند. <a href="#">پذیرفتن</a>', copy: '© ۱۴۰۵ وهرستان آزاد. بازنشر با ذکر منبع آزاد است.', commentsH: 'دیدگاه‌ها', dateBar: solarHijriLabel(crawl, true) }
    : { home: 'Home', menu: ['Special reports', 'Prisoners', 'Golmarz', 'Opinion', 'Video', 'فارسی'], latest: 'Latest news', share: 'Share:', donate: 'Support independent media', cookie: 'This website uses cookies. <a href="#">Accept all</a>', copy: '© 2026 Free Vahrestan. Republishing is free with attribution.', commentsH: 'Comments', dateBar: englishLabel(crawl, 'full') };
  return `<!DOCTYPE html>
<html lang="${fa ? 'fa' : 'en'}" dir="${fa ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<title>${esc(c.title)} — ${esc(o.name)}</title>
<meta property="og:title" content="${esc(c.title)}">
<meta property="og:site_name" content="${esc(o.name)}">
<meta property="og:locale" content="${fa ? 'fa_IR' : 'en_US'}">
</head>
<body>
<div class="fiction-banner">${esc(fa ? FICTION_FA : FICTION_EN)}</div>
<div class="cookie">${t.cookie}</div>
<div class="topbar"><time class="today" datetime="${crawl}">${t.dateBar}</time> <a class="donate" href="#">${t.donate}</a></div>
<header><h2 class="brand">${esc(o.name)}</h2></header>
<nav class="menu"><a href="/">${t.home}</a> ${t.menu.map((m) => `<a href="#">${m}</a>`).join(' ')}</nav>
<div class="breadcrumb"><a href="/">${t.home}</a> › <a href="#">${esc(a.section)}</a></div>
<article>
<header class="article-header">
<h1>${esc(c.title)}</h1>
<div class="meta"><span class="author">${esc(a.author ?? o.name)}</span> — <time datetime="${a.published}T${a.time ?? '12:00'}:00Z" pubdate>${when}</time></div>
</header>
<div class="content">
${c.body}
</div>
<div class="share">${t.share} <a href="#">Telegram</a> <a href="#">X</a> <a href="#">Facebook</a> <a href="#">WhatsApp</a></div>
</article>
${comments(a, t.commentsH)}
<aside><h3>${t.latest}</h3><ul>
${c.latest.map((l) => `<li><a href="${l.href}">${esc(l.title)}</a></li>`).join('\n')}
</ul></aside>
<footer><p>${t.copy}</p>${fa ? fictionFooterFa : fictionFooterEn}</footer>
</body>
</html>
`;
}

function wire(a: Article, c: RenderContext): string {
  const o = OUTLETS.wire;
  const crawl = a.crawl ?? o.crawl;
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${esc(c.title)}</title></head>
<body>
<div class="fiction-banner">${esc(FICTION_EN)}</div>
<table width="100%" class="hdr"><tr><td><b>KELMAR WIRE</b> — news agency</td><td align="right">${englishLabel(crawl, 'dmy')} · Markets closed</td></tr></table>
<div class="menu">Home | Vahrestan | Region | World | Business | Photos | Subscriber login</div>
<div class="path">Home &gt; ${esc(a.section)}</div>
<h1>${esc(c.title)}</h1>
<p class="slug">By ${esc(a.author ?? 'Kelmar Wire staff')} | ${englishLabel(a.published, 'dmy')} | ${a.time ?? '09:00'} local</p>
<div class="story">
${c.body}
</div>
<p class="copy">(Reporting by ${esc(a.author ?? 'Kelmar Wire staff')}; editing by the Kelmar Wire desk)</p>
<div class="more"><b>More from the wire</b><br>
${c.latest.map((l) => `· <a href="${l.href}">${esc(l.title)}</a><br>`).join('\n')}
</div>
<div class="foot">© 2026 Kelmar Wire. All rights reserved. Wire copy may be republished by subscribers only.${fictionFooterEn}</div>
</body>
</html>
`;
}

function golmarz(a: Article, c: RenderContext): string {
  const o = OUTLETS.golmarz;
  const crawl = a.crawl ?? o.crawl;
  const [hh, mm] = (a.time ?? '10:30').split(':');
  return `<!DOCTYPE html>
<html lang="fa" dir="rtl">
<head>
<meta charset="utf-8">
<title>${esc(c.title)} | خبرگزاری گلمرز</title>
<meta name="keywords" content="${esc((a.tags ?? []).join('،'))}">
</head>
<body>
<div class="fiction-banner">${esc(FICTION_FA)}</div>
<div class="header-top"><span class="emrooz">امروز: ${solarHijriLabel(crawl, true)}</span> | <a href="#">ورود</a> | <a href="#">آرشیو</a> | <a href="#">RSS</a></div>
<div class="logo">خبرگزاری گلمرز — نخستین رسانهٔ خبری استان</div>
<ul class="nav"><li><a href="/">صفحهٔ اصلی</a></li><li><a href="#">سیاسی</a></li><li><a href="#">اجتماعی</a></li><li><a href="#">اقتصادی</a></li><li><a href="#">کشاورزی و آب</a></li><li><a href="#">فرهنگی</a></li><li><a href="#">ورزشی</a></li><li><a href="#">تماس با ما</a></li></ul>
<div class="breadcrumb"><a href="/">صفحهٔ اصلی</a> / <a href="#">${esc(a.section)}</a> / خبر</div>
<div class="news">
<div class="code">کد خبر: ${toPersianDigits(48000 + a.file.length * 37)}</div>
<h1>${esc(c.title)}</h1>
${c.lead ? `<div class="lead">${esc(c.lead)}</div>` : ''}
<div class="byline">${a.author ? `${esc(a.author)} | ` : ''}تاریخ انتشار: ${solarHijriLabel(a.published)} - ${toPersianDigits(hh)}:${toPersianDigits(mm)}</div>
<div class="body">
${c.body}
</div>
<div class="share">اشتراک‌گذاری: <a href="#">تلگرام</a> <a href="#">واتس‌اپ</a> <a href="#">ایتا</a> <a href="#">کپی لینک</a></div>
<div class="tags">برچسب‌ها: ${(a.tags ?? []).map((t) => `<a href="#">${esc(t)}</a>`).join(' ')}</div>
</div>
${comments(a, 'نظرات خوانندگان')}
<div class="sidebar"><h3>آخرین اخبار</h3><ul>
${c.latest.map((l) => `<li><a href="${l.href}">${esc(l.title)}</a></li>`).join('\n')}
</ul>
<h3>پربیننده‌ترین‌ها</h3><ul>${c.latest.slice().reverse().slice(0, 3).map((l) => `<li><a href="${l.href}">${esc(l.title)}</a></li>`).join('')}</ul></div>
<div class="footer">تمامی حقوق مادی و معنوی این سایت متعلق به خبرگزاری گلمرز است. © ${toPersianDigits(1405)}${fictionFooterFa}</div>
</body>
</html>
`;
}

function payam(a: Article, c: RenderContext): string {
  const o = OUTLETS.payam;
  const crawl = a.crawl ?? o.crawl;
  const ld = {
    '@context': 'https://schema.org', '@type': 'NewsArticle', headline: c.title, inLanguage: 'fa',
    datePublished: `${a.published}T${a.time ?? '07:00'}:00+04:00`,
    author: { '@type': 'Person', name: a.author ?? 'سرویس خبری' },
    publisher: { '@type': 'Organization', name: 'روزنامهٔ پیام مهر' },
  };
  return `<!DOCTYPE html>
<html lang="fa-IR" dir="rtl">
<head>
<meta charset="utf-8">
<title>${esc(c.title)} - پیام مهر</title>
<script type="application/ld+json">
${JSON.stringify(ld, null, 1)}
</script>
</head>
<body>
<div class="fiction-banner">${esc(FICTION_FA)}</div>
<div class="cookie-consent">ما برای بهبود تجربهٔ شما از کوکی استفاده می‌کنیم. <button>موافقم</button></div>
<div class="date-strip">${solarHijriLabel(crawl, true)} — ${crawl}</div>
<header><h2>پیام مهر</h2><p>روزنامهٔ صبح وهرستان</p></header>
<nav><a href="/">نخست</a> · <a href="#">سیاست</a> · <a href="#">جامعه</a> · <a href="#">اقتصاد</a> · <a href="#">استان‌ها</a> · <a href="#">بین‌الملل</a> · <a href="#">یادداشت</a> · <a href="#">نسخهٔ چاپی</a></nav>
<div class="crumb">پیام مهر » ${esc(a.section)}</div>
<main>
<h1>${esc(c.title)}</h1>
${c.lead ? `<p class="lead">${esc(c.lead)}</p>` : ''}
<p class="writer">${esc(a.author ?? 'سرویس خبری')}</p>
<div class="text">
${c.body}
</div>
<div class="share">این مطلب را به اشتراک بگذارید: <a href="#">تلگرام</a> <a href="#">ایکس</a> <a href="#">لینکدین</a> <a href="#">چاپ</a></div>
${comments(a, 'نظرات')}
<form class="comment-form"><p>نظر خود را بنویسید. نظرات پس از تأیید منتشر می‌شوند.</p></form>
</main>
<aside><h3>پیشنهاد سردبیر</h3><ul>
${c.latest.map((l) => `<li><a href="${l.href}">${esc(l.title)}</a></li>`).join('\n')}
</ul></aside>
<footer>کلیهٔ حقوق برای روزنامهٔ پیام مهر محفوظ است. ${toPersianDigits('2026')}${fictionFooterFa}</footer>
</body>
</html>
`;
}

export function renderPage(a: Article, c: RenderContext): string {
  switch (a.outlet) {
    case 'herald': return herald(a, c);
    case 'today': return today(a, c);
    case 'freev': case 'freev-fa': return freev(a, c);
    case 'wire': return wire(a, c);
    case 'golmarz': return golmarz(a, c);
    case 'payam': return payam(a, c);
  }
}
