// A small seeded generator (mulberry32): the same sequence for the same seed everywhere, so a generated workspace,
// a fuzz campaign or a property test can be replayed from its seed. Shared by the scripts and the tests.

/** Numbers in [0, 1), the sequence fixed by `seed`. */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
