//! Writing results for people (text, Markdown, HTML) and programs (JSON). Renderers write to
//! any [`std::io::Write`], so tests capture what they print.

pub mod blame;
pub mod commitments;
pub mod diff;
pub mod history;
pub mod html;
pub mod json;
pub mod log;
pub mod markdown;
pub mod palette;
pub mod show;
pub mod text;
pub mod wrap;
