/** Numbers in [0, 1), the sequence fixed by `seed` (mulberry32). */
export function seeded(seed: number): () => number;
