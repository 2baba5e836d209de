//! File-system natives behind `js/fs.js`: every operation is an [`Op`] (plain `Send` data)
//! that runs either right away (`fsSync`) or on the I/O pool (`fsAsync`), whose result is
//! posted back to the event loop's inbox and handed to fs.js's `complete(id, err, value)`.
//! The loop stays alive while an operation is in flight (`host.refs`).
//!
//! Errors have Node's shape: `ENOENT: no such file or directory, open 'x'` with `errno`
//! (negative), `code`, `syscall`, `path` and `dest`.

use crate::engine::{Args, Context, Throw, Value};
use crate::host::Host;
use std::fs;
use std::io::{self, Read, Write};
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// A failed system call, as Node reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FsError {
    pub errno: i32,
    pub syscall: &'static str,
    pub path: Option<String>,
    pub dest: Option<String>,
    /// Node's special form for `rm` on a directory without `recursive`.
    pub rm_is_dir: bool,
}

impl FsError {
    fn new(e: &io::Error, syscall: &'static str, path: Option<&str>) -> FsError {
        FsError {
            errno: e.raw_os_error().unwrap_or(libc::EIO),
            syscall,
            path: path.map(str::to_string),
            dest: None,
            rm_is_dir: false,
        }
    }

    fn with_dest(mut self, dest: &str) -> FsError {
        self.dest = Some(dest.to_string());
        self
    }
}

/// libuv's name and description of an errno (what Node prints).
pub fn errno_name(errno: i32) -> (&'static str, &'static str) {
    match errno {
        libc::EPERM => ("EPERM", "operation not permitted"),
        libc::ENOENT => ("ENOENT", "no such file or directory"),
        libc::EIO => ("EIO", "i/o error"),
        libc::EBADF => ("EBADF", "bad file descriptor"),
        libc::EAGAIN => ("EAGAIN", "resource temporarily unavailable"),
        libc::ENOMEM => ("ENOMEM", "not enough memory"),
        libc::EACCES => ("EACCES", "permission denied"),
        libc::EFAULT => ("EFAULT", "bad address in system call argument"),
        libc::EBUSY => ("EBUSY", "resource busy or locked"),
        libc::EEXIST => ("EEXIST", "file already exists"),
        libc::EXDEV => ("EXDEV", "cross-device link not permitted"),
        libc::ENODEV => ("ENODEV", "no such device"),
        libc::ENOTDIR => ("ENOTDIR", "not a directory"),
        libc::EISDIR => ("EISDIR", "illegal operation on a directory"),
        libc::EINVAL => ("EINVAL", "invalid argument"),
        libc::ENFILE => ("ENFILE", "file table overflow"),
        libc::EMFILE => ("EMFILE", "too many open files"),
        libc::ETXTBSY => ("ETXTBSY", "text file is busy"),
        libc::EFBIG => ("EFBIG", "file too large"),
        libc::ENOSPC => ("ENOSPC", "no space left on device"),
        libc::ESPIPE => ("ESPIPE", "invalid seek"),
        libc::EROFS => ("EROFS", "read-only file system"),
        libc::EMLINK => ("EMLINK", "too many links"),
        libc::EPIPE => ("EPIPE", "broken pipe"),
        libc::ENAMETOOLONG => ("ENAMETOOLONG", "name too long"),
        libc::ENOSYS => ("ENOSYS", "function not implemented"),
        libc::ENOTEMPTY => ("ENOTEMPTY", "directory not empty"),
        libc::ELOOP => ("ELOOP", "too many symbolic links encountered"),
        libc::ENOTSUP => ("ENOTSUP", "operation not supported on socket"),
        libc::ECANCELED => ("ECANCELED", "operation canceled"),
        _ => ("UNKNOWN", "unknown error"),
    }
}

