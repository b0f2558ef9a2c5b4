import { writeCorpus } from './write-corpus.ts';
console.log(await writeCorpus(1, Number(process.argv[2])));
