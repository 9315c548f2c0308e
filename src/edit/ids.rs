//! A hasher for keys made of this program's own small integers (row ids, years, stage codes):
//! the planner looks such keys up several times a row, 100,000 rows an import, and the
//! standard hasher's resistance to crafted keys buys nothing for ids the database handed out.

use std::hash::{BuildHasherDefault, Hasher};

/// Sets and maps keyed by ids.
pub type IdSet<K> = std::collections::HashSet<K, BuildHasherDefault<IdHasher>>;
pub type IdMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<IdHasher>>;

/// Multiply-and-rotate hashing of whole words (the scheme of rustc's own `FxHasher`).
#[derive(Clone, Copy, Debug, Default)]
pub struct IdHasher {
    hash: u64,
}

impl IdHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0_u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u16(&mut self, n: u16) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn different_ids_land_apart_and_equal_ids_together() {
        let mut set = IdSet::default();
        for unit in 0..300_i64 {
            for year in 2000..2030_i16 {
                assert!(set.insert((unit, year)));
            }
        }
        assert_eq!(set.len(), 300 * 30);
        assert!(!set.insert((7_i64, 2021_i16)));
    }
}
