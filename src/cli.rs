//! Command-line parsing: `protojs [options] <file> [args...]`.

use std::fmt;

pub const USAGE: &str = "\
Usage: protojs [options] <file> [args...]
       protojs [options] -e CODE | -p CODE
       protojs [options] [-i]
       protojs --check <file>
       protojs compile <file> [-o out.jsc]

Run a JavaScript file (.mjs: ES module; .cjs: script; .js: as the nearest package.json's
\"type\" says, else a module if it uses import/export; .jsc: bytecode written by
`protojs compile`).
With no file, protojs starts an interactive prompt on a terminal, and otherwise reads the
script from standard input (also with `-`).

Options:
  -e, --eval CODE               run CODE
  -p, --print CODE              run CODE and print its value like console.log
  -i, --interactive             start the interactive prompt (the default with no file
                                on a terminal), even if standard input is not a terminal
      --check FILE              check FILE's syntax without running it
      --workers N               Deferred worker threads (default: PROTOJS_WORKERS, else
                                the number of CPUs)
      --worker-memory-limit N   default per-task heap limit for Deferred workers (bytes;
                                suffixes k, m, g allowed)
  -v, --version                 print protojs and QuickJS versions
  -h, --help                    print this help
  --                            end of options
";

#[derive(Debug, PartialEq, Eq, Clone)]
pub enum Input {
    File(String),
    Stdin,
    Eval(String),
    Print(String),
    /// The interactive prompt.
    Repl,
}

#[derive(Debug, PartialEq, Eq, Clone)]
pub enum Command {
    Run { input: Input, args: Vec<String> },
    Check(String),
    /// `compile FILE [-o OUT]`: write FILE's bytecode to OUT (default FILE.jsc).
    Compile { input: String, output: Option<String> },
    Version,
    Help,
}

#[derive(Debug, PartialEq, Eq, Clone)]
pub struct Options {
    pub command: Command,
    pub workers: Option<usize>,
    pub worker_memory_limit: Option<usize>,
}

#[derive(Debug, PartialEq, Eq)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A worker count: an integer >= 1.
pub fn parse_workers(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if (1..=1024).contains(&n) => Ok(n),
        _ => Err(format!("invalid worker count '{s}' (expected an integer from 1 to 1024)")),
    }
}

/// A byte size such as 1048576, 512k, 64m or 1g.
pub fn parse_size(s: &str) -> Result<usize, String> {
    let t = s.trim().to_ascii_lowercase();
    let (num, mul) = match t.chars().last() {
        Some('k') => (&t[..t.len() - 1], 1usize << 10),
        Some('m') => (&t[..t.len() - 1], 1 << 20),
        Some('g') => (&t[..t.len() - 1], 1 << 30),
        _ => (&t[..], 1),
    };
    match num.parse::<usize>() {
        Ok(n) if n > 0 => n.checked_mul(mul).ok_or_else(|| format!("size '{s}' is too large")),
        _ => Err(format!("invalid size '{s}' (expected bytes, e.g. 67108864 or 64m)")),
    }
}

pub fn parse(args: &[String], stdin_is_tty: bool) -> Result<Options, UsageError> {
    let mut workers = None;
    let mut worker_memory_limit = None;
    let mut command = None;
    let mut interactive = false;
    let mut i = 0;
    let value = |i: &mut usize, name: &str| -> Result<String, UsageError> {
        *i += 1;
        args.get(*i).cloned().ok_or_else(|| UsageError(format!("option '{name}' needs a value")))
    };
    while i < args.len() {
        let a = args[i].as_str();
        // --opt=value forms
        let (name, inline) = match a.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (a, None),
        };
        let take = |i: &mut usize| -> Result<String, UsageError> {
            match &inline {
                Some(v) => Ok(v.clone()),
                None => value(i, name),
            }
        };
        match name {
            "-h" | "--help" => return Ok(Options { command: Command::Help, workers, worker_memory_limit }),
            "-v" | "--version" => return Ok(Options { command: Command::Version, workers, worker_memory_limit }),
            "-e" | "--eval" => {
                let code = take(&mut i)?;
                command = Some(Command::Run { input: Input::Eval(code), args: args[i + 1..].to_vec() });
                break;
            }
            "-p" | "--print" => {
                let code = take(&mut i)?;
                command = Some(Command::Run { input: Input::Print(code), args: args[i + 1..].to_vec() });
                break;
            }
            "-i" | "--interactive" => interactive = true,
            "--check" | "-c" => {
                command = Some(Command::Check(take(&mut i)?));
                i += 1;
                continue;
            }
            "--workers" => {
                let v = take(&mut i)?;
                workers = Some(parse_workers(&v).map_err(UsageError)?);
            }
            "--worker-memory-limit" => {
                let v = take(&mut i)?;
                worker_memory_limit = Some(parse_size(&v).map_err(UsageError)?);
            }
            "--" => {
                i += 1;
                if let Some(file) = args.get(i) {
                    let input = if file == "-" { Input::Stdin } else { Input::File(file.clone()) };
                    command = Some(Command::Run { input, args: args[i + 1..].to_vec() });
                }
                break;
            }
            "-" => {
                command = Some(Command::Run { input: Input::Stdin, args: args[i + 1..].to_vec() });
                break;
            }
            s if s.starts_with('-') && s.len() > 1 => {
                return Err(UsageError(format!("unknown option '{s}'")));
            }
            "compile" if command.is_none() => {
                command = Some(parse_compile(&args[i + 1..])?);
                break;
            }
            file => {
                command = Some(Command::Run { input: Input::File(file.to_string()), args: args[i + 1..].to_vec() });
                break;
            }
        }
        i += 1;
    }
    let command = match command {
        Some(_) if interactive => {
            return Err(UsageError("-i starts the prompt; it cannot be combined with a script, -e or -p".into()))
        }
        None if interactive => Command::Run { input: Input::Repl, args: vec![] },
        Some(c) => c,
        None if !stdin_is_tty => Command::Run { input: Input::Stdin, args: vec![] },
        None => Command::Run { input: Input::Repl, args: vec![] },
    };
    Ok(Options { command, workers, worker_memory_limit })
}