/// Node's error object for `e`.
pub fn error_value(ctx: Context, e: &FsError) -> Result<Value, Throw> {
    if e.rm_is_dir {
        let path = e.path.as_deref().unwrap_or("");
        let err =
            ctx.new_error("Error", &format!("Path is a directory: rm returned EISDIR (is a directory) {path}"))?;
        err.set("code", ctx.new_string("ERR_FS_EISDIR"))?;
        let info = ctx.new_object();
        info.set("code", ctx.new_string("EISDIR"))?;
        info.set("message", ctx.new_string("is a directory"))?;
        info.set("path", ctx.new_string(path))?;
        info.set("syscall", ctx.new_string("rm"))?;
        info.set("errno", ctx.new_i32(libc::EISDIR))?;
        err.set("info", info)?;
        err.set("errno", ctx.new_i32(libc::EISDIR))?;
        err.set("syscall", ctx.new_string("rm"))?;
        err.set("path", ctx.new_string(path))?;
        return Ok(err);
    }
    let (code, desc) = errno_name(e.errno);
    let mut msg = format!("{code}: {desc}, {}", e.syscall);
    if let Some(p) = &e.path {
        msg.push_str(&format!(" '{p}'"));
    }
    if let Some(d) = &e.dest {
        msg.push_str(&format!(" -> '{d}'"));
    }
    let err = ctx.new_error("Error", &msg)?;
    err.set("errno", ctx.new_i32(-e.errno))?;
    err.set("code", ctx.new_string(code))?;
    err.set("syscall", ctx.new_string(e.syscall))?;
    if let Some(p) = &e.path {
        err.set("path", ctx.new_string(p))?;
    }
    if let Some(d) = &e.dest {
        err.set("dest", ctx.new_string(d))?;
    }
    Ok(err)
}

/// Numbers of a `fs.Stats`, in the order js/fs.js reads them.
#[derive(Debug, Clone, Copy, Default)]
pub struct StatData([f64; 14]);

fn stat_data(m: &fs::Metadata) -> StatData {
    let ms = |s: i64, ns: i64| s as f64 * 1000.0 + ns as f64 / 1e6;
    let birth = m
        .created()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or_else(|| ms(m.ctime(), m.ctime_nsec()));
    StatData([
        m.dev() as f64,
        m.mode() as f64,
        m.nlink() as f64,
        m.uid() as f64,
        m.gid() as f64,
        m.rdev() as f64,
        m.blksize() as f64,
        m.ino() as f64,
        m.size() as f64,
        m.blocks() as f64,
        ms(m.atime(), m.atime_nsec()),
        ms(m.mtime(), m.mtime_nsec()),
        ms(m.ctime(), m.ctime_nsec()),
        birth,
    ])
}

/// libuv's dirent types (what Node's Dirent keeps).
fn dirent_type(t: fs::FileType) -> u8 {
    if t.is_file() {
        1
    } else if t.is_dir() {
        2
    } else if t.is_symlink() {
        3
    } else if t.is_fifo() {
        4
    } else if t.is_socket() {
        5
    } else if t.is_char_device() {
        6
    } else if t.is_block_device() {
        7
    } else {
        0
    }
}

/// How `writeFile`/`appendFile` open their file (Node's flag strings).
#[derive(Debug, Clone, Copy)]
pub struct WriteFlags {
    append: bool,
    exclusive: bool,
}

fn parse_write_flag(flag: &str) -> Option<WriteFlags> {
    match flag {
        "w" | "w+" => Some(WriteFlags { append: false, exclusive: false }),
        "wx" | "xw" | "wx+" | "xw+" => Some(WriteFlags { append: false, exclusive: true }),
        "a" | "a+" | "as" | "as+" => Some(WriteFlags { append: true, exclusive: false }),
        "ax" | "xa" | "ax+" | "xa+" => Some(WriteFlags { append: true, exclusive: true }),
        _ => None,
    }
}

