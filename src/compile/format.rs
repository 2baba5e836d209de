//! The `.jsc` container: a header of ours in front of QuickJS bytecode.
//!
//! QuickJS's bytecode reader trusts its input (a corrupt buffer can crash it), so nothing is
//! handed to `JS_ReadObject` unless the header and both checksums match. The checksums catch
//! truncation, bit rot and files from another engine build; they are not a signature: a
//! `.jsc` file is a program, and running one means trusting whoever wrote it.
//!
//! Layout (integers little-endian):
//!
//! | offset | size | field                                                        |
//! |-------:|-----:|--------------------------------------------------------------|
//! |      0 |    8 | magic `"PJSBC\r\n\x1a"` (catches text-mode mangling)          |
//! |      8 |    2 | format version ([`FORMAT_VERSION`])                          |
//! |     10 |    1 | kind: 1 script, 2 ES module, 3 CommonJS wrapper              |
//! |     11 |    1 | byte order of the bytecode: 1 little-endian, 2 big-endian    |
//! |     12 |    4 | header length `H` (fixed part + origin path)                 |
//! |     16 |   16 | QuickJS version, ASCII, NUL-padded                           |
//! |     32 |    8 | payload length                                               |
//! |     40 |    8 | source size in bytes (compile cache key; 0 for `compile`)    |
//! |     48 |    8 | source mtime in ns since the epoch (cache key; 0 otherwise)  |
//! |     56 |    8 | source ctime in ns since the epoch (cache key; 0 otherwise)  |
//! |     64 |    4 | CRC-32 of the payload                                        |
//! |     68 |    2 | origin path length `n`                                       |
//! |     70 |    n | origin path: the source file's absolute path (UTF-8)         |
//! | 70 + n |    4 | CRC-32 of bytes `0 .. 70 + n`                                |
//! |      H |    … | payload: `JS_WriteObject(.., JS_WRITE_OBJ_BYTECODE)`         |

use std::fmt;

pub const MAGIC: &[u8; 8] = b"PJSBC\r\n\x1a";
/// Bump when the header or the meaning of a kind (e.g. the CommonJS wrapper's parameters)
/// changes: older files are then refused instead of misread.
pub const FORMAT_VERSION: u16 = 1;
/// The QuickJS release compiled into this binary; bytecode is only valid for the same one.
pub const ENGINE_VERSION: &str = env!("PROTOJS_QUICKJS_VERSION");

const FIXED_LEN: usize = 70;
const MAX_ORIGIN_LEN: usize = 4096;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A classic global script (not used for files today; kept for `-e`-like payloads).
    Script = 1,
    /// An ES module.
    Module = 2,
    /// A CommonJS file compiled inside the Node wrapper function (see `modules::cjs`).
    CommonJs = 3,
}

impl Kind {
    fn from_u8(b: u8) -> Option<Kind> {
        match b {
            1 => Some(Kind::Script),
            2 => Some(Kind::Module),
            3 => Some(Kind::CommonJs),
            _ => None,
        }
    }
}

/// What the header says besides the payload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub kind: Kind,
    /// Absolute path of the source the payload was compiled from (its module / script name).
    pub origin: String,
    pub source_size: u64,
    pub source_mtime_ns: i64,
    pub source_ctime_ns: i64,
}

/// Why a file was refused. Every variant means "not read": the payload was never parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    NotBytecode,
    Truncated { expected: u64, actual: u64 },
    UnsupportedFormat(u16),
    OtherEngine(String),
    WrongByteOrder,
    BadHeader,
    ChecksumMismatch,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::NotBytecode => write!(f, "not a protojs bytecode file (bad magic number)"),
            FormatError::Truncated { expected, actual } => {
                write!(f, "truncated or padded file ({actual} bytes, the header announces {expected})")
            }
            FormatError::UnsupportedFormat(v) => {
                write!(f, "bytecode format version {v} is not supported (this protojs reads version {FORMAT_VERSION}); recompile it")
            }
            FormatError::OtherEngine(v) => {
                write!(f, "compiled for QuickJS {v}, this protojs runs QuickJS {ENGINE_VERSION}; recompile it")
            }
            FormatError::WrongByteOrder => write!(f, "compiled on a machine of the other byte order; recompile it"),
            FormatError::BadHeader => write!(f, "corrupt header (checksum mismatch)"),
            FormatError::ChecksumMismatch => write!(f, "corrupt bytecode (checksum mismatch)"),
        }
    }
}

