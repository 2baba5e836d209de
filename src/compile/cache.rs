//! The on-disk compile cache: bytecode of every script and module file protojs compiled,
//! so the next run maps it instead of parsing the source again.
//!
//! - Where: `$PROTOJS_CACHE_DIR`, else `$XDG_CACHE_HOME/protojs`, else `~/.cache/protojs`.
//!   `PROTOJS_NO_CACHE=1` turns it off.
//! - Key: one entry per source path (file name = FNV-1a hash of the path); the entry's
//!   header records the path, the source's size, mtime and ctime (ns), the QuickJS version
//!   and our format version. Any difference is a miss and the entry is rewritten.
//! - Racy timestamps: file systems stamp times with a coarse clock, so a file rewritten in
//!   the same tick with the same size would look unchanged. An entry is only written when
//!   the source's mtime and ctime are at least [`SETTLE`] old (the idea of git's "racy
//!   git" check), so a later change always gets a later time.
//! - Concurrent writers: entries are written to a temporary file and renamed into place;
//!   readers map whole files that are never modified afterwards. Two processes compiling the
//!   same file both write; the last rename wins, and both entries are valid.
//! - Entries are validated like any `.jsc` file (header + CRC-32) before QuickJS reads them;
//!   an invalid entry is a miss.
//! - Small sources (below [`MIN_SOURCE_BYTES`]) are not cached: parsing them is cheaper
//!   than the extra file operations.

use super::format::{self, Header, Kind};
use crate::engine::{Context, Value};
use memmap2::Mmap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Sources smaller than this are compiled every time.
pub const MIN_SOURCE_BYTES: u64 = 4096;
/// How old a source's timestamps must be before its bytecode is stored.
pub const SETTLE: Duration = Duration::from_secs(1);

/// Identity of a source file version: what an entry must match to be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceStamp {
    pub size: u64,
    pub mtime_ns: i64,
    pub ctime_ns: i64,
}

pub struct Cache {
    dir: PathBuf,
}

/// The process's cache, configured from the environment once.
pub fn get() -> Option<&'static Cache> {
    static CACHE: OnceLock<Option<Cache>> = OnceLock::new();
    CACHE.get_or_init(|| Cache::from_env(&|k| std::env::var_os(k))).as_ref()
}

/// The part of the cache that holds protojs's own builtin JS modules (a subfolder, so user
/// entries and builtin entries never mix).
pub fn builtins() -> Option<&'static Cache> {
    static CACHE: OnceLock<Option<Cache>> = OnceLock::new();
    CACHE.get_or_init(|| get().map(|c| Cache { dir: c.dir.join("builtins") })).as_ref()
}

pub(crate) fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}

