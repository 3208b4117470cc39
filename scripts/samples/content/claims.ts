// Claims: checkable figures about one event, stated by several documents. The
// build fills `statements` from every quantity tagged with the claim id.
// `independentGroups` lists the documents that count separately: documents that
// only repeat (copy, quote or translate) one origin sit in that origin's group.
export interface ClaimMeta { id: string; about: string; unit: string; conflict: boolean; independentGroups: string[][]; note?: string }

const s = (p: string) => `samples/${p}`;

export const CLAIMS: ClaimMeta[] = [
  {
    id: 'c-detainees-chalkhan', about: 'people detained after the March 2025 Golmarz protests and held at Chalkhan camp', unit: 'people detained', conflict: true,
    note: 'VRM counts 4,000 (copied by the wire, the Herald, Vahrestan Today, Golmarz News, Payam Mehr and quoted by [[Free Vahrestan|o-free-vahrestan]]); [[Free Vahrestan|o-free-vahrestan]] counts 6,500; the Interior Minister says no more than 900.',
    independentGroups: [
      [s('reports/vrm-behind-the-wire-2025-06-10.pdf'), s('kelmar-wire/2025-04-15-rights-group-detainees.html'), s('text/kelmar-wire-rights-group-saved.txt'), s('arsavan-herald/2025-04-16-rights-group-4000-chalkhan.html'),
        s('arsavan-herald/2025-06-11-report-details-abuse-chalkhan.html'), s('vahrestan-today/minister-dismisses-inflated-detention-figures.html'), s('golmarz-news/didban-chahar-hezar.html'),
        s('payam-mehr/vazir-keshvar-amar.html'), s('payam-mehr/gozaresh-didban-chalkhan.html'), s('text/mosahebe-yeganeh.txt'), s('notes/golmarz-timeline.md'),
        s('free-vahrestan/6500-behind-the-wire.html'), s('free-vahrestan/vrm-report-confirms.html')],
      [s('free-vahrestan/6500-behind-the-wire.html'), s('free-vahrestan/vrm-report-confirms.html'), s('free-vahrestan-fa/shesh-hezar-o-pansad.html')],
      [s('vahrestan-today/minister-dismisses-inflated-detention-figures.html'), s('payam-mehr/vazir-keshvar-amar.html')],
    ],
  },
  {
    id: 'c-crowd-golmarz', about: 'size of the march in Golmarz on 2 March 2025', unit: 'people', conflict: true,
    note: 'a quarter-million ([[Free Vahrestan|o-free-vahrestan]], both editions) vs more than 100,000 ([[Kelmar Wire|o-kelmar-wire]], repeated by the Herald) vs some forty thousand (Vahrestan Today).',
    independentGroups: [
      [s('free-vahrestan/quarter-million-march-golmarz.html'), s('free-vahrestan-fa/rahpeymaie-golmarz.html')],
      [s('kelmar-wire/2025-03-02-golmarz-rally.html'), s('arsavan-herald/2025-03-03-golmarz-checkpoints.html')],
      [s('vahrestan-today/rioters-exploit-water-concerns-golmarz.html')],
    ],
  },
  {
    id: 'c-killed-golmarz', about: 'people killed during the Golmarz protests, March 2025', unit: 'people killed', conflict: false,
    note: 'all statements go back to the VRM count: "at least 37" and "37" agree.',
    independentGroups: [[s('reports/vrm-behind-the-wire-2025-06-10.pdf'), s('kelmar-wire/2025-04-15-rights-group-detainees.html'), s('text/kelmar-wire-rights-group-saved.txt'),
      s('arsavan-herald/2025-04-16-rights-group-4000-chalkhan.html'), s('arsavan-herald/2025-06-11-report-details-abuse-chalkhan.html'), s('golmarz-news/didban-chahar-hezar.html'), s('payam-mehr/gozaresh-didban-chalkhan.html')]],
  },
  {
    id: 'c-families-displaced', about: 'families moved out of the Tirab valley by the Sepidband dam', unit: 'families', conflict: false,
    note: '"about 1,200" and "1,200" agree; the governor’s statement (1 September 2025) and the wire background are separate sources.',
    independentGroups: [
      [s('kelmar-wire/2025-03-02-golmarz-rally.html'), s('arsavan-herald/2025-03-03-golmarz-checkpoints.html'), s('vahrestan-today/sepidband-dam-two-million.html')],
      [s('arsavan-herald/2025-09-02-governor-compensation.html'), s('golmarz-news/ostandar-gharamat.html'), s('payam-mehr/jobran-khesarat-tirab.html')],
    ],
  },
  {
    id: 'c-injured-golmarz', about: 'injured people treated at Golmarz General Hospital, 3 March 2025', unit: 'people injured', conflict: false,
    note: 'both statements quote Dr. Leila Rostami: one source.',
    independentGroups: [[s('arsavan-herald/2025-03-03-golmarz-checkpoints.html'), s('golmarz-news/dr-rostami-majrouhan.html')]],
  },
  {
    id: 'c-farmers-affected', about: 'farmers on the Tirab plain who lost water', unit: 'farmers', conflict: false,
    note: '«سی هزار» and «بیش از سی هزار» from the same outlet.',
    independentGroups: [[s('golmarz-news/farakhan-tajamo.html'), s('golmarz-news/salgard-golmarz-chalkhan.html')]],
  },
  {
    id: 'c-missing', about: 'people missing after arrest (Golmarz protests)', unit: 'people missing', conflict: false,
    independentGroups: [[s('reports/vrm-behind-the-wire-2025-06-10.pdf'), s('arsavan-herald/2025-06-11-report-details-abuse-chalkhan.html'), s('notes/golmarz-timeline.md')]],
  },
  {
    id: 'c-sentenced', about: 'defendants sentenced by Judge Varasteh in 2025', unit: 'people sentenced', conflict: false,
    independentGroups: [[s('arsavan-herald/2025-08-13-kalantary-jailed.html')]],
  },
];
