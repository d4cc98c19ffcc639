#pragma once

#include <QLatin1StringView>
#include <QString>
#include <QStringList>
#include <functional>
#include <string_view>

class QIODevice;

namespace te {

/// Writes a whole output to `device`, which is open for writing. False with
/// `reason` saying why when `device` fails, or set to kWriteCancelled when the
/// writer stopped because it was asked to.
using ContentWriter = std::function<bool(QIODevice& device, QString* reason)>;

/// Writes all of `bytes` to `device`: the piece of a ContentWriter for an output
/// already held in memory. False with `reason` set to the device's error otherwise.
bool writeAllBytes(QIODevice& device, std::string_view bytes, QString* reason);

/// The reason a ContentWriter gives when it was cancelled.
inline constexpr QLatin1StringView kWriteCancelled { "cancelled" };

/// The one way every output file (CSV, JSON Lines, charts) is written.
///
/// A regular file (new or existing) is written through QSaveFile: `write` fills a
/// temporary file beside it, renamed over `path` only when everything was written,
/// so a failure or a cancel leaves no partial file and an old file intact.
/// An existing target that is not a regular file (a device such as /dev/full or
/// /dev/stdout, a FIFO) is written directly, with every write and the final flush
/// checked: QSaveFile would put a temporary file beside the device and rename it
/// over the device node, which a process allowed to write in /dev would do.
///
/// Refuses, writing nothing, a `path` that is one of `protectedInputs` (the loaded
/// files; see protectedInputFor). False with `error` (may be null) reading
/// "cannot write PATH: REASON", the reason being one of: it is an input; it is a
/// directory; its directory is missing or not one; the system's (permission
/// denied, no space left on device); cancelled.
bool writeSafely(
    const QString& path, const QStringList& protectedInputs, const ContentWriter& write, QString* error);

/// Writes `write`'s output to the process's standard output, after what stdio
/// already holds, with every write and the final flush checked. False with `error`
/// (may be null) reading "cannot write to standard output: REASON".
bool writeToStandardOutput(const ContentWriter& write, QString* error);

/// The input among `inputs` that `path` would overwrite, empty when none. Compared
/// by canonical path (symlinks, "." and ".." resolved) and by device and inode
/// (hard links), so no spelling of an input gets past it.
QString protectedInputFor(const QString& path, const QStringList& inputs);

} // namespace te