/// One file-system operation, with everything it needs (runs on any thread).
#[derive(Debug)]
pub enum Op {
    ReadFile { path: String, text: bool },
    WriteFile { path: String, data: Vec<u8>, flags: WriteFlags, mode: u32 },
    Stat { path: String, lstat: bool, throw_if_missing: bool },
    Exists { path: String },
    Readdir { path: String, with_types: bool, recursive: bool },
    Mkdir { path: String, recursive: bool, mode: u32 },
    Rm { path: String, recursive: bool, force: bool },
    Rmdir { path: String, recursive: bool },
    Unlink { path: String },
    Rename { from: String, to: String },
    CopyFile { from: String, to: String, exclusive: bool },
    Realpath { path: String },
    Access { path: String, mode: i32 },
    Mkdtemp { prefix: String },
    Readlink { path: String },
    Symlink { target: String, path: String },
    Chmod { path: String, mode: u32 },
    Truncate { path: String, len: u64 },
}

/// What an operation produced.
#[derive(Debug)]
pub enum Outcome {
    Undefined,
    Bool(bool),
    Bytes(Vec<u8>),
    Text(String),
    Stat(StatData),
    Names(Vec<String>),
    /// (name, parent directory, dirent type)
    Entries(Vec<(String, String, u8)>),
}

