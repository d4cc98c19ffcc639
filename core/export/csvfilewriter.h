#pragma once

#include "export/csvexport.h"

#include <QString>
#include <QStringList>

namespace te {

/// Writes `exporter`'s file to `path`, safely.
///
/// A regular file (new or existing) is written through QSaveFile: the rows go to a
/// temporary file beside it, renamed over `path` only when everything was written,
/// so a failure or a cancel leaves no partial file and an old file intact.
/// An existing target that is not a regular file (a device such as /dev/full or
/// /dev/stdout, a FIFO) is written directly with QFile, with every write and the
/// final flush checked: QSaveFile would put a temporary file beside the device and
/// rename it over the device node, which a process allowed to write in /dev would do.
///
/// Refuses, writing nothing, a `path` that is one of `protectedInputs` (the loaded
/// files): compared by canonical path (symlinks, "." and ".." resolved) and by
/// device and inode (hard links). False with `error` naming the file and the reason
/// (an input; a directory; a missing directory; permission denied; disk full;
/// "cancelled" when `progress` returned false).
bool writeCsvFile(const QString& path, const CsvExporter& exporter, const QStringList& protectedInputs,
    QString* error, const CsvProgress& progress = {});

/// The input among `inputs` that `path` would overwrite, empty when none.
QString protectedInputFor(const QString& path, const QStringList& inputs);

} // namespace te
