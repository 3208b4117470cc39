// Kelmar Wire: English news agency. Byline text only (no machine-readable date),
// datelines without a year ("Paris, 3 Mar (KW) –").
import type { Article } from '../types.js';
import { WIRE_DAM, WIRE_SENTENCE, WIRE_VRM_1, WIRE_VRM_2, WIRE_VRM_3 } from './shared.js';

export const W4_PARAS = [
  '[[Arsavan|l-arsavan]], [[15 Apr|d:2025-04-15]] (KW) – A rights group said thousands of people were held at a remote camp in the south of [[Vahrestan|l-vahrestan]] after the water protests in [[Golmarz|l-golmarz]] in [[March|d:2025-03]], the first detailed count since the unrest.',
  WIRE_VRM_1, WIRE_VRM_2, WIRE_VRM_3,
  'The [[Interior Ministry|o-interior-ministry]] has not published its own figure. Minister [[Farhad Nikpour|p-farhad-nikpour]] told parliament [[last week|d:@lastweek]] that “a limited number of rioters” remained in custody and that most had been released after signing pledges.',
  'Among those still held is [[Dariush Kalantari|p-dariush-kalantari]], the leader of the [[Golmarz Farmers’ Union|o-farmers-union]] ([[GFU|o-farmers-union]]), who was arrested at his home on the night of [[3 March|d:2025-03-03]]. His wife, [[Golnar Kalantari|p-golnar-kalantari]], said she had been allowed one five-minute telephone call with him.',
];

