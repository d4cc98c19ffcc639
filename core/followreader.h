#pragma once

// Internal to the loader: what appendNewLines (declared in timingloader.h) shares
// with loadTimingFiles. Not part of the core's public interface.

#include <QtGlobal>

namespace te::loader {

/// How many of a file's first bytes FileSummary::headSignature keeps.
constexpr qint64 kHeadSignatureBytes = 4096;

} // namespace te::loader
