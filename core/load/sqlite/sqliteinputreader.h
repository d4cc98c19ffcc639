#pragma once

#include "load/src/inputreader.h"

namespace te::loader {

/// The reader of SQLite databases: inputs that start with "SQLite format 3" and a NUL.
const InputReader& sqliteInputReader();

} // namespace te::loader
