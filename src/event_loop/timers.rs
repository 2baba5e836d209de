//! Timers (setTimeout/setInterval) and immediates, in Node's order: timers fire by deadline,
//! then by creation order; an interval is re-armed after its callback runs.

use crate::engine::Value;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, VecDeque};
use std::time::{Duration, Instant};

pub struct Timer {
    pub callback: Value,
    pub args: Vec<Value>,
    pub delay: Duration,
    pub repeat: bool,
    /// An unref'd timer fires if the loop is alive anyway but does not keep it alive.
    pub unref: bool,
    /// Sequence number of the heap entry that is current for this timer (older entries,
    /// left behind by refresh, are skipped).
    armed: u64,
}

impl Timer {
    pub fn new(callback: Value, args: Vec<Value>, delay: Duration, repeat: bool) -> Timer {
        Timer { callback, args, delay, repeat, unref: false, armed: 0 }
    }
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
    pub fn add(&mut self, mut timer: Timer) -> u64 {
        self.next_id += 1;
        let id = self.next_id;
        timer.armed = self.arm(id, Instant::now() + timer.delay);
        self.live.insert(id, timer);
        id
    }

    fn arm(&mut self, id: u64, deadline: Instant) -> u64 {
        self.seq += 1;
        self.heap.push(Reverse((deadline, self.seq, id)));
        self.seq
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

    /// ref()/unref(): whether the timer keeps the loop alive. False if there is no such timer.
    pub fn set_ref(&mut self, id: u64, keep_alive: bool) -> bool {
        self.live.get_mut(&id).map(|t| t.unref = !keep_alive).is_some()
    }

    pub fn has_ref(&self, id: u64) -> bool {
        self.live.get(&id).is_some_and(|t| !t.unref)
    }

    /// refresh(): restarts the timer's countdown from now.
    pub fn refresh(&mut self, id: u64) {
        let Some(delay) = self.live.get(&id).map(|t| t.delay) else { return };
        let seq = self.arm(id, Instant::now() + delay);
        if let Some(t) = self.live.get_mut(&id) {
            t.armed = seq;
        }
    }

    /// The id of the current heap top if it is a live, current entry.
    fn current_top(&mut self) -> Option<(Instant, u64)> {
        while let Some(Reverse((deadline, seq, id))) = self.heap.peek().copied() {
            if self.live.get(&id).is_some_and(|t| t.armed == seq) {
                return Some((deadline, id));
            }
            self.heap.pop();
        }
        None
    }

    /// Removes and returns the next timer whose deadline has passed.
    pub fn pop_due(&mut self, now: Instant) -> Option<(u64, Timer)> {
        let (deadline, id) = self.current_top()?;
        if deadline > now {
            return None;
        }
        self.heap.pop();
        self.running = Some((id, false));
        self.live.remove(&id).map(|t| (id, t))
    }

    /// Called after a due timer's callback ran: an interval that was not cleared by its
    /// own callback is armed again.
    pub fn finish(&mut self, id: u64, mut timer: Timer) {
        let cleared = matches!(self.running.take(), Some((r, true)) if r == id);
        if timer.repeat && !cleared {
            timer.armed = self.arm(id, Instant::now() + timer.delay);
            self.live.insert(id, timer);
        }
    }

    pub fn next_deadline(&mut self) -> Option<Instant> {
        self.current_top().map(|(d, _)| d)
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
