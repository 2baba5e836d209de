//! Where a specifier points: a built-in module or a file. Pure path logic, no JS.
//!
//! - `import` (ES modules): `node:x` and bare built-in names; `file://` URLs; absolute and
//!   relative paths tried as given, then with `.js`, `.mjs`, then `/index.js`; bare names
//!   through `node_modules` (package `exports` with the `import` condition, else `main`).
//! - `require` (CommonJS, Node's algorithm): built-ins first; paths tried as given, then
//!   with `.js`, `.json`, then as a directory (`package.json` `main`, `index.js`,
//!   `index.json`); bare names through `node_modules` directories walking up (package
//!   `exports` with the `require` condition, else `main`).
//! - Both: `#name` through the nearest package.json `imports`.
//!
//! Found files are canonicalised (symlinks resolved), so one file is one module however it
//! is reached.

use super::{builtin, package};
use std::path::{Component, Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Import,
    Require,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolved {
    /// Canonical builtin name, e.g. `fs`.
    Builtin(&'static str),
    File(PathBuf),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResolveError {
    /// A path (or `#import`) that leads to no file.
    NotFound,
    /// A bare name with no package in any node_modules.
    PackageNotFound(String),
    /// `node:x` where x is not a builtin we have.
    UnknownBuiltin(String),
    /// A `file:` URL we cannot turn into a path.
    InvalidUrl,
    /// The package has an `exports` map that does not list this subpath.
    NotExported { subpath: String, package_json: PathBuf },
}

impl ResolveError {
    /// Node's message and code for errors other than a plain miss (None for a miss: the
    /// caller words those, as they differ between import and require).
    pub fn describe(&self) -> Option<(String, &'static str)> {
        match self {
            ResolveError::NotExported { subpath, package_json } => Some((
                if subpath == "." {
                    format!("No \"exports\" main defined in {}", package_json.display())
                } else {
                    format!("Package subpath '{subpath}' is not defined by \"exports\" in {}", package_json.display())
                },
                "ERR_PACKAGE_PATH_NOT_EXPORTED",
            )),
            ResolveError::UnknownBuiltin(name) => {
                Some((format!("No such built-in module: {name}"), "ERR_UNKNOWN_BUILTIN_MODULE"))
            }
            _ => None,
        }
    }
}

impl Mode {
    fn conditions(self) -> &'static [&'static str] {
        match self {
            Mode::Import => &["import", "node", "default"],
            Mode::Require => &["require", "node", "default"],
        }
    }

    fn extensions(self) -> &'static [&'static str] {
        match self {
            Mode::Import => &[".js", ".mjs"],
            Mode::Require => &[".js", ".json"],
        }
    }

    fn index_files(self) -> &'static [&'static str] {
        match self {
            Mode::Import => &["index.js"],
            Mode::Require => &["index.js", "index.json"],
        }
    }
}

fn is_path_specifier(s: &str) -> bool {
    s.starts_with('/') || s.starts_with("./") || s.starts_with("../") || s == "." || s == ".."
}

/// Resolves `specifier` as written in a file of directory `base_dir`.
pub fn resolve(specifier: &str, base_dir: &Path, mode: Mode) -> Result<Resolved, ResolveError> {
    if let Some(rest) = specifier.strip_prefix("node:") {
        return builtin::canonical(rest)
            .map(Resolved::Builtin)
            .ok_or_else(|| ResolveError::UnknownBuiltin(specifier.to_string()));
    }
    if specifier.starts_with("file:") {
        let path = file_url_to_path(specifier).ok_or(ResolveError::InvalidUrl)?;
        return resolve_path(&path, mode).map(Resolved::File).ok_or(ResolveError::NotFound);
    }
    if is_path_specifier(specifier) {
        let path = normalize(&base_dir.join(specifier));
        // require('./dir/') means the directory only
        let found = if specifier.ends_with('/') && mode == Mode::Require {
            load_directory(&path, mode)
        } else {
            resolve_path(&path, mode)
        };
        return found.map(Resolved::File).ok_or(ResolveError::NotFound);
    }
    if let Some(name) = builtin::canonical(specifier) {
        return Ok(Resolved::Builtin(name));
    }
    if specifier.starts_with('#') {
        let pkg = package::nearest(base_dir).ok_or(ResolveError::NotFound)?;
        let target = pkg.imports.as_ref().and_then(|m| package::resolve_map(m, specifier, mode.conditions()));
        let target = target.ok_or(ResolveError::NotFound)?;
        return file_in(&pkg.dir, &target).map(Resolved::File).ok_or(ResolveError::NotFound);
    }
    resolve_package(specifier, base_dir, mode)
}

/// A path tried as a file, with extensions, then as a directory.
fn resolve_path(path: &Path, mode: Mode) -> Option<PathBuf> {
    load_file(path, mode).or_else(|| load_directory(path, mode))
}

fn is_file(p: &Path) -> bool {
    std::fs::metadata(p).map(|m| m.is_file()).unwrap_or(false)
}

fn found(p: PathBuf) -> PathBuf {
    std::fs::canonicalize(&p).unwrap_or(p)
}

fn with_suffix(p: &Path, ext: &str) -> PathBuf {
    let mut s = p.as_os_str().to_os_string();
    s.push(ext);
    PathBuf::from(s)
}

fn load_file(path: &Path, mode: Mode) -> Option<PathBuf> {
    if is_file(path) {
        return Some(found(path.to_path_buf()));
    }
    mode.extensions().iter().map(|ext| with_suffix(path, ext)).find(|p| is_file(p)).map(found)
}

fn load_index(dir: &Path, mode: Mode) -> Option<PathBuf> {
    mode.index_files().iter().map(|f| dir.join(f)).find(|p| is_file(p)).map(found)
}

