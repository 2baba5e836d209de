// The interactive prompt (src/repl.rs feeds it lines read on a thread of its own). Each
// complete input is evaluated as a global script, so declarations persist between inputs
// and top-level `await` works; its value is printed as console.log would, and kept in `_`.
// Inputs that end mid-statement are continued on the next line ("... " prompt). Lines that
// arrive while an input is still being awaited wait their turn.
(function (host) {
  'use strict';
  const { inspect } = host.require('inspect');
  const out = (s) => host.write(1, s);
  const colors = host.require('console').useColors(1); // console.log's rules
  const HELP = [
    '.break    Abandon the input being continued',
    '.exit     Exit the REPL (also Ctrl+C twice; Ctrl+C alone stops a running input)',
    '.help     Print this help',
    '',
    'Press Ctrl+D to exit the REPL',
    '',
  ].join('\n');

  let buffer = ''; // an input continued over several lines
  let count = 0; // inputs evaluated, for their names: REPL1, REPL2, ...
  let busy = false;
  const lines = [];

  function prompt() {
    out(buffer ? '... ' : '> ');
  }

  function start() {
    out(`Welcome to protojs ${host.version} (QuickJS ${host.quickjsVersion}).\nType ".help" for more information.\n`);
    prompt();
  }

  function line(text) {
    interrupted = false;
    lines.push(text);
    if (!busy) drain();
  }

  const END = {}; // queued by close(): the input ended

  async function drain() {
    busy = true;
    try {
      while (lines.length) {
        const text = lines.shift();
        if (text === END) {
          out('\n'); // after the last prompt, as a terminal shows Ctrl+D
          closed = true;
          break;
        }
        try {
          await handle(text);
        } catch (e) {
          report(e); // printing a value threw, say: the prompt must go on
        }
        prompt();
      }
    } finally {
      busy = false;
    }
  }

  // The input's position just past its end, as "line:column" (1-based, like stack traces).
  function endOf(src) {
    const rows = src.split('\n');
    return [rows.length, rows[rows.length - 1].length + 1];
  }

  // A syntax error reported at (or beyond) the end of the input: more lines may complete it.
  function incomplete(e, src, name) {
    // QuickJS says "string" for quoted strings (which cannot span lines) and templates
    if (e.message === 'unexpected end of string') return (src.match(/`/g) || []).length % 2 === 1;
    if (/unexpected end of (comment|input)/.test(e.message)) return true;
    const m = new RegExp(`${name}:(\\d+):(\\d+)`).exec(String(e.stack));
    if (!m) return false;
    const [row, col] = endOf(src.replace(/\s+$/, ''));
    const at = [Number(m[1]), Number(m[2])];
    return at[0] > row || (at[0] === row && at[1] >= col);
  }

  function evaluate(src, name) {
    // `{ a: 1 }` is an object, not a block, as in node's REPL.
    if (/^\s*\{/.test(src) && /\}\s*;?\s*$/.test(src)) {
      try {
        return host.replEval(`(${src.replace(/;\s*$/, '')})`, name);
      } catch (e) {
        if (!(e instanceof SyntaxError)) throw e;
      }
    }
    return host.replEval(src, name);
  }

  function report(e) {
    out(`Uncaught ${show(e)}\n`);
  }

  // inspect() runs user code (getters, proxies): if it throws, say less rather than nothing.
  function show(v) {
    try {
      return inspect(v, { colors });
    } catch {
      try {
        return String(v);
      } catch {
        return '[a value that cannot be shown]';
      }
    }
  }

  async function handle(text) {
    if (!buffer && /^\s*\.\w+\s*$/.test(text)) return command(text.trim());
    if (buffer && text.trim() === '.break') {
      buffer = '';
      return;
    }
    const src = buffer ? `${buffer}\n${text}` : text;
    if (!src.trim()) return;
    const name = `REPL${count + 1}`;
    let result;
    try {
      result = evaluate(src, name);
    } catch (e) {
      if (e instanceof SyntaxError && incomplete(e, src, name)) {
        buffer = src;
        return;
      }
      buffer = '';
      count++;
      report(e);
      return;
    }
    buffer = '';
    count++;
    try {
      // Ctrl+C while the input is awaited (a timer, a Deferred) stops waiting for it.
      const { value } = await new Promise((resolve, reject) => {
        stopWaiting = reject;
        result.then(resolve, reject);
      });
      globalThis._ = value;
      out(`${show(value)}\n`);
    } catch (e) {
      report(e);
    } finally {
      stopWaiting = null;
    }
  }

  function command(cmd) {
    switch (cmd) {
      case '.exit': return host.exit(0);
      case '.help': return out(HELP);
      case '.break': return;
      default: out(`Invalid REPL keyword\n`);
    }
  }

  // Ctrl+C while nothing runs: drop the input being continued, else offer the way out; a
  // second Ctrl+C in a row exits, as in node.
  let interrupted = false;
  let stopWaiting = null; // rejects the wait for the input being awaited
  let closed = false; // the input ended (Ctrl+D) while something still runs
  function sigint() {
    if (stopWaiting) {
      const e = new Error('Script execution was interrupted by `SIGINT`');
      e.code = 'ERR_SCRIPT_EXECUTION_INTERRUPTED';
      e.stack = `Error [${e.code}]: ${e.message}`; // where the prompt noticed is of no use
      stopWaiting(e);
      return; // the prompt comes back when that input's turn ends
    }
    if (closed) return host.exit(130);
    if (buffer) {
      buffer = '';
      interrupted = false;
    } else if (interrupted) {
      out('\n');
      return host.exit(0);
    } else {
      interrupted = true;
      out('\n(To exit, press Ctrl+C again or Ctrl+D or type .exit)');
    }
    out('\n');
    prompt();
  }

  // Ctrl+D: once the inputs before it are done; a line in progress is dropped, as in node.
  function close() {
    line(END);
  }

  return { start, line, close, sigint };
})