impl std::error::Error for FormatError {}

fn native_order() -> u8 {
    if cfg!(target_endian = "little") {
        1
    } else {
        2
    }
}

/// Builds a whole file: header followed by `payload`.
pub fn encode(header: &Header, payload: &[u8]) -> Vec<u8> {
    let origin = header.origin.as_bytes();
    let origin = &origin[..origin.len().min(MAX_ORIGIN_LEN)];
    let header_len = FIXED_LEN + origin.len() + 4;
    let mut out = Vec::with_capacity(header_len + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.push(header.kind as u8);
    out.push(native_order());
    out.extend_from_slice(&(header_len as u32).to_le_bytes());
    let mut version = [0u8; 16];
    let v = ENGINE_VERSION.as_bytes();
    version[..v.len().min(16)].copy_from_slice(&v[..v.len().min(16)]);
    out.extend_from_slice(&version);
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&header.source_size.to_le_bytes());
    out.extend_from_slice(&header.source_mtime_ns.to_le_bytes());
    out.extend_from_slice(&header.source_ctime_ns.to_le_bytes());
    out.extend_from_slice(&crc32(payload).to_le_bytes());
    out.extend_from_slice(&(origin.len() as u16).to_le_bytes());
    out.extend_from_slice(origin);
    let header_crc = crc32(&out);
    out.extend_from_slice(&header_crc.to_le_bytes());
    debug_assert_eq!(out.len(), header_len);
    out.extend_from_slice(payload);
    out
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}
fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}
fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().unwrap())
}

/// Reads only the header (the payload is not checked): what a cache lookup needs to decide
/// whether an entry is current before paying for the payload checksum.
pub fn decode_header(file: &[u8]) -> Result<(Header, usize), FormatError> {
    if file.len() < MAGIC.len() || &file[..MAGIC.len()] != MAGIC {
        return Err(FormatError::NotBytecode);
    }
    if file.len() < FIXED_LEN + 4 {
        return Err(FormatError::Truncated { expected: (FIXED_LEN + 4) as u64, actual: file.len() as u64 });
    }
    let version = u16_at(file, 8);
    if version != FORMAT_VERSION {
        return Err(FormatError::UnsupportedFormat(version));
    }
    let header_len = u32_at(file, 12) as usize;
    let origin_len = u16_at(file, 68) as usize;
    if origin_len > MAX_ORIGIN_LEN || header_len != FIXED_LEN + origin_len + 4 {
        return Err(FormatError::BadHeader);
    }
    if file.len() < header_len {
        return Err(FormatError::Truncated { expected: header_len as u64, actual: file.len() as u64 });
    }
    let crc_at = header_len - 4;
    if crc32(&file[..crc_at]) != u32_at(file, crc_at) {
        return Err(FormatError::BadHeader);
    }
    let engine = &file[16..32];
    let engine = String::from_utf8_lossy(&engine[..engine.iter().position(|&b| b == 0).unwrap_or(16)]).into_owned();
    if engine != ENGINE_VERSION {
        return Err(FormatError::OtherEngine(engine));
    }
    if file[11] != native_order() {
        return Err(FormatError::WrongByteOrder);
    }
    let kind = Kind::from_u8(file[10]).ok_or(FormatError::BadHeader)?;
    let payload_len = u64_at(file, 32);
    let expected = header_len as u64 + payload_len;
    if file.len() as u64 != expected {
        return Err(FormatError::Truncated { expected, actual: file.len() as u64 });
    }
    let origin = std::str::from_utf8(&file[FIXED_LEN..FIXED_LEN + origin_len]).map_err(|_| FormatError::BadHeader)?;
    let header = Header {
        kind,
        origin: origin.to_string(),
        source_size: u64_at(file, 40),
        source_mtime_ns: u64_at(file, 48) as i64,
        source_ctime_ns: u64_at(file, 56) as i64,
    };
    Ok((header, header_len))
}

/// Validates a whole file; on success returns the header and the payload, which is then
/// safe to hand to `JS_ReadObject` (it is exactly what this engine build wrote).
pub fn decode(file: &[u8]) -> Result<(Header, &[u8]), FormatError> {
    let (header, header_len) = decode_header(file)?;
    let payload = &file[header_len..];
    if crc32(payload) != u32_at(file, 64) {
        return Err(FormatError::ChecksumMismatch);
    }
    Ok((header, payload))
}

