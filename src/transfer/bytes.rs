//! `Bytes`: an encoded JS value that may cross threads. It owns its buffer and one
//! reference to every SharedArrayBuffer the encoding points at, so the shared memory stays
//! alive until the receiving runtime has read it (and taken its own references).

use super::sab;

#[derive(Debug, Default)]
pub struct Bytes {
    pub(super) data: ByteBuf,
    /// Held only for their Drop: the shared memory must outlive the bytes in flight.
    #[allow(dead_code)]
    pub(super) sabs: Vec<sab::SabRef>,
}

impl Bytes {
    pub fn len(&self) -> usize {
        self.data.len()
    }

    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    pub fn as_slice(&self) -> &[u8] {
        &self.data
    }
}

/// Encodings up to this many bytes are stored inline: a task's few primitive arguments,
/// a number or a short string result. They cost no allocation, which matters because a
/// buffer is allocated on one thread and freed on another (contending for the allocator).
const INLINE: usize = 46;

/// A byte buffer that keeps short contents inline and spills to the heap when it grows.
#[derive(Debug)]
pub struct ByteBuf(Repr);

#[derive(Debug)]
enum Repr {
    Inline { len: u8, data: [u8; INLINE] },
    Heap(Vec<u8>),
}

impl Default for ByteBuf {
    fn default() -> ByteBuf {
        ByteBuf(Repr::Inline { len: 0, data: [0; INLINE] })
    }
}

impl ByteBuf {
    pub fn new() -> ByteBuf {
        ByteBuf::default()
    }

    /// Room for `n` bytes without reallocating.
    pub fn with_capacity(n: usize) -> ByteBuf {
        if n <= INLINE {
            ByteBuf::new()
        } else {
            ByteBuf(Repr::Heap(Vec::with_capacity(n)))
        }
    }

    #[inline]
    pub fn push(&mut self, b: u8) {
        match &mut self.0 {
            Repr::Inline { len, data } if (*len as usize) < INLINE => {
                data[*len as usize] = b;
                *len += 1;
            }
            _ => self.extend_from_slice(&[b]),
        }
    }

    #[inline]
    pub fn extend_from_slice(&mut self, bytes: &[u8]) {
        match &mut self.0 {
            Repr::Inline { len, data } => {
                let at = *len as usize;
                if at + bytes.len() <= INLINE {
                    data[at..at + bytes.len()].copy_from_slice(bytes);
                    *len += bytes.len() as u8;
                } else {
                    let mut v = Vec::with_capacity((at + bytes.len()).max(2 * INLINE));
                    v.extend_from_slice(&data[..at]);
                    v.extend_from_slice(bytes);
                    self.0 = Repr::Heap(v);
                }
            }
            Repr::Heap(v) => v.extend_from_slice(bytes),
        }
    }

    #[cfg(test)]
    fn is_inline(&self) -> bool {
        matches!(self.0, Repr::Inline { .. })
    }
}

impl From<Vec<u8>> for ByteBuf {
    fn from(v: Vec<u8>) -> ByteBuf {
        ByteBuf(Repr::Heap(v))
    }
}

impl std::ops::Deref for ByteBuf {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match &self.0 {
            Repr::Inline { len, data } => &data[..*len as usize],
            Repr::Heap(v) => v,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_contents_stay_inline() {
        let mut b = ByteBuf::new();
        b.push(1);
        b.extend_from_slice(&[2; INLINE - 1]);
        assert!(b.is_inline());
        assert_eq!(b.len(), INLINE);
        assert_eq!(b[0], 1);
        assert!(b[1..].iter().all(|&x| x == 2));
    }

    #[test]
    fn growing_past_the_inline_size_keeps_every_byte() {
        let mut b = ByteBuf::new();
        let expected: Vec<u8> = (0..200).map(|i| i as u8).collect();
        for chunk in expected.chunks(7) {
            b.extend_from_slice(chunk);
        }
        assert!(!b.is_inline());
        assert_eq!(&*b, &expected[..]);
    }

    #[test]
    fn capacity_decides_the_representation() {
        assert!(ByteBuf::with_capacity(INLINE).is_inline());
        assert!(!ByteBuf::with_capacity(INLINE + 1).is_inline());
        let from_vec = ByteBuf::from(vec![9, 8]);
        assert_eq!(&*from_vec, &[9, 8]);
    }
}
