// The interface in English and Persian: one small dictionary, switched at run time.
import { signalLike } from './state.js';

export type Lang = 'en' | 'fa';

const FA: Record<string, string> = {
  Search: 'جستجو',
  'Skip to content': 'رفتن به محتوا',
  Entities: 'موجودیت‌ها',
  Claims: 'ادعاها',
  Timeline: 'گاه‌شمار',
  Map: 'نقشه',
  'Search documents': 'جستجو در اسناد',
  'Language': 'زبان',
  'Site': 'منبع',
  'Kind': 'نوع',
  'Year': 'سال',
  'From': 'از',
  'To': 'تا',
  'any': 'همه',
  'Results': 'نتایج',
  'No matches': 'چیزی پیدا نشد',
  'More results': 'نتایج بیشتر',
  'Facets of the first results': 'دسته‌بندی نتایج نخست',
  'Loading…': 'در حال بارگذاری…',
  'Show original': 'نمایش نسخهٔ اصلی',
  'Hide original': 'پنهان کردن نسخهٔ اصلی',
  'Cite': 'ارجاع',
  'Copied': 'رونوشت شد',
  'Mentions': 'اشاره‌ها',
  'Also in': 'همچنین در',
  'likely origin': 'منشأ احتمالی',
  'Likely origin': 'منشأ احتمالی',
  'Names and aliases': 'نام‌ها و نام‌های دیگر',
  'Documents': 'اسناد',
  'History': 'تاریخچه',
  'No curation actions yet.': 'هنوز اقدامی ثبت نشده است.',
  'Merge': 'ادغام',
  'Split': 'جدا کردن',
  'Confirm': 'تأیید',
  'Reject': 'رد',
  'Undo': 'بازگرداندن',
  'merge with entity id': 'ادغام با شناسهٔ موجودیت',
  'Curation': 'ویرایش موجودیت',
  'Reason': 'دلیل',
  'required for merge, split and keep apart': 'برای ادغام، جدا کردن و جدا نگه‌داشتن لازم است',
  'Your name': 'نام شما',
  'optional': 'اختیاری',
  'Keep apart': 'جدا نگه‌داشتن',
  'Kept apart': 'جدا نگه داشته شد',
  'Merged': 'ادغام شد',
  'Confirmed': 'تأیید شد',
  'Rejected': 'رد شد',
  'Undone': 'بازگردانده شد',
  'undone': 'بازگردانده شده',
  'mentions selected': 'اشارهٔ انتخاب‌شده',
  'select mention': 'انتخاب اشاره',
  'Split selected mentions off': 'جدا کردن اشاره‌های انتخاب‌شده',
  'Confirm selected': 'تأیید انتخاب‌شده‌ها',
  'Reject selected': 'رد انتخاب‌شده‌ها',
  'merged': 'ادغام',
  'split off': 'جدا شد',
  'mentions': 'اشاره',
  'kept apart': 'جدا نگه داشته شد',
  'confirmed mention': 'اشارهٔ تأییدشده',
  'rejected mention': 'اشارهٔ ردشده',
  'undid': 'بازگرداند',
  'this entity no longer exists (merged or undone); see the entity list': 'این موجودیت دیگر نیست (ادغام یا بازگردانده شد)؛ فهرست موجودیت‌ها را ببینید',
  'Values': 'مقادیر',
  'Independent source groups': 'گروه‌های مستقل منابع',
  'Conflicts with': 'در تعارض با',
  'No claims yet.': 'هنوز ادعایی نیست.',
  'No entities yet.': 'هنوز موجودیتی نیست.',
  'Zoom': 'بزرگ‌نمایی',
  'Points': 'نقطه‌ها',
  'documents': 'سند',
  'published': 'انتشار',
  'mentioned date': 'تاریخ ذکرشده',
  'Upload': 'بارگذاری',
  'Interface language': 'زبان رابط',
  'Published': 'تاریخ انتشار',
  'Passage': 'بند',
  'Filter': 'پالایش',
  'Clear': 'پاک کردن',
  'in context': 'در متن',
  'Select a point to list its documents.': 'برای دیدن اسناد یک نقطه را انتخاب کنید.',
  'Wheel or +/− to zoom, ←/→ to pan.': 'برای بزرگ‌نمایی چرخ یا +/− و برای جابه‌جایی ←/→.',
};

export const uiLang = signalLike<Lang>((localStorage.getItem('daftar.lang') as Lang | null) ?? 'en');

export function setLang(l: Lang): void {
  localStorage.setItem('daftar.lang', l);
  document.documentElement.lang = l;
  document.documentElement.dir = l === 'fa' ? 'rtl' : 'ltr';
  uiLang.set(l);
}

/** "Search" -> "جستجو" when the interface is Persian; unknown keys stay English. */
export function t(key: string): string {
  return uiLang.get() === 'fa' ? (FA[key] ?? key) : key;
}

/** Latin digits -> Persian digits for Persian labels: "1402" -> "۱۴۰۲". */
export function faDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
}
