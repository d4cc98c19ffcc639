#pragma once

#include "load/src/inputreader.h"

namespace te::loader {

/// The reader of CSV inputs: any text that does not start like JSON.
const InputReader& csvInputReader();

} // namespace te::loader
