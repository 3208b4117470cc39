// Invented news paragraphs for the reuse tests (written for these tests, no real events).
import type { ReuseDocument } from '../../src/reuse/index.js';

export const DETENTION =
  'Relatives of the detained workers gathered outside the provincial court on Monday morning, demanding information about the whereabouts of at least 42 people arrested during last week\'s strike at the cement factory. Lawyers for the families said they had not been allowed to see the case files.';

export const BAR_STATEMENT =
  'According to a statement published by the regional bar association, the detainees have been held without charge for more than ten days. The association called on the judiciary to release them or bring formal charges. It also asked that independent observers be admitted to any hearing, and that the families be told where each detainee is held. Officials have so far not replied to the letter.';

// BAR_STATEMENT lightly edited: "ten" -> "twelve", the second sentence dropped, commas
// removed, curly quotes, "asked" -> "requested".
export const BAR_STATEMENT_EDITED =
  'According to a statement published by the regional bar association the detainees have been held without charge for more than twelve days. It also requested that independent observers be admitted to any hearing and that the families be told where each detainee is held. Officials have so far not replied to the “letter”.';

export const LIBRARY =
  'The city\'s new public library opened its doors to visitors on Saturday after four years of construction. Architects designed the reading rooms around a central courtyard planted with olive trees, and the children\'s section includes a small theatre for weekend storytelling sessions.';

export const HARVEST =
  'Farmers in the northern valley expect a smaller harvest this autumn after a dry spring reduced the flow of the river by almost half. The agriculture cooperative is distributing seed for drought-resistant wheat and has asked the ministry to extend the deadline for loan repayments.';

export const BRIDGE =
  'Traffic on the coastal highway was diverted for several hours on Tuesday while engineers inspected a bridge damaged by last month\'s storms. Drivers were advised to use the inland road, which added about forty minutes to the journey between the two ports.';

export const MARKET =
  'Stallholders at the old covered market say rents have doubled since the building was sold to a private developer. Several families who have sold spices and dried fruit there for three generations are considering moving to a new site on the edge of town.';

export const SCHOOL =
  'The education department announced that two new primary schools will open in the eastern suburbs next September. Parents had complained for years about overcrowded classrooms, with some pupils travelling more than an hour each way to attend lessons.';

// Persian, written with Persian yeh/keheh, ZWNJ and Persian digits.
export const FA_DETENTION =
  'خانواده‌های کارگران بازداشت‌شده صبح دوشنبه مقابل دادگاه استان تجمع کردند و خواستار اطلاع از وضعیت دست‌کم ۴۲ نفر شدند که در جریان اعتصاب هفته گذشته در کارخانه سیمان بازداشت شده بودند. وکلای این خانواده‌ها می‌گویند هنوز اجازه دیدن پرونده‌ها را نیافته‌اند.';

// The same paragraph as another site prints it: Arabic yeh and kaf, ZWNJ dropped or
// replaced by a space, Latin digits.
export const FA_DETENTION_VARIANT =
  'خانواده هاي كارگران بازداشتشده صبح دوشنبه مقابل دادگاه استان تجمع كردند و خواستار اطلاع از وضعيت دست كم 42 نفر شدند كه در جريان اعتصاب هفته گذشته در كارخانه سيمان بازداشت شده بودند. وكلاي اين خانواده ها مي گويند هنوز اجازه ديدن پرونده ها را نيافته اند.';

export const FA_LIBRARY =
  'کتابخانه عمومی جدید شهر روز شنبه پس از چهار سال ساخت به روی بازدیدکنندگان باز شد. معماران سالن‌های مطالعه را گرد حیاطی مرکزی با درختان زیتون طراحی کرده‌اند و بخش کودکان یک تماشاخانه کوچک برای قصه‌گویی آخر هفته دارد.';

export const FA_HARVEST =
  'کشاورزان دره شمالی امسال انتظار برداشت کمتری دارند زیرا بهار خشک جریان رودخانه را تقریباً به نصف رسانده است. تعاونی کشاورزی بذر گندم مقاوم به خشکی توزیع می‌کند و از وزارتخانه خواسته مهلت بازپرداخت وام‌ها را تمدید کند.';

/** A document of paragraphs separated by blank lines. */
export function makeDoc(id: string, paragraphs: string[], site: string | null = null, published: string | null = null): ReuseDocument {
  return { id, text: paragraphs.join('\n\n'), site, published };
}

/** Offset of paragraph `index` in a document made by makeDoc. */
export function paragraphStart(paragraphs: string[], index: number): number {
  return paragraphs.slice(0, index).reduce((n, p) => n + p.length + 2, 0);
}
