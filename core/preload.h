#pragma once

#include <future>

namespace quantcfg {

/// Starts parsing the built-in data every front end needs first (engine profiles, the config
/// schema, the GPU table, the method catalogue) on another thread and returns at once. A program with other start-up
/// work (the studio creating its application object) overlaps the two; whoever asks for the data
/// first simply waits for the parse to finish (the data lives in function-local statics). Wait on
/// the returned future before the program may call exit(): the thread must not outlive main.
[[nodiscard]] std::future<void> preloadBuiltInData();

} // namespace quantcfg
