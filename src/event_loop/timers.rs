//! Timers (setTimeout/setInterval) and immediates, in Node's order: timers fire by deadline,
//! then by creation order; an interval is re-armed after its callback runs.

use crate::engine::Value;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, VecDeque};
use std::time::{Duration, Instant};

pub struct Timer {
    pub callback: Value,
    pub args: Vec<Value>,
    pub repeat: Option<Duration>,
    /// An unref'd timer fires if the loop is alive anyway but does not keep it alive
    /// (AbortSignal.timeout's timer, like Node's).
    pub unref: bool,
}

#[derive(Default)]
pub struct Timers {
    /// (deadline, sequence, id): the sequence keeps equal deadlines in creation order.
    heap: BinaryHeap<Reverse<(Instant, u64, u64)>>,
    live: HashMap<u64, Timer>,
    next_id: u64,
    seq: u64,
    immediates: VecDeque<(u64, Value, Vec<Value>)>,
    /// The timer whose callback is running, and whether it was cleared meanwhile.
    running: Option<(u64, bool)>,
}

impl Timers {
    pub fn add(&mut self, delay: Duration, timer: Timer) -> u64 {
        self.next_id += 1;
        let id = self.next_id;
        self.arm(id, Instant::now() + delay);
        self.live.insert(id, timer);
        id
    }

    fn arm(&mut self, id: u64, deadline: Instant) {
        self.seq += 1;
        self.heap.push(Reverse((deadline, self.seq, id)));
    }

    pub fn clear(&mut self, id: u64) {
        // The heap entry stays and is skipped when it surfaces.
        self.live.remove(&id);
        if let Some((running, cleared)) = &mut self.running {
            if *running == id {
                *cleared = true;
            }
        }
        self.immediates.retain(|(i, _, _)| *i != id);
    }

    /// Removes and returns the next timer whose deadline has passed.
    pub fn pop_due(&mut self, now: Instant) -> Option<(u64, Timer)> {
        while let Some(Reverse((deadline, _, id))) = self.heap.peek().copied() {
            if !self.live.contains_key(&id) {
                self.heap.pop();
                continue;
            }
            if deadline > now {
                return None;
            }
            self.heap.pop();
            self.running = Some((id, false));
            return self.live.remove(&id).map(|t| (id, t));
        }
        None
    }

    /// Called after a due timer's callback ran: an interval that was not cleared by its
    /// own callback is armed again.
    pub fn finish(&mut self, id: u64, timer: Timer) {
        let cleared = matches!(self.running.take(), Some((r, true)) if r == id);
        if let (Some(every), false) = (timer.repeat, cleared) {
            self.arm(id, Instant::now() + every);
            self.live.insert(id, timer);
        }
    }

    pub fn next_deadline(&mut self) -> Option<Instant> {
        while let Some(Reverse((deadline, _, id))) = self.heap.peek().copied() {
            if self.live.contains_key(&id) {
                return Some(deadline);
            }
            self.heap.pop();
        }
        None
    }

    pub fn add_immediate(&mut self, callback: Value, args: Vec<Value>) -> u64 {
        self.next_id += 1;
        self.immediates.push_back((self.next_id, callback, args));
        self.next_id
    }

    /// How many immediates are queued now: the loop runs that many this turn, so ones
    /// queued meanwhile wait for the next turn (as in Node).
    pub fn immediate_count(&self) -> usize {
        self.immediates.len()
    }

    pub fn pop_immediate(&mut self) -> Option<(Value, Vec<Value>)> {
        self.immediates.pop_front().map(|(_, cb, args)| (cb, args))
    }

    pub fn has_immediates(&self) -> bool {
        !self.immediates.is_empty()
    }

    /// Nothing that keeps the loop alive: no immediates and no ref'd timers.
    pub fn is_idle(&self) -> bool {
        self.immediates.is_empty() && self.live.values().all(|t| t.unref)
    }

    /// Drops every timer (their JS values are freed now, before the context goes).
    pub fn clear_all(&mut self) {
        self.heap.clear();
        self.live.clear();
        self.immediates.clear();
    }
}
