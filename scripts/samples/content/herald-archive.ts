// The Herald's tag page "Chalkhan camp": one HTML page holding four posts, each
// with its own title, author and date.
import type { ArchivePost } from '../types.js';

export const ARCHIVE: { crawl: string; posts: ArchivePost[] } = {
  crawl: '2026-11-20',
  posts: [
    {
      title: 'Minister orders “review” of [[Chalkhan|l-chalkhan-camp]] camp', published: '2025-07-01', author: 'Behzad Amini-Far',
      paras: [
        'Interior Minister [[Farhad Nikpour|p-farhad-nikpour]] said on [[Tuesday|d:2025-07-01]] he had asked inspectors to “review conditions” at [[Chalkhan camp|l-chalkhan-camp]], three weeks after a rights report described severe overcrowding there. He said the number of people held at the camp had fallen to “fewer than two hundred”.',
        'The [[Vahrestan Rights Monitor|o-vrm]] said the review should be carried out by inspectors independent of the [[Internal Guard Corps|o-igc]].',
      ],
    },
    {
      title: 'Student freed on bail from [[Chalkhan|l-chalkhan-camp]]', published: '2025-05-14', author: 'Nasim Farrokhi',
      paras: [
        '[[Hossein Rostami|p-hossein-rostami]], the 19-year-old student whose arrest in [[March|d:2025-03]] became a symbol of the crackdown in [[Golmarz|l-golmarz]], was released on bail [[yesterday|d:@-1]] after ten weeks at [[Chalkhan camp|l-chalkhan-camp]]. His family paid a bail of [[500 million|q:500000000:ex:rials]] rials.',
        'Friends said [[Rostami|p-hossein-rostami]] had lost weight and would not speak about his detention. He still faces charges of “assembly and collusion”.',
      ],
    },
    {
      title: 'Families wait at the gates of [[Chalkhan|l-chalkhan-camp]]', published: '2025-04-02', author: 'Roya Kamali',
      paras: [
        'Every morning since the [[second week of March|d:2025-03-08/2025-03-14]], a few dozen parents have gathered at the outer gate of [[Chalkhan camp|l-chalkhan-camp]], 20 kilometres east of [[Talvareh|l-talvareh]], holding photographs of their sons and daughters. Guards take the names, the parents say, but give no answers.',
        '“I bring warm clothes every Thursday. Sometimes they take them, sometimes they throw them back,” said a mother from [[Golmarz|l-golmarz]] who travelled 300 kilometres by bus.',
      ],
    },
    {
      title: 'What we know about [[Chalkhan|l-chalkhan-camp]]', published: '2025-03-20', author: 'Herald staff',
      paras: [
        '[[Chalkhan camp|l-chalkhan-camp]] was opened by the [[Internal Guard Corps|o-igc]] in [[July 1983|d:1983-07]] to hold strikers from the [[Talvareh|l-talvareh]] mines. It was officially closed in [[2004|d:2004]] and quietly reopened in [[2019|d:2019]], according to satellite images analysed by the [[Vahrestan Rights Monitor|o-vrm]].',
        'The camp is commanded by Gen. [[Bahram Rostami|p-bahram-rostami]], who also heads the [[IGC|o-igc]] in [[Ashgaran|l-ashgaran]] province. Families report that detainees from [[Golmarz|l-golmarz]] have been taken there since [[early March|d:2025-03-01/2025-03-10]].',
      ],
    },
  ],
};
