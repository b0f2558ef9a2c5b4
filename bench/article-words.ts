/** Word banks for generated articles: everyday English that Apertium's dictionaries know, plus the glossary's terms. */
export const words = {
  places: ['Chongqing', 'Liangjiang', 'Yuelai', 'the Liangjiang New Area', 'Yuelai International Convention and Exhibition City', 'China', 'the city centre', 'the river port', 'the new district', 'the old town'],
  organisations: ['the China Industrial Design Association', 'the city government', 'the local design centre', 'a small software company', 'the university', 'the port authority', 'a group of young engineers', 'the main car factory', 'the regional bank', 'the tourism office'],
  adjectives: ['new', 'small', 'large', 'modern', 'local', 'digital', 'industrial', 'green', 'busy', 'quiet', 'important', 'simple', 'public', 'private', 'careful', 'fast', 'strong', 'useful', 'open', 'young'],
  nouns: ['factory', 'company', 'designer', 'engineer', 'market', 'product', 'report', 'plan', 'building', 'bridge', 'road', 'school', 'hospital', 'park', 'station', 'office', 'team', 'project', 'exhibition', 'conference', 'worker', 'student', 'visitor', 'machine', 'service', 'system', 'network', 'museum', 'library', 'garden'],
  pluralNouns: ['factories', 'companies', 'designers', 'engineers', 'markets', 'products', 'reports', 'plans', 'buildings', 'bridges', 'roads', 'schools', 'parks', 'stations', 'offices', 'teams', 'projects', 'workers', 'students', 'visitors', 'machines', 'services', 'cars', 'phones', 'houses'],
  verbs: ['builds', 'opens', 'supports', 'plans', 'presents', 'shows', 'needs', 'uses', 'develops', 'improves', 'visits', 'designs', 'helps', 'finds', 'makes', 'sells', 'tests', 'describes', 'invites', 'studies'],
  pastVerbs: ['built', 'opened', 'supported', 'planned', 'presented', 'showed', 'needed', 'used', 'developed', 'improved', 'visited', 'designed', 'helped', 'found', 'made', 'sold', 'tested', 'described', 'invited', 'studied'],
  adverbs: ['quickly', 'slowly', 'carefully', 'often', 'usually', 'now', 'again', 'together', 'early', 'later'],
  purposes: ['for the next year', 'for local families', 'for small companies', 'for visitors from other cities', 'for the new market', 'during the summer', 'after the conference', 'before the winter', 'in the evening', 'with great care'],
  topics: ['design', 'industry', 'transport', 'trade', 'education', 'tourism', 'energy', 'housing', 'culture', 'health', 'software', 'manufacturing'],
  codeWords: ['npm ci', 'visit-plan.yaml', 'config.json', 'jialing translate', 'make build', 'README.md', 'GET /api/events', 'port 8080', 'node 20', 'git pull'],
  authors: ['Li Wei', 'Zhang Min', 'Anna Smith', 'Wang Fang', 'David Brown', 'Chen Jing', 'Maria Lopez', 'Liu Yang'],
  sections: ['news', 'guides', 'industry', 'events', 'city'],
} as const;
