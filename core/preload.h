#pragma once

#include <future>

namespace quantcfg {

/// Starts parsing the built-in data every front end needs first (the GPU table, the config schema,
/// the method catalogue, the engine profiles) on another thread and returns at once. A program
/// with other start-up work (the studio connecting to the display and building its window)
/// overlaps the two; whoever asks for a piece of the data first simply waits for its parse to
/// finish (the data lives in function-local statics). Wait on the returned future before the
/// program may call exit(): the thread must not outlive main.
[[nodiscard]] std::future<void> preloadBuiltInData();

} // namespace quantcfg
