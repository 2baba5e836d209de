//! A small JavaScript tokenizer for two questions asked without parsing a whole file:
//!
//! - [`is_module`]: does a `.js` file use ES module syntax (`import`/`export` statements or
//!   `import.meta`) anywhere at top level? (QuickJS's `JS_DetectModule` looks only at the
//!   first token.)
//! - [`cjs_exports`]: which names does a CommonJS file export (`exports.x = ...`,
//!   `module.exports = { a, b }`, ...)? ES modules that import the file get them as named
//!   exports, like Node's cjs-module-lexer detects them.
//!
//! Strings, comments, template literals and regular expressions are skipped; telling a
//! regular expression from a division uses the previous token, which is right for real code.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tok<'a> {
    Ident(&'a str),
    /// A string literal's contents (escapes kept as written).
    Str(&'a str),
    Punct(u8),
    /// `==`, `=>`, `...` and other multi-character operators that matter only as "not `=`".
    Op,
    /// Numbers, regular expressions, template literals.
    Other,
}

struct Lexer<'a> {
    s: &'a [u8],
    src: &'a str,
    i: usize,
    /// Brace depth at which each open template literal's `${` started.
    templates: Vec<usize>,
    depth: usize,
    prev: Option<Tok<'a>>,
}

const REGEX_AFTER_KEYWORDS: &[&str] = &[
    "return",
    "typeof",
    "case",
    "do",
    "else",
    "in",
    "of",
    "new",
    "delete",
    "void",
    "throw",
    "instanceof",
    "yield",
    "await",
];

fn ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c == b'$' || c >= 0x80
}

fn ident_part(c: u8) -> bool {
    ident_start(c) || c.is_ascii_digit()
}

impl<'a> Lexer<'a> {
    fn new(src: &'a str) -> Lexer<'a> {
        let mut lx = Lexer { s: src.as_bytes(), src, i: 0, templates: vec![], depth: 0, prev: None };
        if src.starts_with("#!") {
            lx.skip_line();
        }
        lx
    }

    fn skip_line(&mut self) {
        while self.i < self.s.len() && self.s[self.i] != b'\n' {
            self.i += 1;
        }
    }

    fn regex_allowed(&self) -> bool {
        match self.prev {
            None => true,
            Some(Tok::Punct(c)) => !matches!(c, b')' | b']'),
            Some(Tok::Op) => true,
            Some(Tok::Ident(w)) => REGEX_AFTER_KEYWORDS.contains(&w),
            Some(Tok::Str(_)) | Some(Tok::Other) => false,
        }
    }

    /// Skips a quoted string starting at the quote; returns its contents.
    fn string(&mut self, q: u8) -> &'a str {
        let start = self.i + 1;
        self.i += 1;
        while self.i < self.s.len() {
            match self.s[self.i] {
                b'\\' => self.i += 2,
                c if c == q => {
                    self.i += 1;
                    return &self.src[start..self.i - 1];
                }
                b'\n' => break,
                _ => self.i += 1,
            }
        }
        &self.src[start..self.i.min(self.s.len())]
    }

    /// Skips template text up to the closing backtick or a `${` (which opens a nesting).
    fn template_text(&mut self) {
        while self.i < self.s.len() {
            match self.s[self.i] {
                b'\\' => self.i += 2,
                b'`' => {
                    self.i += 1;
                    return;
                }
                b'$' if self.s.get(self.i + 1) == Some(&b'{') => {
                    self.i += 2;
                    self.templates.push(self.depth);
                    self.depth += 1;
                    return;
                }
                _ => self.i += 1,
            }
        }
    }

    fn regex(&mut self) {
        self.i += 1;
        let mut in_class = false;
        while self.i < self.s.len() {
            match self.s[self.i] {
                b'\\' => self.i += 1,
                b'[' => in_class = true,
                b']' => in_class = false,
                b'/' if !in_class => {
                    self.i += 1;
                    break;
                }
                b'\n' => break,
                _ => {}
            }
            self.i += 1;
        }
        while self.i < self.s.len() && ident_part(self.s[self.i]) {
            self.i += 1;
        }
    }

