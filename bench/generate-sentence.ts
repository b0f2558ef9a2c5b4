import { words } from './article-words.ts';
import type { Random } from './random.ts';

/** A sentence of plain English words, without inline markdown. */
export function generatePlainSentence(random: Random): string {
  const { places, organisations, adjectives, nouns, pluralNouns, verbs, pastVerbs, adverbs, purposes, topics } = words;
  const templates: (() => string)[] = [
    () => `${capitalise(random.pick(organisations))} ${random.pick(verbs)} a ${random.pick(adjectives)} ${random.pick(nouns)} in ${random.pick(places)}.`,
    () => `In ${random.int(2015, 2024)}, ${random.pick(organisations)} ${random.pick(pastVerbs)} ${random.int(2, 250)} ${random.pick(pluralNouns)} ${random.pick(purposes)}.`,
    () => `The ${random.pick(adjectives)} ${random.pick(nouns)} ${random.pick(adverbs)} ${random.pick(verbs)} the ${random.pick(pluralNouns)} of ${random.pick(places)}.`,
    () => `Many ${random.pick(pluralNouns)} in ${random.pick(places)} work on ${random.pick(topics)}, and the ${random.pick(nouns)} ${random.pick(verbs)} them ${random.pick(purposes)}.`,
    () => `${capitalise(random.pick(places))} has ${random.int(3, 900)} ${random.pick(adjectives)} ${random.pick(pluralNouns)} and a ${random.pick(adjectives)} ${random.pick(nouns)}.`,
    () => `Visitors can see the ${random.pick(nouns)} of ${random.pick(organisations)} ${random.pick(purposes)}.`,
    () => `This ${random.pick(nouns)} ${random.pick(verbs)} ${random.pick(topics)} in a ${random.pick(adjectives)} way.`,
  ];
  return random.pick(templates)();
}

/** A sentence with inline markdown now and then: emphasis, strong, strikethrough, inline code, a link. */
export function generateSentence(random: Random, linkBase: string): string {
  const parts = generatePlainSentence(random).split(' ');
  if (parts.length < 6 || !random.chance(0.35)) return parts.join(' ');
  const at = random.int(1, parts.length - 3);
  const kind = random.int(0, 5);
  if (kind === 0) parts[at] = `*${parts[at]}*`;
  else if (kind === 1) parts.splice(at, 2, `**${parts[at]} ${parts[at + 1]}**`);
  else if (kind === 2) parts.splice(at, 0, `\`${random.pick(words.codeWords)}\``);
  else if (kind === 3) parts.splice(at, 2, `[${parts[at]} ${parts[at + 1]}](${linkBase}/${random.pick(words.topics)}-${random.int(1, 99)}.html)`);
  else if (kind === 4) parts[at] = `_${parts[at]}_`;
  else parts.splice(at, 0, `~~${random.pick(words.adjectives)}~~`);
  return parts.join(' ');
}

/** A paragraph of several sentences. */
export function generateParagraph(random: Random, linkBase: string, sentences = random.int(2, 6)): string {
  return Array.from({ length: sentences }, () => generateSentence(random, linkBase)).join(' ');
}

function capitalise(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}
