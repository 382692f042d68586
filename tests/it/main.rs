//! Every integration test, as one test binary (one link instead of one per file), in modules by
//! topic. Each runs the real binary in a temp folder set up by `common::TestEnv`.

mod common;

mod cli;
mod curricula;
mod curriculum_errors;
mod daily;
mod failure;
mod golden;
mod hints;
mod house;
mod i18n;
mod lookup;
mod report;
mod snapshots;
mod store;
mod tables;
mod tui;
mod workflow;
