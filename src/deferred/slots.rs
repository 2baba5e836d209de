//! The main thread's table of unsettled Deferreds: a slab indexed by slot number.
//!
//! A task carries its slot and a Deferred keeps it under a private name, so settling and
//! cancelling index a vector instead of hashing. Slots are reused (last freed, first reused),
//! which keeps the table as small as the largest number of Deferreds pending at once; a
//! task id stored beside each entry tells a late completion of a cancelled task from the
//! task that reuses its slot.

/// A task's address in the table: its slot, and the id that makes it unique over time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaskKey {
    pub slot: u32,
    pub id: u64,
}

enum Entry<T> {
    Busy { id: u64, value: T },
    /// Free, with the next free slot (`NONE` ends the list).
    Free(u32),
}

const NONE: u32 = u32::MAX;

/// A table of `T` by `TaskKey`.
pub struct Slots<T> {
    entries: Vec<Entry<T>>,
    free: u32,
    len: usize,
    next_id: u64,
}

impl<T> Default for Slots<T> {
    fn default() -> Slots<T> {
        Slots { entries: Vec::new(), free: NONE, len: 0, next_id: 1 }
    }
}

impl<T> Slots<T> {
    /// Stores `value` under a new key.
    pub fn insert(&mut self, value: T) -> TaskKey {
        let id = self.next_id;
        self.next_id += 1;
        self.len += 1;
        let entry = Entry::Busy { id, value };
        if self.free != NONE {
            let slot = self.free;
            let Entry::Free(next) = std::mem::replace(&mut self.entries[slot as usize], entry) else {
                unreachable!("the free list only links free entries")
            };
            self.free = next;
            return TaskKey { slot, id };
        }
        // NONE is never a valid slot, so a Deferred made with it matches nothing.
        let slot = u32::try_from(self.entries.len()).ok().filter(|&s| s != NONE).expect("too many pending Deferreds");
        self.entries.push(entry);
        TaskKey { slot, id }
    }

    pub fn get(&self, key: TaskKey) -> Option<&T> {
        match self.entries.get(key.slot as usize) {
            Some(Entry::Busy { id, value }) if *id == key.id => Some(value),
            _ => None,
        }
    }

    pub fn get_mut(&mut self, key: TaskKey) -> Option<&mut T> {
        match self.entries.get_mut(key.slot as usize) {
            Some(Entry::Busy { id, value }) if *id == key.id => Some(value),
            _ => None,
        }
    }

    /// The entry in `slot` whatever its id, with its key.
    pub fn at(&self, slot: u32) -> Option<(TaskKey, &T)> {
        match self.entries.get(slot as usize) {
            Some(Entry::Busy { id, value }) => Some((TaskKey { slot, id: *id }, value)),
            _ => None,
        }
    }

    /// Removes and returns the entry of `key`; `None` if it is gone (or the slot was reused).
    pub fn remove(&mut self, key: TaskKey) -> Option<T> {
        self.get(key)?;
        let entry = std::mem::replace(&mut self.entries[key.slot as usize], Entry::Free(self.free));
        self.free = key.slot;
        self.len -= 1;
        if self.len == 0 && self.entries.capacity() > 1024 {
            // A burst drained: give its memory back.
            self.entries = Vec::new();
            self.free = NONE;
        }
        match entry {
            Entry::Busy { value, .. } => Some(value),
            Entry::Free(_) => unreachable!("checked busy above"),
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_get_remove() {
        let mut s = Slots::default();
        let a = s.insert("a");
        let b = s.insert("b");
        assert_ne!(a, b);
        assert_eq!(s.get(a), Some(&"a"));
        assert_eq!(s.len(), 2);
        assert_eq!(s.remove(a), Some("a"));
        assert_eq!(s.remove(a), None);
        assert_eq!(s.get(a), None);
        assert_eq!(s.len(), 1);
        assert_eq!(s.get(b), Some(&"b"));
    }

    #[test]
    fn reused_slot_does_not_answer_for_the_old_key() {
        let mut s = Slots::default();
        let old = s.insert(1);
        s.remove(old);
        let new = s.insert(2);
        assert_eq!(new.slot, old.slot, "last freed slot is reused");
        assert_ne!(new.id, old.id);
        assert_eq!(s.get(old), None);
        assert_eq!(s.remove(old), None, "a late completion of the old task changes nothing");
        assert_eq!(s.get(new), Some(&2));
        assert_eq!(s.at(old.slot).map(|(k, v)| (k, *v)), Some((new, 2)));
    }

    #[test]
    fn free_list_reuses_every_slot_before_growing() {
        let mut s = Slots::default();
        let keys: Vec<_> = (0..100).map(|i| s.insert(i)).collect();
        for k in keys.iter().step_by(2) {
            s.remove(*k);
        }
        let again: Vec<_> = (0..50).map(|i| s.insert(i)).collect();
        let mut slots: Vec<u32> = again.iter().map(|k| k.slot).collect();
        slots.sort();
        assert_eq!(slots, (0..100).step_by(2).collect::<Vec<u32>>());
        assert_eq!(s.len(), 100);
    }

    #[test]
    fn draining_a_large_burst_releases_the_table() {
        let mut s = Slots::default();
        let keys: Vec<_> = (0..5000).map(|i| s.insert(i)).collect();
        for k in keys {
            s.remove(k);
        }
        assert_eq!(s.len(), 0);
        assert_eq!(s.entries.capacity(), 0);
        let k = s.insert(7);
        assert_eq!(k.slot, 0);
        assert_eq!(s.get(k), Some(&7));
    }
}
