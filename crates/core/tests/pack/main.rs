//! The pack validator, end to end on packs built in memory (and on the
//! shipped curriculum read from disk).

mod curriculum;
mod documented;
mod errors;
mod fixture;
mod never_panics;
mod valid;