impl Op {
    pub fn run(self) -> Result<Outcome, FsError> {
        match self {
            Op::ReadFile { path, text } => {
                let mut f = fs::File::open(&path).map_err(|e| FsError::new(&e, "open", Some(&path)))?;
                let size = f.metadata().map(|m| m.len() as usize).unwrap_or(0);
                let mut buf = Vec::with_capacity(size);
                f.read_to_end(&mut buf).map_err(|e| FsError::new(&e, "read", None))?;
                Ok(if text {
                    Outcome::Text(
                        String::from_utf8(buf).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
                    )
                } else {
                    Outcome::Bytes(buf)
                })
            }
            Op::WriteFile { path, data, flags, mode } => {
                let mut o = fs::OpenOptions::new();
                o.write(true).mode(mode);
                if flags.append {
                    o.append(true);
                } else {
                    o.truncate(true);
                }
                if flags.exclusive {
                    o.create_new(true);
                } else {
                    o.create(true);
                }
                let mut f = o.open(&path).map_err(|e| FsError::new(&e, "open", Some(&path)))?;
                f.write_all(&data).map_err(|e| FsError::new(&e, "write", None))?;
                Ok(Outcome::Undefined)
            }
            Op::Stat { path, lstat, throw_if_missing } => {
                let r = if lstat { fs::symlink_metadata(&path) } else { fs::metadata(&path) };
                match r {
                    Ok(m) => Ok(Outcome::Stat(stat_data(&m))),
                    Err(e)
                        if !throw_if_missing
                            && matches!(e.raw_os_error(), Some(libc::ENOENT) | Some(libc::ENOTDIR)) =>
                    {
                        Ok(Outcome::Undefined)
                    }
                    Err(e) => Err(FsError::new(&e, if lstat { "lstat" } else { "stat" }, Some(&path))),
                }
            }
            Op::Exists { path } => Ok(Outcome::Bool(fs::metadata(&path).is_ok())),
            Op::Readdir { path, with_types, recursive } => readdir(&path, with_types, recursive),
            Op::Mkdir { path, recursive, mode } => mkdir(&path, recursive, mode),
            Op::Rm { path, recursive, force } => {
                let meta = match fs::symlink_metadata(&path) {
                    Ok(m) => m,
                    Err(e) if force && e.raw_os_error() == Some(libc::ENOENT) => return Ok(Outcome::Undefined),
                    Err(e) => return Err(FsError::new(&e, "lstat", Some(&path))),
                };
                if meta.is_dir() {
                    if !recursive {
                        return Err(FsError {
                            errno: libc::EISDIR,
                            syscall: "rm",
                            path: Some(path),
                            dest: None,
                            rm_is_dir: true,
                        });
                    }
                    remove_tree(Path::new(&path))?;
                } else {
                    fs::remove_file(&path).map_err(|e| FsError::new(&e, "rm", Some(&path)))?;
                }
                Ok(Outcome::Undefined)
            }
            Op::Rmdir { path, recursive } => {
                if recursive {
                    remove_tree(Path::new(&path))?;
                } else {
                    fs::remove_dir(&path).map_err(|e| FsError::new(&e, "rmdir", Some(&path)))?;
                }
                Ok(Outcome::Undefined)
            }
            Op::Unlink { path } => {
                // unlink(2) on a directory is EISDIR on Linux (std maps it the same way).
                fs::remove_file(&path).map_err(|e| FsError::new(&e, "unlink", Some(&path)))?;
                Ok(Outcome::Undefined)
            }
            Op::Rename { from, to } => {
                fs::rename(&from, &to).map_err(|e| FsError::new(&e, "rename", Some(&from)).with_dest(&to))?;
                Ok(Outcome::Undefined)
            }
            Op::CopyFile { from, to, exclusive } => {
                let fail = |e: io::Error| FsError::new(&e, "copyfile", Some(&from)).with_dest(&to);
                let mut src = fs::File::open(&from).map_err(fail)?;
                let meta = src.metadata().map_err(fail)?;
                if meta.is_dir() {
                    return Err(fail(io::Error::from_raw_os_error(libc::EISDIR)));
                }
                let mut o = fs::OpenOptions::new();
                o.write(true).truncate(true).mode(meta.permissions().mode());
                if exclusive {
                    o.create_new(true);
                } else {
                    o.create(true);
                }
                let mut dst = o.open(&to).map_err(fail)?;
                io::copy(&mut src, &mut dst).map_err(fail)?;
                Ok(Outcome::Undefined)
            }
            Op::Realpath { path } => {
                let p = fs::canonicalize(&path).map_err(|e| FsError::new(&e, "realpath", Some(&path)))?;
                Ok(Outcome::Text(p.to_string_lossy().into_owned()))
            }
            Op::Access { path, mode } => {
                let c = std::ffi::CString::new(path.clone()).map_err(|_| FsError {
                    errno: libc::EINVAL,
                    syscall: "access",
                    path: Some(path.clone()),
                    dest: None,
                    rm_is_dir: false,
                })?;
                // SAFETY: c is a valid NUL-terminated path.
                if unsafe { libc::access(c.as_ptr(), mode) } != 0 {
                    return Err(FsError::new(&io::Error::last_os_error(), "access", Some(&path)));
                }
                Ok(Outcome::Undefined)
            }
            Op::Mkdtemp { prefix } => {
                let mut template = format!("{prefix}XXXXXX").into_bytes();
                template.push(0);
                // SAFETY: template is a writable NUL-terminated buffer ending in XXXXXX.
                let r = unsafe { libc::mkdtemp(template.as_mut_ptr() as *mut libc::c_char) };
                if r.is_null() {
                    return Err(FsError::new(&io::Error::last_os_error(), "mkdtemp", Some(&format!("{prefix}XXXXXX"))));
                }
                template.pop();
                Ok(Outcome::Text(String::from_utf8_lossy(&template).into_owned()))
            }
            Op::Readlink { path } => {
                let p = fs::read_link(&path).map_err(|e| FsError::new(&e, "readlink", Some(&path)))?;
                Ok(Outcome::Text(p.to_string_lossy().into_owned()))
            }
            Op::Symlink { target, path } => {
                std::os::unix::fs::symlink(&target, &path)
                    .map_err(|e| FsError::new(&e, "symlink", Some(&target)).with_dest(&path))?;
                Ok(Outcome::Undefined)
            }
            Op::Chmod { path, mode } => {
                fs::set_permissions(&path, fs::Permissions::from_mode(mode))
                    .map_err(|e| FsError::new(&e, "chmod", Some(&path)))?;
                Ok(Outcome::Undefined)
            }
            Op::Truncate { path, len } => {
                let f = fs::OpenOptions::new()
                    .write(true)
                    .open(&path)
                    .map_err(|e| FsError::new(&e, "open", Some(&path)))?;
                f.set_len(len).map_err(|e| FsError::new(&e, "ftruncate", None))?;
                Ok(Outcome::Undefined)
            }
        }
    }
}