fn load_directory(dir: &Path, mode: Mode) -> Option<PathBuf> {
    if !dir.is_dir() {
        return None;
    }
    if let Some(main) = package::read(dir).and_then(|p| p.main) {
        let m = normalize(&dir.join(&main));
        if let Some(f) = load_file(&m, mode).or_else(|| load_index(&m, mode)) {
            return Some(f);
        }
    }
    load_index(dir, mode)
}

/// `./x` from an exports/imports map, inside package directory `dir`.
fn file_in(dir: &Path, target: &str) -> Option<PathBuf> {
    let p = normalize(&dir.join(target));
    // a target may not escape its package
    if !p.starts_with(dir) {
        return None;
    }
    is_file(&p).then(|| found(p))
}

/// `name` or `@scope/name`, and the subpath after it ("." or "./rest").
fn split_package(specifier: &str) -> Option<(&str, String)> {
    let mut parts = specifier.splitn(3, '/');
    let first = parts.next()?;
    let (name_len, rest) = if first.starts_with('@') {
        let second = parts.next()?;
        (first.len() + 1 + second.len(), parts.next())
    } else {
        (first.len(), specifier.get(first.len() + 1..))
    };
    let rest = match rest {
        Some(r) if !r.is_empty() => format!("./{r}"),
        _ => ".".to_string(),
    };
    let name = &specifier[..name_len];
    (!name.is_empty() && !name.starts_with('.')).then_some((name, rest))
}

fn resolve_package(specifier: &str, base_dir: &Path, mode: Mode) -> Result<Resolved, ResolveError> {
    let (name, subpath) =
        split_package(specifier).ok_or_else(|| ResolveError::PackageNotFound(specifier.to_string()))?;
    let mut saw_package = false;
    for dir in base_dir.ancestors().filter(|d| !d.ends_with("node_modules")) {
        let pkg_dir = dir.join("node_modules").join(name);
        if !pkg_dir.is_dir() {
            continue;
        }
        saw_package = true;
        let pkg = package::read(&pkg_dir);
        if let Some(exports) = pkg.as_ref().and_then(|p| p.exports.as_ref()) {
            // with "exports", only what it lists is reachable
            return match package::resolve_map(exports, &subpath, mode.conditions()) {
                Some(t) => file_in(&pkg_dir, &t).map(Resolved::File).ok_or(ResolveError::NotFound),
                None => Err(ResolveError::NotExported { subpath, package_json: pkg_dir.join("package.json") }),
            };
        }
        let f = if subpath == "." {
            load_directory(&pkg_dir, mode)
        } else {
            resolve_path(&normalize(&pkg_dir.join(&subpath)), mode)
        };
        if let Some(f) = f {
            return Ok(Resolved::File(f));
        }
    }
    if saw_package {
        Err(ResolveError::NotFound)
    } else {
        Err(ResolveError::PackageNotFound(name.to_string()))
    }
}

/// Removes `.` and resolves `..` lexically (as Node's path.resolve does).
pub fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() && !out.has_root() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// `file:///a/b%20c` -> `/a/b c` (host must be empty or localhost).
pub fn file_url_to_path(url: &str) -> Option<PathBuf> {
    let rest = url.strip_prefix("file://")?;
    let path = rest.strip_prefix("localhost").unwrap_or(rest);
    if !path.starts_with('/') {
        return None;
    }
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            let b = u8::from_str_radix(hex, 16).ok()?;
            if b == b'/' || b == 0 {
                return None;
            }
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    use std::os::unix::ffi::OsStringExt;
    Some(PathBuf::from(std::ffi::OsString::from_vec(out)))
}

/// `/a/b c` -> `file:///a/b%20c` (what import.meta.url holds).
pub fn path_to_file_url(path: &str) -> String {
    let mut url = String::from("file://");
    for &b in path.as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~!$&'()*+,;=:@".contains(&b) {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_names() {
        assert_eq!(split_package("lodash"), Some(("lodash", ".".into())));
        assert_eq!(split_package("lodash/fp/map"), Some(("lodash", "./fp/map".into())));
        assert_eq!(split_package("@s/pkg"), Some(("@s/pkg", ".".into())));
        assert_eq!(split_package("@s/pkg/x.js"), Some(("@s/pkg", "./x.js".into())));
        assert_eq!(split_package("@s"), None);
    }

    #[test]
    fn urls_and_normalize() {
        assert_eq!(file_url_to_path("file:///a/b%20c.js"), Some(PathBuf::from("/a/b c.js")));
        assert_eq!(file_url_to_path("file://localhost/x"), Some(PathBuf::from("/x")));
        assert_eq!(file_url_to_path("file://host/x"), None);
        assert_eq!(file_url_to_path("file:///a%2fb"), None);
        assert_eq!(path_to_file_url("/a/b c/é.mjs"), "file:///a/b%20c/%C3%A9.mjs");
        assert_eq!(normalize(Path::new("/a/./b/../c")), PathBuf::from("/a/c"));
        assert_eq!(normalize(Path::new("/../x")), PathBuf::from("/x"));
    }

    #[test]
    fn builtins() {
        let d = Path::new("/");
        assert_eq!(resolve("fs", d, Mode::Require), Ok(Resolved::Builtin("fs")));
        assert_eq!(resolve("node:fs/promises", d, Mode::Import), Ok(Resolved::Builtin("fs/promises")));
        assert_eq!(resolve("node:nope", d, Mode::Import), Err(ResolveError::UnknownBuiltin("node:nope".into())));
        assert_eq!(
            resolve("surely-not-installed-pkg", d, Mode::Require),
            Err(ResolveError::PackageNotFound("surely-not-installed-pkg".into()))
        );
    }
}
