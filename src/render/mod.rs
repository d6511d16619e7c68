//! Writing results for people (text) and programs (JSON). Renderers write to
//! any [`std::io::Write`], so tests capture what they print.

pub mod commitments;
pub mod diff;
pub mod json;
pub mod markdown;
pub mod palette;
pub mod text;
pub mod wrap;
