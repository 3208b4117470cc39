// Free Vahrestan: partisan opposition site (English edition). <time datetime>
// in the article header; pastes the same "Grey Coats" paragraph into articles.
import type { Article } from '../types.js';
import { FV_PASTE, VCA_DEMANDS, VRM_FINDING_FV } from './shared.js';

export const FREEV: Article[] = [
  {
    file: 'quarter-million-march-golmarz.html', outlet: 'freev', section: 'Golmarz', published: '2025-03-02', time: '20:00', author: 'Free Vahrestan newsroom',
    title: 'A quarter-million march in [[Golmarz|l-golmarz]] for their river',
    paras: [
      'It was the day [[Golmarz|l-golmarz]] stood up. [[A quarter-million|q:250000:ap:people:c-crowd-golmarz]] people — farmers, teachers, students, grandmothers with photographs of the river as it used to be — filled the road along the [[Tirab|l-tirab-river]] from the old bridge to the grain silos on [[Sunday|d:2025-03-02]].',
      'Our reporters on the ground counted marchers passing the bridge for more than four hours. The regime’s media will say there were a few thousand; the pictures say otherwise.',
      '“We are not asking for charity. We are asking for the water our grandfathers shared for three hundred years,” [[Dariush Kalantari|p-dariush-kalantari]] of the [[Golmarz Farmers’ Union|o-farmers-union]] told the crowd from the back of a tractor.',
      FV_PASTE,
    ],
    comments: [
      { name: 'Saman', when: '2 March 2025, 21:14', text: 'Proud of my city today.' },
      { name: 'Tirab farmer', when: '3 March 2025, 06:50', text: 'They are shooting at the bridge right now. Spread the word.' },
    ],
  },
  {
    file: 'kalantari-the-farmer-they-fear.html', outlet: 'freev', section: 'Prisoners', published: '2025-03-06', time: '15:30', author: 'Leyli Sarabi',
    title: '[[Dariush Kalantari|p-dariush-kalantari]]: the farmer the [[Grey Coats|o-igc]] fear',
    paras: [
      'Three days after his arrest, nobody will say where [[Daryoush Kalantari|p-dariush-kalantari]] is held. His crime, as far as anyone can tell, is to have spoken into a microphone on the bank of a river.',
      'Born in a village outside [[Golmarz|l-golmarz]] in [[1351|d:sh:1351]] (1972), [[Kalantari|p-dariush-kalantari]] left school at fourteen to work on his father’s land. He founded the [[farmers’ union|o-farmers-union]] with [[eleven|q:11:ex:people]] neighbours in [[2011|d:2011]]; today it claims [[some 9,000|q:9000:ap:members]] members.',
      'The [[Vahrestan Civic Alliance|o-vca]] ([[VCA|o-vca]]) said in its statement on [[4 March|d:2025-03-04]]: “Free them all.” Its demands, in its own words:',
      VCA_DEMANDS,
      FV_PASTE,
    ],
  },
  {
    file: '6500-behind-the-wire.html', outlet: 'freev', section: 'Special reports', published: '2025-04-20', time: '10:00', author: 'Free Vahrestan research team',
    title: '6,500 behind the wire: our count of the [[Chalkhan|l-chalkhan-camp]] detainees',
    paras: [
      'Over six weeks our volunteers collected the names of people taken to [[Chalkhan camp|l-chalkhan-camp]] since the [[Golmarz|l-golmarz]] uprising. Our count now stands at [[6,500|q:6500:ex:people detained:c-detainees-chalkhan]] — far more than the [[4,000|q:4000:ex:people detained:c-detainees-chalkhan]] reported by the [[Vahrestan Rights Monitor|o-vrm]] and many times the regime’s figure.',
      'The camp is run by Brigadier General [[Bahram Rostamy|p-bahram-rostami]], the [[Internal Guard Corps|o-igc]] commander in [[Ashgaran|l-ashgaran]]. Detainees say the general visited the camp in person at least twice in [[March|d:2025-03]]. [[Rostami|p-bahram-rostami]] has denied any mistreatment.',
      'Among the detainees is [[Hossein Rostami|p-hossein-rostami]], a 19-year-old agriculture student — no relation of the general — who was arrested on [[5 March|d:2025-03-05]]. A cellmate who was released [[last week|d:@lastweek]] said the young [[Rostami|p-hossein-rostami]] had been beaten during interrogation and had a broken wrist.',
      'Dr. [[Leyla Rostami|p-leila-rostami]], the [[Golmarz|l-golmarz]] emergency doctor who spoke out about the wounded in [[March|d:2025-03]], is not related to either of them. Dr. [[Rostami|p-leila-rostami]] was summoned for questioning on [[18 April|d:2025-04-18]] and released the same evening, colleagues said.',
      FV_PASTE,
    ],
  },
  {
    file: 'vrm-report-confirms.html', outlet: 'freev', section: 'Special reports', published: '2025-06-12', time: '09:00', author: 'Free Vahrestan newsroom',
    title: 'Rights report confirms what we told you about [[Chalkhan|l-chalkhan-camp]]',
    paras: [
      'The [[Vahrestan Rights Monitor|o-vrm]] report released on [[Tuesday|d:2025-06-10]] confirms what [[Free Vahrestan|o-free-vahrestan]] has reported since [[March|d:2025-03]]: torture, hunger and overcrowding at [[Chalkhan|l-chalkhan-camp]].',
      VRM_FINDING_FV,
      'The [[VRM|o-vrm]] still puts the number of detainees at [[4,000|q:4000:ex:people detained:c-detainees-chalkhan]]. Our own count, published in [[April|d:2025-04]], is [[6,500|q:6500:ex:people detained:c-detainees-chalkhan]], and we stand by it.',
      FV_PASTE,
    ],
  },
  {
    file: 'ten-years-for-defending-a-river.html', outlet: 'freev', section: 'Prisoners', published: '2025-08-13', time: '08:00', author: 'Leyli Sarabi',
    title: 'Ten years for defending a river',
    paras: [
      'A judge of the regime’s [[Special Security Court|o-special-security-court]] ([[SSC|o-special-security-court]]) [[yesterday|d:@-1]] sentenced [[Dariush Kalantari|p-dariush-kalantari]] to ten years in prison. The hearing was closed to the public; his family was kept outside the building.',
      'Judge [[Manouchehr Varasteh|p-manouchehr-varasteh]] is known in [[Ashgaran|l-ashgaran]] as “the ten-year judge”. [[Varasteh|p-manouchehr-varasteh]] has not acquitted a single protester this year.',
      '[[Golnar Kalantari|p-golnar-kalantari]] told [[Free Vahrestan|o-free-vahrestan]]: “My husband asked for water. They gave him a cell.”',
      FV_PASTE,
    ],
  },
];
