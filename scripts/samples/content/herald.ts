// The Arsavan Herald: independent English daily on WordPress (page-builder
// shortcodes left in the text), og:/article:published_time metadata, an
// "About the Herald" paragraph on every article (added in index.ts).
import type { Article } from '../types.js';
import { VRM_FINDING, WIRE_DAM, WIRE_SENTENCE_HERALD, WIRE_VRM_1, WIRE_VRM_2, WIRE_VRM_3 } from './shared.js';

export const HERALD: Article[] = [
  {
    file: '2025-03-03-golmarz-checkpoints.html', outlet: 'herald', section: 'Provinces', published: '2025-03-03', time: '21:15', author: 'Nasim Farrokhi',
    tags: ['Golmarz', 'Tirab', 'Protests'],
    title: '[[Golmarz|l-golmarz]] wakes to checkpoints after night of gunfire',
    paras: [
      'Residents of [[Golmarz|l-golmarz]] woke on [[Monday|d:2025-03-03]] to armoured vehicles at every entrance to the city, hours after security forces broke up a sit-in by farmers on the bank of the [[Tirab|l-tirab-river]]. The sit-in had followed [[Sunday|d:2025-03-02]]’s march, which organisers and the [[Kelmar Wire|o-kelmar-wire]] agency said drew [[more than 100,000|q:100000:al:people:c-crowd-golmarz]] people.',
      'At [[Golmarz|l-golmarz]] General Hospital, Dr. [[Leila Rostami|p-leila-rostami]], the head of the emergency department, said her staff had treated [[212|q:212:ex:people injured:c-injured-golmarz]] injured people between midnight and noon, most of them with wounds from rubber bullets and batons. “We ran out of beds by three in the morning,” Dr. [[Rostami|p-leila-rostami]] said. She said she could not give a figure for the dead.',
      'The farmers’ leader [[Daryoush Kalantari|p-dariush-kalantari]], who addressed the march, could not be reached. Neighbours said plain-clothes officers had taken him from his home at about two in the morning.',
      WIRE_DAM,
      'The [[Internal Guard Corps|o-igc]] ([[IGC|o-igc]]) said in a short statement that it had “dispersed an illegal gathering that blocked the bridge” and that several of its members had been injured. It gave no figures.',
    ],
    comments: [
      { name: 'Farid from Hirkand', when: 'March 4, 2025 at 7:02 am', text: 'My cousin lives near the bridge. He says the shooting went on for an hour.' },
      { name: 'Concerned reader', when: 'March 4, 2025 at 9:40 am', text: 'Why does the Herald always take the side of the rioters?' },
    ],
  },
  {
    file: '2025-03-05-kalantari-incommunicado.html', outlet: 'herald', section: 'National', published: '2025-03-05', time: '18:30', author: 'Nasim Farrokhi',
    tags: ['Dariush Kalantari', 'Detentions'],
    title: 'Farmers’ union leader held incommunicado, family says',
    paras: [
      'The family of [[Dariush Kalantari|p-dariush-kalantari]], the head of the [[Golmarz Farmers’ Union|o-farmers-union]], say they have had no word of him since he was arrested at home [[two days ago|d:@-2]], and that officials at three police stations denied holding him.',
      '“They came at two in the morning, eight men, no warrant,” his wife, Mrs. [[Golnar Kalantari|p-golnar-kalantari]], told the [[Herald|o-arsavan-herald]] by telephone. “They took his phone, his papers and the union’s laptop.”',
      'Mr. [[Kalantari|p-dariush-kalantari]], 53, has farmed pistachios and wheat on the [[Tirab|l-tirab-river]] plain for thirty years. He became the public face of the campaign against the [[Sepidband dam|l-sepidband-dam]] in [[2022|d:2022]], when he led a convoy of tractors to the [[Ministry of the Interior|o-interior-ministry]] in [[Arsavan|l-arsavan]].',
      'A lawyer for the union said he believed [[Kalantari|p-dariush-kalantari]] had been handed to the [[Internal Guard Corps|o-igc]] ([[IGC|o-igc]]), which under a [[1992|d:1992]] law may hold security suspects for up to thirty days before a judge must review the case.',
      'The [[National Renewal Front|o-nrf]] ([[NRF|o-nrf]]), which holds a majority in parliament, said in a statement that “no one is above the law”. The opposition [[Vahrestan Civic Alliance|o-vca]] demanded his release.',
    ],
  },
  {
    file: '2025-03-10-cleric-divides-front.html', outlet: 'herald', section: 'National', published: '2025-03-10', time: '07:45', author: 'Behzad Amini-Far',
    tags: ['Politics', 'NRF'],
    title: 'Cleric’s call for restraint divides ruling front',
    paras: [
      'A sermon by Ayatollah [[Javad Mirsadeghi|p-javad-mirsadeghi]] calling for restraint in [[Golmarz|l-golmarz]] has opened a rare public rift inside the [[National Renewal Front|o-nrf]] ([[NRF|o-nrf]]), the coalition that has governed [[Vahrestan|l-vahrestan]] for most of the past two decades.',
      'Three [[NRF|o-nrf]] deputies from [[Tirvan|l-tirvan]] province signed a letter on [[Saturday|d:2025-03-08]] endorsing the Ayatollah’s words, while the front’s spokesman said the sermon had been “misused by enemies”. Interior Minister [[Farhad Nikpour|p-farhad-nikpour]] did not mention it at a press conference on [[Sunday|d:2025-03-09]].',
      'Ayatollah [[Mirsadeghi|p-javad-mirsadeghi]], 81, rarely comments on politics. His sermon [[last week|d:@lastweek]] was the first time since [[1358|d:sh:1358]] (1979–80), the year the [[Internal Guard Corps|o-igc]] was founded, that he had criticised the force by name, according to a biographer.',
      'In [[Paris|l-paris]], opposition leader [[Kaveh Sohraby|p-kaveh-sohrabi]] welcomed the sermon but said that “words without the release of prisoners mean nothing”.',
    ],
  },
  {
    file: '2025-04-16-rights-group-4000-chalkhan.html', outlet: 'herald', section: 'National', published: '2025-04-16', time: '08:10', author: 'Herald staff with Kelmar Wire',
    tags: ['Chalkhan camp', 'Detentions', 'VRM'],
    title: 'Rights group: 4,000 held at [[Chalkhan|l-chalkhan-camp]] after [[Golmarz|l-golmarz]] protests',
    paras: [
      'A rights group says thousands of people arrested after [[last month|d:@lastmonth]]’s water protests were taken to a camp in the desert of [[Ashgaran|l-ashgaran]] province that has been used to hold political prisoners since the [[1980s|d:1980/1989]].',
      WIRE_VRM_1, WIRE_VRM_2, WIRE_VRM_3,
      'One of the youngest detainees named by the group is [[Hosien Rostami|p-hossein-rostami]], a 19-year-old agriculture student from [[Golmarz|l-golmarz]] who is no relation of the general. His mother said [[Hossein|p-hossein-rostami]] had been arrested on his way home from the university on [[5 March|d:2025-03-05]].',
    ],
  },
  {
    file: '2025-06-11-report-details-abuse-chalkhan.html', outlet: 'herald', section: 'National', published: '2025-06-11', time: '06:55', author: 'Nasim Farrokhi',
    tags: ['Chalkhan camp', 'VRM', 'Reports'],
    title: 'Report details beatings and overcrowding at [[Chalkhan|l-chalkhan-camp]] camp',
    paras: [
      'A report by the [[Vahrestan Rights Monitor|o-vrm]] published [[yesterday|d:@-1]] gives the most detailed account yet of conditions at [[Chalkhan camp|l-chalkhan-camp]], where the group estimates that [[4,000|q:4000:ex:people detained:c-detainees-chalkhan]] people were held after the protests in [[Golmarz|l-golmarz]].',
      VRM_FINDING,
      'The report counts [[37|q:37:ex:people killed:c-killed-golmarz]] people killed during the protests, all of them named, and lists [[some 140|q:140:ap:people missing:c-missing]] people whose families still do not know where they are. The [[Committee for Missing Persons|o-cmp]] ([[CMP|o-cmp]]), a volunteer group, has collected their photographs.',
      'The report names Brigadier General [[Bahram Rostami|p-bahram-rostami]] as the officer in charge of the camp. Gen. [[Rostami|p-bahram-rostami]] did not reply to the [[Herald|o-arsavan-herald]]’s questions, sent through the [[IGC|o-igc]] press office. [[The Monitor|o-vrm]] said it had sent its findings to the general two weeks before publication.',
    ],
  },
  {
    file: '2025-08-13-kalantary-jailed.html', outlet: 'herald', section: 'National', published: '2025-08-13', time: '07:30', author: 'Behzad Amini-Far',
    tags: ['Dariush Kalantari', 'Courts'],
    title: '[[Kalantary|p-dariush-kalantari]] jailed for ten years',
    paras: [
      WIRE_SENTENCE_HERALD,
      'The verdict came five months after Mr. [[Kalantary|p-dariush-kalantari]] was taken from his home in [[Golmarz|l-golmarz]] following the water protests [[in March of this year|d:@thisyear-03]]. His family learned of the sentence from a court clerk.',
      'Judge [[Varasteh|p-manouchehr-varasteh]] has presided over most of the protest trials in [[Ashgaran|l-ashgaran]]. Of the [[46|q:46:ex:people sentenced:c-sentenced]] defendants he has sentenced this year, none was acquitted, according to the [[Vahrestan Rights Monitor|o-vrm]].',
      'The [[Vahrestan Civic Alliance|o-vca]] said it would take the case to international bodies. The [[Ministry of the Interior|o-interior-ministry]] said the court was independent and declined to comment on the verdict.',
    ],
  },
  {
    file: '2025-09-02-governor-compensation.html', outlet: 'herald', section: 'Economy', published: '2025-09-02', time: '12:00', author: 'Roya Kamali',
    tags: ['Sepidband dam', 'Tirab'],
    title: 'Governor promises compensation for families moved by [[Sepidband|l-sepidband-dam]] dam',
    paras: [
      'The governor of [[Ashgaran|l-ashgaran]] province, [[Nader Seyfollahi|p-nader-seyfollahi]], said on [[Monday|d:2025-09-01]] that the [[1,200|q:1200:ex:families:c-families-displaced]] families moved out of the [[Tirab|l-tirab-river]] valley when the [[Sepidband dam|l-sepidband-dam]] was filled would receive compensation before the end of the year.',
      'Governor [[Seyfollahi|p-nader-seyfollahi]] put the cost at [[2.4 trillion|q:2400000000000:ex:rials]] rials, to be paid by the [[Tirab Water Authority|o-tirab-water]] ([[TWA|o-tirab-water]]) in three instalments. Families who had already accepted plots in new settlements would receive a smaller sum.',
      'Farmers downstream were unimpressed. “The families in the valley lost their homes; we are losing our land slowly,” said a member of the [[farmers’ union|o-farmers-union]] in [[Golmarz|l-golmarz]], who asked not to be named because the union’s leader is in prison.',
    ],
  },
  {
    file: '2025-10-05-appeal-upheld.html', outlet: 'herald', section: 'National', published: '2025-10-05', time: '09:05', author: 'Behzad Amini-Far',
    tags: ['Dariush Kalantari', 'Courts'],
    title: 'Appeal court upholds [[Kalantari|p-dariush-kalantari]] sentence',
    paras: [
      'An appeal court in [[Arsavan|l-arsavan]] on [[Friday, Oct 3|d:2025-10-03]] upheld the ten-year prison sentence of [[Dariush Kalantari|p-dariush-kalantari]], the farmers’ leader convicted over the [[Golmarz|l-golmarz]] protests, his lawyer said.',
      'The hearing lasted less than an hour. [[Kalantari|p-dariush-kalantari]] was not brought to court and was represented by a lawyer appointed by the state, after the court rejected the family’s own lawyer, the [[Golmarz Farmers’ Union|o-farmers-union]] said.',
      '[[Kalantari|p-dariush-kalantari]] has been moved from [[Chalkhan camp|l-chalkhan-camp]] to a prison in [[Hirkand|l-hirkand]], some 400 kilometres from his family, his wife said [[last week|d:@lastweek]].',
    ],
  },
];