fn readdir(path: &str, with_types: bool, recursive: bool) -> Result<Outcome, FsError> {
    let mut entries: Vec<(String, String, u8)> = Vec::new();
    let mut dirs = vec![(PathBuf::from(path), String::new())];
    while let Some((dir, rel)) = dirs.pop() {
        let rd = fs::read_dir(&dir).map_err(|e| FsError::new(&e, "scandir", Some(&dir.to_string_lossy())))?;
        let mut batch = Vec::new();
        for ent in rd {
            let ent = ent.map_err(|e| FsError::new(&e, "scandir", Some(&dir.to_string_lossy())))?;
            let name = ent.file_name().to_string_lossy().into_owned();
            let ty = ent.file_type().map(dirent_type).unwrap_or(0);
            batch.push((name, ty));
        }
        // libuv's scandir sorts by name (strcmp).
        batch.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
        let parent = dir.to_string_lossy().into_owned();
        for (name, ty) in batch {
            let shown = if rel.is_empty() { name.clone() } else { format!("{rel}/{name}") };
            if recursive && ty == 2 {
                dirs.insert(0, (dir.join(&name), shown.clone()));
            }
            entries.push((if with_types { name } else { shown }, parent.clone(), ty));
        }
    }
    Ok(if with_types {
        Outcome::Entries(entries)
    } else {
        Outcome::Names(entries.into_iter().map(|(n, _, _)| n).collect())
    })
}

