//! What the benchmarks share: the editions they read.

use std::path::{Path, PathBuf};

/// `rel` under the crate's folder.
pub fn path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

pub const UN: &str = "editions/un-trafficking-in-armed-conflict/2018-11-21_S-2018-1042.txt";
pub const CABF_OLD: &str = "editions/cabf-baseline-requirements/2025-12-16_v2.2.1.txt";
pub const CABF_NEW: &str = "editions/cabf-baseline-requirements/2026-04-01_v2.2.6.txt";
pub const GEN_OLD: &str = "tests/fixtures/generated/old_1000.txt";
pub const GEN_NEW: &str = "tests/fixtures/generated/new_1000.txt";