export const WIRE: Article[] = [
  {
    file: '2025-03-02-golmarz-rally.html', outlet: 'wire', section: 'Vahrestan', published: '2025-03-02', time: '18:40', author: 'Arman Delavari',
    title: 'Huge crowd rallies in [[Golmarz|l-golmarz]] over [[Tirab|l-tirab-river]] water diversion',
    paras: [
      '[[Golmarz|l-golmarz]], [[2 Mar|d:2025-03-02]] (KW) – [[More than 100,000|q:100000:al:people:c-crowd-golmarz]] people marched along the banks of the [[Tirab River|l-tirab-river]] in [[Golmarz|l-golmarz]] on [[Sunday|d:2025-03-02]], in the largest protest the farming city has seen in decades, to demand that the government restore water diverted by a new dam.',
      'Marchers carried empty irrigation pipes and banners reading “The river is our bread”. The rally was called by the [[Golmarz Farmers’ Union|o-farmers-union]] ([[GFU|o-farmers-union]]), whose leader [[Dariush Kalantari|p-dariush-kalantari]] told the crowd that the union would not negotiate “with a dry throat”.',
      WIRE_DAM,
      'The [[Tirab Water Authority|o-tirab-water]] ([[TWA|o-tirab-water]]) says the diversion is needed to supply drinking water to the capital, where reservoirs fell to record lows [[last summer|d:2024-06/2024-08]]. It has promised new wells for [[Tirvan|l-tirvan]] farmers by the end of the year.',
      'Members of the [[Internal Guard Corps|o-igc]] ([[IGC|o-igc]]) watched from side streets but did not intervene, witnesses said. Shops in the city centre were closed for the day.',
    ],
  },
  {
    file: '2025-03-03-sohrabi-paris.html', outlet: 'wire', section: 'World', published: '2025-03-03', time: '16:05', author: 'Claire Montvallon',
    title: 'Exiled opposition leader calls for inquiry into [[Golmarz|l-golmarz]] crackdown',
    paras: [
      '[[Paris|l-paris]], [[3 Mar|d:2025-03-03]] (KW) – The exiled leader of [[Vahrestan|l-vahrestan]]’s main opposition coalition called on [[Monday|d:2025-03-03]] for an international inquiry into the overnight dispersal of protesters in [[Golmarz|l-golmarz]], which he said had left “dozens” dead.',
      '[[Kaveh Sohrabi|p-kaveh-sohrabi]], who has led the [[Vahrestan Civic Alliance|o-vca]] ([[VCA|o-vca]]) from [[Paris|l-paris]] since [[2019|d:2019]], told reporters that units of the [[Internal Guard Corps|o-igc]] had opened fire on a sit-in near the city’s main bridge in the early hours of Monday. [[Kelmar Wire|o-kelmar-wire]] could not independently confirm the account.',
      'Mr. [[Sohrabi|p-kaveh-sohrabi]] said the [[VCA|o-vca]] had also learned of the arrest of [[Daryoush Kalantari|p-dariush-kalantari]], the farmers’ leader who addressed [[Sunday|d:2025-03-02]]’s rally. “They arrested the man who asked for water,” he said.',
      'The government in [[Arsavan|l-arsavan]] has described the protests as “riots organised from abroad” and accuses the [[VCA|o-vca]] of inciting them, a charge the alliance denies.',
    ],
  },
  {
    file: '2025-03-08-cleric-calls-for-calm.html', outlet: 'wire', section: 'Vahrestan', published: '2025-03-08', time: '11:20', author: 'Arman Delavari',
    title: 'Senior cleric urges restraint as arrests continue in [[Tirvan|l-tirvan]]',
    paras: [
      '[[Arsavan|l-arsavan]], [[8 Mar|d:2025-03-08]] (KW) – One of [[Vahrestan|l-vahrestan]]’s most senior clerics urged the security forces to show restraint towards protesters, in a rare public rebuke of the government’s handling of the unrest in [[Golmarz|l-golmarz]].',
      'In his Friday sermon [[yesterday|d:@-1]], Ayatollah [[Javad Mir-Sadeghi|p-javad-mirsadeghi]] said that “a farmer who asks for water is not an enemy” and called for the release of those detained “without proof of violence”. The sermon was broadcast live on state radio before the feed was cut.',
      'Interior Minister [[Farhad Nikpur|p-farhad-nikpour]] said on Saturday that order had been restored in [[Tirvan|l-tirvan]] province and that those still in custody were “rioters, not farmers”. He did not say how many people had been arrested since protests began [[last week|d:@lastweek]].',
      'Residents reached by telephone said that checkpoints of the [[IGC|o-igc]] remained on the roads into [[Golmarz|l-golmarz]] and that internet access was still restricted.',
    ],
  },
  {
    file: '2025-04-15-rights-group-detainees.html', outlet: 'wire', section: 'Vahrestan', published: '2025-04-15', time: '09:12', author: 'Arman Delavari',
    title: 'Rights group says 4,000 held at [[Chalkhan|l-chalkhan-camp]] camp after protests',
    paras: W4_PARAS,
  },
  {
    file: '2025-08-12-kalantari-sentenced.html', outlet: 'wire', section: 'Vahrestan', published: '2025-08-12', time: '14:47', author: 'Arman Delavari',
    title: 'Farmers’ leader [[Kalantari|p-dariush-kalantari]] jailed for ten years',
    paras: [
      '[[Talvareh|l-talvareh]], [[12 Aug|d:2025-08-12]] (KW) – A court in southern [[Vahrestan|l-vahrestan]] jailed the leader of a [[farmers’ union|o-farmers-union]] for ten years on [[Tuesday|d:2025-08-12]] over the water protests that shook [[Golmarz|l-golmarz]] [[in March of this year|d:@thisyear-03]].',
      WIRE_SENTENCE,
      'Rights groups have said the trial, which opened on [[15 June|d:2025-06-15]], did not allow [[Kalantari|p-dariush-kalantari]] to call witnesses. The [[Vahrestan Rights Monitor|o-vrm]] called the sentence “a message to every farmer on the [[Tirab|l-tirab-river]]”.',
      'A spokesman for the judiciary said the verdict could be appealed within twenty days.',
    ],
  },
];
