//! `Bytes`: an encoded JS value that may cross threads. It owns its buffer and one
//! reference to every SharedArrayBuffer the encoding points at, so the shared memory stays
//! alive until the receiving runtime has read it (and taken its own references).

use super::sab;

#[derive(Debug, Default)]
pub struct Bytes {
    pub(super) data: Vec<u8>,
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
