import { memoryKey } from '../src/memory/memory-key.ts';
console.log(memoryKey({ sourceText: 'Visit <g1>Chongqing</g1> in <x2/>.', sourceLanguage: 'en', targetLanguage: 'fr', engineProfile: 'deepl', glossaryVersion: 'g1' }));
