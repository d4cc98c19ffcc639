#pragma once

#include <QString>
#include <QStringList>

class QMimeData;

namespace te {

/// What a drop on the window opens: its local files, and the PostgreSQL addresses
/// it carries, whether as URLs (`postgresql://…` dragged from a browser or a
/// terminal) or as lines of text. An address with a password is not opened: it is
/// named, without the password, in `refused`, as the Open Database dialog does.
struct DroppedInputs
{
    QStringList inputs; ///< files and normalised database addresses, in drop order
    QStringList refused; ///< one message per address that could not be used

    static DroppedInputs from(const QMimeData& mime);
    /// Whether a drag carries anything from() would open or explain.
    static bool accepts(const QMimeData& mime);
};

} // namespace te
