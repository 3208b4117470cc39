// Paragraphs that travel between outlets. `r` names the reuse group; the build
// records every pair (earliest publication = origin) in gold.json "reuse".
import type { Para } from '../types.js';

// Kelmar Wire background paragraph on the dam, 2 March 2025; republished by the Herald verbatim
// and by Vahrestan Today with edits.
export const WIRE_DAM: Para = { r: 'wire-dam', t: 'The [[Sepidband dam|l-sepidband-dam]], completed in [[2023|d:2023]] on the upper [[Tirab|l-tirab-river]], diverts most of the river’s spring flow to the capital, [[Arsavan|l-arsavan]]. [[About 1,200|q:1200:ap:families:c-families-displaced]] families were moved out of the flooded valley, and farmers downstream in [[Tirvan|l-tirvan]] province say their allocations have been cut by half.' };
export const WIRE_DAM_TODAY: Para = { r: 'wire-dam', t: 'The [[Sepidband Dam|l-sepidband-dam]], completed in [[2023|d:2023]] on the upper [[Tirab|l-tirab-river]], carries the river’s spring flow to the capital, [[Arsavan|l-arsavan]]. [[1,200|q:1200:ex:families:c-families-displaced]] families were resettled from the valley in new homes.' };

// Kelmar Wire, 15 April 2025: the VRM figure.
export const WIRE_VRM_1: Para = { r: 'wire-vrm-1', t: 'The [[Vahrestan Rights Monitor|o-vrm]] ([[VRM|o-vrm]]), an independent group that documents arrests, said on Tuesday that [[4,000|q:4000:ex:people detained:c-detainees-chalkhan]] people detained after the [[Golmarz|l-golmarz]] protests had passed through [[Chalkhan camp|l-chalkhan-camp]], a detention site some 20 kilometres east of [[Talvareh|l-talvareh]] in [[Ashgaran|l-ashgaran]] province.' };
export const WIRE_VRM_1_TODAY: Para = { r: 'wire-vrm-1', t: 'The [[Vahrestan Rights Monitor|o-vrm]] ([[VRM|o-vrm]]) said on Tuesday that [[4,000|q:4000:ex:people detained:c-detainees-chalkhan]] people detained after the [[Golmarz|l-golmarz]] unrest had passed through [[Chalkhan camp|l-chalkhan-camp]] in [[Ashgaran|l-ashgaran]] province.' };
export const WIRE_VRM_2: Para = { r: 'wire-vrm-2', t: '“Every name on our list has been confirmed by at least two people,” [[VRM|o-vrm]] spokesperson [[Shabnam Yeganeh|p-shabnam-yeganeh]] told [[Kelmar Wire|o-kelmar-wire]]. She said [[at least 37|q:37:al:people killed:c-killed-golmarz]] people were killed during the protests and that the group had received accounts of beatings inside the camp.' };
export const WIRE_VRM_3: Para = { r: 'wire-vrm-3', t: 'The [[Internal Guard Corps|o-igc]] ([[IGC|o-igc]]), which runs the camp, did not respond to a request for comment. Its commander in [[Ashgaran|l-ashgaran]], Brigadier General [[Bahram Rostami|p-bahram-rostami]], said last month that detainees were “treated in accordance with the law”.' };

// Kelmar Wire, 12 August 2025: the sentence.
export const WIRE_SENTENCE: Para = { r: 'wire-sentence', t: 'The [[Special Security Court|o-special-security-court]] in [[Talvareh|l-talvareh]] sentenced [[Dariush Kalantari|p-dariush-kalantari]], 53, to ten years in prison for “organising unlawful gatherings and disturbing public order”, his lawyer said. Judge [[Manouchehr Varasteh|p-manouchehr-varasteh]] read the verdict in a closed session.' };
export const WIRE_SENTENCE_HERALD: Para = { r: 'wire-sentence', t: 'The [[Special Security Court|o-special-security-court]] in [[Talvareh|l-talvareh]] sentenced [[Dariush Kalantary|p-dariush-kalantari]], 53, to ten years in jail for “organising unlawful gatherings and disturbing public order”, his lawyer said. Judge [[Manuchehr Varasteh|p-manouchehr-varasteh]] read the verdict in a closed session.' };
export const WIRE_SENTENCE_TODAY: Para = { r: 'wire-sentence', t: 'The [[Special Security Court|o-special-security-court]] in [[Talvareh|l-talvareh]] sentenced [[Darioush Kalantary|p-dariush-kalantari]], 53, to ten years in prison for organising unlawful gatherings and disturbing public order. Judge [[Manouchehr Varasteh|p-manouchehr-varasteh]] read the verdict.' };