/// The arguments after `compile`: one input file and an optional `-o`/`--output` file.
fn parse_compile(args: &[String]) -> Result<Command, UsageError> {
    let (mut input, mut output) = (None, None);
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        if a == "-o" || a == "--output" {
            i += 1;
            output = Some(args.get(i).cloned().ok_or_else(|| UsageError(format!("option '{a}' needs a value")))?);
        } else if let Some(v) = a.strip_prefix("--output=") {
            output = Some(v.to_string());
        } else if a.starts_with('-') && a.len() > 1 {
            return Err(UsageError(format!("unknown compile option '{a}'")));
        } else if input.is_none() {
            input = Some(a.to_string());
        } else {
            return Err(UsageError(format!("compile takes one file (got '{a}' too)")));
        }
        i += 1;
    }
    let input = input.ok_or_else(|| UsageError("compile needs a file".into()))?;
    Ok(Command::Compile { input, output })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Options, UsageError> {
        parse(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>(), true)
    }

    #[test]
    fn file_and_args() {
        let o = p(&["--workers", "3", "a.js", "x", "--y"]).unwrap();
        assert_eq!(o.workers, Some(3));
        assert_eq!(o.command, Command::Run { input: Input::File("a.js".into()), args: vec!["x".into(), "--y".into()] });
    }

    #[test]
    fn eval_print_check() {
        assert_eq!(p(&["-e", "1"]).unwrap().command, Command::Run { input: Input::Eval("1".into()), args: vec![] });
        assert_eq!(p(&["--print=2", "a"]).unwrap().command, Command::Run { input: Input::Print("2".into()), args: vec!["a".into()] });
        assert_eq!(p(&["--check", "f.js"]).unwrap().command, Command::Check("f.js".into()));
    }

    #[test]
    fn errors() {
        assert!(p(&["--bogus"]).is_err());
        assert!(p(&["--workers", "0", "a.js"]).is_err());
        assert!(p(&["--workers", "x", "a.js"]).is_err());
        assert!(p(&["-e"]).is_err());
        assert_eq!(p(&[]).unwrap().command, Command::Run { input: Input::Repl, args: vec![] });
        let o = p(&["-i", "--workers", "3"]).unwrap();
        assert_eq!((o.command, o.workers), (Command::Run { input: Input::Repl, args: vec![] }, Some(3)));
        assert!(p(&["-i", "x.js"]).is_err());
        assert_eq!(parse(&[], false).unwrap().command, Command::Run { input: Input::Stdin, args: vec![] });
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("64m"), Ok(64 << 20));
        assert_eq!(parse_size("1024"), Ok(1024));
        assert!(parse_size("-1").is_err());
        assert!(parse_size("abc").is_err());
    }

    #[test]
    fn compile_command() {
        let c = |a: &[&str]| p(a).map(|o| o.command);
        assert_eq!(c(&["compile", "a.js", "-o", "b.jsc"]), Ok(Command::Compile { input: "a.js".into(), output: Some("b.jsc".into()) }));
        assert_eq!(c(&["compile", "--output=b.jsc", "a.js"]), Ok(Command::Compile { input: "a.js".into(), output: Some("b.jsc".into()) }));
        assert_eq!(c(&["compile", "a.js"]), Ok(Command::Compile { input: "a.js".into(), output: None }));
        assert!(c(&["compile"]).is_err());
        assert!(c(&["compile", "a.js", "-o"]).is_err());
        assert!(c(&["compile", "a.js", "b.js"]).is_err());
        // after `--`, compile is a file name
        assert_eq!(c(&["--", "compile"]), Ok(Command::Run { input: Input::File("compile".into()), args: vec![] }));
    }

    #[test]
    fn dash_dash_and_stdin() {
        assert_eq!(p(&["--", "-weird.js"]).unwrap().command, Command::Run { input: Input::File("-weird.js".into()), args: vec![] });
        assert_eq!(p(&["-", "a"]).unwrap().command, Command::Run { input: Input::Stdin, args: vec!["a".into()] });
    }
}
