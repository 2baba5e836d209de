use super::{Context, Throw, Value};
use crate::ffi;

/// One owned reference to an interned property name.
pub struct Atom {
    ctx: Context,
    raw: ffi::JSAtom,
}

impl Atom {
    pub fn new(ctx: Context, name: &str) -> Atom {
        // SAFETY: ctx live; the string is passed with its length (no NUL needed).
        let raw = unsafe { ffi::JS_NewAtomLen(ctx.raw(), name.as_ptr() as *const _, name.len()) };
        Atom { ctx, raw }
    }

    /// Takes ownership of an atom reference returned by the C API.
    ///
    /// # Safety
    /// `raw` must be an atom of ctx's runtime whose reference the caller gives away.
    pub unsafe fn from_raw(ctx: Context, raw: ffi::JSAtom) -> Atom {
        Atom { ctx, raw }
    }

    /// The atom of a property key (a symbol's own atom; a string or number interned).
    pub fn from_value(v: &Value) -> Result<Atom, Throw> {
        let ctx = v.context();
        // SAFETY: ctx live; returns a new atom reference, or JS_ATOM_NULL with an exception.
        let raw = unsafe { ffi::JS_ValueToAtom(ctx.raw(), v.raw()) };
        if raw == ffi::JS_ATOM_NULL {
            return Err(Throw);
        }
        Ok(Atom { ctx, raw })
    }

    pub fn raw(&self) -> ffi::JSAtom {
        self.raw
    }

    pub fn to_string_lossy(&self) -> String {
        let mut len = 0usize;
        // SAFETY: ctx live; the C string is freed right after copying.
        unsafe {
            let p = ffi::JS_AtomToCStringLen(self.ctx.raw(), &mut len, self.raw);
            if p.is_null() {
                drop(self.ctx.take_exception());
                return String::new();
            }
            let s = String::from_utf8_lossy(std::slice::from_raw_parts(p as *const u8, len))
                .into_owned();
            ffi::JS_FreeCString(self.ctx.raw(), p);
            s
        }
    }
}

impl Drop for Atom {
    fn drop(&mut self) {
        // SAFETY: we own one reference to this atom; ctx is live.
        unsafe { ffi::JS_FreeAtom(self.ctx.raw(), self.raw) }
    }
}
