#pragma once

// Internal to the loader: telling from an input's first bytes which reader reads it.

#include "load/src/inputreader.h"

#include <QIODevice>
#include <QString>

namespace te::loader {

/// What an input's first bytes make of it: which reader reads it, or that it is
/// empty, or why no reader does.
struct Sniff
{
    const InputReader* reader = nullptr;
    bool empty = false; ///< nothing but blanks (after a byte order mark): no runs, and no error
    QString problem; ///< set when neither: why no reader reads the input
};

/// Reads the first bytes (at most 64 KiB) of `device`, open at its start, and asks
/// the readers about them in their order (see inputReaders).
Sniff sniffInput(QIODevice& device, const QString& fileName);

} // namespace te::loader
