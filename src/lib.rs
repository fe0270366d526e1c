//! briefing: a static site generator for peace-talks briefings.
//!
//! The pipeline, one module per stage: [`read`] → [`parse`] → [`model`] → [`render`]
//! → [`write`], driven by [`pipeline`]; the words they share are in [`vocab`].

pub mod cli;
pub mod cmd;
pub mod diagnostic;
pub mod error;
pub mod fs;
pub mod model;
pub mod out;
pub mod parse;
pub mod pipeline;
pub mod read;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod slug;
mod stopwatch;
pub mod suggest;
pub mod terminal;
pub mod theme;
pub mod vocab;
pub mod write;