    /// The next token and the brace/paren depth *before* it.
    fn next(&mut self) -> Option<(Tok<'a>, usize)> {
        loop {
            let c = *self.s.get(self.i)?;
            let depth = self.depth;
            let tok = match c {
                b' ' | b'\t' | b'\n' | b'\r' => {
                    self.i += 1;
                    continue;
                }
                b'/' if self.s.get(self.i + 1) == Some(&b'/') => {
                    self.skip_line();
                    continue;
                }
                b'/' if self.s.get(self.i + 1) == Some(&b'*') => {
                    self.i = self.src[self.i + 2..].find("*/").map_or(self.s.len(), |p| self.i + 2 + p + 2);
                    continue;
                }
                b'/' if self.regex_allowed() => {
                    self.regex();
                    Tok::Other
                }
                b'\'' | b'"' => Tok::Str(self.string(c)),
                b'`' => {
                    self.i += 1;
                    self.template_text();
                    Tok::Other
                }
                b'{' | b'(' | b'[' => {
                    self.i += 1;
                    self.depth += 1;
                    Tok::Punct(c)
                }
                b'}' | b')' | b']' => {
                    self.i += 1;
                    self.depth = self.depth.saturating_sub(1);
                    if c == b'}' && self.templates.last() == Some(&self.depth) {
                        self.templates.pop();
                        self.template_text();
                        Tok::Other
                    } else {
                        Tok::Punct(c)
                    }
                }
                c if ident_start(c) => {
                    let start = self.i;
                    while self.i < self.s.len() && ident_part(self.s[self.i]) {
                        self.i += 1;
                    }
                    Tok::Ident(&self.src[start..self.i])
                }
                c if c.is_ascii_digit() => {
                    while self.i < self.s.len() && (ident_part(self.s[self.i]) || self.s[self.i] == b'.') {
                        self.i += 1;
                    }
                    Tok::Other
                }
                b'=' | b'.' | b',' | b':' | b';' => {
                    let next = self.s.get(self.i + 1).copied();
                    let multi = match c {
                        b'=' => matches!(next, Some(b'=') | Some(b'>')),
                        b'.' => next == Some(b'.'),
                        _ => false,
                    };
                    if multi {
                        while self.i < self.s.len() && matches!(self.s[self.i], b'=' | b'>' | b'.') {
                            self.i += 1;
                        }
                        Tok::Op
                    } else {
                        self.i += 1;
                        Tok::Punct(c)
                    }
                }
                _ => {
                    // other operators: consume runs like `===`, `+=`, `?.`
                    self.i += 1;
                    while self.i < self.s.len() && matches!(self.s[self.i], b'=' | b'&' | b'|' | b'>' | b'<') {
                        self.i += 1;
                    }
                    Tok::Op
                }
            };
            self.prev = Some(tok);
            return Some((tok, depth));
        }
    }
}

/// Whether `src` has ES module syntax: a top-level `import` declaration or `export`, or
/// `import.meta` anywhere.
pub fn is_module(src: &str) -> bool {
    let mut lx = Lexer::new(src);
    let mut before: Option<Tok> = None;
    let mut pending: Option<(&str, usize)> = None;
    while let Some((tok, depth)) = lx.next() {
        if let Some((word, d)) = pending.take() {
            let module = match (word, tok) {
                ("import", Tok::Punct(b'.')) => {
                    // import.meta (anywhere); import.x is not valid in scripts either
                    true
                }
                ("import", Tok::Punct(b'(')) => false,
                ("import", Tok::Ident(_) | Tok::Str(_) | Tok::Punct(b'{') | Tok::Op) => d == 0,
                ("export", Tok::Ident(_) | Tok::Punct(b'{') | Tok::Op) => d == 0,
                // top-level await (`await x`, `await (...)`, `for await`); `await = 1` or
                // `var await` in a sloppy script are identifiers
                ("await", Tok::Ident(_) | Tok::Str(_) | Tok::Other | Tok::Punct(b'(' | b'[')) => d == 0,
                _ => false,
            };
            if module {
                return true;
            }
        }
        if let Tok::Ident(w @ ("import" | "export" | "await")) = tok {
            // `x.import` is a property name; `{ import: 1 }` needs the next token to tell
            let declared = matches!(before, Some(Tok::Ident("var" | "let" | "const" | "function")));
            if before != Some(Tok::Punct(b'.')) && !declared {
                pending = Some((w, depth));
            }
        }
        before = Some(tok);
    }
    false
}

