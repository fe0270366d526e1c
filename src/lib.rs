//! briefing: a static site generator for peace-talks briefings.
//!
//! The pipeline, one module per stage: [`read`] → [`parse`] → [`model`] → [`render`]
//! → `write`, driven by `pipeline`; the words they share are in [`vocab`]. Public are
//! only what the binary (`main.rs`), the tests and the fuzz target use.

pub mod cli;
pub mod cmd;
pub mod diagnostic;
mod error;
mod fs;
pub mod model;
pub mod out;
pub mod parse;
mod pipeline;
pub mod read;
pub mod render;
mod scaffold;
mod serve;
mod slug;
mod stopwatch;
mod suggest;
pub mod terminal;
mod theme;
pub mod vocab;
mod write;
