// The invented world of the Daftar sample corpus: the Republic of Vahrestan.
// Every name here is invented. Coordinates sit in open ocean in the southern
// Indian Ocean (lat -41.5..-38.5, lon 61..66), where there is no land and no
// real country, so a map can never pin the fiction on a real place.

export type EntityType = 'PERSON' | 'ORG' | 'PLACE';

export interface WorldEntity {
  id: string;
  type: EntityType;
  name: string;
  /** Every spelling used in the corpus, Latin and Persian script (surname-only forms included). */
  variants: string[];
  protected?: boolean;
  /** Titles that appear before the name in the corpus (kept outside the mention span). */
  titles?: string[];
  acronym?: string;
  note?: string;
  lat?: number;
  lon?: number;
}

export const ENTITIES: WorldEntity[] = [
  // ---- people ----
  { id: 'p-dariush-kalantari', type: 'PERSON', name: 'Dariush Kalantari',
    variants: ['Dariush Kalantari', 'Daryoush Kalantari', 'Darioush Kalantary', 'Dariush Kalantary', 'Kalantari', 'Kalantary', 'داریوش کلانتری', 'کلانتری', 'داريوش كلانتري'],
    titles: ['Mr.', 'آقای'], note: 'Golmarz farmers’ union leader, arrested March 2025' },
  { id: 'p-bahram-rostami', type: 'PERSON', name: 'Bahram Rostami',
    variants: ['Bahram Rostami', 'Bahram Rostamy', 'Rostami', 'بهرام رستمی', 'رستمی'],
    titles: ['Gen.', 'General', 'Brigadier General', 'سردار'], note: 'commander of the Internal Guard Corps in Ashgaran province' },
  { id: 'p-leila-rostami', type: 'PERSON', name: 'Leila Rostami',
    variants: ['Leila Rostami', 'Leyla Rostami', 'Rostami', 'لیلا رستمی', 'رستمی'],
    titles: ['Dr.', 'دکتر', 'خانم'], note: 'physician at Golmarz General Hospital; no relation to the general' },
  { id: 'p-hossein-rostami', type: 'PERSON', name: 'Hossein Rostami',
    variants: ['Hossein Rostami', 'Hosien Rostami', 'Hosein Rostami', 'Hossein', 'Rostami', 'حسین رستمی', 'حسین'],
    note: '19-year-old student detained at Chalkhan camp; no relation to the other two' },
  { id: 'p-javad-mirsadeghi', type: 'PERSON', name: 'Javad Mirsadeghi',
    variants: ['Javad Mirsadeghi', 'Javad Mir-Sadeghi', 'Mir-Sadeghi', 'Mirsadeghi', 'جواد میرصادقی', 'میرصادقی'],
    titles: ['Ayatollah', 'آیت‌الله'], note: 'senior cleric in Arsavan' },
  { id: 'p-farhad-nikpour', type: 'PERSON', name: 'Farhad Nikpour',
    variants: ['Farhad Nikpour', 'Farhad Nikpur', 'Nikpour', 'Nikpur', 'فرهاد نیک‌پور', 'نیک‌پور'],
    titles: ['Minister', 'Mr.', 'آقای'], note: 'Minister of the Interior' },
  { id: 'p-shabnam-yeganeh', type: 'PERSON', name: 'Shabnam Yeganeh',
    variants: ['Shabnam Yeganeh', 'Shabnam Yegane', 'Yeganeh', 'Yegane', 'شبنم یگانه', 'یگانه'],
    titles: ['Ms.', 'خانم'], note: 'spokesperson of Vahrestan Rights Monitor' },
  { id: 'p-kaveh-sohrabi', type: 'PERSON', name: 'Kaveh Sohrabi',
    variants: ['Kaveh Sohrabi', 'Kaveh Sohraby', 'Sohrabi', 'کاوه سهرابی', 'سهرابی'],
    titles: ['Mr.', 'آقای'], note: 'leader of the Vahrestan Civic Alliance, in exile' },
  { id: 'p-manouchehr-varasteh', type: 'PERSON', name: 'Manouchehr Varasteh',
    variants: ['Manouchehr Varasteh', 'Manuchehr Varasteh', 'Varasteh', 'منوچهر وارسته', 'وارسته'],
    titles: ['Judge', 'قاضی'], note: 'presiding judge, Special Security Court of Ashgaran' },
  { id: 'p-nader-seyfollahi', type: 'PERSON', name: 'Nader Seyfollahi',
    variants: ['Nader Seyfollahi', 'Nader Seifollahi', 'Seyfollahi', 'نادر سیف‌اللهی', 'سیف‌اللهی'],
    titles: ['Governor', 'استاندار'], note: 'governor of Ashgaran province' },
  { id: 'p-golnar-kalantari', type: 'PERSON', name: 'Golnar Kalantari',
    variants: ['Golnar Kalantari', 'گلنار کلانتری'],
    titles: ['Mrs.', 'خانم'], note: 'wife of Dariush Kalantari' },
  { id: 'p-witness-parvaneh-sadri', type: 'PERSON', name: 'Parvaneh Sadri',
    variants: ['Parvaneh Sadri', 'پروانه صدری'], protected: true,
    note: 'protected witness ("Witness K-17"); named only in the DOCX testimony' },

  // ---- organizations ----
  { id: 'o-igc', type: 'ORG', name: 'Internal Guard Corps', acronym: 'IGC',
    variants: ['Internal Guard Corps', 'IGC', 'the Guard', 'Grey Coats', 'سپاه نگهبانی داخلی', 'سپاه نگهبانی', 'خاکستری‌پوشان', 'سپاه نگهباني داخلي'],
    note: 'security force founded in 1358 (1979–80); "Grey Coats" is a pejorative used by the opposition' },
  { id: 'o-vrm', type: 'ORG', name: 'Vahrestan Rights Monitor', acronym: 'VRM',
    variants: ['Vahrestan Rights Monitor', 'VRM', 'the Monitor', 'The Monitor', 'دیدبان حقوق وهرستان', 'دیدبان حقوق'] },
  { id: 'o-vca', type: 'ORG', name: 'Vahrestan Civic Alliance', acronym: 'VCA',
    variants: ['Vahrestan Civic Alliance', 'VCA', 'Civic Alliance', 'ائتلاف مدنی وهرستان', 'ائتلاف مدنی'] },
  { id: 'o-nrf', type: 'ORG', name: 'National Renewal Front', acronym: 'NRF',
    variants: ['National Renewal Front', 'NRF', 'جبههٔ نوسازی ملی', 'جبهه نوسازی ملی'] },
  { id: 'o-interior-ministry', type: 'ORG', name: 'Ministry of the Interior',
    variants: ['Ministry of the Interior', 'Interior Ministry', 'وزارت کشور'] },
  { id: 'o-farmers-union', type: 'ORG', name: 'Golmarz Farmers’ Union', acronym: 'GFU',
    variants: ['Golmarz Farmers’ Union', 'Golmarz Farmers Union', 'GFU', 'farmers’ union', 'اتحادیهٔ کشاورزان گلمرز', 'اتحادیه کشاورزان گلمرز'] },
  { id: 'o-special-security-court', type: 'ORG', name: 'Special Security Court of Ashgaran',
    variants: ['Special Security Court', 'Special Security Court of Ashgaran', 'SSC', 'دادگاه ویژهٔ امنیت', 'دادگاه ویژه امنیت'] },
  { id: 'o-cmp', type: 'ORG', name: 'Committee for Missing Persons', acronym: 'CMP',
    variants: ['Committee for Missing Persons', 'CMP', 'کمیتهٔ افراد ناپدیدشده'] },
  { id: 'o-tirab-water', type: 'ORG', name: 'Tirab Water Authority', acronym: 'TWA',
    variants: ['Tirab Water Authority', 'TWA', 'water authority', 'سازمان آب تیراب'] },

  // ---- the outlets themselves (organizations; their names contain place names) ----
  { id: 'o-kelmar-wire', type: 'ORG', name: 'Kelmar Wire', variants: ['Kelmar Wire', 'KW'], note: 'news agency; "Kelmar" here is not the province' },
  { id: 'o-arsavan-herald', type: 'ORG', name: 'The Arsavan Herald', variants: ['The Arsavan Herald', 'Arsavan Herald', 'the Herald', 'Herald'], note: '"Arsavan" here is not the city' },
  { id: 'o-vahrestan-today', type: 'ORG', name: 'Vahrestan Today', variants: ['Vahrestan Today'] },
  { id: 'o-free-vahrestan', type: 'ORG', name: 'Free Vahrestan', variants: ['Free Vahrestan', 'وهرستان آزاد'], note: 'opposition site; Persian edition «وهرستان آزاد»' },
  { id: 'o-golmarz-news', type: 'ORG', name: 'Golmarz News', variants: ['Golmarz News', 'خبرگزاری گلمرز'] },
  { id: 'o-payam-mehr', type: 'ORG', name: 'Payam Mehr', variants: ['Payam Mehr', 'پیام مهر', 'روزنامهٔ پیام مهر'] },

  // ---- places (invented; coordinates in open ocean, see header) ----
  { id: 'l-vahrestan', type: 'PLACE', name: 'Vahrestan', variants: ['Vahrestan', 'وهرستان'], lat: -40.0, lon: 63.5, note: 'the fictional republic' },
  { id: 'l-arsavan', type: 'PLACE', name: 'Arsavan', variants: ['Arsavan', 'ارساوان'], lat: -39.62, lon: 62.41, note: 'capital, Kelmar province' },
  { id: 'l-golmarz', type: 'PLACE', name: 'Golmarz', variants: ['Golmarz', 'گلمرز'], lat: -40.31, lon: 64.12, note: 'city in Tirvan province on the Tirab river' },
  { id: 'l-talvareh', type: 'PLACE', name: 'Talvareh', variants: ['Talvareh', 'تالواره'], lat: -40.88, lon: 64.95, note: 'town in Ashgaran province' },
  { id: 'l-chalkhan-camp', type: 'PLACE', name: 'Chalkhan camp', variants: ['Chalkhan camp', 'Chalkhan detention camp', 'Chalkhan', 'اردوگاه چالخان', 'چالخان'], lat: -40.97, lon: 65.21, note: 'detention camp 20 km east of Talvareh' },
  { id: 'l-hirkand', type: 'PLACE', name: 'Hirkand', variants: ['Hirkand', 'هیرکند'], lat: -39.11, lon: 63.02, note: 'city in Mehrvan province' },
  { id: 'l-kelmar', type: 'PLACE', name: 'Kelmar province', variants: ['Kelmar', 'کلمار'], lat: -39.7, lon: 62.3 },
  { id: 'l-tirvan', type: 'PLACE', name: 'Tirvan province', variants: ['Tirvan', 'تیروان'], lat: -40.3, lon: 64.0 },
  { id: 'l-ashgaran', type: 'PLACE', name: 'Ashgaran province', variants: ['Ashgaran', 'اشگران'], lat: -40.9, lon: 65.0 },
  { id: 'l-mehrvan', type: 'PLACE', name: 'Mehrvan province', variants: ['Mehrvan', 'مهروان'], lat: -39.1, lon: 63.1 },
  { id: 'l-tirab-river', type: 'PLACE', name: 'Tirab river', variants: ['Tirab river', 'Tirab River', 'Tirab', 'رود تیراب', 'تیراب', 'رود تيراب'], lat: -40.2, lon: 63.9 },
  { id: 'l-sepidband-dam', type: 'PLACE', name: 'Sepidband dam', variants: ['Sepidband dam', 'Sepidband Dam', 'Sepidband', 'سد سپیدبند', 'سپیدبند'], lat: -40.05, lon: 63.61 },
  { id: 'l-paris', type: 'PLACE', name: 'Paris', variants: ['Paris', 'پاریس'], note: 'real city; only a dateline/exile location' },
];

export const COUNTRY = { en: 'Vahrestan', fa: 'وهرستان' };
export const FICTION_EN = 'FICTIONAL SAMPLE — Daftar demo corpus; all names, places and events are invented.';
export const FICTION_FA = 'نمونهٔ ساختگی — پیکرهٔ نمایشی دفتر؛ همهٔ نام‌ها، مکان‌ها و رویدادها ساختگی‌اند.';

/** Strings that look like an entity name but are not one: extractors must not link them. */
export const NOT_ENTITIES: { file: string; text: string; looksLike: string; note: string }[] = [
  { file: 'samples/golmarz-news/khanevade-kalantari.html', text: 'به سه کلانتری', looksLike: 'p-dariush-kalantari', note: '«کلانتری» here means police station' },
  { file: 'samples/notes/golmarz-timeline.md', text: 'کلانتری is also the word for a police station', looksLike: 'p-dariush-kalantari', note: 'the word discussed, not the man' },
];