fn mkdir(path: &str, recursive: bool, mode: u32) -> Result<Outcome, FsError> {
    let mut b = fs::DirBuilder::new();
    b.mode(mode);
    if !recursive {
        b.create(path).map_err(|e| FsError::new(&e, "mkdir", Some(path)))?;
        return Ok(Outcome::Undefined);
    }
    // Node returns the first directory it created (undefined if none).
    let p = Path::new(path);
    let mut first = None;
    let mut missing = Vec::new();
    let mut cur = Some(p);
    while let Some(c) = cur {
        match fs::metadata(c) {
            Ok(m) if m.is_dir() => break,
            Ok(_) => {
                return Err(FsError::new(
                    &io::Error::from_raw_os_error(if c == p { libc::EEXIST } else { libc::ENOTDIR }),
                    "mkdir",
                    Some(path),
                ))
            }
            Err(_) => {
                missing.push(c);
                cur = c.parent().filter(|d| !d.as_os_str().is_empty());
            }
        }
    }
    for dir in missing.iter().rev() {
        match b.create(dir) {
            Ok(()) => {
                if first.is_none() {
                    first = Some(dir.to_string_lossy().into_owned());
                }
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => {}
            Err(e) => return Err(FsError::new(&e, "mkdir", Some(path))),
        }
    }
    Ok(first.map(Outcome::Text).unwrap_or(Outcome::Undefined))
}

fn remove_tree(p: &Path) -> Result<(), FsError> {
    let shown = p.to_string_lossy().into_owned();
    let meta = fs::symlink_metadata(p).map_err(|e| FsError::new(&e, "lstat", Some(&shown)))?;
    if meta.is_dir() {
        for ent in fs::read_dir(p).map_err(|e| FsError::new(&e, "scandir", Some(&shown)))? {
            let ent = ent.map_err(|e| FsError::new(&e, "scandir", Some(&shown)))?;
            remove_tree(&ent.path())?;
        }
        fs::remove_dir(p).map_err(|e| FsError::new(&e, "rmdir", Some(&shown)))
    } else {
        fs::remove_file(p).map_err(|e| FsError::new(&e, "unlink", Some(&shown)))
    }
}

/// Turns the native call `(op, a0, a1, ...)` into an Op (argument `first` is a0).
fn parse_op(ctx: Context, args: &Args, first: usize) -> Result<Op, Throw> {
    let name = args.string(first - 1)?;
    let s = |i: usize| args.string(first + i);
    let b = |i: usize| args.get(first + i).truthy();
    let n = |i: usize| args.f64(first + i);
    Ok(match name.as_str() {
        "readFile" => Op::ReadFile { path: s(0)?, text: b(1) },
        "writeFile" => {
            let data = args.get(first + 1);
            let data = if data.is_string() { data.to_string()?.into_bytes() } else { view_bytes(ctx, &data)? };
            let flag = s(2)?;
            let flags = parse_write_flag(&flag).ok_or_else(|| {
                ctx.throw_type_error(&format!("The value \"{flag}\" is invalid for option \"flags\""))
            })?;
            Op::WriteFile { path: s(0)?, data, flags, mode: n(3)? as u32 }
        }
        "stat" => Op::Stat { path: s(0)?, lstat: b(1), throw_if_missing: b(2) },
        "exists" => Op::Exists { path: s(0)? },
        "readdir" => Op::Readdir { path: s(0)?, with_types: b(1), recursive: b(2) },
        "mkdir" => Op::Mkdir { path: s(0)?, recursive: b(1), mode: n(2)? as u32 },
        "rm" => Op::Rm { path: s(0)?, recursive: b(1), force: b(2) },
        "rmdir" => Op::Rmdir { path: s(0)?, recursive: b(1) },
        "unlink" => Op::Unlink { path: s(0)? },
        "rename" => Op::Rename { from: s(0)?, to: s(1)? },
        "copyFile" => Op::CopyFile { from: s(0)?, to: s(1)?, exclusive: (n(2)? as i32) & 1 != 0 },
        "realpath" => Op::Realpath { path: s(0)? },
        "access" => Op::Access { path: s(0)?, mode: n(1)? as i32 },
        "mkdtemp" => Op::Mkdtemp { prefix: s(0)? },
        "readlink" => Op::Readlink { path: s(0)? },
        "symlink" => Op::Symlink { target: s(0)?, path: s(1)? },
        "chmod" => Op::Chmod { path: s(0)?, mode: n(1)? as u32 },
        "truncate" => Op::Truncate { path: s(0)?, len: n(1)?.max(0.0) as u64 },
        other => return Err(ctx.throw_type_error(&format!("unknown fs operation '{other}'"))),
    })
}

/// A copy of the bytes of a typed array, DataView or ArrayBuffer.
fn view_bytes(ctx: Context, v: &Value) -> Result<Vec<u8>, Throw> {
    use crate::engine::ObjectKind;
    let (buf, off, len) = match v.kind() {
        ObjectKind::ArrayBuffer | ObjectKind::SharedArrayBuffer => (v.clone(), 0, usize::MAX),
        ObjectKind::TypedArray | ObjectKind::DataView => v.typed_array_parts()?,
        _ => {
            return Err(ctx.throw_type_error(
                "The \"data\" argument must be of type string or an instance of Buffer, TypedArray, or DataView",
            ))
        }
    };
    // SAFETY: the slice is copied before any JS runs again.
    let bytes = unsafe { buf.array_buffer_bytes() }.unwrap_or_default();
    let end = if len == usize::MAX { bytes.len() } else { (off + len).min(bytes.len()) };
    Ok(bytes[off.min(end)..end].to_vec())
}

fn outcome_value(ctx: Context, o: Outcome) -> Result<Value, Throw> {
    Ok(match o {
        Outcome::Undefined => Value::undefined(ctx),
        Outcome::Bool(b) => ctx.new_bool(b),
        Outcome::Bytes(b) => ctx.new_array_buffer(&b)?,
        Outcome::Text(s) => ctx.new_string(&s),
        Outcome::Stat(StatData(nums)) => ctx.new_array_from(nums.iter().map(|&x| ctx.new_f64(x)).collect())?,
        Outcome::Names(names) => ctx.new_array_from(names.iter().map(|n| ctx.new_string(n)).collect())?,
        Outcome::Entries(list) => {
            let items = list
                .iter()
                .map(|(name, parent, ty)| {
                    ctx.new_array_from(vec![ctx.new_string(name), ctx.new_string(parent), ctx.new_i32(*ty as i32)])
                })
                .collect::<Result<Vec<_>, _>>()?;
            ctx.new_array_from(items)?
        }
    })
}

/// fsSync(op, ...args): runs now; throws Node's error.
pub fn fs_sync(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    let op = parse_op(ctx, args, 1)?;
    match op.run() {
        Ok(o) => outcome_value(ctx, o),
        Err(e) => Err(ctx.throw(error_value(ctx, &e)?)),
    }
}

/// fsAsync(id, op, ...args): runs on the I/O pool; fs.js's `complete(id, err, value)` is
/// called from the event loop when it is done.
pub fn fs_async(ctx: Context, _this: &Value, args: &Args) -> Result<Value, Throw> {
    let host = Host::get(ctx);
    let id = args.f64(0)?;
    let op = parse_op(ctx, args, 2)?;
    let inbox = host.inbox.clone();
    host.refs.set(host.refs.get() + 1);
    super::io_pool::submit(Box::new(move || {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| op.run())).unwrap_or(Err(FsError {
            errno: libc::EIO,
            syscall: "internal",
            path: None,
            dest: None,
            rm_is_dir: false,
        }));
        inbox.post(Box::new(move |ctx| complete(ctx, id, result)));
    }));
    Ok(Value::undefined(ctx))
}