/// Whether the text contains, as a whole word, a name only the CommonJS machinery can
/// answer (`require`, `module`, `exports`, `__filename`, `__dirname`) or one that could
/// reach it indirectly (`arguments`, `eval`). Comments and strings count too: a false
/// positive only costs loading the machinery. One pass over the bytes.
pub fn mentions_cjs_names(src: &[u8]) -> bool {
    const NAMES: &[&[u8]] = &[b"require", b"module", b"exports", b"__filename", b"__dirname", b"arguments", b"eval"];
    let is_ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c >= 0x80;
    let mut i = 0;
    while i < src.len() {
        let c = src[i];
        if matches!(c, b'r' | b'm' | b'e' | b'_' | b'a') && (i == 0 || !is_ident(src[i - 1])) {
            for name in NAMES {
                if src[i..].starts_with(name) && src.get(i + name.len()).map_or(true, |&n| !is_ident(n)) {
                    return true;
                }
            }
        }
        i += 1;
    }
    false
}

/// Names a CommonJS file visibly exports, in first-seen order (no duplicates, no
/// `default`).
pub fn cjs_exports(src: &str) -> Vec<String> {
    let mut lx = Lexer::new(src);
    let mut toks: Vec<(Tok, usize)> = Vec::new();
    while let Some(t) = lx.next() {
        toks.push(t);
    }
    let mut names: Vec<String> = Vec::new();
    let mut add = |n: &str| {
        if n != "default" && !n.is_empty() && !names.iter().any(|x| x == n) {
            names.push(n.to_string());
        }
    };
    let ident = |i: usize, w: &str| matches!(toks.get(i), Some((Tok::Ident(x), _)) if *x == w);
    let punct = |i: usize, c: u8| matches!(toks.get(i), Some((Tok::Punct(x), _)) if *x == c);
    let mut i = 0;
    while i < toks.len() {
        // `exports` or `module.exports`, not preceded by a dot
        let after_dot = i > 0 && punct(i - 1, b'.');
        let target_end = if ident(i, "exports") && !after_dot {
            Some(i + 1)
        } else if ident(i, "module") && !after_dot && punct(i + 1, b'.') && ident(i + 2, "exports") {
            Some(i + 3)
        } else {
            None
        };
        if let Some(j) = target_end {
            // .name =
            if punct(j, b'.') && punct(j + 2, b'=') {
                if let Some((Tok::Ident(n), _)) = toks.get(j + 1) {
                    add(n);
                }
            }
            // ['name'] =
            if punct(j, b'[') && punct(j + 2, b']') && punct(j + 3, b'=') {
                if let Some((Tok::Str(n), _)) = toks.get(j + 1) {
                    add(n);
                }
            }
            // module.exports = { a, b: 1, c() {}, 'd': 2 }
            if j == i + 3 && punct(j, b'=') && punct(j + 1, b'{') {
                let inner = toks[j + 1].1 + 1;
                let mut k = j + 2;
                let mut expect_key = true;
                while let Some(&(tok, d)) = toks.get(k) {
                    if d < inner {
                        break;
                    }
                    if d == inner {
                        match tok {
                            Tok::Punct(b',') => expect_key = true,
                            Tok::Ident(n) | Tok::Str(n) if expect_key => {
                                if matches!(toks.get(k + 1), Some((Tok::Punct(b',' | b':' | b'(' | b'}'), _))) {
                                    add(n);
                                }
                                expect_key = false;
                            }
                            _ => expect_key = false,
                        }
                    }
                    k += 1;
                }
            }
        }
        // Object.defineProperty(exports, 'name', ...)
        if ident(i, "Object") && punct(i + 1, b'.') && ident(i + 2, "defineProperty") && punct(i + 3, b'(') {
            let (j, ok) = if ident(i + 4, "exports") {
                (i + 5, true)
            } else if ident(i + 4, "module") && punct(i + 5, b'.') && ident(i + 6, "exports") {
                (i + 7, true)
            } else {
                (0, false)
            };
            if ok && punct(j, b',') {
                if let Some((Tok::Str(n), _)) = toks.get(j + 1) {
                    add(n);
                }
            }
        }
        i += 1;
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_module_syntax() {
        assert!(is_module("export {};"));
        assert!(is_module("#!/usr/bin/env x\n// c\n/* b */ export const a = 1;"));
        assert!(is_module("console.log(1);\nexport {};"));
        assert!(is_module("const x = 1;\nimport fs from 'fs';"));
        assert!(is_module("import 'side-effect';"));
        assert!(is_module("import * as ns from './x.js';"));
        assert!(is_module("console.log(import.meta.url)"));
        assert!(is_module("function f() { return import.meta; }"));
        assert!(!is_module("const m = import('./x.mjs');"));
        assert!(!is_module("const s = 'import x from \"y\"; export {}';"));
        assert!(!is_module("// export {}\n/* import x from 'y' */ let a = 1;"));
        assert!(!is_module("const t = `export ${1} import x from 'y'`;"));
        assert!(!is_module("const o = { import: 1, export: 2 }; o.export = 3; o.import();"));
        assert!(!is_module("let r = /export {}/; let q = a / b / c;"));
        assert!(!is_module("function f() { export_x(); }"));
        assert!(!is_module("var await = 1;"));
        assert!(is_module("await null;\nconsole.log(1);"));
        assert!(is_module("const r = await fetchIt();"));
        assert!(is_module("for await (const x of xs) {}"));
        assert!(!is_module("async function f() { await g(); }"));
        assert!(!is_module("var await; await = 2; f(await);"));
    }

    #[test]
    fn cjs_names() {
        assert!(mentions_cjs_names(b"const fs = require('fs');"));
        assert!(mentions_cjs_names(b"module.exports = 1"));
        assert!(mentions_cjs_names(b"x = exports"));
        assert!(mentions_cjs_names(b"console.log(__dirname)"));
        assert!(mentions_cjs_names(b"f(arguments)"));
        assert!(!mentions_cjs_names(b"const required = 1; let modules = [], myexports; evaluate(); argumentsX;"));
        assert!(!mentions_cjs_names(b"console.log('hi')"));
    }

    #[test]
    fn finds_cjs_exports() {
        let src = r#"
            exports.a = 1;
            module.exports.b = function () {};
            exports['c-d'] = 3;
            exports.e == 4;          // comparison, not an export
            x.exports.f = 5;         // someone else's exports
            Object.defineProperty(exports, 'g', { value: 1 });
            exports.a = 2;           // once only
            exports.default = 7;     // default is module.exports itself
        "#;
        assert_eq!(cjs_exports(src), vec!["a", "b", "c-d", "g"]);
        let src = "module.exports = { one, two: 2, three() {}, 'four': [1, 2], five: { six: 6 }, ...rest };";
        assert_eq!(cjs_exports(src), vec!["one", "two", "three", "four", "five"]);
        assert_eq!(cjs_exports("const s = 'exports.no = 1'; // exports.nope = 2"), Vec::<String>::new());
    }
}
