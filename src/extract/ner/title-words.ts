// Title, rank and honorific words (English and Persian) that precede names.
// Used by titles.ts (kept out of name spans) and as a tagger feature (word-info.ts).
// Compared after foldWord (lower-case, Persian letters unified, ZWNJ dropped). Multi-word titles
// ("Prime Minister", "آیت الله", "حجت الاسلام و المسلمین") are runs of these words.
export const TITLE_WORDS_EN = [
  'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dr', 'dr.', 'prof', 'prof.', 'professor', 'gen', 'gen.', 'general', 'col', 'col.',
  'colonel', 'lt', 'lt.', 'lieutenant', 'maj', 'maj.', 'major', 'sgt', 'sgt.', 'sergeant', 'capt', 'capt.', 'captain', 'adm', 'adm.',
  'admiral', 'brig', 'brig.', 'brigadier', 'cmdr', 'cmdr.', 'commander', 'marshal', 'field', 'gov', 'gov.', 'governor', 'sen', 'sen.',
  'senator', 'rep', 'rep.', 'president', 'vice', 'prime', 'minister', 'foreign', 'interior', 'defence', 'defense', 'deputy',
  'chancellor', 'secretary', 'ayatollah', 'grand', 'hojatoleslam', 'hojjatoleslam', 'sheikh', 'shaikh', 'sheik', 'mullah', 'imam',
  'king', 'queen', 'prince', 'princess', 'emir', 'sultan', 'judge', 'justice', 'sir', 'dame', 'lord', 'lady', 'rev', 'rev.',
  'reverend', 'father', 'bishop', 'archbishop', 'pope', 'cardinal', 'rabbi', 'haji', 'hajji', 'engineer', 'eng.', 'mayor',
  'supreme', 'leader', 'ambassador', 'chief', 'sayyid', 'seyed', 'mirza', 'mme', 'mme.', 'mlle', 'mlle.',
];
export const TITLE_WORDS_FA = [
  'آقای', 'آقا', 'خانم', 'بانو', 'دکتر', 'مهندس', 'استاد', 'سردار', 'سرتیپ', 'سرتیپ‌دوم', 'سرلشکر', 'سرهنگ', 'سرگرد', 'سروان',
  'ستوان', 'ارتشبد', 'دریادار', 'دریابان', 'سپهبد', 'آیت‌الله', 'آیت', 'الله', 'آیت‌الله‌العظمی', 'العظمی', 'حجت‌الاسلام', 'حجت',
  'الاسلام', 'المسلمین', 'حجت‌الاسلام‌والمسلمین', 'شیخ', 'حاج', 'حاجی', 'رئیس‌جمهور', 'رئیس‌جمهوری', 'وزیر', 'نخست‌وزیر',
  'سرکار', 'جناب', 'مرحوم', 'شهید', 'امام',
];
