//! Source files mapped into memory with memmap2: the bytes are read by the kernel straight
//! into the page cache and parsed from there, never copied into a growing buffer.

use memmap2::Mmap;
use std::fs::{File, Metadata};
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

enum Bytes {
    /// A mapping whose last page extends past the file's end: the kernel zero-fills that
    /// tail, so the byte after the content is a NUL QuickJS's parser can stop on.
    Mapped(Mmap),
    /// Content followed by one NUL (empty files, sizes that are a multiple of the page
    /// size, and things that cannot be mapped such as pipes).
    Owned(Vec<u8>),
}

pub struct SourceFile {
    bytes: Bytes,
    pub size: u64,
    /// Modification and status-change times in nanoseconds since the epoch (compile-cache
    /// key).
    pub mtime_ns: i64,
    pub ctime_ns: i64,
}

fn page_size() -> usize {
    // SAFETY: sysconf has no preconditions.
    let n = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if n > 0 {
        n as usize
    } else {
        4096
    }
}

impl SourceFile {
    /// Opens and maps `path`. A directory is an error (EISDIR), as reading it would be.
    pub fn open(path: &Path) -> io::Result<SourceFile> {
        let file = File::open(path)?;
        let meta = file.metadata()?;
        if meta.is_dir() {
            return Err(io::Error::from_raw_os_error(libc::EISDIR));
        }
        Self::from_file(file, &meta)
    }

    fn from_file(mut file: File, meta: &Metadata) -> io::Result<SourceFile> {
        let size = meta.len();
        let mtime_ns = meta.mtime().saturating_mul(1_000_000_000).saturating_add(meta.mtime_nsec());
        let ctime_ns = meta.ctime().saturating_mul(1_000_000_000).saturating_add(meta.ctime_nsec());
        let mappable = meta.is_file() && size > 0 && (size as usize) % page_size() != 0;
        let bytes = if mappable {
            // SAFETY: the mapping is read-only. If another process truncates the file while
            // we parse it, reads past the new end fault (SIGBUS): sources are not expected to
            // shrink under a running program, and the compile cache never rewrites a file in
            // place (it renames new files over old ones).
            match unsafe { Mmap::map(&file) } {
                Ok(m) if m.len() as u64 == size => Bytes::Mapped(m),
                _ => Bytes::Owned(read_all(&mut file, size)?),
            }
        } else {
            Bytes::Owned(read_all(&mut file, size)?)
        };
        Ok(SourceFile { bytes, size, mtime_ns, ctime_ns })
    }

    /// The file's content.
    pub fn bytes(&self) -> &[u8] {
        match &self.bytes {
            Bytes::Mapped(m) => m,
            Bytes::Owned(v) => &v[..v.len() - 1],
        }
    }

    /// The content as text (invalid UTF-8 is replaced, as QuickJS's parser would reject it).
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(self.bytes())
    }

    /// A pointer to the content that is followed by a readable NUL byte, and its length,
    /// for `JS_Eval`, which requires `input[input_len] == 0`.
    pub fn nul_terminated(&self) -> (*const u8, usize) {
        match &self.bytes {
            // The byte at m.len() lies inside the mapping's last page (size is not a
            // multiple of the page size) and is zero-filled by the kernel.
            Bytes::Mapped(m) => (m.as_ptr(), m.len()),
            Bytes::Owned(v) => (v.as_ptr(), v.len() - 1),
        }
    }
}

fn read_all(file: &mut File, size_hint: u64) -> io::Result<Vec<u8>> {
    use std::io::Read;
    let mut v = Vec::with_capacity(size_hint as usize + 1);
    file.read_to_end(&mut v)?;
    v.push(0);
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mapped_and_owned_files_end_in_nul() {
        let dir = std::env::temp_dir().join(format!("protojs-source-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for len in [0usize, 1, 100, page_size(), page_size() + 3] {
            let p = dir.join(format!("f{len}.js"));
            std::fs::write(&p, vec![b'x'; len]).unwrap();
            let f = SourceFile::open(&p).unwrap();
            assert_eq!(f.bytes().len(), len);
            let (ptr, n) = f.nul_terminated();
            assert_eq!(n, len);
            // SAFETY: nul_terminated promises a readable byte at ptr + n.
            assert_eq!(unsafe { *ptr.add(n) }, 0);
        }
        assert_eq!(SourceFile::open(&dir).err().and_then(|e| e.raw_os_error()), Some(libc::EISDIR));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