impl Cache {
    pub fn from_env(var: &dyn Fn(&str) -> Option<std::ffi::OsString>) -> Option<Cache> {
        let set = |k: &str| var(k).filter(|v| !v.is_empty());
        if set("PROTOJS_NO_CACHE").is_some_and(|v| v != "0") {
            return None;
        }
        let dir = if let Some(d) = set("PROTOJS_CACHE_DIR") {
            PathBuf::from(d)
        } else if let Some(d) = set("XDG_CACHE_HOME") {
            PathBuf::from(d).join("protojs")
        } else {
            PathBuf::from(set("HOME")?).join(".cache").join("protojs")
        };
        Some(Cache { dir })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn entry_path(&self, source: &str) -> PathBuf {
        self.dir.join(format!("{:016x}.jsc", fnv1a64(source.as_bytes())))
    }

    /// Whether a source of this size is worth caching.
    pub fn wants(&self, stamp: &SourceStamp) -> bool {
        stamp.size >= MIN_SOURCE_BYTES
    }

    /// The cached bytecode of `source` if an entry matches its stamp: (kind, compiled value).
    pub fn lookup(&self, ctx: Context, source: &str, stamp: &SourceStamp) -> Option<(Kind, Value)> {
        let file = std::fs::File::open(self.entry_path(source)).ok()?;
        // SAFETY: read-only mapping of a cache entry; entries are only ever replaced by
        // rename, never rewritten in place, so the mapped bytes do not change under us.
        let map = unsafe { Mmap::map(&file) }.ok()?;
        let (header, _) = format::decode_header(&map).ok()?;
        if header.origin != source
            || header.source_size != stamp.size
            || header.source_mtime_ns != stamp.mtime_ns
            || header.source_ctime_ns != stamp.ctime_ns
        {
            return None;
        }
        match super::read_image(ctx, &map) {
            Ok((header, value)) => Some((header.kind, value)),
            Err(super::LoadError::Js(_)) => {
                drop(ctx.take_exception());
                None
            }
            Err(super::LoadError::Format(_)) => None,
        }
    }

    /// Stores the bytecode of `compiled` (not yet evaluated) for `source`. Best effort:
    /// failures (read-only disk, no home) only mean the next run compiles again.
    pub fn store(&self, ctx: Context, source: &str, stamp: &SourceStamp, kind: Kind, compiled: &Value) {
        if !settled(stamp, SystemTime::now()) {
            return;
        }
        let Ok(payload) = super::write_bytecode(ctx, compiled) else {
            drop(ctx.take_exception());
            return;
        };
        let header = Header {
            kind,
            origin: source.to_string(),
            source_size: stamp.size,
            source_mtime_ns: stamp.mtime_ns,
            source_ctime_ns: stamp.ctime_ns,
        };
        let image = format::encode(&header, &payload);
        if !self.dir.is_dir() {
            use std::os::unix::fs::DirBuilderExt;
            let _ = std::fs::DirBuilder::new().recursive(true).mode(0o700).create(&self.dir);
        }
        let _ = super::write_atomic(&self.entry_path(source), &image);
    }
}

/// Whether both timestamps are at least SETTLE before `now`.
fn settled(stamp: &SourceStamp, now: SystemTime) -> bool {
    let now_ns = now.duration_since(UNIX_EPOCH).map(|d| d.as_nanos() as i64).unwrap_or(0);
    let newest = stamp.mtime_ns.max(stamp.ctime_ns);
    now_ns.saturating_sub(newest) >= SETTLE.as_nanos() as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |k| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| OsString::from(v))
    }

    #[test]
    fn location_from_environment() {
        let dir = |pairs: &[(&str, &str)]| Cache::from_env(&env(pairs)).map(|c| c.dir);
        assert_eq!(dir(&[("HOME", "/h")]), Some(PathBuf::from("/h/.cache/protojs")));
        assert_eq!(dir(&[("HOME", "/h"), ("XDG_CACHE_HOME", "/x")]), Some(PathBuf::from("/x/protojs")));
        assert_eq!(dir(&[("HOME", "/h"), ("PROTOJS_CACHE_DIR", "/c")]), Some(PathBuf::from("/c")));
        assert_eq!(dir(&[("PROTOJS_CACHE_DIR", "/c"), ("PROTOJS_NO_CACHE", "1")]), None);
        assert_eq!(dir(&[("PROTOJS_CACHE_DIR", "/c"), ("PROTOJS_NO_CACHE", "0")]), Some(PathBuf::from("/c")));
        assert_eq!(dir(&[]), None);
    }

    #[test]
    fn racy_timestamps_are_not_stored() {
        let now = UNIX_EPOCH + Duration::from_secs(1000);
        let at = |s: f64| (s * 1e9) as i64;
        let stamp = |m: f64, c: f64| SourceStamp { size: 1, mtime_ns: at(m), ctime_ns: at(c) };
        assert!(settled(&stamp(990.0, 990.0), now));
        assert!(!settled(&stamp(999.5, 990.0), now));
        assert!(!settled(&stamp(990.0, 999.5), now));
        assert!(!settled(&stamp(1001.0, 990.0), now));
    }
}