// Free Vahrestan pastes this paragraph into many of its English articles.
export const FV_PASTE: Para = { r: 'fv-paste', t: 'For more than four decades the [[Internal Guard Corps|o-igc]] — the [[Grey Coats|o-igc]], as ordinary people call them — has answered every peaceful demand with batons, prison cells and silence. [[Chalkhan camp|l-chalkhan-camp]], first opened on [[17 July 1983|d:1983-07-17]], is the symbol of that answer. [[Free Vahrestan|o-free-vahrestan]] will keep counting, naming and remembering.' };
// ... and this one into its Persian articles.
export const FV_PASTE_FA: Para = { r: 'fv-paste-fa', t: 'بیش از چهار دهه است که [[سپاه نگهبانی داخلی|o-igc]] — همان [[خاکستری‌پوشان|o-igc]] — به هر خواستهٔ مسالمت‌آمیزی با باتوم، سلول و سکوت پاسخ داده است. [[اردوگاه چالخان|l-chalkhan-camp]] که در [[۲۶ تیر ۱۳۶۲|d:sh:1362-04-26]] گشایش یافت، نماد همین پاسخ است. [[وهرستان آزاد|o-free-vahrestan]] به شمردن، نام بردن و به یاد سپردن ادامه می‌دهد.' };

// From the VRM report (PDF, 10 June 2025), quoted by the Herald verbatim and by Free Vahrestan with edits.
export const VRM_FINDING: Para = { r: 'vrm-finding', t: 'Former detainees described cells built for 20 people holding 60 or more, interrogations at night, and guards who beat new arrivals on a path the detainees called “the welcome corridor”. Several said they were denied medicine and contact with their families for weeks.' };
export const VRM_FINDING_FV: Para = { r: 'vrm-finding', t: 'Former detainees described cells built for 20 people holding 60 or more; interrogations at night; and guards who beat new arrivals on a path the detainees called “the welcome corridor.” Several said they were denied medicine and contact with their families.' };

// Herald boilerplate, appended to every Herald article by content/index.ts.
export const HERALD_ABOUT: Para = { r: 'bp-herald-about', kind: 'boilerplate', t: 'About the [[Herald|o-arsavan-herald]]: [[The Arsavan Herald|o-arsavan-herald]] is an independent daily founded in 1998. It is funded by its readers and takes no money from political parties or the state. Tips and corrections: newsroom@arsavanherald.example.' };

// Persian background paragraph on Kalantari: Golmarz News first, copied by Payam Mehr, edited by Free Vahrestan (fa).
export const FA_KALANTARI_BG: Para = { r: 'fa-kalantari-bg', t: '[[داریوش کلانتری|p-dariush-kalantari]]، دبیر [[اتحادیهٔ کشاورزان گلمرز|o-farmers-union]]، از سال‌ها پیش از ساخت [[سد سپیدبند|l-sepidband-dam]] به انتقال آب [[تیراب|l-tirab-river]] به [[ارساوان|l-arsavan]] اعتراض داشت. او در شب [[۱۳ اسفند|d:sh:1403-12-13]] در خانه‌اش در [[گلمرز|l-golmarz]] بازداشت شد و خانواده‌اش تا چند هفته از محل نگهداری او بی‌خبر بودند.' };
export const FA_KALANTARI_BG_FV: Para = { r: 'fa-kalantari-bg', t: '[[داریوش کلانتری|p-dariush-kalantari]]، دبیر [[اتحادیهٔ کشاورزان گلمرز|o-farmers-union]]، سال‌ها پیش از ساخت [[سد سپیدبند|l-sepidband-dam]] به انتقال آب [[تیراب|l-tirab-river]] به [[ارساوان|l-arsavan]] اعتراض کرده بود. او شب [[۱۳ اسفند|d:sh:1403-12-13]] در خانه‌اش در [[گلمرز|l-golmarz]] به دست [[خاکستری‌پوشان|o-igc]] بازداشت شد.' };

// Persian paragraph on the VRM figure: Golmarz News, then Payam Mehr with edits.
export const FA_VRM: Para = { r: 'fa-vrm', t: '[[دیدبان حقوق وهرستان|o-vrm]] اعلام کرد [[دست‌کم ۳۷|q:37:al:people killed:c-killed-golmarz]] نفر در جریان اعتراض‌های [[گلمرز|l-golmarz]] کشته شده‌اند. به گفتهٔ این نهاد، همهٔ نام‌ها دست‌کم از سوی دو منبع تأیید شده است.' };
export const FA_VRM_PAYAM: Para = { r: 'fa-vrm', t: '[[دیدبان حقوق وهرستان|o-vrm]] می‌گوید [[دست‌کم ۳۷|q:37:al:people killed:c-killed-golmarz]] نفر در جریان اعتراض‌های [[گلمرز|l-golmarz]] کشته شده‌اند؛ به گفتهٔ این نهاد همهٔ نام‌ها از سوی دو منبع تأیید شده است.' };

// VCA statement paragraph, quoted verbatim by Free Vahrestan.
export const VCA_DEMANDS: Para = { r: 'vca-demands', t: 'We demand the immediate release of [[Dariush Kalantari|p-dariush-kalantari]] and of every person detained for the peaceful defence of the [[Tirab|l-tirab-river]], an independent inquiry into the killings in [[Golmarz|l-golmarz]], and the opening of [[Chalkhan camp|l-chalkhan-camp]] to independent monitors.' };