/// On the loop thread: hands an async result to fs.js.
fn complete(ctx: Context, id: f64, result: Result<Outcome, FsError>) {
    let host = Host::get(ctx);
    host.refs.set(host.refs.get().saturating_sub(1));
    let call = || -> Result<Value, Throw> {
        let (err, value) = match result {
            Ok(o) => (Value::undefined(ctx), outcome_value(ctx, o)?),
            Err(e) => (error_value(ctx, &e)?, Value::undefined(ctx)),
        };
        let complete = host.module(super::builtin_module_name("fs").expect("fs module"))?.get("complete")?;
        complete.call(&Value::undefined(ctx), &[ctx.new_f64(id), err, value])
    };
    if call().is_err() {
        host.report_pending_exception();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(name: &str) -> String {
        let d = std::env::temp_dir().join(format!("protojs-fs-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        d.to_string_lossy().into_owned()
    }

    #[test]
    fn errors_name_the_syscall() {
        let e = Op::ReadFile { path: "/nonexistent/x".into(), text: false }.run().unwrap_err();
        assert_eq!((e.errno, e.syscall, e.path.as_deref()), (libc::ENOENT, "open", Some("/nonexistent/x")));
        let e = Op::ReadFile { path: "/".into(), text: false }.run().unwrap_err();
        assert_eq!((e.errno, e.syscall, e.path), (libc::EISDIR, "read", None));
        let e = Op::Rename { from: "/nonexistent/a".into(), to: "/b".into() }.run().unwrap_err();
        assert_eq!(e.dest.as_deref(), Some("/b"));
        assert_eq!(errno_name(libc::ENOTEMPTY), ("ENOTEMPTY", "directory not empty"));
    }

    #[test]
    fn mkdir_recursive_returns_first_created() {
        let root = tmp("mkdir");
        let deep = format!("{root}/a/b/c");
        match (Op::Mkdir { path: deep.clone(), recursive: true, mode: 0o777 }).run().unwrap() {
            Outcome::Text(first) => assert_eq!(first, root),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            Op::Mkdir { path: deep.clone(), recursive: true, mode: 0o777 }.run().unwrap(),
            Outcome::Undefined
        ));
        let e = Op::Mkdir { path: deep, recursive: false, mode: 0o777 }.run().unwrap_err();
        assert_eq!(e.errno, libc::EEXIST);
        match (Op::Readdir { path: root.clone(), with_types: false, recursive: true }).run().unwrap() {
            Outcome::Names(n) => assert_eq!(n, vec!["a", "a/b", "a/b/c"]),
            other => panic!("{other:?}"),
        }
        let e = Op::Rm { path: root.clone(), recursive: false, force: false }.run().unwrap_err();
        assert!(e.rm_is_dir);
        Op::Rm { path: root.clone(), recursive: true, force: false }.run().unwrap();
        assert!(!Path::new(&root).exists());
        assert!(matches!(Op::Rm { path: root, recursive: true, force: true }.run().unwrap(), Outcome::Undefined));
    }
}
