#pragma once

// Internal to the loader: the readers of every input format (see inputreader.h).

#include "load/src/inputreader.h"

#include <QString>
#include <span>

namespace te::loader {

/// Every reader, in the order they are asked whether they read an input.
std::span<const InputReader* const> inputReaders();

/// The reader whose formatName() is `formatName`; nullptr when there is none.
const InputReader* inputReaderNamed(const QString& formatName);

} // namespace te::loader
