// Vahrestan Today: state-aligned English site; the publication date lives only
// in JSON-LD (NewsArticle.datePublished); the visible date bar is the crawl day.
import type { Article } from '../types.js';
import { WIRE_DAM_TODAY, WIRE_SENTENCE_TODAY, WIRE_VRM_1_TODAY } from './shared.js';

export const TODAY: Article[] = [
  {
    file: 'rioters-exploit-water-concerns-golmarz.html', outlet: 'today', section: 'Security', published: '2025-03-02', time: '22:10',
    lead: 'Officials say a peaceful gathering was hijacked by organised groups.',
    title: 'Rioters exploit water concerns in [[Golmarz|l-golmarz]], officials say',
    paras: [
      'A gathering of [[some forty thousand|q:40000:ap:people:c-crowd-golmarz]] residents of [[Golmarz|l-golmarz]], called to discuss water allocations from the [[Tirab River|l-tirab-river]], was hijacked on [[Sunday|d:2025-03-02]] afternoon by organised groups who attacked public buildings, provincial officials said.',
      'Brigadier General [[Bahram Rostami|p-bahram-rostami]], commander of the [[Internal Guard Corps|o-igc]] in [[Ashgaran|l-ashgaran]] province, who was sent to [[Golmarz|l-golmarz]] to support local police, said [[the Guard|o-igc]] had “shown maximum patience” and had used no live ammunition. “Those who burned the bank and the post office were not farmers,” he said.',
      'Officials said several of the organisers had been in contact with “opposition circles in [[Paris|l-paris]]”, a reference to the exiled [[Vahrestan Civic Alliance|o-vca]].',
      'The [[Tirab Water Authority|o-tirab-water]] has repeatedly explained that the river’s flow is shared fairly between farms and the drinking water needs of more than two million citizens in the capital.',
    ],
  },
  {
    file: 'order-restored-in-tirvan-minister.html', outlet: 'today', section: 'Politics', published: '2025-03-04', time: '19:30',
    title: 'Order restored in [[Tirvan|l-tirvan]], Interior Minister says',
    paras: [
      'Interior Minister [[Farhad Nikpour|p-farhad-nikpour]] said on [[Tuesday|d:2025-03-04]] that calm had returned to [[Golmarz|l-golmarz]] and other towns of [[Tirvan|l-tirvan]] province after two days of unrest, and thanked the security forces for their “discipline and restraint”.',
      'Mr. [[Nikpour|p-farhad-nikpour]] said that “a number of instigators” had been detained and would be dealt with by the courts. He urged citizens not to believe “the exaggerations of foreign-based media”.',
      'Speaking after a meeting of the provincial security council, he said that the government would set up a committee to study the water needs of [[Tirvan|l-tirvan]] farmers and report within three months.',
      'The [[National Renewal Front|o-nrf]] ([[NRF|o-nrf]]) parliamentary group issued a statement supporting the minister.',
    ],
  },
  {
    file: 'minister-dismisses-inflated-detention-figures.html', outlet: 'today', section: 'Politics', published: '2025-04-17', time: '13:00',
    lead: 'The ministry says the real figure is a fraction of what activists claim.',
    title: 'Minister dismisses “inflated” detention figures',
    paras: [
      'Interior Minister [[Farhad Nikpour|p-farhad-nikpour]] on [[Thursday|d:2025-04-17]] rejected figures published by activists on the number of people detained after the [[Golmarz|l-golmarz]] unrest, saying that [[no more than 900|q:900:am:people detained:c-detainees-chalkhan]] people had been detained in total and that most had already been freed.',
      WIRE_VRM_1_TODAY,
      '“This so-called monitor is funded from abroad and its numbers are invented,” the minister said. He said that the [[IGC|o-igc]] facility near [[Talvareh|l-talvareh]] was a “temporary holding centre” inspected by prosecutors every week.',
      'The minister also denied reports that Brigadier General [[Rostami|p-bahram-rostami]] had been reprimanded, calling the commander “a servant of the nation”.',
    ],
  },
  {
    file: 'sepidband-dam-two-million.html', outlet: 'today', section: 'Development', published: '2025-05-20', time: '09:00',
    title: '[[Sepidband Dam|l-sepidband-dam]] will bring water to two million, authority says',
    paras: [
      'The [[Tirab Water Authority|o-tirab-water]] ([[TWA|o-tirab-water]]) said on [[Tuesday|d:2025-05-20]] that the [[Sepidband Dam|l-sepidband-dam]] would supply drinking water to [[two million|q:2000000:ex:people]] people in [[Arsavan|l-arsavan]] and [[Hirkand|l-hirkand]] by the summer of [[2026|d:2026]].',
      WIRE_DAM_TODAY,
      'The authority’s director said new wells would be drilled for farmers in [[Tirvan|l-tirvan]], and that the first [[forty|q:40:ex:wells]] had already been completed. “No farmer will be left behind,” he said.',
      'The dam, the largest civil engineering project in [[Vahrestan|l-vahrestan]]’s history, was inaugurated in [[2023|d:2023]] by the President.',
    ],
  },
  {
    file: 'court-convicts-golmarz-riot-organiser.html', outlet: 'today', section: 'Security', published: '2025-08-12', time: '20:45',
    title: 'Court convicts [[Golmarz|l-golmarz]] riot organiser',
    paras: [
      WIRE_SENTENCE_TODAY,
      'The court found that [[Kalantary|p-dariush-kalantari]] had called residents to block the main bridge in [[Golmarz|l-golmarz]] and had been in contact with members of the [[Vahrestan Civic Alliance|o-vca]] abroad, the judiciary’s news service reported.',
      'The trial heard from [[eleven|q:11:ex:witnesses]] prosecution witnesses, including members of [[the Guard|o-igc]] injured on the bridge. The defence called none, saying its requests had been refused; the court said the requests had been filed late.',
      'Prosecutors said the unrest of [[2 and 3 March|d:2025-03-02/2025-03-03]] had caused damage worth [[more than 80 billion|q:80000000000:al:rials]] rials to public property.',
    ],
  },
  {
    file: 'mir-sadeghi-praises-reconstruction.html', outlet: 'today', section: 'Politics', published: '2025-09-15', time: '10:20',
    title: 'Ayatollah [[Mir-Sadeghi|p-javad-mirsadeghi]] praises reconstruction in [[Golmarz|l-golmarz]]',
    paras: [
      'Ayatollah [[Javad Mir-Sadeghi|p-javad-mirsadeghi]] visited [[Golmarz|l-golmarz]] on [[Sunday|d:2025-09-14]] and praised the reconstruction of the city’s bazaar, which was damaged during the unrest [[in March|d:2025-03]].',
      'The senior cleric met the governor of neighbouring [[Ashgaran|l-ashgaran]], [[Nader Seifollahi|p-nader-seyfollahi]], and representatives of local farmers, and called on all sides to “close this painful chapter”.',
      'The governor told the visitor that [[more than 300|q:300:al:shops]] shops had reopened and that the bridge over the [[Tirab|l-tirab-river]] would be repaired before winter. Farmers present raised the question of water allocations, the governor’s office said, without giving details.',
      'Ayatollah [[Mir-Sadeghi|p-javad-mirsadeghi]], whose sermon in [[March|d:2025-03]] had been widely quoted by foreign media, said that “the enemies of [[Vahrestan|l-vahrestan]] used the words of a clergyman for their own purposes”.',
    ],
  },
];
