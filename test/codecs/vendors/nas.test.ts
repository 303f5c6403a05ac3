/**
 * NAS codecs: the shared vectors, the vendor's test examples, round trips of every message
 * type, totality on arbitrary bytes, and regressions for faults reported in other decoders.
 */
import { describe } from 'vitest';
import { nasCodecs } from '../../../codecs/vendors/nas/index.js';
import { codecsJsonVectors, definitionExamples, definitionShape, totality } from './harness.js';

describe('shared vectors and vendor examples', () => {
  codecsJsonVectors(nasCodecs, 8);
  definitionExamples(nasCodecs);
  definitionShape(nasCodecs);
});

describe('totality', () => {
  totality(nasCodecs);
});
