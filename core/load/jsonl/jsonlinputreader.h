#pragma once

#include "load/src/inputreader.h"

namespace te::loader {

/// The reader of JSON Lines inputs: those whose first non-blank byte opens an object.
const InputReader& jsonlInputReader();

} // namespace te::loader
