// Generic words of organization names in the languages their romanized names
// come from (Persian, Arabic, Turkish, Russian, Spanish, French, German), mapped to
// one English word, so that "Sherkat Naft Pars" and "Pars Oil Company", or "Bonyad
// Shahid" and "Shahid Foundation", share their words. Written for Daftar from
// general knowledge of these languages, not taken from any data set. Proper names
// ("Pars", "Shahid") are left as they are.

/**
 * English word -> romanized equivalents (folded, lower case). Left out on purpose:
 * "Islamic" (islami, islamiya), "Movement" (harakat, tehrik) and "Charitable"
 * (khayriya): these words head the names of many distinct groups and their
 * romanizations already meet by spelling; read as English words they made more
 * such groups look alike (measured on the OFAC dev pairs: fewer right matches than
 * wrong ones gained).
 */
const GLOSSARY: Record<string, string[]> = {
  // Legal forms and words for "company" that carry no identity (dropped, like "company").
  company: ['shirkat', 'sharikat', 'sharikah', 'sharika', 'sherkati', 'kompaniya', 'kompaniia', 'compania', 'compagnie', 'empresa', 'sirketi', 'sirket', 'firma'],
  foundation: ['bonyad', 'bonyade', 'bunyad', 'muassasat', 'muassasa', 'muassasah', 'moassese', 'moasseseh', 'stiftelse', 'stichting', 'stiftung', 'fundacion', 'fondation', 'fond', 'fonds', 'institution', 'institute', 'institut', 'instituto'],
  society: ['association', 'jamiyat', 'jamiyah', 'jamiya', 'jameat', 'jamiat', 'anjoman', 'anjuman', 'asociacion', 'association', 'verein', 'dernegi', 'obshchestvennaya'],
  national: ['melli', 'meli', 'milli', 'wataniya', 'wataniyah', 'nacional', 'natsionalny', 'natsionalnyi', 'natsionalnaya', 'nationale', 'nacionalnoye', 'natsionalnoye'],
  revolution: ['revolutionary', 'enghelab', 'enqelab', 'inqilab', 'enghelabi', 'enqelabi', 'thawra', 'thawrat', 'revolucion', 'revolucionario', 'revolutionnaire'],
  army: ['jaysh', 'jaish', 'jeish', 'jish', 'lashkar', 'lashkare', 'artesh', 'ejercito', 'armee', 'armiya'],
  front: ['jabhat', 'jabha', 'jabhah', 'jebhe', 'jebheh', 'frente', 'fronte'],
  council: ['majlis', 'majles', 'shura', 'shoura', 'showra', 'shora', 'sovet', 'consejo', 'conseil'],
  committee: ['lajnat', 'lajna', 'lajnah', 'komitet', 'komite', 'comite', 'comision', 'commission', 'komiteh', 'komiteye'],
  oil: ['naft', 'neft', 'nafta', 'petroleum', 'petrol', 'petroleo', 'petrole'],
  chemical: ['shimi', 'shimiai', 'shimiyai', 'kimya', 'kimyawiya', 'khimicheskiy', 'khimicheskaya', 'quimica', 'quimicos', 'chimie', 'chimique', 'chemie', 'chemicals'],
  petrochemical: ['petroshimi', 'petrochemie', 'petroquimica', 'neftekhimiya', 'neftekhimicheskiy', 'petrochemicals'],
  industry: ['industries', 'industrial', 'sanaye', 'sanayi', 'sanayii', 'sanat', 'sanate', 'sinaat', 'sinaa', 'sinaiya', 'promyshlennost', 'promyshlennyi', 'industria', 'industrias', 'industrie', 'industriel'],
  trade: ['trading', 'commerce', 'commercial', 'tejarat', 'tejarati', 'tijara', 'tijarah', 'tijariya', 'tijariyah', 'tijarat', 'bazargani', 'bazergani', 'basargani', 'torgovy', 'torgovyi', 'torgovaya', 'torgovyy', 'comercial', 'comercio', 'ticaret', 'handel', 'handels'],
  bank: ['banco', 'banque', 'banka', 'bankasi', 'masraf'],
  development: ['tosee', 'tose', 'toseeh', 'towse', 'towseeh', 'towsee', 'tanmiya', 'tanmiyah', 'tanmia', 'razvitiya', 'razvitiye', 'desarrollo', 'developpement', 'kalkinma'],
  investment: ['investments', 'istithmar', 'istithmarat', 'investitsii', 'investitsionnaya', 'investitsionnyi', 'inversiones', 'inversion', 'yatirim', 'investissement'],
  exchange: ['sarrafi', 'sarafi', 'sarrafie', 'sirafa', 'sarrafa', 'sarrafat', 'cambio', 'change', 'doviz'],
  services: ['service', 'khadamat', 'khedmat', 'khidmat', 'khidamat', 'servicios', 'servicio', 'hizmetleri', 'uslugi'],
  shipping: ['kashtirani', 'keshtirani', 'keshtiranie', 'kashtiraniye', 'milaha', 'navigation', 'naviera', 'sudokhodnaya', 'sudokhodstvo'],
  airline: ['airlines', 'airways', 'havapeymayi', 'havapeymaei', 'havapeyma', 'aviakompaniya', 'aerolinea', 'aerolineas'],
  group: ['goruh', 'gorouh', 'grupo', 'gruppa', 'groupe', 'majmuat', 'majmuah', 'majmoue', 'gruppe', 'grubu'],
  center: ['centre', 'markaz', 'markaze', 'tsentr', 'centro'],
  organization: ['organisation', 'sazman', 'sazmane', 'sazeman', 'munazzamat', 'munazzama', 'munadama', 'munadamat', 'munazamat', 'organizacion', 'organizatsiya', 'teskilati'],
  ministry: ['vezarat', 'vezarate', 'wizarat', 'wizara', 'wizarah', 'ministerstvo', 'ministerio', 'ministere', 'bakanligi'],
  brigade: ['brigades', 'liwa', 'kataib', 'katibat', 'katiba', 'khataib', 'brigada', 'brigadas'],
  state: ['dawlat', 'dawla', 'dowlat', 'dolat', 'dolati', 'dowlati', 'gosudarstvenny', 'gosudarstvennyi', 'gosudarstvennaya', 'estado', 'etat', 'devlet'],
  republic: ['jomhouri', 'jomhuri', 'jumhuriya', 'jumhuriyah', 'jumhuriyat', 'respublika', 'respubliki', 'republica', 'republique', 'cumhuriyeti'],
  engineering: ['mohandesi', 'handasa', 'handasiya', 'ingenieria', 'ingenierie', 'inzhiniring', 'muhendislik'],
  construction: ['sakhtemani', 'sakhteman', 'sakhtemaan', 'binaa', 'construccion', 'construcciones', 'stroitelnaya', 'stroitelstvo', 'insaat'],
  plant: ['factory', 'zavod', 'karkhaneh', 'karkhane', 'fabrika', 'fabrica', 'usine', 'masna'],
  mining: ['madan', 'madani', 'madeni', 'madencilik', 'mineria', 'gornodobyvayushchaya'],
  international: ['intl', 'beynolmelal', 'beinolmelal', 'beynolmelali', 'beinolmelali', 'dawli', 'dawliya', 'dawliyah', 'duwali', 'mezhdunarodny', 'mezhdunarodnyi', 'mezhdunarodnaya', 'internacional', 'uluslararasi'],
  television: ['tv', 'televizion', 'televizyon', 'television', 'televidenie'],
  gold: ['golden', 'tala', 'talaye', 'dhahab', 'dhahabi', 'zahab', 'zahabi', 'zoloto', 'oro', 'altin'],
  technology: ['technologies', 'tekhnologii', 'tekhnologiya', 'tecnologia', 'tecnologias', 'teknoloji', 'fanavari', 'fanavar'],
  security: ['amniyat', 'amniat', 'amniyati', 'amn', 'bezopasnosti', 'bezopasnost', 'seguridad', 'securite', 'guvenlik'],
  guards: ['guard', 'pasdaran', 'pasdar', 'guardia', 'garde'],
  corps: ['sepah', 'sepahe', 'sipah', 'faylaq', 'korpus'],
  force: ['forces', 'niru', 'niroo', 'niruye', 'nirooye', 'niruhaye', 'quwwat', 'quwat', 'quwa', 'sily', 'fuerza', 'fuerzas', 'kuvvetleri'],
  aerospace: ['havafaza', 'havafazaye', 'aerokosmicheskiye', 'aeroespacial'],
  east: ['eastern', 'shargh', 'shargh', 'sharq', 'sharqi', 'sharghi', 'mashriq', 'vostok', 'vostochny', 'este', 'orient', 'oriental', 'dogu'],
  west: ['western', 'gharb', 'gharbi', 'maghrib', 'zapad', 'zapadny', 'oeste', 'ouest', 'bati'],
  south: ['southern', 'jonub', 'jonoub', 'janub', 'janubi', 'jonubi', 'yug', 'yuzhny', 'sur', 'guney'],
  north: ['northern', 'shomal', 'shomali', 'shamal', 'shamali', 'sever', 'severny', 'norte', 'nord', 'kuzey'],
  relief: ['aid', 'help', 'assistance', 'emdad', 'imdad', 'ighatha', 'ighathat', 'yardim', 'hilfe', 'secours', 'socorro', 'pomoshch'],
  support: ['poshtibani', 'poshtibanie', 'daam', 'apoyo', 'soutien', 'podderzhka', 'destek'],
  reconstruction: ['rebuilding', 'renewal', 'renovation', 'bazsazi', 'nosazi', 'imar', 'reconstruccion', 'vosstanovleniye'],
  headquarters: ['setad', 'setade', 'qarargah', 'gharargah', 'ghararghah', 'qiyada', 'shtab', 'sede'],
  preaching: ['call', 'invitation', 'dawa', 'dawah', 'dawat', 'davat', 'tabligh'],
  popular: ['people', 'peoples', 'shabi', 'shaabi', 'shabiya', 'shaabiya', 'mardomi', 'mardom', 'narodny', 'narodnyi', 'narodnaya', 'pueblo'],
  freedom: ['liberation', 'azadi', 'azadiya', 'azadiye', 'hurriya', 'hurriyah', 'hurriyat', 'tahrir', 'libertad', 'liberation', 'svoboda', 'ozgurluk'],
  party: ['hezb', 'hizb', 'partiya', 'partido', 'parti', 'partei'],
  union: ['ettehadieh', 'ettehadiyeh', 'ettehad', 'ittihad', 'itihad', 'ittihaad', 'soyuz', 'sindicato', 'birligi'],
  martyrs: ['martyr', 'shohada', 'shuhada', 'shahada'],
  repair: ['repairs', 'maintenance', 'remont', 'remontny', 'remontnyi', 'tamirat', 'nagahdari', 'negahdari', 'reparacion'],
  drilling: ['bureniye', 'burenie', 'haffari', 'perforacion', 'sondaj'],
  coal: ['ugol', 'ugolnye', 'ugolnaya', 'zoghal'],
  machinery: ['machine', 'machines', 'mashin', 'mashinsazi', 'maquinaria', 'makine'],
  electric: ['electricity', 'electrical', 'electronics', 'electronic', 'bargh', 'barq', 'kahraba', 'kahrabaiya', 'elektro', 'electrica', 'electronica'],
  steel: ['foolad', 'fulad', 'pulad', 'stal', 'stahl', 'staal', 'acero', 'celik'],
  insurance: ['bimeh', 'bime', 'strakhovaya', 'seguros', 'sigorta'],
  transport: ['transportation', 'haml', 'naql', 'naqliyat', 'transportnaya', 'transporte', 'nakliyat'],
  sea: ['marine', 'maritime', 'bahri', 'bahriya', 'bahriyya', 'bahriyyah', 'daryaei', 'daryai', 'morskoy', 'maritima', 'maritimo', 'deniz', 'denizcilik'],
  export: ['exports', 'saderat', 'saderati', 'sadirat', 'tasdir', 'eksport', 'eksporta', 'exportacion', 'exportaciones', 'ihracat'],
  import: ['imports', 'varedat', 'varedati', 'istirad', 'istiradat', 'importacion', 'ithalat'],
  production: ['manufacturing', 'manufacture', 'producers', 'tolid', 'tolidi', 'intaj', 'proizvodstvo', 'proizvodstvennoye', 'produccion', 'uretim'],
  province: ['provincial', 'wilayat', 'wilayah', 'wilaya', 'velayat', 'ostan', 'ostane', 'oblast', 'oblasti', 'provincia'],
  central: ['markazi', 'markazy', 'wasat', 'tsentralny', 'tsentralnyi', 'tsentralnaya', 'merkez'],
  economic: ['economy', 'eqtesad', 'eqtesadi', 'iqtisad', 'iqtisadi', 'iqtisadiya', 'ekonomika', 'ekonomicheskiy', 'economico', 'economica', 'ekonomi'],
  jewelry: ['jewellery', 'jewelers', 'javaherat', 'javaheri', 'mujawharat', 'kuyumculuk', 'kuyumcu', 'yuvelirny', 'joyeria'],
  news: ['akhbar', 'khabar', 'khabari', 'novosti', 'noticias'],
  agency: ['khabargozari', 'agentstvo', 'agencia', 'agence', 'ajansi', 'wakala', 'wakalat'],
};

const canonical = new Map<string, string>();
for (const [english, words] of Object.entries(GLOSSARY)) {
  canonical.set(english, english);
  for (const w of words) if (!canonical.has(w)) canonical.set(w, english);
}

/** Words that mean "company" and, like legal forms, say nothing about which one. */
export function isCompanyWord(folded: string): boolean {
  return canonical.get(folded) === 'company';
}

/**
 * The English word a folded generic word of an organization name stands for, or the
 * word itself: orgGlossaryWord("naft") -> "oil", orgGlossaryWord("pars") -> "pars".
 */
export function orgGlossaryWord(folded: string): string {
  return canonical.get(folded) ?? folded;
}
