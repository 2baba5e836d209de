//! What resolution needs from a `package.json`: `main`, `exports` and `imports`, read with a
//! small JSON parser (no dependency for three fields).

use std::path::{Path, PathBuf};

/// A parsed JSON value; objects keep their key order (conditions are tried in order).
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }
}

/// Parses JSON text; None when it is not valid JSON.
pub fn parse_json(text: &str) -> Option<Json> {
    let mut p = Parser { s: text.as_bytes(), i: 0 };
    let v = p.value(0)?;
    p.ws();
    (p.i == p.s.len()).then_some(v)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn eat(&mut self, lit: &[u8]) -> bool {
        if self.s[self.i..].starts_with(lit) {
            self.i += lit.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        if depth > 128 {
            return None;
        }
        self.ws();
        match *self.s.get(self.i)? {
            b'{' => {
                self.i += 1;
                let mut entries = vec![];
                self.ws();
                if self.eat(b"}") {
                    return Some(Json::Object(entries));
                }
                loop {
                    self.ws();
                    let k = self.string()?;
                    self.ws();
                    if !self.eat(b":") {
                        return None;
                    }
                    let v = self.value(depth + 1)?;
                    entries.push((k, v));
                    self.ws();
                    if self.eat(b",") {
                        continue;
                    }
                    return self.eat(b"}").then_some(Json::Object(entries));
                }
            }
            b'[' => {
                self.i += 1;
                let mut items = vec![];
                self.ws();
                if self.eat(b"]") {
                    return Some(Json::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    if self.eat(b",") {
                        continue;
                    }
                    return self.eat(b"]").then_some(Json::Array(items));
                }
            }
            b'"' => self.string().map(Json::String),
            b't' => self.eat(b"true").then_some(Json::Bool(true)),
            b'f' => self.eat(b"false").then_some(Json::Bool(false)),
            b'n' => self.eat(b"null").then_some(Json::Null),
            _ => {
                let start = self.i;
                while self.i < self.s.len() && matches!(self.s[self.i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                {
                    self.i += 1;
                }
                std::str::from_utf8(&self.s[start..self.i]).ok()?.parse().ok().map(Json::Number)
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let h = std::str::from_utf8(self.s.get(self.i..self.i + 4)?).ok()?;
        self.i += 4;
        u32::from_str_radix(h, 16).ok()
    }

    fn string(&mut self) -> Option<String> {
        if !self.eat(b"\"") {
            return None;
        }
        let mut out = Vec::new();
        loop {
            let c = *self.s.get(self.i)?;
            self.i += 1;
            match c {
                b'"' => return String::from_utf8(out).ok(),
                b'\\' => {
                    let e = *self.s.get(self.i)?;
                    self.i += 1;
                    let ch = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let mut cp = self.hex4()?;
                            if (0xD800..0xDC00).contains(&cp) && self.eat(b"\\u") {
                                let lo = self.hex4()?;
                                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF);
                            }
                            char::from_u32(cp).unwrap_or('\u{FFFD}')
                        }
                        _ => return None,
                    };
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                c if c < 0x20 => return None,
                c => out.push(c),
            }
        }
    }
}

/// The fields of a package.json that resolution uses.
#[derive(Debug, Default)]
pub struct Package {
    pub dir: PathBuf,
    pub main: Option<String>,
    pub exports: Option<Json>,
    pub imports: Option<Json>,
    /// `"type"`: "module" or "commonjs" (how its `.js` files load).
    pub module_type: Option<String>,
}

/// Reads `dir/package.json`; None when absent or not valid JSON (Node throws for invalid
/// JSON; resolution then simply ignores the file).
pub fn read(dir: &Path) -> Option<Package> {
    let text = std::fs::read_to_string(dir.join("package.json")).ok()?;
    let json = parse_json(&text)?;
    Some(Package {
        dir: dir.to_path_buf(),
        main: json.get("main").and_then(Json::as_str).map(str::to_string),
        exports: json.get("exports").cloned(),
        imports: json.get("imports").cloned(),
        module_type: json.get("type").and_then(Json::as_str).map(str::to_string),
    })
}

/// The `"type"` of the nearest package.json at or above `dir` ("module", "commonjs"), as
/// Node decides how a `.js` file loads. Remembered per directory for the process's life,
/// as Node's package scope cache is.
pub fn scope_type(dir: &Path) -> Option<String> {
    thread_local! {
        static TYPES: std::cell::RefCell<std::collections::HashMap<PathBuf, Option<String>>> = Default::default();
    }
    if let Some(known) = TYPES.with(|t| t.borrow().get(dir).cloned()) {
        return known;
    }
    let found = nearest(dir).and_then(|p| p.module_type);
    TYPES.with(|t| t.borrow_mut().insert(dir.to_path_buf(), found.clone()));
    found
}

/// The nearest package.json at or above `dir`.
pub fn nearest(dir: &Path) -> Option<Package> {
    dir.ancestors().filter(|d| !d.ends_with("node_modules")).find_map(read)
}

/// Resolves `subpath` ("." or "./x") through an `exports` (or `imports`, keys "#x") map to a
/// path relative to the package ("./lib/x.js"). None: not exported (or excluded by null).
pub fn resolve_map(map: &Json, subpath: &str, conditions: &[&str]) -> Option<String> {
    let is_conditions =
        |entries: &Vec<(String, Json)>| entries.iter().all(|(k, _)| !k.starts_with('.') && !k.starts_with('#'));
    match map {
        Json::Object(entries) if !is_conditions(entries) => {
            if let Some((_, target)) = entries.iter().find(|(k, _)| k == subpath) {
                return resolve_target(target, None, conditions);
            }
            // "./features/*" patterns: the longest matching prefix wins.
            let mut best: Option<(&str, &str, &Json)> = None;
            for (k, target) in entries {
                let Some(star) = k.find('*') else { continue };
                let (prefix, suffix) = (&k[..star], &k[star + 1..]);
                if subpath.len() >= prefix.len() + suffix.len()
                    && subpath.starts_with(prefix)
                    && subpath.ends_with(suffix)
                {
                    if best.map_or(true, |(p, _, _)| prefix.len() > p.len()) {
                        best = Some((prefix, suffix, target));
                    }
                }
            }
            let (prefix, suffix, target) = best?;
            let matched = &subpath[prefix.len()..subpath.len() - suffix.len()];
            resolve_target(target, Some(matched), conditions)
        }
        // a string, an array or a conditions object stands for { ".": ... }
        _ if subpath == "." => resolve_target(map, None, conditions),
        _ => None,
    }
}

fn resolve_target(target: &Json, star: Option<&str>, conditions: &[&str]) -> Option<String> {
    match target {
        Json::String(s) if s.starts_with("./") => Some(match star {
            Some(m) => s.replace('*', m),
            None => s.clone(),
        }),
        Json::Array(items) => items.iter().find_map(|t| resolve_target(t, star, conditions)),
        Json::Object(entries) => entries
            .iter()
            .filter(|(k, _)| k == "default" || conditions.contains(&k.as_str()))
            .find_map(|(_, t)| resolve_target(t, star, conditions)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_values() {
        let j = parse_json(r#" { "a": [1, -2.5e1, true, false, null], "b": "x\"\u00e9\ud83d\ude00" } "#).unwrap();
        assert_eq!(
            j.get("a"),
            Some(&Json::Array(vec![
                Json::Number(1.0),
                Json::Number(-25.0),
                Json::Bool(true),
                Json::Bool(false),
                Json::Null
            ]))
        );
        assert_eq!(j.get("b").and_then(Json::as_str), Some("x\"é😀"));
        assert!(parse_json("{").is_none());
        assert!(parse_json("{\"a\":1,}").is_none());
        assert!(parse_json("[1] x").is_none());
    }

    #[test]
    fn exports_maps() {
        let c = &["require", "node", "default"];
        let m = parse_json(r#""./main.js""#).unwrap();
        assert_eq!(resolve_map(&m, ".", c).as_deref(), Some("./main.js"));
        assert_eq!(resolve_map(&m, "./x", c), None);
        let m = parse_json(r#"{ "import": "./esm.mjs", "require": "./cjs.js" }"#).unwrap();
        assert_eq!(resolve_map(&m, ".", c).as_deref(), Some("./cjs.js"));
        assert_eq!(resolve_map(&m, ".", &["import", "default"]).as_deref(), Some("./esm.mjs"));
        let m = parse_json(r#"{ ".": { "node": { "require": "./n.js" }, "default": "./d.js" }, "./sub": "./s.js", "./f/*": "./lib/*.js", "./no": null }"#).unwrap();
        assert_eq!(resolve_map(&m, ".", c).as_deref(), Some("./n.js"));
        assert_eq!(resolve_map(&m, ".", &["import"]).as_deref(), Some("./d.js"));
        assert_eq!(resolve_map(&m, "./sub", c).as_deref(), Some("./s.js"));
        assert_eq!(resolve_map(&m, "./f/a/b", c).as_deref(), Some("./lib/a/b.js"));
        assert_eq!(resolve_map(&m, "./no", c), None);
        assert_eq!(resolve_map(&m, "./missing", c), None);
    }
}