/// CRC-32 (IEEE 802.3, the zlib/PNG one), slicing-by-8: about 1.5 bytes per cycle, so a
/// megabyte of bytecode costs well under a millisecond to check.
pub fn crc32(data: &[u8]) -> u32 {
    let t = &CRC_TABLES;
    let mut crc = !0u32;
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let lo = crc ^ u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
        let hi = u32::from_le_bytes([c[4], c[5], c[6], c[7]]);
        crc = t[7][(lo & 0xff) as usize]
            ^ t[6][((lo >> 8) & 0xff) as usize]
            ^ t[5][((lo >> 16) & 0xff) as usize]
            ^ t[4][(lo >> 24) as usize]
            ^ t[3][(hi & 0xff) as usize]
            ^ t[2][((hi >> 8) & 0xff) as usize]
            ^ t[1][((hi >> 16) & 0xff) as usize]
            ^ t[0][(hi >> 24) as usize];
    }
    for &b in chunks.remainder() {
        crc = t[0][((crc ^ b as u32) & 0xff) as usize] ^ (crc >> 8);
    }
    !crc
}

static CRC_TABLES: [[u32; 256]; 8] = crc_tables();

const fn crc_tables() -> [[u32; 256]; 8] {
    let mut t = [[0u32; 256]; 8];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        t[0][i] = c;
        i += 1;
    }
    let mut i = 0;
    while i < 256 {
        let mut s = 1;
        while s < 8 {
            let prev = t[s - 1][i];
            t[s][i] = (prev >> 8) ^ t[0][(prev & 0xff) as usize];
            s += 1;
        }
        i += 1;
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> (Header, Vec<u8>) {
        let h = Header {
            kind: Kind::Module,
            origin: "/x/app.mjs".into(),
            source_size: 12,
            source_mtime_ns: -5,
            source_ctime_ns: 7,
        };
        (h.clone(), encode(&h, b"bytecode bytes here"))
    }

    #[test]
    fn crc32_known_vectors() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b"The quick brown fox jumps over the lazy dog"), 0x414F_A339);
        // slicing and the byte-wise tail agree at every length
        let data: Vec<u8> = (0..100u32).map(|i| (i * 7 + 3) as u8).collect();
        for n in 0..data.len() {
            let bytewise =
                data[..n].iter().fold(!0u32, |c, &b| CRC_TABLES[0][((c ^ b as u32) & 0xff) as usize] ^ (c >> 8));
            assert_eq!(crc32(&data[..n]), !bytewise);
        }
    }

    #[test]
    fn round_trip() {
        let (h, file) = sample();
        let (h2, payload) = decode(&file).unwrap();
        assert_eq!(h, h2);
        assert_eq!(payload, b"bytecode bytes here");
    }

    #[test]
    fn every_truncation_is_refused() {
        let (_, file) = sample();
        for n in 0..file.len() {
            assert!(decode(&file[..n]).is_err(), "accepted a file cut at {n}");
        }
        let mut longer = file.clone();
        longer.push(0);
        assert!(matches!(decode(&longer), Err(FormatError::Truncated { .. })));
    }

    #[test]
    fn every_bit_flip_is_refused() {
        let (_, file) = sample();
        for i in 0..file.len() * 8 {
            let mut f = file.clone();
            f[i / 8] ^= 1 << (i % 8);
            assert!(decode(&f).is_err(), "accepted a flip of bit {i}");
        }
    }

    #[test]
    fn other_engine_and_format() {
        let (_, mut file) = sample();
        file[8] = 9;
        assert_eq!(decode(&file), Err(FormatError::UnsupportedFormat(9)));
        let (_, mut file) = sample();
        file[16] = b'1';
        // the header checksum catches the edit first; rewrite it to reach the version check
        let hl = u32_at(&file, 12) as usize;
        let crc = crc32(&file[..hl - 4]);
        file[hl - 4..hl].copy_from_slice(&crc.to_le_bytes());
        assert!(matches!(decode(&file), Err(FormatError::OtherEngine(_))));
        assert_eq!(decode(b"console.log(1)"), Err(FormatError::NotBytecode));
    }
}
