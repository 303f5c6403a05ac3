/**
 * The event heap keeps its keys in typed arrays that start at 1,024 entries and double
 * (simulator/engine/queue.ts). Pushes and pops interleaved across those growths, with many
 * events due at the same instant, must come out as a stable sort by time gives them.
 */
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { EventQueue, type ScheduledEvent } from '../../simulator/engine/index.js';

test.prop([fc.array(fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constant(-1)),
  { minLength: 2500, maxLength: 5000 })], { numRuns: 25 })(
  'interleaved pushes and pops past the first growths pop in (time, insertion) order',
  (ops) => {
    const q = new EventQueue();
    const pending: ScheduledEvent[] = [];
    let seq = 0;
    const byTimeThenSeq = (a: ScheduledEvent, b: ScheduledEvent): number =>
      a.atMs - b.atMs || a.seq - b.seq;
    // -1 pops; any other value pushes an event at that time. Pushes outnumber pops 31 to 1
    // on average, so the heap passes 1,024 and 2,048 entries.
    for (const op of ops) {
      if (op >= 0) {
        const e = { atMs: op, seq: seq++, action: () => {}, cancelled: false };
        q.push(e);
        pending.push(e);
      } else {
        pending.sort(byTimeThenSeq);
        expect(q.pop()).toBe(pending.shift());
      }
    }
    pending.sort(byTimeThenSeq);
    for (const e of pending) expect(q.pop()).toBe(e);
    expect(q.size).toBe(0);
  },
);
